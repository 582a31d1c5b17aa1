//! Reading JSON into a type, always through one reader: [`from_str`],
//! text read with structs taken from objects only ([`Maps`]).
//!
//! `serde_json` compiles a type's decoder once per kind of input — text
//! (`serde_json::from_str`), bytes (`from_slice`) and an untyped [`Value`]
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

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

mod maps;
pub mod names;
pub mod tagged;

#[doc(inline)]
pub use crate::__json_names as names;
pub use maps::Maps;

/// `text` as a `T`: the one reader of JSON in the app. It is
/// `serde_json::from_str` with structs read from objects only ([`Maps`]),
/// so that no struct's decoder is compiled twice.
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Maps(&mut de))?;
    de.end()?;
    Ok(value)
}

/// `text` as a `T`, read as [`from_str`] reads it except that a key no
/// field of its struct names is an error, at any depth: for the data
/// files built into the app and the headers of an imported file, where an
/// unknown key is a mistake (a misspelt field), not a newer writer.
pub fn from_str_strict<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    strictly(|| from_str(text))
}

/// `text`, a data file built into the app, as a `T`: read as
/// [`from_str_strict`] reads it, and [`in_order`], each value once where
/// it is (the build writes the data's keys sorted, and its structs declare
/// their fields in that order).
pub fn from_data<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    strictly(|| in_order(|| from_str(text)))
}

pub use maps::{AnyOrder, in_order, strictly};

/// `value` as a `T`, read from its text.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    from_str(&value.to_string())
}

/// `bytes` (UTF-8 JSON) as a `T`, read as text; bytes that are not UTF-8
/// are an error, as `serde_json::from_slice` would find.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str(text),
        Err(_) => Err(serde::de::Error::custom("the JSON is not UTF-8")),
    }
}

/// `value` as an untyped [`Value`], through its text.
pub fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<Value, serde_json::Error> {
    from_str(&serde_json::to_string(value)?)
}

/// Dates in JSON without chrono's general parser.
///
/// chrono reads a date, a time or an instant from text through its general
/// format parser (every field, RFC 2822, week dates…), about 17 KB of a
/// wasm before `wasm-opt`. The dates the app stores and ships are written
/// one way — a calendar date as `2026-11-24` (the data files and chrono's
/// serializer), a wall-clock time as `10:00:00` or `10:00:00.5`, a local
/// date and time as `2026-11-24T10:00:00`, and an instant as RFC 3339 with
/// `Z` (chrono's serializer) — so these read exactly that, for the years
/// 0000–9999 (chrono writes others with a sign, `+10000-01-01`, which these
/// refuse); instants go through chrono's RFC 3339 reader, which is small
/// and written apart from the general parser. The serializers stay
/// chrono's.
///
/// Every stored or shipped date, time and instant is read through these,
/// with `#[serde(deserialize_with = "…")]` (for an `Option`, also
/// `default`, which keeps an absent field `None` as serde does for an
/// `Option` without a reader of its own). One left on chrono's reader brings
/// the general parser back into every bundle that reads it; the release
/// build (`.ci/packs.mjs`) then fails, naming the bundle that carries it.
pub mod date {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
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

