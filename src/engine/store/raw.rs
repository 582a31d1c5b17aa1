//! Reading and writing a collection on a key-value store (the browser's
//! `localStorage`), as pure rules over [`RawStorage`]: the UI implements
//! the trait for the browser, tests and the fuzz harness use
//! [`MemoryStorage`].

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Envelope, Format, LoadError, decode, encode};

/// The browser refused to store a value (storage full or disabled). Nothing
/// was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the browser did not save the change (storage full or disabled)")]
pub struct NotSaved;

/// What a key-value store has to provide. A failed `set` must leave the
/// stored value as it was (`localStorage.setItem` does).
pub trait RawStorage {
    /// The value under `key`; `None` when there is none (or storage cannot
    /// be read at all).
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`, or says the store refused.
    fn set(&self, key: &str, value: &str) -> Result<(), NotSaved>;
    /// Removes `key` (nothing if absent).
    fn remove(&self, key: &str);
}

/// Where unreadable values are copied: `qujat.quarantine.<key>`.
pub const QUARANTINE_PREFIX: &str = "qujat.quarantine.";

/// How many copies of one key's unreadable values are kept at most.
pub const MAX_QUARANTINED: u32 = 100;

/// The first free name to set an unreadable value of `key` aside under:
/// `qujat.quarantine.<key>`, then `qujat.quarantine.<key>~2`, `~3`, … up to
/// [`MAX_QUARANTINED`]. A name for which `taken` says yes is never chosen,
/// so an earlier copy is never overwritten; `None` when all are taken.
///
/// ```
/// use qujat::engine::store::quarantine_name;
///
/// let taken = ["qujat.quarantine.qujat.apps"];
/// assert_eq!(
///     quarantine_name("qujat.apps", |k| taken.contains(&k)).as_deref(),
///     Some("qujat.quarantine.qujat.apps~2")
/// );
/// ```
pub fn quarantine_name(key: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let first = format!("{QUARANTINE_PREFIX}{key}");
    if !taken(&first) {
        return Some(first);
    }
    (2..=MAX_QUARANTINED).map(|n| format!("{first}~{n}")).find(|name| !taken(name))
}

/// Copies the unreadable `raw` value of `key` to a free quarantine name and
/// only then removes the original: first the copy is written and read
/// back; if that fails (storage full), the original stays where it is and
/// the answer is [`NotSaved`]. The original is removed only if it still is
/// `raw` (another tab may have written a good value meanwhile). Returns the
/// name of the copy.
pub fn set_aside(s: &impl RawStorage, key: &str, raw: &str) -> Result<String, NotSaved> {
    let name = quarantine_name(key, |k| s.get(k).is_some()).ok_or(NotSaved)?;
    s.set(&name, raw)?;
    if s.get(&name).as_deref() != Some(raw) {
        return Err(NotSaved);
    }
    if s.get(key).as_deref() == Some(raw) {
        s.remove(key);
    }
    Ok(name)
}

/// What reading one collection found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored yet.
    Empty,
    /// The data (upgraded to this release's version if it was older).
    Read(Envelope<T>),
    /// Written by a newer release (schema `version`): left exactly as it
    /// is. This release must not write the collection (it is read-only
    /// here) and should offer to reload into the newer release.
    Newer { version: u32 },
    /// Unreadable: copied to `to` and removed; the collection starts empty.
    SetAside { to: String, why: String },
    /// Unreadable, and the copy could not be saved (storage full): the
    /// original stays, and the collection is read-only until it can be set
    /// aside.
    Unreadable { why: String },
}

impl<T: Default> Loaded<T> {
    /// The revision and data to show: the stored ones, or empty.
    pub fn into_parts(self) -> (u64, T) {
        match self {
            Loaded::Read(env) => (env.rev, env.data),
            _ => (0, T::default()),
        }
    }
}

impl<T> Loaded<T> {
    /// True when this release must not write the collection.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Loaded::Newer { .. } | Loaded::Unreadable { .. })
    }
}

/// Reads `key` in `format`. An unreadable value is [set aside](set_aside);
/// a value from a newer release is left untouched.
pub fn load<T: DeserializeOwned>(s: &impl RawStorage, key: &str, format: &Format) -> Loaded<T> {
    let Some(raw) = s.get(key) else {
        return Loaded::Empty;
    };
    match decode::<T>(&raw, format) {
        Ok(env) => Loaded::Read(env),
        Err(LoadError::FromTheFuture(version)) => Loaded::Newer { version },
        Err(LoadError::Corrupt(why)) => match set_aside(s, key, &raw) {
            Ok(to) => Loaded::SetAside { to, why },
            Err(NotSaved) => Loaded::Unreadable { why },
        },
    }
}

