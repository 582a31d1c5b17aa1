//! Internally tagged enums read in one pass, without serde's buffer.
//!
//! serde's derived reader for an enum with `#[serde(tag = "…")]` cannot
//! know the variant before it has seen the tag, which may come last, so it
//! buffers the whole object into its private `Content` tree and then reads
//! the variant's fields a second time, from the tree. In the wasm that is
//! the tree's own reader (about 68 KB of apply and of staff before
//! `wasm-opt`) and a second decoder for every type inside a variant — the
//! explanation's steps, a signed document, a slot.
//!
//! The stored enums keep serde's derived *writer*, so the stored form does
//! not change, and read through a flat struct instead: the tag and every
//! field of every variant, each an `Option`, which serde_json's reader fills
//! in one pass, in any order. The tag then picks the variant and [`need`]
//! takes the fields it requires; a missing one is serde's own `missing
//! field` error, an unknown tag serde's own `unknown variant` error (the
//! tag is a derived unit enum). As with serde's reader, fields no variant
//! has are skipped unless the enum denies them.
//!
//! `tests/tagged.rs` checks every variant of every such enum against the
//! stored form and serde's refusals; it passed on serde's derived readers
//! before these replaced them, but for one intended difference: the
//! booking rules' `ChecklistSource` (read by hand, `deny_unknown_fields`)
//! now also refuses an unknown field beside its variant without fields,
//! which serde's reader let through.
//!
//! ```
//! use qujat::engine::json::tagged::need;
//!
//! let at: Result<u32, serde_json::Error> = need(Some(7), "at");
//! assert_eq!(at.unwrap(), 7);
//! let at: Result<u32, serde_json::Error> = need(None, "at");
//! assert_eq!(at.unwrap_err().to_string(), "missing field `at`");
//! ```

use serde::de::Error;

/// The field `field` a variant requires, or serde's `missing field` error.
pub fn need<T, E: Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// serde's `unknown field` error when a variant that denies unknown fields
/// got `field`, one of another variant's; `expected` are the fields the
/// variant has.
pub fn deny<T, E: Error>(
    value: &Option<T>, field: &'static str, expected: &'static [&'static str],
) -> Result<(), E> {
    match value {
        Some(_) => Err(E::unknown_field(field, expected)),
        None => Ok(()),
    }
}

/// Writes the one-pass reader of an internally tagged enum whose writer is
/// serde's derived one. It takes the enum and its tag's name; each variant
/// with the fields it requires (then, after `; opt`, its `Option` fields,
/// absent meaning `None`, and after `; default`, fields absent meaning
/// their default); every field of every variant once, by type (each is read
/// as an `Option`); and, under `read`, the fields a reader of
/// `engine::json::date` reads, by type and reader.
///
/// ```text
/// tagged::reader! {
///     TicketEvent, tag = "event";
///     variants {
///         Booked { at, office, slot }
///         Cancelled { at }
///     }
///     fields {
///         String: office;
///         SlotRef: slot;
///     }
///     read {
///         DateTime<Utc> = "crate::engine::json::date::utc_opt": at;
///     }
/// }
/// ```
///
/// Variants are named as the enum's `rename_all = "kebab-case"` names them
/// (every tagged enum here uses it); fields keep their Rust names, as serde
/// writes them. An enum that denies unknown fields is written by hand (see
/// `queue::booking::ChecklistSource`).
macro_rules! reader {
    (
        $enum:ident, tag = $tag:tt;
        variants {
            $( $var:ident { $($need:ident),* $(; opt $($opt:ident),+)? $(; default $($def:ident),+)? } )*
        }
        fields {
            $( $fty:ty : $($field:ident),+ ; )*
        }
        $( read {
            $( $rty:ty = $with:tt : $($rfield:ident),+ ; )*
        } )?
    ) => {
        impl<'de> ::serde::Deserialize<'de> for $enum {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                #[derive(::serde::Deserialize)]
                #[serde(rename_all = "kebab-case")]
                enum Tag {
                    $($var),*
                }
                #[derive(::serde::Deserialize)]
                struct Flat {
                    #[serde(rename = $tag)]
                    tag: Tag,
                    $( $( #[serde(default)] $field: ::core::option::Option<$fty>, )+ )*
                    $( $( $(
                        #[serde(default, deserialize_with = $with)]
                        $rfield: ::core::option::Option<$rty>,
                    )+ )* )?
                }
                // The tag comes first here, as the stores write it; in the
                // build-time data, whose keys are sorted, it may come later.
                let any_order = $crate::engine::json::AnyOrder::new();
                let f = <Flat as ::serde::Deserialize>::deserialize(d)?;
                drop(any_order);
                ::core::result::Result::Ok(match f.tag {
                    $( Tag::$var => $enum::$var {
                        $( $need: $crate::engine::json::tagged::need(f.$need, stringify!($need))?, )*
                        $($( $opt: f.$opt, )+)?
                        $($( $def: f.$def.unwrap_or_default(), )+)?
                    }, )*
                })
            }
        }
    };
}

pub(crate) use reader;
