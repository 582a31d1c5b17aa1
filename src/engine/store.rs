//! The storage format, and the rules for reading and writing it, without
//! the browser: every stored value is wrapped in an [`Envelope`] with a
//! schema version and a revision number, and every stored collection has a
//! [`Format`] (its version and its own migration chain, in [`formats`]).
//!
//! - The schema version lets a newer release read an older visitor's data
//!   (each collection's migration steps) and an older release recognise
//!   data from a newer one: it leaves that data untouched and treats the
//!   collection as read-only ([`Loaded::Newer`], [`WriteError::Newer`]),
//!   never misreads it, never moves or deletes it.
//! - The revision makes every write a compare-and-swap ([`write`](fn@write)): read
//!   the latest, apply the change, and store `rev + 1` only if the stored
//!   value is still the one read; otherwise the change is applied again on
//!   top of the newer value. One tab's action is applied on top of the
//!   other's, never silently over it.
//! - A write either happens or changes nothing, and says which
//!   ([`NotSaved`] when the browser refuses: storage full or disabled).
//! - Anything that does not decode is [`Corrupt`](LoadError): it is copied
//!   aside under a [quarantine name](quarantine_name) that never overwrites
//!   an earlier copy, and the original is removed only once the copy is
//!   saved ([`set_aside`]); the app tells the user and loads everything
//!   else.
//!
//! [`RawStorage`] is the little the browser's `localStorage` has to provide;
//! [`MemoryStorage`] implements it for tests (with a quota, failures and
//! "another tab" writing in between).
//!
//! The same idea works inside one record: the application life cycle, a
//! complaint and a home visit each count their own changes
//! ([`Revisioned`]). A back-office page shows a record at some revision;
//! the action the user takes there is applied only if the record is still
//! at that revision, so a second tab that acted in between is never
//! silently overruled. That is one rule, in one place:
//! [`Revisioned::change_at_rev`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::engine::json;

pub mod formats;
mod raw;

pub use raw::{
    Loaded, MAX_ATTEMPTS, MAX_QUARANTINED, MemoryStorage, NotSaved, QUARANTINE_PREFIX, RawStorage,
    WriteError, Written, load, quarantine_name, set_aside, write, write_once,
};

/// The schema version every collection had before each got its own
/// [`Format`]: what `v` says in data stored by the first releases.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Schema version.
    pub v: u32,
    /// Revision: incremented by every write.
    pub rev: u64,
    pub data: T,
}

/// Why stored data could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not JSON, not an envelope, or the data does not fit the schema.
    #[error("unreadable stored data: {0}")]
    Corrupt(String),
    /// Written by a newer release of the app (its schema version): this
    /// release must leave it exactly as it is.
    #[error("stored data has schema version {0}, newer than this release reads")]
    FromTheFuture(u32),
}

/// A migration from one schema version to the next, on raw JSON.
pub type Migration = fn(serde_json::Value) -> Result<serde_json::Value, String>;

/// How one stored collection is written by this release, and how every
/// older release wrote it: its own migration chain.
///
/// `steps[i]` turns data of version `i + 1` into data of version `i + 2`,
/// so a collection at [`version`](Self::version) `n` has exactly `n - 1`
/// steps (checked when the constant is built). `bare`, if any, reads a value
/// stored without an envelope (what the first releases wrote for a few
/// keys) as data of version 1.
#[derive(Clone, Copy, Debug)]
pub struct Format {
    /// The version this release writes.
    pub version: u32,
    /// One step per older version, oldest first.
    pub steps: &'static [Migration],
    /// Reads a value stored bare (no `v`, `rev`, `data`) as version 1 data.
    pub bare: Option<Migration>,
}

impl Format {
    /// A collection still at its first version: no steps.
    pub const FIRST: Format = Format::new(1, &[], None);

    /// A format at `version` with its `steps`; a wrong number of steps does
    /// not compile (in a `const`) or panics at once.
    pub const fn new(version: u32, steps: &'static [Migration], bare: Option<Migration>) -> Format {
        assert!(version >= 1, "schema versions start at 1");
        assert!(
            steps.len() as u64 + 1 == version as u64,
            "a format needs one migration step per older version"
        );
        Format { version, steps, bare }
    }
}

/// The envelope's header, read without touching the data.
#[derive(Deserialize)]
struct Header {
    v: u32,
    rev: u64,
}