/// Why a write did not happen. In every case nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError<E> {
    /// The change itself said no.
    Rule(E),
    /// The stored value is from a newer release (schema `version`): this
    /// release leaves it alone.
    Newer { version: u32 },
    /// The stored value is unreadable and could not be set aside.
    Unreadable,
    /// The store refused the new value (storage full or disabled).
    NotSaved,
    /// Other writers changed the value every time this one was about to
    /// store (see [`MAX_ATTEMPTS`](super::MAX_ATTEMPTS)).
    Contended,
}

impl<E> From<NotSaved> for WriteError<E> {
    fn from(_: NotSaved) -> Self {
        WriteError::NotSaved
    }
}

impl<E: fmt::Display> fmt::Display for WriteError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Rule(e) => e.fmt(f),
            WriteError::Newer { version } => {
                write!(f, "the stored data is from a newer release (schema version {version})")
            }
            WriteError::Unreadable => f.write_str("the stored data is unreadable"),
            WriteError::NotSaved => NotSaved.fmt(f),
            WriteError::Contended => f.write_str("the data kept changing in another tab"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for WriteError<E> {}

/// How many times [`write`](fn@write) applies a change again on top of a value that
/// changed while it was applying it, before giving up.
pub const MAX_ATTEMPTS: u32 = 8;

/// A write that happened: the new revision, the data as stored, and what
/// the change returned.
#[derive(Clone, Debug, PartialEq)]
pub struct Written<T, R> {
    pub rev: u64,
    pub data: T,
    pub out: R,
}

/// The one way to change a collection: a compare-and-swap on the stored
/// value.
///
/// Reads the latest stored value of `key` (empty if none), applies
/// `change` to it, and stores the result at `rev + 1` only if the stored
/// value is still exactly the one read; if another writer changed it in
/// between, `change` runs again on the newer value (up to
/// [`MAX_ATTEMPTS`](super::MAX_ATTEMPTS) times). Nothing is written when `change` says no, when
/// the store refuses ([`WriteError::NotSaved`], the stored value then
/// stays as it was), or when the stored value is from a newer release or
/// unreadable and cannot be set aside.
pub fn write<T, R, E>(
    s: &impl RawStorage, key: &str, format: &Format, mut change: impl FnMut(&mut T) -> Result<R, E>,
) -> Result<Written<T, R>, WriteError<E>>
where
    T: Serialize + DeserializeOwned + Default,
{
    for _ in 0..MAX_ATTEMPTS {
        match attempt(s, key, format, &mut change)? {
            Some(written) => return Ok(written),
            None => continue,
        }
    }
    Err(WriteError::Contended)
}

/// [`write`](fn@write) for a change that can run only once (it moves what it
/// stores): one compare-and-swap attempt. In the browser nothing can write
/// between its read and its store (both run in one task of the page), so
/// the one attempt is all there is; elsewhere a writer in between makes it
/// [`WriteError::Contended`], with nothing written.
///
/// ```
/// use qujat::engine::store::{Format, MemoryStorage, WriteError, write_once};
///
/// let s = MemoryStorage::new();
/// let name = String::from("Aigerim");
/// let w = write_once(&s, "qujat.names", &Format::FIRST, |v: &mut Vec<String>| {
///     v.push(name);
///     Ok::<_, ()>(v.len())
/// })
/// .unwrap();
/// assert_eq!((w.rev, w.out), (1, 1));
///
/// s.put("qujat.names", r#"{"v":99,"rev":3,"data":[]}"#);
/// let newer = write_once(&s, "qujat.names", &Format::FIRST, |v: &mut Vec<String>| {
///     v.clear();
///     Ok::<_, ()>(())
/// });
/// assert_eq!(newer.unwrap_err(), WriteError::Newer { version: 99 });
/// ```
pub fn write_once<T, R, E>(
    s: &impl RawStorage, key: &str, format: &Format, change: impl FnOnce(&mut T) -> Result<R, E>,
) -> Result<Written<T, R>, WriteError<E>>
where
    T: Serialize + DeserializeOwned + Default,
{
    let mut change = Some(change);
    let mut once = |data: &mut T| match change.take() {
        Some(change) => change(data).map(Some),
        None => Ok(None),
    };
    match attempt(s, key, format, &mut once)? {
        Some(Written { rev, data, out: Some(out) }) => Ok(Written { rev, data, out }),
        _ => Err(WriteError::Contended),
    }
}

/// One compare-and-swap: `Ok(None)` when the stored value changed under it
/// (nothing written; try again on the newer value).
fn attempt<T, R, E>(
    s: &impl RawStorage, key: &str, format: &Format,
    change: &mut impl FnMut(&mut T) -> Result<R, E>,
) -> Result<Option<Written<T, R>>, WriteError<E>>
where
    T: Serialize + DeserializeOwned + Default,
{
    let mut seen = s.get(key);
    let (rev, mut data) = match &seen {
        None => (0, T::default()),
        Some(raw) => match decode::<T>(raw, format) {
            Ok(env) => (env.rev, env.data),
            Err(LoadError::FromTheFuture(version)) => return Err(WriteError::Newer { version }),
            Err(LoadError::Corrupt(_)) => {
                set_aside(s, key, raw).map_err(|_| WriteError::Unreadable)?;
                seen = s.get(key);
                if seen.is_some() {
                    // Another writer stored something meanwhile: read it.
                    return Ok(None);
                }
                (0, T::default())
            }
        },
    };
    let out = change(&mut data).map_err(WriteError::Rule)?;
    let next = rev.saturating_add(1);
    let text = encode(next, &data, format);
    if s.get(key) != seen {
        return Ok(None);
    }
    s.set(key, &text)?;
    Ok(Some(Written { rev: next, data, out }))
}

/// An in-memory [`RawStorage`] for tests and the fuzz harness, with the
/// browser's failure modes: a quota (in bytes of keys and values, like the
/// browser's per-origin limit), writes that fail, and "another tab" whose
/// writes land right after the next read.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
    refuse_writes: Cell<bool>,
    meanwhile: RefCell<Vec<(String, String)>>,
}

