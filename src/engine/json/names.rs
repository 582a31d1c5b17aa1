//! A unit-only enum read from its name, a JSON string, only.
//!
//! serde_json reads an enum from a string (`"accepted"`) and from an object
//! of one key (`{"accepted": null}`), so serde's derived reader of every
//! enum is compiled twice, once for each form, with its variant matching
//! in both. An enum whose variants carry no data is only ever written as
//! its name (serde_json writes unit variants as strings), so the object
//! form is dead weight in the wasm.
//!
//! [`names!`](crate::engine::json::names!) makes such an enum read a string only: the enum keeps serde's
//! derive, with `#[serde(remote = "Self")]` so that the derived reader and
//! writer are the enum's own functions, and the macro implements serde's
//! traits with them — the writer unchanged, the reader handed the string
//! (serde's `StrDeserializer`). The names, renames and errors (`unknown
//! variant …`) are the derive's own; the object form is an error
//! (`invalid type: map, expected the name of a …`).
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! #[serde(remote = "Self", rename_all = "kebab-case")]
//! enum Mark { Delivered, Registered }
//! qujat::engine::json::names!(Mark);
//!
//! use qujat::engine::json;
//! assert_eq!(json::from_str::<Mark>("\"registered\"").unwrap(), Mark::Registered);
//! assert_eq!(serde_json::to_string(&Mark::Delivered).unwrap(), "\"delivered\"");
//! assert!(json::from_str::<Mark>("\"sent\"").unwrap_err().to_string().starts_with("unknown variant `sent`"));
//! assert!(json::from_str::<Mark>(r#"{"registered": null}"#).is_err());
//! // serde's derive alone also reads the object form:
//! #[derive(serde::Deserialize, Debug, PartialEq)]
//! #[serde(rename_all = "kebab-case")]
//! enum Derived { Delivered, Registered }
//! assert_eq!(serde_json::from_str::<Derived>(r#"{"registered": null}"#).unwrap(), Derived::Registered);
//! ```

use serde::Deserializer;
use serde::de::value::StrDeserializer;
use serde::de::{Error, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An enum [`names!`](crate::engine::json::names!) reads from a string: its derived reader.
pub trait ByName: Sized {
    /// The enum's name, for the error when the JSON holds no string.
    const WHAT: &'static str;
    /// serde's derived reader, given the name as a deserializer.
    fn by_name<E: Error>(name: StrDeserializer<'_, E>) -> Result<Self, E>;
}

/// Reads a string and hands it to `T`'s derived reader.
struct Name<T>(PhantomData<T>);

impl<'de, T: ByName> Visitor<'de> for Name<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the name of a {}", T::WHAT)
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<T, E> {
        T::by_name(StrDeserializer::new(name))
    }
}

/// Reads `d` as a name of `T`.
pub fn read<'de, T: ByName, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_str(Name::<T>(PhantomData))
}

/// Implements serde's traits for unit-only enums derived with
/// `#[serde(remote = "Self")]`: written as the derive writes them, read
/// from a string only (see the [module](self)). Each module names its
/// enums once, after its imports: `names!(A, B)`; `names!(read A, B)` is
/// for enums that derive only `Deserialize`.
///
/// An enum named here must keep `remote = "Self"`: without it serde's
/// derive implements the traits too, and the two impls do not compile.
#[macro_export]
#[doc(hidden)]
macro_rules! __json_names {
    (read $($t:ident),+ $(,)?) => {$(
        impl $crate::engine::json::names::ByName for $t {
            const WHAT: &'static str = stringify!($t);
            fn by_name<E: ::serde::de::Error>(
                name: ::serde::de::value::StrDeserializer<'_, E>,
            ) -> ::core::result::Result<Self, E> {
                $t::deserialize(name)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $t {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                $crate::engine::json::names::read(d)
            }
        }
    )+};
    ($($t:ident),+ $(,)?) => {
        $crate::engine::json::names!(read $($t),+);
        $(
            impl ::serde::Serialize for $t {
                fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                    $t::serialize(self, s)
                }
            }
        )+
    };
}

#[cfg(test)]
mod tests {
    use crate::engine::json;
    use crate::engine::lifecycle::State;
    use crate::engine::service::ServiceId;

    /// Every variant is written as the derive writes it and read back from
    /// that name; the object form serde's derive also reads is refused.
    #[test]
    fn names_read_back_and_objects_are_refused() {
        for id in ServiceId::ALL {
            let text = serde_json::to_string(&id).unwrap();
            assert!(text.starts_with('"'), "{text}");
            assert_eq!(json::from_str::<ServiceId>(&text).unwrap(), id);
            let object = format!("{{{text}: null}}");
            let e = json::from_str::<ServiceId>(&object).unwrap_err().to_string();
            assert!(e.contains("expected the name of a ServiceId"), "{e}");
        }
        let e = json::from_str::<ServiceId>("\"S9\"").unwrap_err().to_string();
        assert!(e.starts_with("unknown variant `S9`"), "{e}");
        let e = json::from_str::<State>("7").unwrap_err().to_string();
        assert!(e.contains("expected the name of a State"), "{e}");
    }

    /// A name is read as a map's key too (the stores keep maps by service).
    #[test]
    fn names_are_read_as_map_keys() {
        let m: std::collections::BTreeMap<ServiceId, u8> =
            json::from_str(r#"{"S1": 1, "S3": 3}"#).unwrap();
        assert_eq!(m.get(&ServiceId::S3), Some(&3));
        assert!(
            json::from_str::<std::collections::BTreeMap<ServiceId, u8>>(r#"{"S4": 1}"#).is_err()
        );
    }
}
