//! The internally tagged enums read without serde's buffer
//! (`engine::json::tagged`): every variant of every such stored enum reads
//! what serde's writer wrote and writes it back unchanged, in any order of
//! its fields; a missing field, a missing or unknown tag, a field of the
//! wrong type and (where the enum denies them) an unknown field are errors
//! with serde's own messages, never panics. The samples name every variant
//! (checked against the variants serde's `unknown variant` error lists).
//!
//! The same checks passed on serde's derived readers before these enums got
//! their own, so they pin the stored form and the refusals to what serde
//! did — but one: `ChecklistSource` (the booking rules' data) now refuses an
//! unknown field under its variant without fields too, where serde's reader
//! let it through.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;

use qujat::engine::calendar::day::DayKind;
use qujat::engine::complaint::MarkKind;
use qujat::engine::complaint::draft::Problem;
use qujat::engine::deadline::Step;
use qujat::engine::queue::Origin;
use qujat::engine::queue::booking::ChecklistSource;
use qujat::engine::queue::ticket::TicketEvent;
use qujat::engine::receipt::statement::What;
use qujat::engine::submission::{Outcome, SignatureRecord};
use qujat::engine::term::StartRule;
use qujat::engine::visit::{Consent, Delivery};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// How strict an enum is about fields of no variant.
#[derive(Clone, Copy, PartialEq)]
enum Unknown {
    Ignored,
    Refused,
}

