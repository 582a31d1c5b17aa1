//! Reading JSON into a type, always through one reader: text.
//!
//! `serde_json` compiles a type's decoder once per kind of input — text
//! (`from_str`), bytes (`from_slice`) and an untyped [`Value`]
//! (`from_value`) — so a type read in all three ways is three decoders in
//! the wasm. The stores read text; [`from_value`] and [`from_bytes`] go
//! through text too, so each stored type has one decoder in a bundle (the
//! extra pass costs little: these are an import, a sealed vault, an old
//! record's field). Writing is the same: [`to_value`] writes text and
//! reads it back, so a type has one encoder, the one the stores write with.
//!
//! ```
//! use qujat::engine::json;
//! use qujat::engine::service::ServiceId;
//!
//! let v = serde_json::json!("S2");
//! assert_eq!(json::from_value::<ServiceId>(&v).unwrap(), ServiceId::S2);
//! assert_eq!(json::from_bytes::<ServiceId>(b"\"S3\"").unwrap(), ServiceId::S3);
//! assert!(json::from_bytes::<ServiceId>(b"\"S9\"").is_err());
//! assert!(json::from_bytes::<ServiceId>(&[0xff, b'"']).is_err());
//! ```

use serde::de::DeserializeOwned;
use serde_json::Value;

/// `value` as a `T`, read from its text.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// `bytes` (UTF-8 JSON) as a `T`, read as text; bytes that are not UTF-8
/// are an error, as `serde_json::from_slice` would find.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => Err(serde::de::Error::custom("the JSON is not UTF-8")),
    }
}

/// `value` as an untyped [`Value`], through its text.
pub fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(value)?)
}