/// Decodes a stored envelope of `format`, upgrading data of an older
/// version step by step. Data of the current version is decoded from text
/// in one pass, so each stored type has a single decoder in the wasm; only
/// old data detours through an untyped value. Data of a newer version is
/// [`LoadError::FromTheFuture`], never misread.
pub fn decode<T: DeserializeOwned>(raw: &str, format: &Format) -> Result<Envelope<T>, LoadError> {
    // Everything that does not depend on `T` is in `current_text`, once;
    // what is left here is the one typed parse of an envelope.
    let text = current_text(raw, format)?;
    let env: Envelope<T> = json::from_str(&text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    Ok(Envelope { v: format.version, rev: env.rev, data: env.data })
}

/// The stored text as an envelope of `format`'s current version: `raw`
/// itself when it is at that version, or the upgraded envelope written out
/// again (old data is rare, so the extra pass costs nothing, and the wasm
/// keeps one decoder per stored type).
fn current_text<'a>(raw: &'a str, format: &Format) -> Result<std::borrow::Cow<'a, str>, LoadError> {
    let corrupt = |e: serde_json::Error| LoadError::Corrupt(e.to_string());
    let (from, rev, data) = match json::from_str::<Header>(raw) {
        Ok(header) => {
            if header.v > format.version {
                return Err(LoadError::FromTheFuture(header.v));
            }
            if header.v == 0 {
                return Err(LoadError::Corrupt("schema version 0".into()));
            }
            if header.v == format.version {
                return Ok(std::borrow::Cow::Borrowed(raw));
            }
            let value: serde_json::Value = json::from_str(raw).map_err(corrupt)?;
            let data =
                value.get("data").cloned().ok_or_else(|| LoadError::Corrupt("no data".into()))?;
            (header.v, header.rev, data)
        }
        Err(not_an_envelope) => {
            let Some(bare) = format.bare else {
                return Err(corrupt(not_an_envelope));
            };
            let value: serde_json::Value = json::from_str(raw).map_err(corrupt)?;
            (1, 0, bare(value).map_err(LoadError::Corrupt)?)
        }
    };
    let data = upgrade(data, from, format)?;
    let env = serde_json::json!({ "v": format.version, "rev": rev, "data": data });
    Ok(std::borrow::Cow::Owned(env.to_string()))
}

/// Runs the steps from version `from` up to `format.version`.
fn upgrade(
    mut data: serde_json::Value, from: u32, format: &Format,
) -> Result<serde_json::Value, LoadError> {
    for step in from..format.version {
        let migrate = format
            .steps
            .get((step - 1) as usize)
            .ok_or_else(|| LoadError::Corrupt(format!("no migration from version {step}")))?;
        data = migrate(data).map_err(LoadError::Corrupt)?;
    }
    Ok(data)
}

/// Encodes a value at `rev` in `format`'s current version.
pub fn encode<T: Serialize>(rev: u64, data: &T, format: &Format) -> String {
    serde_json::to_string(&Envelope { v: format.version, rev, data }).unwrap_or_default()
}

/// A record changed elsewhere since it was read: `expected` is the revision
/// the caller saw, `found` the record's current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the record changed elsewhere (expected revision {expected}, found {found})")]
pub struct Stale {
    pub expected: u64,
    pub found: u64,
}

/// A record that counts its changes, so that a change decided on an old
/// view of it can be refused (see the [module docs](self)).
///
/// ```
/// use qujat::engine::store::{Revisioned, Stale};
///
/// #[derive(Clone, Debug, PartialEq)]
/// struct Note { text: String, rev: u64 }
///
/// impl Revisioned for Note {
///     fn rev(&self) -> u64 { self.rev }
///     fn set_rev(&mut self, rev: u64) { self.rev = rev; }
/// }
///
/// let mut note = Note { text: "draft".into(), rev: 0 };
/// let seen = note.rev();
/// // This tab edits what it saw: accepted, and the revision moves on.
/// note.change_at_rev(seen, |n| { n.text = "first".into(); Ok::<_, Stale>(()) })?;
/// assert_eq!(note.rev, 1);
/// // Another tab that also saw revision 0 is refused, and nothing changes.
/// let stale = note.change_at_rev(seen, |n| { n.text = "second".into(); Ok::<_, Stale>(()) });
/// assert_eq!(stale, Err(Stale { expected: 0, found: 1 }));
/// assert_eq!(note.text, "first");
/// # Ok::<(), Stale>(())
/// ```
pub trait Revisioned {
    /// How many changes the record has seen.
    fn rev(&self) -> u64;

    /// Sets the revision. Only [`change_at_rev`](Self::change_at_rev) (and
    /// a record's own change methods) should call it.
    fn set_rev(&mut self, rev: u64);