/// Checks one sample of `T` (an object whose `tag` names the variant);
/// `optional` lists the sample's fields the variant may go without.
fn check<T: DeserializeOwned + Serialize + Debug>(
    tag: &str, sample: Value, optional: &[&str], unknown: Unknown,
) {
    let read = |v: &Value| serde_json::from_str::<T>(&v.to_string());
    let fields: &Map<String, Value> = sample.as_object().expect("a sample is an object");
    let what = format!("{tag}={}", fields[tag]);

    // What serde wrote reads back and writes the same, whatever the order.
    let value = read(&sample).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(serde_json::to_value(&value).unwrap(), sample, "{what}");
    let text: String = {
        let parts: Vec<String> =
            fields.iter().rev().map(|(k, v)| format!("{}:{v}", Value::from(k.as_str()))).collect();
        format!("{{{}}}", parts.join(","))
    };
    let backwards = serde_json::from_str::<T>(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(serde_json::to_value(&backwards).unwrap(), sample, "{what} (tag last)");

    // Each field taken away: a required one is missed by name.
    for key in fields.keys() {
        let mut less = fields.clone();
        less.remove(key);
        let got = read(&Value::Object(less));
        if key == tag || !optional.contains(&key.as_str()) {
            let e = got.expect_err(&format!("{what} without {key}")).to_string();
            assert!(e.contains(&format!("missing field `{key}`")), "{what} without {key}: {e}");
        } else {
            assert!(got.is_ok(), "{what} without optional {key}: {got:?}");
        }
    }

    // Each field of the wrong type is an error.
    for key in fields.keys() {
        let mut wrong = fields.clone();
        wrong.insert(key.clone(), Value::Bool(true));
        let got = read(&Value::Object(wrong));
        assert!(got.is_err(), "{what} with {key}: true read as {got:?}");
    }

    // An unknown tag names the variants.
    let mut unknown_tag = fields.clone();
    unknown_tag.insert(tag.into(), json!("no-such-variant"));
    let e = read(&Value::Object(unknown_tag)).expect_err("unknown tag").to_string();
    assert!(e.contains("unknown variant `no-such-variant`"), "{what}: {e}");

    // A field no variant has.
    let mut extra = fields.clone();
    extra.insert("zz_not_a_field".into(), json!(1));
    let got = read(&Value::Object(extra));
    match unknown {
        Unknown::Ignored => assert!(got.is_ok(), "{what} with an unknown field: {got:?}"),
        Unknown::Refused => {
            let e = got.expect_err("an unknown field").to_string();
            assert!(e.contains("unknown field `zz_not_a_field`"), "{what}: {e}");
        }
    }

    // Not an object at all.
    for v in [json!(null), json!("x"), json!(3), json!([])] {
        assert!(read(&v).is_err(), "{what}: {v} read");
    }
}

/// Checks every variant of `T` by a sample of each. `optional` names, by
/// variant, the fields that variant may go without.
fn samples<T: DeserializeOwned + Serialize + Debug>(
    tag: &str, unknown: Unknown, optional: &[(&str, &[&str])], list: Vec<Value>,
) {
    // The samples name every variant: serde's `unknown variant` error
    // lists them all, so a variant added without a sample fails here.
    let e = serde_json::from_value::<T>(json!({ tag: "no-such-variant" }))
        .expect_err("an unknown tag")
        .to_string();
    let (_, expected) = e.split_once("expected").expect("the variants are listed");
    let variants: BTreeSet<&str> = expected.split('`').skip(1).step_by(2).collect();
    let sampled: BTreeSet<&str> = list.iter().filter_map(|v| v[tag].as_str()).collect();
    assert_eq!(sampled, variants, "{tag}: samples against the variants ({e})");
    for (variant, _) in optional {
        assert!(sampled.contains(variant), "{tag}: optional fields of no variant {variant}");
    }
    for sample in list {
        let variant = sample[tag].as_str();
        let of = optional.iter().find(|(v, _)| Some(*v) == variant).map_or(&[][..], |(_, o)| *o);
        check::<T>(tag, sample, of, unknown);
    }
}

/// The first object in a stored fixture whose `tag` is `value`.
fn from_fixture(file: &str, tag: &str, value: &str) -> Value {
    fn find(v: &Value, tag: &str, value: &str) -> Option<Value> {
        match v {
            Value::Object(m) if m.get(tag).and_then(Value::as_str) == Some(value) => {
                Some(v.clone())
            }
            Value::Object(m) => m.values().find_map(|x| find(x, tag, value)),
            Value::Array(a) => a.iter().find_map(|x| find(x, tag, value)),
            _ => None,
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stored").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    find(&serde_json::from_str(&text).unwrap(), tag, value)
        .unwrap_or_else(|| panic!("{file} has no {tag}={value}"))
}

fn slot() -> Value {
    json!({"date": "2026-12-02", "start": "10:00", "end": "10:15",
           "starts_at": "2026-12-02T05:00:00Z", "ends_at": "2026-12-02T05:15:00Z"})
}

fn source() -> Value {
    json!({"status": "national", "cites": [
        {"seed": "F001", "clause": "§3(1)", "lang": "ru", "line": 9,
         "quote": "или на портал – 15 рабочих дней"}]})
}

#[test]
fn ticket_events() {
    samples::<TicketEvent>(
        "event",
        Unknown::Ignored,
        &[],
        vec![
            json!({"event": "booked", "at": "2026-11-30T05:00:00Z", "office": "almaty-medeu",
                "slot": slot()}),
            json!({"event": "moved", "at": "2026-11-30T05:00:00Z", "from_office": "almaty-medeu",
                "from": slot(), "to_office": "astana-esil", "to": slot()}),
            json!({"event": "cancelled", "at": "2026-11-30T05:00:00.250Z"}),
        ],
    );
}

#[test]
fn signature_records() {
    samples::<SignatureRecord>(
        "method",
        Unknown::Ignored,
        &[],
        vec![
            from_fixture("applications.v2.json", "method", "eds"),
            json!({"method": "otp", "phone": "+7 702 555 02 02",
                "verified_at": "2026-05-04T10:00:00Z", "digest_hex": "33dc"}),
            json!({"method": "receipt", "number": "HV-1", "issued_at": "2026-05-04T10:00:00Z",
                "digest_hex": "33dc"}),
        ],
    );
}

#[test]
fn outcomes() {
    samples::<Outcome>(
        "result",
        Unknown::Ignored,
        &[("accepted", &["explanation"])],
        vec![
            from_fixture("applications.v2.json", "result", "accepted"),
            json!({"result": "accepted", "accepted_on": "2026-05-04", "due": "2026-05-28"}),
            json!({"result": "refused", "grounds": ["incomplete-package", "expired-documents"]}),
        ],
    );
}

#[test]
fn day_kinds() {
    samples::<DayKind>(
        "kind",
        Unknown::Ignored,
        &[],
        vec![
            json!({"kind": "working"}),
            json!({"kind": "weekend"}),
            json!({"kind": "holiday", "holiday": "defender-day"}),
            json!({"kind": "moved", "holiday": "victory-day", "from": "2026-05-09"}),
            json!({"kind": "transfer-off", "from": "2026-01-03"}),
            json!({"kind": "transfer-working", "instead_of": "2026-01-02"}),
        ],
    );
}

#[test]
fn complaint_marks() {
    samples::<MarkKind>(
        "mark",
        Unknown::Ignored,
        &[],
        vec![
            json!({"mark": "delivered"}),
            json!({"mark": "registered", "incoming_number": "ВХ-12", "registered_by": "А. Б.",
                "place": "Алматы", "collect_by": "2026-12-10"}),
            json!({"mark": "executed"}),
            json!({"mark": "answered", "kind": "on-merits"}),
            json!({"mark": "answered", "kind": "refusal-to-consider"}),
        ],
    );
}

#[test]
fn explanation_steps() {
    let day_off = json!({"kind": "holiday", "holiday": "defender-day"});
    samples::<Step>(
        "step",
        Unknown::Ignored,
        &[
            ("submitted", &["region"]),
            ("moved-to-working-day", &["source"]),
            ("due-on-day-off", &["source"]),
        ],
        vec![
            json!({"step": "submitted", "instant": "2026-05-04T10:00:00Z",
                "local": "2026-05-04T15:00:00", "offset_hours": 5,
                "region": "almaty-city"}),
            json!({"step": "region-unknown", "offset_hours": 5, "source": source()}),
            json!({"step": "location-assumed", "location": "other", "source": source()}),
            json!({"step": "after-hours", "cutoff": "18:30", "local_time": "19:00:00",
                "next": "2026-05-05", "source": source()}),
            json!({"step": "non-working-day", "date": "2026-05-09", "reason": day_off,
                "next": "2026-05-11", "source": source()}),
            json!({"step": "count-from", "day_zero": "2026-05-04", "source": source()}),
            json!({"step": "counted", "amount": 15, "unit": "working-days", "from": "2026-05-04",
                "to": "2026-05-28", "source": source()}),
            json!({"step": "skipped", "date": "2026-05-07", "why": day_off}),
            json!({"step": "working-weekend", "date": "2026-01-03",
                "instead_of": "2026-01-02"}),
            json!({"step": "weekends-skipped", "count": 5}),
            json!({"step": "moved-to-working-day", "from": "2026-05-09", "to": "2026-05-11",
                "why": day_off, "source": source()}),
            json!({"step": "due-on-day-off", "date": "2026-05-09", "why": day_off,
                "source": source()}),
            json!({"step": "calendar-uncertain", "year": 2026,
                "status": ["holidays-uncertain", "kurban-ait-estimated"]}),
            json!({"step": "provider-delivery", "deadline": "2026-11-30",
                "deliver_by": "2026-11-27", "source": source()}),
            json!({"step": "stored-until", "from": "2026-05-28", "months": 2,
                "until": "2026-07-28", "source": source()}),
            json!({"step": "due", "date": "2026-05-28"}),
        ],
    );
}

#[test]
fn checklist_sources() {
    // The booking rules' data denies unknown fields, under every variant.
    // (serde's derived reader let any field through under `documents`, a
    // variant without fields; this one refuses there too.)
    samples::<ChecklistSource>(
        "from",
        Unknown::Refused,
        &[],
        vec![
            json!({"from": "documents"}),
            json!({"from": "issuance", "ids": ["receipt", "identity"]}),
        ],
    );
    let e = serde_json::from_str::<ChecklistSource>(r#"{"from":"documents","ids":[]}"#)
        .expect_err("ids on documents")
        .to_string();
    assert!(e.contains("unknown field `ids`"), "{e}");
}

#[test]
fn start_rules() {
    samples::<StartRule>(
        "kind",
        Unknown::Ignored,
        &[],
        vec![
            json!({"kind": "day-after-hand-in"}),
            json!({"kind": "next-working-day-after-cutoff", "cutoff": "18:30"}),
        ],
    );
}

#[test]
fn visit_consents_and_deliveries() {
    samples::<Consent>(
        "method",
        Unknown::Ignored,
        &[],
        vec![
            json!({"method": "otp", "verified_at": "2026-05-04T10:00:00Z"}),
            json!({"method": "signature", "strokes": [[[1, 2], [3, 4]], [[5, 6]]],
                "signed_at": "2026-05-04T10:00:00Z"}),
            json!({"method": "notice", "given_at": "2026-05-04T10:00:00Z"}),
        ],
    );
    samples::<Delivery>(
        "state",
        Unknown::Ignored,
        &[],
        vec![
            json!({"state": "to-deliver"}),
            json!({"state": "delivered", "at": "2026-05-04T10:00:00Z"}),
        ],
    );
}

#[test]
fn hall_origins() {
    samples::<Origin>(
        "kind",
        Unknown::Ignored,
        &[],
        vec![
            json!({"kind": "booked", "reference": "Q-3F2A9C",
                "slot_start": "2026-11-24T05:45:00Z"}),
            json!({"kind": "walk-in"}),
        ],
    );
}

#[test]
fn receipt_statements() {
    samples::<What>(
        "kind",
        Unknown::Ignored,
        &[("refusal", &["missing"])],
        vec![
            json!({"kind": "acceptance", "due": "2026-05-28"}),
            json!({"kind": "refusal", "grounds": ["incomplete-package"],
                "missing": ["identity"]}),
            json!({"kind": "refusal", "grounds": []}),
            json!({"kind": "booking-ticket", "purpose": "hand-in", "date": "2026-12-02",
                "start": "10:00", "end": "10:15"}),
            json!({"kind": "complaint-registration", "addressee": "provider-head",
                "due": "2026-12-10"}),
        ],
    );
}

#[test]
fn complaint_field_problems() {
    samples::<Problem>(
        "problem",
        Unknown::Ignored,
        &[],
        vec![
            json!({"problem": "required"}),
            json!({"problem": "too-long", "max": 2000}),
            json!({"problem": "phone-format"}),
            json!({"problem": "unknown-service"}),
        ],
    );
}
