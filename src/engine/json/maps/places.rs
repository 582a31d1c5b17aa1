//! A struct is read *by place*: its object's values handed to serde's
//! `visit_seq` in the order of the struct's fields.
//!
//! serde's derive writes two decoders for a struct: `visit_map`, which
//! matches each key against the field names, keeps every field in an
//! `Option` until the end, and reports missing and repeated fields; and
//! `visit_seq`, which takes the fields in order. A deserializer that only
//! ever calls one of them compiles only that one, and `visit_seq` is the
//! smaller by far. [`Maps`](super::Maps) asks for every struct through
//! [`read`], which reads the object itself and hands its values to
//! `visit_seq`, field by field, in the struct's order:
//!
//! - keys that come in the struct's order (everything serde writes: the
//!   stores, an export) are read straight from the text, as they come;
//! - a key that comes early has its value's text set aside and read when
//!   its field's turn comes (the build-time data, whose keys are sorted,
//!   is read [`in_order`] instead: its structs declare their fields in
//!   that order, so nothing is set aside);
//! - a field that is not there is reported absent to `visit_seq`, which
//!   takes the field's default if it has one (`#[serde(default)]`, also
//!   for an `Option`); if it has none, the error is serde's own
//!   `missing field `…``, in the same place;
//! - a key named twice is serde's `duplicate field `…``;
//! - an unknown key is skipped, or, when the document is read strictly
//!   ([`from_str_strict`](crate::engine::json::from_str_strict): build-time data and the
//!   headers of an imported file), serde's `unknown field `…`, expected
//!   one of …`.
//!
//! So strictness is a property of the document, not of the type: the same
//! struct read from the browser's stores tolerates a field a newer or
//! older Qujat wrote, and read from the shipped data refuses a misspelt
//! key, at any depth.
//!
//! ```
//! use qujat::engine::json;
//!
//! #[derive(serde::Deserialize, Debug, PartialEq)]
//! struct Point { x: i32, #[serde(default)] y: Option<i32>, #[serde(default)] tags: Vec<String> }
//!
//! let p: Point = json::from_str(r#"{"tags": ["a"], "x": 1}"#).unwrap();
//! assert_eq!(p, Point { x: 1, y: None, tags: vec!["a".into()] });
//! let err = json::from_str::<Point>(r#"{"y": 2}"#).unwrap_err();
//! assert_eq!(err.to_string(), "missing field `x` at line 1 column 8");
//! assert!(json::from_str::<Point>(r#"{"x": 1, "z": 0}"#).is_ok());
//! let err = json::from_str_strict::<Point>(r#"{"x": 1, "z": 0}"#).unwrap_err();
//! assert!(err.to_string().starts_with("unknown field `z`, expected one of `x`, `y`, `tags`"));
//! ```

use super::Seed;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::de::StrRead;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;

thread_local! {
    /// Whether an unknown key is an error: set for the length of one
    /// [`strictly`] read.
    static STRICT: Cell<bool> = const { Cell::new(false) };
    /// Whether every object's keys come in the order of its struct's
    /// fields: set for the length of one [`in_order`] read.
    static IN_ORDER: Cell<bool> = const { Cell::new(false) };
}

