//! The build-time data a passport reads at its start (the catalogue, the
//! calendar, the regions) is read in order (`engine::json::in_order`): each
//! value once, where it is. That holds only while every struct read from
//! it declares its fields in the order of the data's keys, which
//! `src/build.rs` writes sorted; a key out of place is an error, so these
//! reads failing is how a field added out of order shows. Read by place
//! with keys in another order, a value is set aside and read again, once
//! more for each ancestor set aside: on a slow phone that doubled the
//! catalogue's reading time (docs/measurements.md, stop 39).

use qujat::engine::calendar::{self, Calendar};
use qujat::engine::{catalog, json, region};

#[test]
fn the_passports_start_data_reads_in_order() {
    let services = catalog::try_all().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(services.len(), 3);
    Calendar::from_json(calendar::embedded_data()).unwrap_or_else(|e| panic!("{e}"));
    assert!(region::load_error().is_none(), "{:?}", region::load_error());
    assert!(!region::regions().is_empty());
}

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Outer {
    #[serde(default)]
    absent: Option<u8>,
    inner: Inner,
    #[serde(default)]
    tail: Vec<u8>,
}

#[derive(serde::Deserialize, Debug, PartialEq)]
struct Inner {
    a: u8,
    #[serde(default)]
    b: Option<u8>,
    c: u8,
}

#[test]
fn in_order_reads_absent_fields_and_nested_objects() {
    let read = |text| json::in_order(|| json::from_str::<Outer>(text));
    let inner = Inner { a: 1, b: None, c: 3 };
    assert_eq!(
        read(r#"{"inner": {"a": 1, "c": 3}}"#).unwrap(),
        Outer { absent: None, inner, tail: vec![] }
    );
    assert_eq!(
        read(r#"{"absent": 7, "inner": {"a": 1, "b": 2, "c": 3}, "tail": [9]}"#).unwrap(),
        Outer { absent: Some(7), inner: Inner { a: 1, b: Some(2), c: 3 }, tail: vec![9] }
    );
}

#[test]
fn in_order_refuses_a_key_out_of_place_and_says_which() {
    let read = |text| json::in_order(|| json::from_str::<Outer>(text));
    let err = read(r#"{"inner": {"c": 3, "a": 1}}"#).unwrap_err();
    assert!(err.to_string().starts_with("key `a` out of order"), "{err}");
    let err = read(r#"{"tail": [], "inner": {"a": 1, "c": 3}}"#).unwrap_err();
    assert!(err.to_string().starts_with("key `inner` out of order"), "{err}");
    // A missing field is still serde's own error, and a repeated key is
    // refused too.
    let err = read(r#"{"inner": {"c": 3}}"#).unwrap_err();
    assert!(err.to_string().starts_with("missing field `a`"), "{err}");
    assert!(read(r#"{"inner": {"a": 1, "a": 1, "c": 3}}"#).is_err());
    // Outside `in_order`, the same texts are read in any order.
    assert!(json::from_str::<Outer>(r#"{"tail": [], "inner": {"c": 3, "a": 1}}"#).is_ok());
    // And the setting ends with the read.
    assert!(json::from_str::<Outer>(r#"{"inner": {"c": 3, "a": 1}}"#).is_ok());
}

#[test]
fn any_order_inside_in_order_is_for_its_life_only() {
    let v: Inner = json::in_order(|| {
        let _any = json::AnyOrder::new();
        json::from_str(r#"{"c": 3, "a": 1}"#)
    })
    .unwrap();
    assert_eq!(v.a, 1);
    let err = json::in_order(|| {
        drop(json::AnyOrder::new());
        json::from_str::<Inner>(r#"{"c": 3, "a": 1}"#)
    })
    .unwrap_err();
    assert!(err.to_string().starts_with("key `a` out of order"), "{err}");
}
