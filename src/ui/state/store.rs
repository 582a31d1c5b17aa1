//! Browser storage for the app's records, with the guarantees the engine's
//! `store` format is built for:
//!
//! - every change is written at once (a reload, a closed tab or a crash
//!   loses nothing);
//! - every write reads the latest stored value first and applies the change
//!   on top of it, so one tab never silently overwrites another tab's action;
//! - a write either happens or changes nothing: when the change itself says
//!   no, or the browser refuses to store it (storage full or disabled), the
//!   caller gets an error, and neither storage nor memory holds the change
//!   (the shell also shows a "not saved" notice);
//! - other tabs' writes arrive through the `storage` event and update the
//!   signals, so two open tabs show the same state;
//! - a value that does not decode is set aside under `qujat.quarantine.*`,
//!   the user is told, and everything else still loads.
//!
//! A page that needs only a little of a stored value may read it once as a
//! lighter type ([`read_as`], the header's unread count): with the same
//! rules for what does not decode, but without writing or following it.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::engine::complaint::Complaint;
use crate::engine::store::{self, Format, Loaded, RawStorage, Revisioned, Stale, WriteError};
use crate::engine::submission::Submission;

/// What went wrong while loading or saving, for the notice the user sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// A stored record could not be read and was set aside.
    SetAside { key: String },
    /// The browser refused to save (storage full or disabled).
    NotSaved { key: String },
    /// A newer release of Qujat wrote this collection: this page leaves it
    /// untouched (read-only) and offers to reload into the newer release.
    Newer { key: String },
}

/// All notices raised since the app started; shown by the shell.
#[derive(Clone, Copy)]
pub struct StoreNotices(pub RwSignal<Vec<StoreNotice>>);

impl StoreNotices {
    pub fn push(&self, n: StoreNotice) {
        self.0.update(|v| {
            if !v.contains(&n) {
                v.push(n)
            }
        });
    }
}

/// The browser would not store a change (storage full or disabled, or the
/// collection belongs to a newer release). Nothing changed: not in storage,
/// not in memory.
pub use crate::engine::store::NotSaved;

/// `localStorage` as the engine's [`RawStorage`]: the engine's `load` and
/// `write_once` hold the rules (set aside without overwriting, leave a newer
/// release's data alone, compare-and-swap).
pub struct Browser;

impl RawStorage for Browser {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), NotSaved> {
        LocalStorage::raw().set_item(key, value).map_err(|_| NotSaved)
    }
    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Why a change to stored data was not made. In every case nothing was
/// written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused<E> {
    /// The change itself said no (usually an engine rule, with its reason).
    Rule(E),
    /// There is no record under that key (any more).
    Missing,
    /// Another tab changed the record after it was shown: it is now at
    /// revision `found`, not at the one the action was meant for.
    Stale { found: u64 },
    /// The browser would not store the result.
    NotSaved,
}

impl<E> Refused<Refused<E>> {
    /// A refusal from inside a refusal (an action at a revision inside a
    /// write) as one.
    pub fn flatten(self) -> Refused<E> {
        match self {
            Refused::Rule(inner) => inner,
            Refused::Missing => Refused::Missing,
            Refused::Stale { found } => Refused::Stale { found },
            Refused::NotSaved => Refused::NotSaved,
        }
    }
}

impl<E> From<NotSaved> for Refused<E> {
    fn from(_: NotSaved) -> Self {
        Refused::NotSaved
    }
}

impl<E> From<Stale> for Refused<E> {
    fn from(s: Stale) -> Self {
        Refused::Stale { found: s.found }
    }
}

/// A stored record: changed at a known revision (the engine's
/// [`Revisioned`]), stored under its id.
pub trait Record: Revisioned {
    /// The key it is stored under.
    fn record_id(&self) -> &str;
}

impl Record for Submission {
    fn record_id(&self) -> &str {
        &self.reference
    }
}

impl Record for Complaint {
    fn record_id(&self) -> &str {
        &self.id
    }
}