/// A thread-local flag set for as long as this lives, then put back as it
/// was (also when a reader returns early or unwinds).
struct Restore(&'static std::thread::LocalKey<Cell<bool>>, bool);

impl Restore {
    #[inline(never)]
    fn set(flag: &'static std::thread::LocalKey<Cell<bool>>, to: bool) -> Restore {
        Restore(flag, flag.with(|s| s.replace(to)))
    }
}

impl Drop for Restore {
    #[inline(never)]
    fn drop(&mut self) {
        self.0.with(|s| s.set(self.1));
    }
}

/// Runs `read` with `flag` set to `to`, restoring it afterwards, whatever
/// `read` returns.
fn with_flag<R>(
    flag: &'static std::thread::LocalKey<Cell<bool>>, to: bool, read: impl FnOnce() -> R,
) -> R {
    let _restore = Restore::set(flag, to);
    read()
}

/// Runs `read` (any of [`json`](crate::engine::json)'s readers) with
/// unknown keys refused at any depth, as
/// [`from_str_strict`](crate::engine::json::from_str_strict) reads; the
/// setting before it is restored afterwards, whatever `read` returns.
///
/// ```
/// use qujat::engine::json;
///
/// #[derive(serde::Deserialize, Debug)]
/// struct Header { version: u32 }
///
/// let bytes = br#"{"version": 1, "extra": true}"#;
/// assert!(json::from_bytes::<Header>(bytes).is_ok());
/// assert!(json::strictly(|| json::from_bytes::<Header>(bytes)).is_err());
/// assert!(json::from_bytes::<Header>(bytes).is_ok());
/// ```
pub fn strictly<R>(read: impl FnOnce() -> R) -> R {
    with_flag(&STRICT, true, read)
}

/// Runs `read` trusting every object's keys to come in the order of its
/// struct's fields, as they do in the build-time data: `src/build.rs`
/// writes its keys sorted, and the structs read from it declare their
/// fields in that order (tests/data_order.rs). Each value is then read
/// once, where it is: a key past a field's place means that the field is
/// absent, so no value is set aside to be read again (which, for the
/// catalogue's sorted keys and optional fields, had its values read two to
/// five times over, one more for each ancestor set aside). A key that
/// comes after its place is an error (`key … out of order`), never a value
/// read wrong.
///
/// ```
/// use qujat::engine::json;
///
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Sorted { a: u8, #[serde(default)] b: Option<u8>, c: u8 }
///
/// let s: Sorted = json::in_order(|| json::from_str(r#"{"a": 1, "c": 3}"#)).unwrap();
/// assert_eq!(s, Sorted { a: 1, b: None, c: 3 });
/// let err = json::in_order(|| json::from_str::<Sorted>(r#"{"c": 3, "a": 1}"#)).unwrap_err();
/// assert!(err.to_string().starts_with("key `a` out of order"));
/// // Read in any order, the same text is fine.
/// assert!(json::from_str::<Sorted>(r#"{"c": 3, "a": 1}"#).is_ok());
/// ```
pub fn in_order<R>(read: impl FnOnce() -> R) -> R {
    with_flag(&IN_ORDER, true, read)
}

/// Keys in any order while this lives, inside an [`in_order`] read: for a
/// reader whose own struct puts a key first that sorts later (a tagged
/// enum's tag, `json::tagged`). A guard, not a closure, so that the
/// readers using it share one compiled copy.
pub struct AnyOrder {
    _restore: Restore,
}

impl AnyOrder {
    #[allow(clippy::new_without_default)]
    pub fn new() -> AnyOrder {
        AnyOrder { _restore: Restore::set(&IN_ORDER, false) }
    }
}

/// Reads the struct `fields` describe from `de`'s next value, an object,
/// through `visitor`'s `visit_seq`.
pub(super) fn read<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    de: D, fields: &'static [&'static str], visitor: V,
) -> Result<V::Value, D::Error> {
    de.deserialize_map(Object { fields, visitor })
}

/// The visitor of the object: only an object is a struct.
struct Object<V> {
    fields: &'static [&'static str],
    visitor: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Object<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        // This function is compiled once for every struct type: what does
        // not depend on the type is in `Places`' own (out-of-line) methods.
        let mut places = Places::new(map, self.fields);
        match self.visitor.visit_seq(&mut places) {
            Ok(value) => places.rest().map(|()| value),
            Err(e) => Err(places.missing(e)),
        }
    }
}

/// Where a field's value is.
enum Found {
    /// Next in the text.
    Here,
    /// Set aside, its key having come before its turn; [`Places::again`]
    /// now reads it.
    Again,
    /// Not in the object.
    Absent,
}

/// The object's values, in the order of the struct's fields.
struct Places<'de, A> {
    map: A,
    fields: &'static [&'static str],
    /// The field `visit_seq` asks for next.
    next: usize,
    /// Values whose keys came before their turn, by field.
    early: Vec<(usize, &'de RawValue)>,
    /// The field last reported absent, until another is asked for.
    absent: Option<usize>,
    /// Whether the object's keys are all read.
    ended: bool,
    /// The reader of the value set aside that is read now. It is made here,
    /// once, rather than in each type's [`SeqAccess::next_element_seed`]:
    /// that is compiled once per type of field.
    again: Option<serde_json::Deserializer<StrRead<'de>>>,
    /// In an [`in_order`] read: a key read past its field's place, whose
    /// value is next in the text; the fields before it are absent.
    pending: Option<usize>,
    /// Whether this object's keys come in its fields' order ([`in_order`]).
    in_order: bool,
}

