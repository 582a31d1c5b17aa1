//! Canonical JSON: the bytes that are signed and digested.
//!
//! A signature or an SMS code is bound to a document, and a document is a
//! JSON value whose keys may come in any order (a stored record read back,
//! an import). Signing its canonical form — keys sorted, no whitespace,
//! numbers and strings as serde_json writes them — makes equal values give
//! equal bytes, so a signature made on one copy verifies on another.
//!
//! ```
//! use qujat::engine::signing::eds::{canonical_json, digest_hex};
//!
//! let a = serde_json::json!({"b": 1, "a": [true, null, "x\n"]});
//! let b: serde_json::Value = serde_json::from_str(r#"{ "a": [true, null, "x\n"], "b": 1 }"#).unwrap();
//! assert_eq!(canonical_json(&a), r#"{"a":[true,null,"x\n"],"b":1}"#);
//! assert_eq!(digest_hex(&a), digest_hex(&b));
//! ```

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::vault;

/// SHA-256 of the canonical JSON of `value`, hex: what an SMS code is bound
/// to, and what a signature's document is compared by.
pub fn digest_hex(value: &Value) -> String {
    vault::hex_encode(&Sha256::digest(canonical_json(value).as_bytes()))
}

/// Deterministic JSON: object keys sorted (by code point, recursively), no
/// whitespace, numbers and strings exactly as serde_json writes them. Two
/// equal values always give the same bytes, whatever order their keys came in.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            crate::engine::order::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
    }
}

/// serde_json's string escaping: `"` `\` and the short escapes, other
/// control characters as `\u00xx`, everything else literal.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