/// A value the app keeps in `localStorage`: the key it is kept under
/// (declared in [`keys`](super::keys)) and the format it is kept in
/// (`engine::store::formats`), named once per stored type, beside the code
/// that opens its [`Collection`]. The format is reached only from the code
/// that reads or writes the value, so a bundle that never does carries
/// neither its decoder nor its migrations.
pub trait Stored:
    Serialize + DeserializeOwned + Clone + Default + PartialEq + Send + Sync + 'static
{
    const KEY: &'static str;
    const FORMAT: &'static Format;
}

/// A record kept by id in a map under one key: the map
/// (`BTreeMap<String, Self>`) is [`Stored`] there, in this format.
pub trait StoredRecord:
    Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static
{
    const KEY: &'static str;
    const FORMAT: &'static Format;
}

impl<V: StoredRecord> Stored for BTreeMap<String, V> {
    const KEY: &'static str = V::KEY;
    const FORMAT: &'static Format = V::FORMAT;
}

/// One stored collection: a signal mirroring `localStorage[T::KEY]`.
pub struct Collection<T: Send + Sync + 'static> {
    state: RwSignal<T>,
    rev: RwSignal<u64>,
    notices: StoreNotices,
    /// Read from storage yet? A collection is read when first used, so a
    /// bundle whose pages never use it carries no decoder for it.
    loaded: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Collection<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Collection<T> {}

impl<T: Stored> Collection<T> {
    /// The collection at `T::KEY`, read from storage when first used
    /// ([`load`](Self::load)); from then on it follows other tabs' writes.
    pub fn open(notices: StoreNotices) -> Self {
        Collection {
            state: RwSignal::new(T::default()),
            rev: RwSignal::new(0),
            notices,
            loaded: StoredValue::new(false),
        }
    }

    /// Reads `key` now if it has not been read (an unreadable value is set
    /// aside and the user told), and starts following other tabs' writes.
    /// Every accessor calls it; a bundle calls it at start for collections
    /// whose storage trouble it should report at once.
    pub fn load(&self) {
        if self.loaded.get_value() {
            return;
        }
        self.loaded.set_value(true);
        let (rev, data) = read::<T>(self.notices);
        // Nobody has read the signal yet (every read loads first), so
        // there is no one to notify.
        self.rev.update_untracked(|r| *r = rev);
        self.state.update_untracked(|s| *s = data);
        let c = *self;
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(T::KEY) || ev.key().is_none() {
                c.reload();
            }
        });
    }

    /// Re-reads storage (another tab wrote, or storage was cleared).
    pub fn reload(&self) {
        if !self.loaded.get_value() {
            return self.load();
        }
        let (rev, data) = read::<T>(self.notices);
        self.show(rev, data);
    }

    /// Puts `data` (at `rev`) in memory, notifying readers only if it differs.
    fn show(&self, rev: u64, data: T) {
        if rev != self.rev.get_untracked() || data != self.state.get_untracked() {
            self.rev.set(rev);
            self.state.set(data);
        }
    }

    pub fn get(&self) -> T {
        self.load();
        self.state.get()
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.load();
        self.state.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.load();
        self.state.with_untracked(f)
    }

    /// Applies `change` to the latest stored value and writes it back;
    /// returns what `change` returned. The change sees other tabs' writes.
    pub fn update<R>(&self, change: impl FnOnce(&mut T) -> R) -> Result<R, NotSaved> {
        self.try_update(|data| Ok::<R, NotSaved>(change(data))).map_err(|_| NotSaved)
    }

    /// Like [`update`](Self::update) for a change that may say no: the value
    /// is written only when `change` returns `Ok`. On `Err` nothing is
    /// written (and whatever `change` did to its copy is dropped).
    pub fn try_update<R, E>(
        &self, change: impl FnOnce(&mut T) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        self.load();
        match store::write_once(&Browser, T::KEY, T::FORMAT, change) {
            Ok(w) => {
                self.show(w.rev, w.data);
                Ok(w.out)
            }
            Err(e) => {
                let refused = match e {
                    WriteError::Rule(e) => Refused::Rule(e),
                    WriteError::Newer { .. } => {
                        self.notices.push(StoreNotice::Newer { key: T::KEY.into() });
                        Refused::NotSaved
                    }
                    WriteError::Unreadable | WriteError::NotSaved | WriteError::Contended => {
                        self.notices.push(StoreNotice::NotSaved { key: T::KEY.into() });
                        Refused::NotSaved
                    }
                };
                // Memory shows what storage holds, which is not this change.
                self.reload();
                Err(refused)
            }
        }
    }

    /// Removes the collection from storage and memory.
    pub fn clear(&self) {
        LocalStorage::delete(T::KEY);
        if self.loaded.get_value() {
            self.rev.set(0);
            self.state.set(T::default());
        }
    }
}