    /// Applies `change` only if the record is still at revision `expected`.
    /// On success the record is at `expected + 1` (whether or not `change`
    /// counted itself); on any error, [`Stale`] or the change's own, the
    /// record is exactly as it was.
    fn change_at_rev<T, E: From<Stale>>(
        &mut self, expected: u64, change: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        Self: Clone,
    {
        let found = self.rev();
        if found != expected {
            return Err(Stale { expected, found }.into());
        }
        let before = self.clone();
        match change(self) {
            Ok(out) => {
                self.set_rev(expected.saturating_add(1));
                Ok(out)
            }
            Err(e) => {
                *self = before;
                Err(e)
            }
        }
    }
}

/// Implements [`Revisioned`] for records that keep their revision in a
/// field: `revisioned!(Hall)` reads and sets `self.rev`;
/// `revisioned!(Submission: lifecycle.rev)` names another place.
macro_rules! revisioned {
    ($t:ty) => {
        $crate::engine::store::revisioned!($t: rev);
    };
    ($t:ty: $($field:ident).+) => {
        impl $crate::engine::store::Revisioned for $t {
            fn rev(&self) -> u64 {
                self.$($field).+
            }

            fn set_rev(&mut self, rev: u64) {
                self.$($field).+ = rev;
            }
        }
    };
}
pub(crate) use revisioned;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Drafts = BTreeMap<String, String>;

    #[test]
    fn a_round_trip_keeps_data_and_revision() {
        let mut d = Drafts::new();
        d.insert("a".into(), "<b>plain</b> \u{202E} 🎓".into());
        let raw = encode(7, &d, &Format::FIRST);
        let env: Envelope<Drafts> = decode(&raw, &Format::FIRST).unwrap();
        assert_eq!((env.rev, env.data), (7, d));
    }

    #[test]
    fn garbage_and_foreign_data_are_reported_not_panicked_on() {
        for raw in [
            "",
            "{",
            "null",
            "42",
            "\"text\"",
            "{\"v\":1}",
            "{\"v\":1,\"rev\":1}",
            "{\"v\":\"1\",\"rev\":1,\"data\":{}}",
        ] {
            assert!(
                matches!(decode::<Drafts>(raw, &Format::FIRST), Err(LoadError::Corrupt(_))),
                "{raw:?}"
            );
        }
        let wrong_shape = r#"{"v":1,"rev":3,"data":[1,2,3]}"#;
        assert!(matches!(
            decode::<Drafts>(wrong_shape, &Format::FIRST),
            Err(LoadError::Corrupt(_))
        ));
    }

    #[test]
    fn data_from_a_newer_release_is_not_misread() {
        let raw = r#"{"v":2,"rev":1,"data":{}}"#;
        assert_eq!(decode::<Drafts>(raw, &Format::FIRST), Err(LoadError::FromTheFuture(2)));
    }

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Counter {
        n: i32,
        rev: u64,
    }

    revisioned!(Counter);

    #[derive(Debug, PartialEq)]
    enum CounterError {
        Stale(Stale),
        Negative,
    }

    impl From<Stale> for CounterError {
        fn from(s: Stale) -> Self {
            CounterError::Stale(s)
        }
    }

    fn add(c: &mut Counter, k: i32) -> Result<i32, CounterError> {
        c.n += k;
        if c.n < 0 {
            return Err(CounterError::Negative);
        }
        Ok(c.n)
    }

    #[test]
    fn a_change_at_the_current_revision_applies_and_counts_once() {
        let mut c = Counter::default();
        assert_eq!(c.change_at_rev(0, |c| add(c, 2)), Ok(2));
        assert_eq!(c.rev, 1);
        // A change that counts itself is not counted twice.
        let r = c.change_at_rev(1, |c| {
            c.rev += 1;
            add(c, 1)
        });
        assert_eq!((r, c.rev), (Ok(3), 2));
    }

    #[test]
    fn a_stale_or_failed_change_leaves_the_record_as_it_was() {
        let mut c = Counter { n: 1, rev: 4 };
        assert_eq!(
            c.change_at_rev(3, |c| add(c, 1)),
            Err(CounterError::Stale(Stale { expected: 3, found: 4 }))
        );
        assert_eq!(c, Counter { n: 1, rev: 4 });
        // The change failed half-way (it had already written `n`): rolled back.
        assert_eq!(c.change_at_rev(4, |c| add(c, -5)), Err(CounterError::Negative));
        assert_eq!(c, Counter { n: 1, rev: 4 });
    }
}
