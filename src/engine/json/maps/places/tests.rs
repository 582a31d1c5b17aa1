//! The by-place reader against serde_json's own: the same values and the
//! same errors, for keys in order, out of order, absent, repeated and
//! unknown, at every depth.

use crate::engine::json::{from_str, from_str_strict};
use serde::Deserialize;

fn no_tags() -> Vec<String> {
    vec!["none".into()]
}

#[derive(Deserialize, Debug, PartialEq)]
struct Inner {
    n: u8,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Record {
    id: String,
    #[serde(default)]
    count: u32,
    #[serde(default = "no_tags")]
    tags: Vec<String>,
    inner: Inner,
    #[serde(default)]
    list: Vec<Inner>,
    #[serde(default)]
    flag: bool,
    #[serde(skip)]
    cache: u8,
    last: Option<i64>,
}

/// Inputs serde_json reads, each with the keys in some order and some
/// absent; ours reads each to the same value.
const SAME: &[&str] = &[
    r#"{"id":"a","count":2,"tags":["t"],"inner":{"n":1,"note":"x"},"list":[],"flag":true,"last":5}"#,
    r#"{"last":null,"flag":false,"list":[{"note":null,"n":3}],"inner":{"note":"y","n":2},"tags":[],"count":1,"id":"b"}"#,
    r#"{"id":"c","inner":{"n":4},"last":-1}"#,
    r#"{"inner":{"n":4},"id":"d","last":7}"#,
    r#"{"flag":true,"id":"e","last":null,"inner":{"n":0}}"#,
    r#"{"id":"f","unknown":{"deep":[1,{"x":2}]},"inner":{"n":9,"more":1},"last":0}"#,
    r#"{"list":[{"n":1},{"note":"z","n":2}],"id":"g","inner":{"n":5},"last":1}"#,
];

#[test]
fn keys_in_any_order_read_as_serde_json_reads_them() {
    for text in SAME {
        let ours: Record = from_str(text).unwrap();
        let theirs: Record = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs, "{text}");
    }
    let c: Record = from_str(SAME[2]).unwrap();
    assert_eq!((c.count, c.tags, c.flag, c.cache), (0, vec!["none".to_string()], false, 0));
    let d: Record = from_str(SAME[3]).unwrap();
    assert_eq!(d.inner.note, None);
}

/// An `Option` without `#[serde(default)]` is required when read by
/// place: serde's `visit_map` would take it as `None`. Every such field
/// in the app carries `default`; this shows why it must.
#[test]
fn an_absent_option_needs_its_default() {
    let text = r#"{"id":"a","inner":{"n":1}}"#;
    assert_eq!(serde_json::from_str::<Record>(text).unwrap().last, None);
    let err = from_str::<Record>(text).unwrap_err();
    assert_eq!(err.to_string(), "missing field `last` at line 1 column 26");
}

/// serde_json's message without its place.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&place).unwrap_or(&text).to_string()
}