    /// `HH:MM:SS`, with an optional fraction of 1–9 digits (chrono writes
    /// 3, 6 or 9), as a time of day. A second of `60` is a leap second, as
    /// chrono writes it (`23:59:60` is 23:59:59 and one more second).
    pub fn parse_time(s: &str) -> Option<NaiveTime> {
        let (whole, fraction) = match s.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (s, None),
        };
        let mut parts = whole.splitn(3, ':');
        let (h, m, sec) = (parts.next()?, parts.next()?, parts.next()?);
        let two = |p: &str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
        if !(two(h) && two(m) && two(sec)) {
            return None;
        }
        let nano = match fraction {
            None => 0,
            Some(f) if (1..=9).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
                f.parse::<u32>().ok()? * 10u32.pow(9 - f.len() as u32)
            }
            Some(_) => return None,
        };
        let (sec, nano) = match sec.parse::<u32>().ok()? {
            60 => (59, nano + 1_000_000_000),
            s => (s, nano),
        };
        NaiveTime::from_hms_nano_opt(h.parse().ok()?, m.parse().ok()?, sec, nano)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.f]` (no offset) as a local date and time.
    pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
        let (date, time) = s.split_once('T')?;
        Some(parse_date(date)?.and_time(parse_time(time)?))
    }

    /// An instant in RFC 3339 (`2026-11-24T05:00:00Z`, any offset).
    pub fn parse_utc(s: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
    }

    /// Reads a string and `parse`s it; `what` names the form in the error.
    fn read<'de, D: Deserializer<'de>, T>(
        d: D, parse: fn(&str) -> Option<T>, what: &str,
    ) -> Result<T, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| D::Error::custom(format!("not {what}: {s}")))
    }

    /// Reads `null` (none) or a string and `parse`s it.
    fn read_opt<'de, D: Deserializer<'de>, T>(
        d: D, parse: fn(&str) -> Option<T>, what: &str,
    ) -> Result<Option<T>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => {
                parse(&s).map(Some).ok_or_else(|| D::Error::custom(format!("not {what}: {s}")))
            }
        }
    }

    const DATE: &str = "a date (YYYY-MM-DD)";
    const TIME: &str = "a time (HH:MM:SS)";
    const LOCAL: &str = "a date and time (YYYY-MM-DDTHH:MM:SS)";
    const INSTANT: &str = "an RFC 3339 instant";

    /// A calendar date written `YYYY-MM-DD`.
    pub fn naive<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        read(d, parse_date, DATE)
    }

    /// An optional calendar date (`null` or absent: none).
    pub fn naive_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        read_opt(d, parse_date, DATE)
    }

    /// A time of day written `HH:MM:SS[.f]`.
    pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        read(d, parse_time, TIME)
    }

    /// A local date and time written `YYYY-MM-DDTHH:MM:SS[.f]`.
    pub fn local<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        read(d, parse_local, LOCAL)
    }

    /// An instant written in RFC 3339 (`2026-11-24T05:00:00Z`, any offset).
    pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        read(d, parse_utc, INSTANT)
    }

    /// An optional time of day (`null` or absent: none).
    pub fn time_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        read_opt(d, parse_time, TIME)
    }

    /// An optional local date and time (`null` or absent: none).
    pub fn local_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        read_opt(d, parse_local, LOCAL)
    }

    /// An optional instant (`null` or absent: none).
    pub fn utc_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        read_opt(d, parse_utc, INSTANT)
    }

    /// A list of instants.
    pub fn utc_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DateTime<Utc>>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|s| parse_utc(s).ok_or_else(|| D::Error::custom(format!("not {INSTANT}: {s}"))))
            .collect()
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
        assert_eq!(to_value(&answers).unwrap(), serde_json::to_value(&answers).unwrap());
        assert_eq!(
            to_value(&Answers::default()).unwrap(),
            serde_json::to_value(Answers::default()).unwrap()
        );
        let numbers = (u64::MAX, i64::MIN, 0.1_f64, -0.0_f64, 1e300_f64);
        assert_eq!(to_value(&numbers).unwrap(), serde_json::to_value(numbers).unwrap());
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
                assert_eq!(from_value::<T>(&v).ok(), serde_json::from_value::<T>(v).ok(), "{s}");
            }
        }
    }

    mod dates {
        use super::super::date::{self, parse_date};
        use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
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

        #[derive(Deserialize)]
        struct Times {
            #[serde(deserialize_with = "date::time")]
            time: NaiveTime,
            #[serde(deserialize_with = "date::local")]
            local: NaiveDateTime,
            #[serde(default, deserialize_with = "date::utc_opt")]
            maybe: Option<DateTime<Utc>>,
            #[serde(default, deserialize_with = "date::utc_vec")]
            list: Vec<DateTime<Utc>>,
        }

        /// Times and local date-times as chrono writes them — whole
        /// seconds, 3, 6 and 9 digits of fraction, leap seconds — read back
        /// the same, as do optional instants and lists of them.
        #[test]
        fn what_chrono_writes_for_times_reads_back_the_same() {
            let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
            let t0 = Utc.with_ymd_and_hms(2024, 2, 29, 23, 0, 0).unwrap();
            let nanos = [0, 500_000_000, 1_000_000, 123_456_000, 7, 999_999_999];
            for i in 0..20_000_u32 {
                let secs = i * 4_327 % 86_400;
                let nano = nanos[i as usize % nanos.len()]
                    + if i % 97 == 0 && secs % 60 == 59 { 1_000_000_000 } else { 0 };
                let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt(secs, nano) else {
                    continue;
                };
                let at =
                    t0 + Duration::seconds(i64::from(i) * 613) + Duration::nanoseconds(nano.into());
                let maybe = (i % 2 == 0).then_some(at);
                let text = serde_json::json!({
                    "time": time,
                    "local": day.and_time(time),
                    "maybe": maybe,
                    "list": [at, t0],
                })
                .to_string();
                let got: Times = serde_json::from_str(&text).unwrap();
                assert_eq!(
                    (got.time, got.local, got.maybe, got.list),
                    (time, day.and_time(time), maybe, vec![at, t0]),
                    "{text}"
                );
            }
            let leap = NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap();
            assert_eq!(serde_json::to_string(&leap).unwrap(), "\"23:59:60.500\"");
            assert_eq!(date::parse_time("23:59:60.500"), Some(leap));
            let absent: Times =
                serde_json::from_str(r#"{"time":"10:00:00","local":"2026-11-24T10:00:00"}"#)
                    .unwrap();
            assert_eq!((absent.maybe, absent.list), (None, vec![]));
        }

        #[test]
        fn malformed_times_are_errors_not_panics() {
            for bad in [
                "",
                "10:00",
                "10:00:0",
                "1:00:00",
                "24:00:00",
                "10:60:00",
                "10:00:61",
                "10:00:00.",
                "10:00:00.1234567890",
                "10:00:00.x",
                "10:00:00Z",
                "+1:00:00",
                "10:00:00.-5",
                "10-00-00",
                "٠١:00:00",
            ] {
                assert_eq!(date::parse_time(bad), None, "{bad:?}");
                assert_eq!(date::parse_local(&format!("2026-11-24T{bad}")), None, "{bad:?}");
            }
            for bad in ["2026-11-24", "2026-11-24 10:00:00", "T10:00:00", "2026-13-24T10:00:00"] {
                assert_eq!(date::parse_local(bad), None, "{bad:?}");
            }
            for bad in [
                r#"{"time":"10:00:00","local":"2026-11-24T10:00:00","maybe":"now"}"#,
                r#"{"time":"10:00:00","local":"2026-11-24T10:00:00","list":["2026-11-24"]}"#,
                r#"{"time":"10:00:00","local":"2026-11-24T10:00:00","list":"2026-11-24T10:00:00Z"}"#,
                r#"{"time":36000,"local":"2026-11-24T10:00:00"}"#,
            ] {
                assert!(serde_json::from_str::<Times>(bad).is_err(), "{bad}");
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