impl<'de, A: MapAccess<'de>> Places<'de, A> {
    #[inline(never)]
    fn new(map: A, fields: &'static [&'static str]) -> Self {
        Places {
            map,
            fields,
            next: 0,
            early: Vec::new(),
            absent: None,
            ended: false,
            again: None,
            pending: None,
            in_order: IN_ORDER.with(Cell::get),
        }
    }

    /// The error of a struct's `visit_seq`: serde's `visit_seq` calls a
    /// field it was not given a length error; it is the field that is
    /// missing (or, in an [`in_order`] read, out of its place).
    #[inline(never)]
    fn missing(&mut self, e: A::Error) -> A::Error {
        match self.absent.take() {
            Some(i) if self.in_order && self.comes_later(i) => out_of_order(self.fields[i]),
            Some(i) => de::Error::missing_field(self.fields[i]),
            None => e,
        }
    }

    /// The next key: a field's index, or `None` for an unknown key (whose
    /// value is then skipped, or refused when reading strictly).
    fn key(&mut self) -> Result<Option<Option<usize>>, A::Error> {
        let Some(key) = self.map.next_key_seed(Key(self.fields))? else {
            self.ended = true;
            return Ok(None);
        };
        if key.is_none() {
            self.map.next_value::<IgnoredAny>()?;
        }
        Ok(Some(key))
    }

    /// Where field `i`'s value is, reading keys up to it.
    fn find(&mut self, i: usize) -> Result<Found, A::Error> {
        if let Some(j) = self.pending {
            if j == i {
                self.pending = None;
                return Ok(Found::Here);
            }
            return Ok(Found::Absent);
        }
        if let Some(at) = self.early.iter().position(|(j, _)| *j == i) {
            let raw = self.early.swap_remove(at).1;
            self.again = Some(serde_json::Deserializer::from_str(raw.get()));
            return Ok(Found::Again);
        }
        while !self.ended {
            match self.key()? {
                Some(Some(j)) if j == i => return Ok(Found::Here),
                Some(Some(j)) if j > i && self.in_order => {
                    self.pending = Some(j);
                    return Ok(Found::Absent);
                }
                Some(Some(j)) if self.in_order => return Err(out_of_order(self.fields[j])),
                Some(Some(j)) if j > i && self.early.iter().all(|(k, _)| *k != j) => {
                    let raw: &'de RawValue = self.map.next_value()?;
                    self.early.push((j, raw));
                }
                Some(Some(j)) => return Err(de::Error::duplicate_field(self.fields[j])),
                _ => {}
            }
        }
        Ok(Found::Absent)
    }

    /// In an [`in_order`] read that found field `i` missing: whether its
    /// key comes later in the object (out of its place), for the error to
    /// say so. Reads the rest of the object; an error is "no".
    fn comes_later(&mut self, i: usize) -> bool {
        if self.pending.take().is_some() && self.map.next_value::<IgnoredAny>().is_err() {
            return false;
        }
        while !self.ended {
            match self.key() {
                Ok(Some(Some(j))) if j == i => return true,
                Ok(Some(Some(_))) => {
                    if self.map.next_value::<IgnoredAny>().is_err() {
                        return false;
                    }
                }
                Ok(_) => {}
                Err(_) => return false,
            }
        }
        false
    }

    /// After the last field: any key left is a repeated field or an
    /// unknown one.
    fn rest(&mut self) -> Result<(), A::Error> {
        while !self.ended {
            if let Some(Some(j)) = self.key()? {
                return Err(de::Error::duplicate_field(self.fields[j]));
            }
        }
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>> SeqAccess<'de> for Places<'de, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self, seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let i = self.next;
        self.absent = None;
        if i == self.fields.len() {
            return Ok(None);
        }
        self.next += 1;
        match (self.find(i)?, self.again.as_mut()) {
            (Found::Here, _) => self.map.next_value_seed(Seed(seed)).map(Some),
            // A value set aside was read once already, so only a value of
            // the wrong type can fail here: the message is kept, and the
            // place is the object's.
            (Found::Again, Some(de)) => Seed(seed).deserialize(de).map(Some).map_err(placeless),
            // `find` sets `again` whenever it answers `Again`, so only
            // `Absent` comes here. (A reader that always exists, made of ""
            // until a value is set aside, reads the same and costs 0.3 KB
            // of apply's wasm and 0.7 KB of staff's, measured at stop 36.)
            (Found::Absent, _) | (Found::Again, None) => {
                self.absent = Some(i);
                Ok(None)
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len() - self.next)
    }
}

/// A key past its field's place in an [`in_order`] read.
#[inline(never)]
fn out_of_order<E: de::Error>(field: &str) -> E {
    E::custom(format_args!(
        "key `{field}` out of order (the keys are sorted: declare the struct's fields in that order)"
    ))
}

/// `e`'s message without its place (which is in the value's own text).
/// Out of line and generic over the error type only: one copy, not one per
/// type of value.
#[inline(never)]
fn placeless<E: de::Error>(e: serde_json::Error) -> E {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    E::custom(text.strip_suffix(&place).unwrap_or(&text))
}

/// A key: the index of the field it names, or `None` if it names none
/// (an error when reading strictly).
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        match self.0.iter().position(|f| *f == key) {
            Some(i) => Ok(Some(i)),
            None if STRICT.with(Cell::get) => Err(E::unknown_field(key, self.0)),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests;
