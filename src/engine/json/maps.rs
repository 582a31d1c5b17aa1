//! A struct is read from a JSON object only.
//!
//! `serde_json` reads a struct from an object (`{"a": 1}`) *and* from an
//! array of its fields in order (`[1]`), so every struct's decoder is
//! compiled twice: the derived `visit_map` and `visit_seq`. Nothing the
//! app stores or ships writes a struct as an array (`serde_json` writes
//! objects), so the second decoder is dead weight: about 10 KB brotli of
//! the applying bundle and 13 KB of the back office's (measured, stop 34).
//!
//! [`Maps`] wraps a deserializer and hands the same wrapper to every value
//! inside, so that a struct anywhere in a document is read from an object
//! by `places` (its values handed to the derived
//! `visit_seq` in the struct's order), never as serde_json would read it;
//! the array form and the derived `visit_map` are then never compiled.
//! Everything else is passed through unchanged: the same values, the same
//! errors with their line and column. A struct written as an array is an
//! error (`invalid type: sequence, expected struct …`).
//!
//! ```
//! #[derive(serde::Deserialize, Debug, PartialEq)]
//! struct Point { x: i32, #[serde(default)] y: Option<i32> }
//!
//! use qujat::engine::json;
//! assert_eq!(json::from_str::<Point>(r#"{"x":1}"#).unwrap(), Point { x: 1, y: None });
//! assert!(json::from_str::<Point>("[1, 2]").is_err());
//! // serde_json alone reads the array form too:
//! assert_eq!(serde_json::from_str::<Point>("[1, 2]").unwrap(), Point { x: 1, y: Some(2) });
//! ```

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::fmt;

mod places;
pub use places::{AnyOrder, in_order, strictly};

/// A deserializer whose structs, at any depth, are read as maps only.
pub struct Maps<D>(pub D);

/// A visitor that wraps what it is given (a map, a sequence, an option's
/// value, an enum) in [`Maps`] before handing it on.
struct Wrap<V>(V);

/// A seed that reads its value through [`Maps`].
pub(super) struct Seed<S>(pub(super) S);

/// A struct variant's fields, read through [`Maps`] as a struct is.
struct StructSeed<V> {
    fields: &'static [&'static str],
    visitor: V,
}

struct Map<A>(A);
struct Seq<A>(A);
struct Enum<A>(A);
struct Variant<A>(A);