/// Dates in JSON without chrono's general parser.
///
/// chrono reads a date or an instant from text through its general format
/// parser (every field, RFC 2822, week dates…), about 10 KB of a wasm.
/// The dates the app stores and ships are written one way — a calendar
/// date as `2026-11-24` (the data files) and an instant as RFC 3339 with
/// `Z` (chrono's own serializer) — so these read exactly that, for the
/// years 0000–9999 (chrono writes others with a sign, `+10000-01-01`, which
/// these refuse), with chrono's RFC 3339 reader and a date split; the
/// serializers stay chrono's.
/// Use with `#[serde(deserialize_with = "…")]`. The types the portal's
/// first load reads use them (the registry's dates, a simulated SMS's
/// time), which keeps chrono's parser out of it; the other stored types
/// keep chrono's reader, which the bundles that read them carry anyway.
pub mod date {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Deserializer, de::Error};

    /// `YYYY-MM-DD` as a date.
    pub fn parse_date(s: &str) -> Option<NaiveDate> {
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// A calendar date written `YYYY-MM-DD`.
    pub fn naive<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {s}")))
    }

    /// An optional calendar date (`null` or absent: none).
    pub fn naive_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse_date(&s)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {s}"))),
        }
    }

    /// An instant written in RFC 3339 (`2026-11-24T05:00:00Z`, any offset).
    pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| D::Error::custom(format!("not an RFC 3339 instant: {s}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::application::Answers;
    use std::collections::BTreeMap;

    /// What is signed holds the answers as a value: through text it is the
    /// same value serde_json builds directly, so the signed documents'
    /// digests do not change.
    #[test]
    fn to_value_is_serde_json_to_value() {
        let answers: Answers = serde_json::from_str(
            r#"{"who":"parent-of-minor","child_iin":"120315600015","reason":"lost","school":"№ 12 «Айгөлек»","year":"2019","office":"almaty-medeu"}"#,
        )
        .unwrap();
        assert_eq!(
            to_value(&answers).unwrap(),
            serde_json::to_value(&answers).unwrap()
        );
        assert_eq!(
            to_value(&Answers::default()).unwrap(),
            serde_json::to_value(Answers::default()).unwrap()
        );
        let numbers = (u64::MAX, i64::MIN, 0.1_f64, -0.0_f64, 1e300_f64);
        assert_eq!(
            to_value(&numbers).unwrap(),
            serde_json::to_value(numbers).unwrap()
        );
        // A map whose keys are not strings fails in both.
        let bad: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        assert!(to_value(&bad).is_err() && serde_json::to_value(&bad).is_err());
    }

    #[test]
    fn same_as_serde_json_direct() {
        let samples = [
            r#"{"a":[1,2,3],"b":"ж\u00e9","c":null}"#,
            r#"{"a":[]}"#,
            r#"[1]"#,
            r#"{"a":[1.5]}"#,
            r#"{"a":"x"}"#,
        ];
        type T = BTreeMap<String, Option<Vec<i64>>>;
        for s in samples {
            let direct = serde_json::from_slice::<T>(s.as_bytes()).ok();
            assert_eq!(from_bytes::<T>(s.as_bytes()).ok(), direct, "{s}");
            if let Ok(v) = serde_json::from_str::<Value>(s) {
                assert_eq!(
                    from_value::<T>(&v).ok(),
                    serde_json::from_value::<T>(v).ok(),
                    "{s}"
                );
            }
        }
    }

    mod dates {
        use super::super::date::{self, parse_date};
        use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
        use serde::Deserialize;

        #[derive(Deserialize)]
        struct Dates {
            #[serde(deserialize_with = "date::naive")]
            day: NaiveDate,
            #[serde(default, deserialize_with = "date::naive_opt")]
            maybe: Option<NaiveDate>,
            #[serde(deserialize_with = "date::utc")]
            at: DateTime<Utc>,
        }

        #[test]
        fn what_chrono_writes_for_1900_to_2119_reads_back_the_same() {
            let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let t0 = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap();
            for i in (0..80_000).step_by(7) {
                let day = start + Duration::days(i);
                // Whole seconds, milliseconds and nanoseconds, as the clock
                // and the data files give them.
                let at = t0
                    + Duration::seconds(i * 9_973)
                    + Duration::nanoseconds(i * 1_234_567 % 1_000_000_000);
                let text = serde_json::json!({ "day": day, "maybe": day, "at": at }).to_string();
                let got: Dates = serde_json::from_str(&text).unwrap();
                assert_eq!((got.day, got.maybe, got.at), (day, Some(day), at), "{text}");
            }
        }

        /// Not only text borrowed from the input: an escaped string and an
        /// untyped value read the same.
        #[test]
        fn escaped_and_untyped_input_reads_too() {
            let text = r#"{"day":"2026\u002d11-24","at":"2026-11-24T05:00:00\u005a"}"#;
            let got: Dates = serde_json::from_str(text).unwrap();
            assert_eq!(got.day, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            let got: Dates = serde_json::from_value(value).unwrap();
            assert_eq!(got.at, Utc.with_ymd_and_hms(2026, 11, 24, 5, 0, 0).unwrap());
        }

        /// Outside 0000–9999 chrono writes a sign, which these refuse.
        #[test]
        fn signed_years_are_refused() {
            let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
            let written = serde_json::to_string(&far).unwrap();
            assert_eq!(written, "\"+10000-01-01\"");
            assert_eq!(parse_date("+10000-01-01"), None);
            let text = format!(r#"{{"day":{written},"at":"2026-11-24T05:00:00Z"}}"#);
            assert!(serde_json::from_str::<Dates>(&text).is_err());
        }

        #[test]
        fn an_absent_or_null_optional_date_is_none() {
            let got: Dates =
                serde_json::from_str(r#"{"day":"2026-11-24","at":"2026-11-24T05:00:00Z"}"#)
                    .unwrap();
            assert_eq!(got.maybe, None);
            let got: Dates = serde_json::from_str(
                r#"{"day":"2026-11-24","maybe":null,"at":"2026-11-24T10:00:00+05:00"}"#,
            )
            .unwrap();
            assert_eq!(got.maybe, None);
            assert_eq!(got.at, Utc.with_ymd_and_hms(2026, 11, 24, 5, 0, 0).unwrap());
        }

        #[test]
        fn anything_else_is_an_error_not_a_panic() {
            for bad in [
                "",
                "2026-02-30",
                "2026-1-05",
                "20261124",
                "2026-11-24T00:00",
                "+2026-11-24",
                "2026-11-2x",
                "-026-11-24",
            ] {
                assert_eq!(parse_date(bad), None, "{bad:?}");
            }
            for bad in [
                r#"{"day":"2026-13-01","at":"2026-11-24T05:00:00Z"}"#,
                r#"{"day":20261124,"at":"2026-11-24T05:00:00Z"}"#,
                r#"{"day":"2026-11-24","maybe":"soon","at":"2026-11-24T05:00:00Z"}"#,
                r#"{"day":"2026-11-24","at":"2026-11-24 05:00"}"#,
                r#"{"day":"2026-11-24","at":"yesterday"}"#,
            ] {
                assert!(serde_json::from_str::<Dates>(bad).is_err(), "{bad}");
            }
        }
    }
}