/// Missing, repeated and unknown keys, values of the wrong type and
/// broken text are serde's own errors. A value read where it stands keeps
/// serde_json's place too; one set aside (its key came early, or a field
/// before it is absent: `count` is, in all of these) is reported at the
/// end of the object it is in.
#[test]
fn errors_are_serde_s() {
    let in_order = |bad: &str| {
        let ours = from_str::<Inner>(bad).unwrap_err();
        let theirs = serde_json::from_str::<Inner>(bad).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string(), "{bad}");
    };
    for bad in [
        "{\n\"n\": 300}",
        r#"{"note":"x"}"#,
        r#"{"n":1,"n":2}"#,
        r#"{"n":1,"note":null,"note":"x"}"#,
        r#"{"n":1,"note":7}"#,
        r#"{"n":1"#,
        r#"{"n":1,}"#,
        "[1]",
    ] {
        if bad == "[1]" {
            let ours = from_str::<Inner>(bad).unwrap_err().to_string();
            assert!(ours.starts_with("invalid type: sequence, expected struct Inner"), "{ours}");
        } else {
            in_order(bad);
        }
    }
    for (bad, place) in [
        ("{\"id\":\"a\",\n\"inner\":{},\"last\":1}", Some((2, 20))),
        (r#"{"id":"a","inner":{"n":300},"last":1}"#, Some((1, 37))),
        (r#"{"id":"a","inner":{"n":1},"last":"x"}"#, Some((1, 37))),
    ] {
        let ours = from_str::<Record>(bad).unwrap_err();
        let theirs = serde_json::from_str::<Record>(bad).unwrap_err();
        assert_eq!(message(&ours), message(&theirs), "{bad}");
        assert_eq!(Some((ours.line(), ours.column())), place, "{bad}");
    }
    for bad in [
        r#"{"inner":{"n":1},"last":1}"#,
        r#"{"id":"a","last":1}"#,
        r#"{"id":"a","id":"b","inner":{"n":1},"last":1}"#,
        r#"{"id":"a","inner":{"n":1},"last":1,"id":"b"}"#,
        r#"{"id":"a","inner":{"n":1},"last":1,"inner":{"n":1}}"#,
        r#"{"id":7,"inner":{"n":1},"last":1}"#,
        r#"{"id":"a","inner":[1],"last":1}"#,
        r#"{"id":"a","inner":{"n":1},"last":1"#,
        r#"{"id":"a","inner":{"n":1},"last":1,}"#,
        r#"["a",0,[],{"n":1},[],false,1]"#,
        "null",
    ] {
        let ours = from_str::<Record>(bad).unwrap_err();
        let theirs = serde_json::from_str::<Record>(bad);
        let theirs = match theirs {
            Err(e) => e,
            Ok(_) => {
                // serde_json reads a struct from an array; ours refuses it.
                assert!(ours.to_string().starts_with("invalid type: sequence"), "{bad}");
                continue;
            }
        };
        assert_eq!(message(&ours), message(&theirs), "{bad}");
    }
}

/// A value whose key came early is read when its turn comes; if it is of
/// the wrong type, the message is serde's and the place is the object's.
#[test]
fn an_early_value_of_the_wrong_type_keeps_its_message() {
    let bad = r#"{"inner":{"n":"one"},"id":"a","last":1}"#;
    let ours = from_str::<Record>(bad).unwrap_err().to_string();
    assert!(ours.starts_with("invalid type: string \"one\", expected u8 at line 1"), "{ours}");
    let theirs = serde_json::from_str::<Record>(bad).unwrap_err().to_string();
    assert!(theirs.starts_with("invalid type: string \"one\", expected u8"), "{theirs}");
}

/// Read strictly, an unknown key is refused at any depth, with serde's
/// message; read leniently, it is skipped. The setting ends with the read.
#[test]
fn strict_reading_refuses_unknown_keys_at_any_depth() {
    let ok = r#"{"id":"a","inner":{"n":1},"last":1}"#;
    assert!(from_str_strict::<Record>(ok).is_ok());
    for (bad, key) in [
        (r#"{"id":"a","x":1,"inner":{"n":1},"last":1}"#, "x"),
        (r#"{"id":"a","inner":{"n":1,"y":[]},"last":1}"#, "y"),
        (r#"{"id":"a","inner":{"n":1},"list":[{"n":2,"z":null}],"last":1}"#, "z"),
    ] {
        assert!(from_str::<Record>(bad).is_ok(), "{bad}");
        let err = from_str_strict::<Record>(bad).unwrap_err().to_string();
        assert!(err.starts_with(&format!("unknown field `{key}`")), "{bad}: {err}");
    }
    assert!(from_str::<Record>(r#"{"id":"a","x":1,"inner":{"n":1},"last":1}"#).is_ok());
}

/// A struct inside a map, a list, an option, a tuple and an enum's struct
/// variant is read by place too.
#[test]
fn structs_at_every_depth_are_read_by_place() {
    #[derive(Deserialize, Debug, PartialEq)]
    enum Kind {
        Fields { b: Option<char>, a: Inner },
    }
    #[derive(Deserialize, Debug, PartialEq)]
    struct Outer {
        map: std::collections::BTreeMap<String, Inner>,
        tuple: (u8, Inner),
        maybe: Option<Inner>,
        kind: Kind,
    }
    let text = r#"{"tuple":[1,{"note":"t","n":2}],"kind":{"Fields":{"a":{"n":3},"b":"q"}},
        "maybe":{"note":null,"n":4},"map":{"k":{"note":"m","n":5}}}"#;
    let ours: Outer = from_str(text).unwrap();
    assert_eq!(ours, serde_json::from_str::<Outer>(text).unwrap());
    let strict = text.replace(r#""n":3"#, r#""n":3,"w":0"#);
    assert!(from_str::<Outer>(&strict).is_ok());
    assert!(
        from_str_strict::<Outer>(&strict).unwrap_err().to_string().starts_with("unknown field `w`")
    );
}