macro_rules! forward {
    ($($method:ident($($arg:ident: $t:ty),*))*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $t,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* Wrap(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Maps<D> {
    type Error = D::Error;

    forward! {
        deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16()
        deserialize_i32() deserialize_i64() deserialize_i128() deserialize_u8()
        deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
        deserialize_f32() deserialize_f64() deserialize_char() deserialize_str()
        deserialize_string() deserialize_bytes() deserialize_byte_buf()
        deserialize_option() deserialize_unit() deserialize_seq() deserialize_map()
        deserialize_identifier()
        deserialize_unit_struct(name: &'static str)
        deserialize_newtype_struct(name: &'static str)
        deserialize_tuple(len: usize)
        deserialize_tuple_struct(name: &'static str, len: usize)
        deserialize_enum(name: &'static str, variants: &'static [&'static str])
    }

    /// The point of the wrapper: a struct is read from an object, by
    /// place (`places`).
    fn deserialize_struct<V: Visitor<'de>>(
        self, _name: &'static str, fields: &'static [&'static str], visitor: V,
    ) -> Result<V::Value, D::Error> {
        places::read(self.0, fields, visitor)
    }

    /// What is skipped is skipped by serde's own `IgnoredAny`, which reads
    /// no struct: it needs no wrapping.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! pass {
    ($($method:ident: $t:ty)*) => {$(
        fn $method<E: de::Error>(self, v: $t) -> Result<V::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    pass! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64
        visit_i128: i128 visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64
        visit_u128: u128 visit_f32: f32 visit_f64: f64 visit_char: char
        visit_str: &str visit_borrowed_str: &'de str visit_string: String
        visit_bytes: &[u8] visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Maps(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Maps(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Seq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Enum(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Maps(d))
    }
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        Maps(d).deserialize_struct("", self.fields, self.visitor)
    }
}

/// A map's or a list's access that reads each key, value or item through
/// [`Maps`]; `$ret` is what the method wraps its value in.
macro_rules! access {
    ($name:ident: $access:ident { $($method:ident -> $ret:ident),* }) => {
        impl<'de, A: $access<'de>> $access<'de> for $name<A> {
            type Error = A::Error;

            $(fn $method<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<$ret<T::Value>, A::Error> {
                self.0.$method(Seed(seed))
            })*

            fn size_hint(&self) -> Option<usize> {
                self.0.size_hint()
            }
        }
    };
}

/// A value as it is (`next_value_seed` wraps it in nothing).
type Itself<T> = T;

access!(Map: MapAccess { next_key_seed -> Option, next_value_seed -> Itself });
access!(Seq: SeqAccess { next_element_seed -> Option });

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self, seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Seed(seed))?;
        Ok((value, Variant(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    /// A struct variant's value is read as a newtype's, through [`Maps`]:
    /// the inner `struct_variant` would ask for a struct and bring the
    /// array form back.
    fn struct_variant<V: Visitor<'de>>(
        self, fields: &'static [&'static str], visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.newtype_variant_seed(StructSeed { fields, visitor })
    }
}

#[cfg(test)]
mod tests {
    use super::super::from_str;
    use serde::Deserialize;
    use serde_json::Value;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        n: u8,
        s: String,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    enum Kind {
        Unit,
        New(i64),
        Pair(u8, bool),
        Fields { a: Inner, b: Option<char> },
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Wrapper(Inner);

    #[derive(Deserialize, Debug, PartialEq)]
    struct Outer<'a> {
        inner: Inner,
        list: Vec<Inner>,
        maybe: Option<Inner>,
        kinds: Vec<Kind>,
        map: BTreeMap<String, Inner>,
        tuple: (u8, Inner),
        newtype: Wrapper,
        borrowed: &'a str,
        big: i128,
        float: f64,
        #[serde(default)]
        absent: Option<u8>,
    }

    const SAMPLE: &str = r#"{
        "inner": {"n": 1, "s": "a"},
        "unknown": [1, {"deep": [2]}],
        "list": [{"n": 2, "s": "b"}, {"s": "c", "n": 3}],
        "maybe": {"n": 4, "s": "d"},
        "kinds": ["Unit", {"New": -5}, {"Pair": [6, true]},
                  {"Fields": {"a": {"n": 7, "s": "e"}, "b": "x"}}],
        "map": {"k": {"n": 8, "s": "f"}},
        "tuple": [9, {"n": 10, "s": "g"}],
        "newtype": {"n": 11, "s": "h"},
        "borrowed": "plain",
        "big": -170141183460469231731687303715884105728,
        "float": 1.5
    }"#;

    /// Every kind of value reads as serde_json alone reads it: structs at
    /// every depth (in a list, an option, a map, a tuple, a newtype, an
    /// enum's struct variant), enums of every shape, a borrowed string,
    /// numbers, an unknown field skipped, an absent optional field.
    #[test]
    fn every_kind_of_value_reads_as_serde_json_reads_it() {
        let ours: Outer = from_str(SAMPLE).unwrap();
        let theirs: Outer = serde_json::from_str(SAMPLE).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(ours.kinds.len(), 4);
        assert_eq!(ours.borrowed, "plain");
        assert_eq!(ours.big, i128::MIN);
        assert_eq!(ours.absent, None);
        let untyped: Value = from_str(SAMPLE).unwrap();
        assert_eq!(untyped, serde_json::from_str::<Value>(SAMPLE).unwrap());
    }

    /// A struct written as an array is refused wherever it is; serde_json
    /// alone accepts each of these.
    #[test]
    fn a_struct_written_as_an_array_is_an_error_at_any_depth() {
        assert!(from_str::<Inner>(r#"[1, "a"]"#).is_err());
        assert!(serde_json::from_str::<Inner>(r#"[1, "a"]"#).is_ok());
        for (from, to) in [
            (r#"{"n": 1, "s": "a"}"#, r#"[1, "a"]"#),
            (r#"{"n": 4, "s": "d"}"#, r#"[4, "d"]"#),
            (r#"{"n": 11, "s": "h"}"#, r#"[11, "h"]"#),
            (r#"{"n": 7, "s": "e"}"#, r#"[7, "e"]"#),
            (r#"{"n": 10, "s": "g"}"#, r#"[10, "g"]"#),
        ] {
            let text = SAMPLE.replacen(from, to, 1);
            assert_ne!(text, SAMPLE);
            assert!(serde_json::from_str::<Outer>(&text).is_ok(), "{to}");
            let err = from_str::<Outer>(&text).unwrap_err().to_string();
            assert!(err.contains("invalid type: sequence"), "{to}: {err}");
        }
    }

    /// Errors are serde_json's, with their place in the text.
    #[test]
    fn errors_are_serde_json_s_with_line_and_column() {
        let ours = from_str::<Inner>("{\n\"n\": 300, \"s\": \"a\"}").unwrap_err();
        let theirs = serde_json::from_str::<Inner>("{\n\"n\": 300, \"s\": \"a\"}").unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
        assert_eq!((ours.line(), ours.column()), (theirs.line(), theirs.column()));
        assert_eq!(ours.line(), 2);
        for bad in ["", "{", r#"{"n": 1}"#, r#"{"n": 1, "s": "a"} x"#, "null"] {
            assert_eq!(
                from_str::<Inner>(bad).unwrap_err().to_string(),
                serde_json::from_str::<Inner>(bad).unwrap_err().to_string(),
                "{bad:?}"
            );
        }
    }
}