impl MemoryStorage {
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Refuses a `set` that would bring the total size over `bytes`.
    pub fn with_quota(bytes: usize) -> MemoryStorage {
        let s = MemoryStorage::default();
        s.quota.set(Some(bytes));
        s
    }

    /// Every `set` fails from now on (`true`) or works again (`false`).
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse_writes.set(refuse);
    }

    /// Another tab writes `value` under `key` right after the next `get`
    /// (of any key) returns: between a writer's read and its store.
    pub fn meanwhile(&self, key: &str, value: &str) {
        self.meanwhile.borrow_mut().push((key.to_string(), value.to_string()));
    }

    /// Total bytes of keys and values.
    pub fn used(&self) -> usize {
        self.items.borrow().iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// All keys, sorted.
    pub fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }

    /// Stores directly, without quota or failures (test set-up).
    pub fn put(&self, key: &str, value: &str) {
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
    }
}

impl RawStorage for MemoryStorage {
    fn get(&self, key: &str) -> Option<String> {
        let out = self.items.borrow().get(key).cloned();
        let pending: Vec<(String, String)> = self.meanwhile.borrow_mut().drain(..).collect();
        for (k, v) in pending {
            self.put(&k, &v);
        }
        out
    }

    fn set(&self, key: &str, value: &str) -> Result<(), NotSaved> {
        if self.refuse_writes.get() {
            return Err(NotSaved);
        }
        if let Some(quota) = self.quota.get() {
            let old = self.items.borrow().get(key).map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > quota {
                return Err(NotSaved);
            }
        }
        self.put(key, value);
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::store::Migration;

    type Notes = BTreeMap<String, String>;
    const KEY: &str = "qujat.notes";

    fn note(m: &mut Notes, k: &str, v: &str) -> Result<(), ()> {
        m.insert(k.into(), v.into());
        Ok(())
    }

    type Added = Result<Written<Notes, ()>, WriteError<()>>;

    /// [`write`]s the note `k` = `v` under [`KEY`].
    fn add(s: &impl RawStorage, k: &str, v: &str) -> Added {
        write(s, KEY, &Format::FIRST, |m: &mut Notes| note(m, k, v))
    }

    /// [`write_once`]s the note `k` = `v` under [`KEY`].
    fn add_once(s: &impl RawStorage, k: &str, v: &str) -> Added {
        write_once(s, KEY, &Format::FIRST, |m: &mut Notes| note(m, k, v))
    }

    fn stored(s: &MemoryStorage) -> Notes {
        load::<Notes>(s, KEY, &Format::FIRST).into_parts().1
    }

    /// The write was refused as not saved, and what is stored is `before`.
    #[track_caller]
    fn not_saved(s: &MemoryStorage, written: Added, before: Option<&str>) {
        assert_eq!(written, Err(WriteError::NotSaved));
        assert_eq!(s.get(KEY).as_deref(), before);
    }

    #[test]
    fn a_write_is_read_back_with_the_next_revision() {
        let s = MemoryStorage::new();
        let w = add(&s, "a", "1").unwrap();
        assert_eq!(w.rev, 1);
        let w = add(&s, "b", "2").unwrap();
        assert_eq!(w.rev, 2);
        match load::<Notes>(&s, KEY, &Format::FIRST) {
            Loaded::Read(env) => {
                assert_eq!(env.rev, 2);
                assert_eq!(env.data.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn another_writer_in_between_is_not_overwritten() {
        let s = MemoryStorage::new();
        add(&s, "a", "1").unwrap();
        // While this tab applies its change, another tab stores "b".
        let theirs = encode(
            2,
            &Notes::from([("a".into(), "1".into()), ("b".into(), "2".into())]),
            &Format::FIRST,
        );
        s.meanwhile(KEY, &theirs);
        let mut runs = 0;
        let w = write(&s, KEY, &Format::FIRST, |m: &mut Notes| {
            runs += 1;
            note(m, "c", "3")
        })
        .unwrap();
        assert_eq!(runs, 2, "the change was applied again on the newer value");
        assert_eq!(w.rev, 3);
        assert_eq!(stored(&s).keys().cloned().collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn a_single_attempt_never_overwrites_a_writer_in_between() {
        let s = MemoryStorage::new();
        add(&s, "a", "1").unwrap();
        let theirs = encode(2, &Notes::from([("b".into(), "2".into())]), &Format::FIRST);
        s.meanwhile(KEY, &theirs);
        let r = add_once(&s, "c", "3");
        assert_eq!(r, Err(WriteError::Contended));
        assert_eq!(s.get(KEY).as_deref(), Some(theirs.as_str()), "theirs stays");
        // Once nobody writes in between, it is stored on top of theirs.
        let w = add_once(&s, "c", "3").unwrap();
        assert_eq!(w.rev, 3);
        assert_eq!(stored(&s).keys().cloned().collect::<Vec<_>>(), ["b", "c"]);
    }

    #[test]
    fn a_single_attempt_leaves_newer_and_unsaveable_data_alone() {
        let s = MemoryStorage::new();
        let newer = r#"{"v":7,"rev":1,"data":{}}"#;
        s.put(KEY, newer);
        let r = add_once(&s, "a", "1");
        assert_eq!(r, Err(WriteError::Newer { version: 7 }));
        assert_eq!(s.get(KEY).as_deref(), Some(newer));

        let s = MemoryStorage::new();
        s.refuse_writes(true);
        not_saved(&s, add_once(&s, "a", "1"), None);
    }

    #[test]
    fn a_writer_that_never_gets_a_quiet_moment_gives_up_without_writing() {
        struct Busy(MemoryStorage, Cell<u64>);
        impl RawStorage for Busy {
            fn get(&self, key: &str) -> Option<String> {
                let out = self.0.get(key);
                self.1.set(self.1.get() + 1);
                self.0.put(key, &encode(self.1.get(), &Notes::new(), &Format::FIRST));
                out
            }
            fn set(&self, key: &str, value: &str) -> Result<(), NotSaved> {
                self.0.set(key, value)
            }
            fn remove(&self, key: &str) {
                self.0.remove(key)
            }
        }
        let s = Busy(MemoryStorage::new(), Cell::new(0));
        let r = add(&s, "a", "1");
        assert_eq!(r, Err(WriteError::Contended));
        assert!(stored(&s.0).is_empty());
    }

    #[test]
    fn a_full_store_changes_nothing_and_says_so() {
        let s = MemoryStorage::with_quota(120);
        add(&s, "a", "1").unwrap();
        let before = s.get(KEY);
        not_saved(&s, add(&s, "b", &"x".repeat(200)), before.as_deref());
        s.refuse_writes(true);
        not_saved(&s, add(&s, "c", "3"), before.as_deref());
    }

    #[test]
    fn a_refused_change_writes_nothing() {
        let s = MemoryStorage::new();
        let r = write(&s, KEY, &Format::FIRST, |m: &mut Notes| {
            m.insert("a".into(), "1".into());
            Err::<(), _>("no")
        });
        assert_eq!(r, Err(WriteError::Rule("no")));
        assert_eq!(s.get(KEY), None);
    }

    #[test]
    fn data_from_a_newer_release_is_left_alone_and_read_only() {
        let s = MemoryStorage::new();
        let newer = r#"{"v":7,"rev":3,"data":{"shape":"unknown to us"}}"#;
        s.put(KEY, newer);
        let loaded = load::<Notes>(&s, KEY, &Format::FIRST);
        assert_eq!(loaded, Loaded::Newer { version: 7 });
        assert!(loaded.is_read_only());
        let r = add(&s, "a", "1");
        assert_eq!(r, Err(WriteError::Newer { version: 7 }));
        assert_eq!(s.get(KEY).as_deref(), Some(newer));
        assert_eq!(s.keys(), [KEY], "nothing set aside, nothing removed");
    }

    #[test]
    fn unreadable_data_is_set_aside_without_overwriting_an_earlier_copy() {
        let s = MemoryStorage::new();
        s.put(KEY, "first garbage");
        assert!(matches!(
            load::<Notes>(&s, KEY, &Format::FIRST),
            Loaded::SetAside { ref to, .. } if to == "qujat.quarantine.qujat.notes"
        ));
        s.put(KEY, "second garbage");
        assert!(matches!(
            load::<Notes>(&s, KEY, &Format::FIRST),
            Loaded::SetAside { ref to, .. } if to == "qujat.quarantine.qujat.notes~2"
        ));
        assert_eq!(s.get("qujat.quarantine.qujat.notes").as_deref(), Some("first garbage"));
        assert_eq!(s.get("qujat.quarantine.qujat.notes~2").as_deref(), Some("second garbage"));
        assert_eq!(s.get(KEY), None);
        // A write over unreadable data sets it aside first, too.
        s.put(KEY, "third garbage");
        add(&s, "a", "1").unwrap();
        assert_eq!(s.get("qujat.quarantine.qujat.notes~3").as_deref(), Some("third garbage"));
        assert_eq!(stored(&s).len(), 1);
    }

    #[test]
    fn the_original_stays_when_its_copy_cannot_be_saved() {
        let s = MemoryStorage::with_quota(40);
        s.put(KEY, "garbage that fills the store");
        let loaded = load::<Notes>(&s, KEY, &Format::FIRST);
        assert!(matches!(loaded, Loaded::Unreadable { .. }), "{loaded:?}");
        assert!(loaded.is_read_only());
        assert_eq!(s.get(KEY).as_deref(), Some("garbage that fills the store"));
        assert_eq!(s.keys(), [KEY]);
        let r = add(&s, "a", "1");
        assert_eq!(r, Err(WriteError::Unreadable));
        assert_eq!(s.get(KEY).as_deref(), Some("garbage that fills the store"));
    }

    #[test]
    fn quarantine_names_run_out_rather_than_overwrite() {
        let all = |_: &str| true;
        assert_eq!(quarantine_name("qujat.apps", all), None);
        let s = MemoryStorage::new();
        s.put("qujat.quarantine.qujat.notes", "old");
        for n in 2..=MAX_QUARANTINED {
            s.put(&format!("qujat.quarantine.qujat.notes~{n}"), "old");
        }
        s.put(KEY, "garbage");
        assert!(matches!(load::<Notes>(&s, KEY, &Format::FIRST), Loaded::Unreadable { .. }));
        assert_eq!(s.get(KEY).as_deref(), Some("garbage"));
    }

    fn rename(mut v: serde_json::Value) -> Result<serde_json::Value, String> {
        let m = v.as_object_mut().ok_or("not an object")?;
        if let Some(x) = m.remove("old") {
            m.insert("new".into(), x);
        }
        Ok(v)
    }

    fn wrap(v: serde_json::Value) -> Result<serde_json::Value, String> {
        Ok(serde_json::json!({ "old": v }))
    }

    #[test]
    fn old_and_bare_data_are_upgraded_on_read_and_written_in_the_new_version() {
        const STEPS: &[Migration] = &[rename];
        const V2: Format = Format::new(2, STEPS, Some(wrap));
        let s = MemoryStorage::new();
        s.put(KEY, r#"{"v":1,"rev":4,"data":{"old":"kept"}}"#);
        let w = write(&s, KEY, &V2, |m: &mut Notes| note(m, "b", "2")).unwrap();
        assert_eq!(w.rev, 5);
        assert_eq!(s.get(KEY).as_deref(), Some(r#"{"v":2,"rev":5,"data":{"b":"2","new":"kept"}}"#));
        s.put(KEY, r#""bare""#);
        match load::<Notes>(&s, KEY, &V2) {
            Loaded::Read(env) => assert_eq!(env.data["new"], "bare"),
            other => panic!("{other:?}"),
        }
    }
}
