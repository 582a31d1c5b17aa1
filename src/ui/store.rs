//! Browser storage for the app's records, with the guarantees the engine's
//! `store` format is built for:
//!
//! - every change is written at once (a reload, a closed tab or a crash
//!   loses nothing);
//! - every write reads the latest stored value first and applies the change
//!   on top of it, so one tab never silently overwrites another tab's action;
//! - other tabs' writes arrive through the `storage` event and update the
//!   signals, so two open tabs show the same state;
//! - a value that does not decode is set aside under `qujat.quarantine.*`,
//!   the user is told, and everything else still loads.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::engine::store::{self, Format, LoadError, formats};

/// The stored format of each key (its version and migration chain).
fn format_of(key: &str) -> &'static Format {
    match key {
        "qujat.drafts" => &formats::DRAFTS,
        "qujat.apps" => &formats::APPLICATIONS,
        "qujat.keys" => &formats::EDS_KEYS,
        "qujat.otp" => &formats::OTP,
        "qujat.sms" => &formats::SMS,
        "qujat.complaints" => &formats::COMPLAINTS,
        "qujat.complaint-drafts" => &formats::COMPLAINT_DRAFTS,
        "qujat.seen" => &formats::SEEN,
        "qujat.session" => &formats::SESSION,
        "qujat.clock" => &formats::CLOCK,
        "qujat.staff.role" => &formats::STAFF_ROLE,
        _ => &Format::FIRST,
    }
}

/// What went wrong while loading or saving, for the notice the user sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// A stored record could not be read and was set aside.
    SetAside { key: String },
    /// The browser refused to save (storage full or disabled).
    NotSaved { key: String },
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

/// One stored collection: a signal mirroring `localStorage[key]`.
pub struct Collection<T: Send + Sync + 'static> {
    key: &'static str,
    state: RwSignal<T>,
    rev: RwSignal<u64>,
    notices: StoreNotices,
}

impl<T: Send + Sync + 'static> Clone for Collection<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Collection<T> {}

impl<T> Collection<T>
where
    T: Serialize + DeserializeOwned + Clone + Default + PartialEq + Send + Sync + 'static,
{
    /// Loads `key` (or starts empty) and follows other tabs' writes to it.
    pub fn open(key: &'static str, notices: StoreNotices) -> Self {
        let (rev, data) = read::<T>(key, notices);
        let c = Collection {
            key,
            state: RwSignal::new(data),
            rev: RwSignal::new(rev),
            notices,
        };
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(key) || ev.key().is_none() {
                c.reload();
            }
        });
        c
    }

    /// Re-reads storage (another tab wrote, or storage was cleared).
    pub fn reload(&self) {
        let (rev, data) = read::<T>(self.key, self.notices);
        if rev != self.rev.get_untracked() || data != self.state.get_untracked() {
            self.rev.set(rev);
            self.state.set(data);
        }
    }

    pub fn get(&self) -> T {
        self.state.get()
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.state.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// Applies `change` to the latest stored value and writes it back.
    /// Returns what `change` returned. The change sees other tabs' writes.
    pub fn update<R>(&self, change: impl FnOnce(&mut T) -> R) -> R {
        let (rev, mut data) = read::<T>(self.key, self.notices);
        let out = change(&mut data);
        let next = rev + 1;
        if LocalStorage::raw()
            .set_item(self.key, &store::encode(next, &data, format_of(self.key)))
            .is_err()
        {
            self.notices.push(StoreNotice::NotSaved {
                key: self.key.into(),
            });
        }
        self.rev.set(next);
        self.state.set(data);
        out
    }

    /// Removes the collection from storage and memory.
    pub fn clear(&self) {
        LocalStorage::delete(self.key);
        self.rev.set(0);
        self.state.set(T::default());
    }
}

/// Reads and decodes one key. Unreadable data is moved aside so that it is
/// neither lost (support can look at it) nor read again.
fn read<T: DeserializeOwned + Default>(key: &str, notices: StoreNotices) -> (u64, T) {
    let raw = match LocalStorage::raw().get_item(key) {
        Ok(Some(raw)) => raw,
        _ => return (0, T::default()),
    };
    match store::decode::<T>(&raw, format_of(key)) {
        Ok(env) => (env.rev, env.data),
        Err(LoadError::Corrupt(_)) | Err(LoadError::FromTheFuture(_)) => {
            let aside = format!("qujat.quarantine.{key}");
            let _ = LocalStorage::raw().set_item(&aside, &raw);
            let _ = LocalStorage::raw().remove_item(key);
            notices.push(StoreNotice::SetAside { key: key.into() });
            (0, T::default())
        }
    }
}
