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
}