impl<V> Collection<BTreeMap<String, V>>
where
    BTreeMap<String, V>: Stored,
    V: Clone,
{
    /// Stores `record` under `key` (a new record, or a new version of one).
    pub fn insert(&self, key: String, record: V) -> Result<(), NotSaved> {
        self.update(|m| {
            m.insert(key, record);
        })
    }

    /// The record stored under `key`, if any (reactive).
    pub fn record(&self, key: &str) -> Option<V> {
        self.with(|m| m.get(key).cloned())
    }

    /// The records that `keep` keeps, newest first by `when` (reactive).
    pub fn newest_first<K: Ord>(
        &self, keep: impl Fn(&V) -> bool, when: impl Fn(&V) -> K,
    ) -> Vec<V> {
        let mut v: Vec<V> = self.with(|m| m.values().filter(|r| keep(r)).cloned().collect());
        crate::engine::order::sort_by_key(&mut v, |r| std::cmp::Reverse(when(r)));
        v
    }
}

impl<V> Collection<BTreeMap<String, V>>
where
    BTreeMap<String, V>: Stored,
    V: Revisioned + Clone,
{
    /// The one way to act on a record at a known revision: `change` runs on
    /// the latest stored record `key` only if it is still at `expected_rev`
    /// (what the user saw), and the result is written only if `change`
    /// succeeds. If another tab moved the record on, nothing is overwritten
    /// and the caller learns it ([`Refused::Stale`]).
    pub fn apply_at_rev<R, E>(
        &self, key: &str, expected_rev: u64, change: impl FnOnce(&mut V) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        self.try_update(|m| at_rev(m.get_mut(key), expected_rev, change)).map_err(Refused::flatten)
    }
}

/// The rule for every record, wherever it is kept: `change` runs on the
/// record (if there is one) only at `expected_rev`, through the engine's
/// [`Revisioned::change_at_rev`] (on any error the record is as it was).
pub fn at_rev<V: Revisioned + Clone, R, E>(
    record: Option<&mut V>, expected_rev: u64, change: impl FnOnce(&mut V) -> Result<R, E>,
) -> Result<R, Refused<E>> {
    record
        .ok_or(Refused::Missing)?
        .change_at_rev(expected_rev, |r| change(r).map_err(Refused::Rule))
}

/// Reads and decodes one key, through the engine's [`store::load`]: an
/// unreadable value is copied aside (never over an earlier copy) before it
/// is removed, and a newer release's value is left exactly as it is. Either
/// way the user is told, and the collection shows empty.
fn read<T: Stored>(notices: StoreNotices) -> (u64, T) {
    read_as(T::KEY, T::FORMAT, notices)
}

/// Reads `key` (stored in `format`) as `T`, which may be a lighter view of
/// what is stored there: what does not decode as `T` is set aside and the
/// user told, a newer release's value left alone and the user told, as for
/// a [`Collection`]. A lighter view decodes whatever the full type does, so
/// it sets aside nothing the full type would read; it may read a value the
/// full type would not (what it skips is not checked), which a bundle that
/// decodes the full type then sets aside.
pub fn read_as<T: DeserializeOwned + Default>(
    key: &str, format: &'static Format, notices: StoreNotices,
) -> (u64, T) {
    let loaded = store::load::<T>(&Browser, key, format);
    match &loaded {
        Loaded::Empty | Loaded::Read(_) => {}
        Loaded::SetAside { .. } => notices.push(StoreNotice::SetAside { key: key.into() }),
        Loaded::Unreadable { .. } => notices.push(StoreNotice::NotSaved { key: key.into() }),
        Loaded::Newer { .. } => notices.push(StoreNotice::Newer { key: key.into() }),
    }
    loaded.into_parts()
}
