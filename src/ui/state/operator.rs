//! Operator mode's storage (staff bundle): everything the mode keeps
//! (visits, citizen data, receipts, the queue) is one JSON document sealed
//! with AES-256-GCM under a key derived from the operator's PIN (PBKDF2,
//! `engine::vault`), stored under [`keys::OPERATOR`]; nothing is ever stored
//! in the clear. The key lives only in memory while unlocked; locking (the
//! button, or five minutes without input) drops it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::keys;
use super::store::{Refused, StoreNotice, StoreNotices, at_rev};
use crate::engine::signing::vault::{self, Sealed, VaultError, VaultKey};
use crate::engine::visit::{self, OperatorData, Visit};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read_sealed() -> Option<Sealed> {
    let raw = storage()?.get_item(keys::OPERATOR).ok()??;
    serde_json::from_str(&raw).ok()
}

fn real_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Why a change to the sealed data was not made; nothing changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultRefused {
    /// The mode is locked: there is no key to seal with.
    Locked,
    /// There is no such visit.
    Missing,
    /// Sealing or storing failed (storage full or disabled, no randomness).
    NotSaved,
}

/// The unlocked state of operator mode, shared by its pages.
#[derive(Clone, Copy)]
pub struct OperatorVault {
    key: StoredValue<Option<VaultKey>>,
    data: RwSignal<Option<OperatorData>>,
    has_pin: RwSignal<bool>,
    last_input: StoredValue<DateTime<Utc>>,
    notices: StoreNotices,
}

impl OperatorVault {
    /// Starts locked, and watches for inactivity while unlocked.
    pub fn start(notices: StoreNotices) -> OperatorVault {
        let v = OperatorVault {
            key: StoredValue::new(None),
            data: RwSignal::new(None),
            has_pin: RwSignal::new(
                storage()
                    .and_then(|s| s.get_item(keys::OPERATOR).ok().flatten())
                    .is_some(),
            ),
            last_input: StoredValue::new(real_now()),
            notices,
        };
        let touch = move || v.last_input.set_value(real_now());
        let _ = window_event_listener(leptos::ev::pointerdown, move |_| touch());
        let _ = window_event_listener(leptos::ev::keydown, move |_| touch());
        set_interval(
            move || {
                if v.is_unlocked_untracked()
                    && visit::idle_expired(
                        v.last_input.get_value(),
                        real_now(),
                        crate::ui::modes::access::is_on(),
                    )
                {
                    v.lock();
                }
            },
            std::time::Duration::from_secs(5),
        );
        v
    }

    pub fn is_unlocked(&self) -> bool {
        self.data.with(|d| d.is_some())
    }

    fn is_unlocked_untracked(&self) -> bool {
        self.data.with_untracked(|d| d.is_some())
    }

    pub fn has_pin(&self) -> bool {
        self.has_pin.get()
    }

    /// Reads the unlocked data (`None` while locked).
    pub fn with<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        self.data.with(|d| d.as_ref().map(f))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&OperatorData) -> R) -> Option<R> {
        self.data.with_untracked(|d| d.as_ref().map(f))
    }

    /// Drops the key and the data from memory.
    pub fn lock(&self) {
        self.key.set_value(None);
        self.data.set(None);
    }

    /// First use: derives the key from a new PIN, seeds the visit list and
    /// stores it sealed.
    pub fn set_pin(&self, pin: &str, today: chrono::NaiveDate) -> Result<(), VaultRefused> {
        let salt = vault::random_bytes::<16>().map_err(|_| VaultRefused::NotSaved)?;
        let key = VaultKey::derive(pin, salt, vault::DEFAULT_ITERATIONS);
        let data = OperatorData {
            visits: visit::seed_visits(today),
        };
        self.save(&key, &data)?;
        self.key.set_value(Some(key));
        self.data.set(Some(data));
        self.has_pin.set(true);
        self.last_input.set_value(real_now());
        Ok(())
    }

    /// Opens the sealed data with the PIN. A wrong PIN changes nothing.
    pub fn unlock(&self, pin: &str) -> Result<(), VaultError> {
        let sealed = read_sealed().ok_or(VaultError::Corrupt)?;
        sealed.check()?;
        let salt = vault::hex_decode_array::<16>(&sealed.salt_hex).ok_or(VaultError::Corrupt)?;
        let key = VaultKey::derive(pin, salt, sealed.iterations);
        let plain = vault::open_with_key(&key, &sealed)?;
        let data: OperatorData = serde_json::from_slice(&plain).map_err(|_| VaultError::Corrupt)?;
        self.key.set_value(Some(key));
        self.data.set(Some(data));
        self.last_input.set_value(real_now());
        Ok(())
    }

    fn save(&self, key: &VaultKey, data: &OperatorData) -> Result<(), VaultRefused> {
        let sealed_text = vault::random_bytes::<12>().ok().and_then(|nonce| {
            let json = serde_json::to_vec(data).ok()?;
            serde_json::to_string(&vault::seal_with_key(key, &json, nonce)).ok()
        });
        let stored = sealed_text.is_some_and(|text| {
            storage().is_some_and(|s| s.set_item(keys::OPERATOR, &text).is_ok())
        });
        if !stored {
            self.notices.push(StoreNotice::NotSaved {
                key: keys::OPERATOR.into(),
            });
            return Err(VaultRefused::NotSaved);
        }
        Ok(())
    }

    /// The sealed data as stored now (another tab may have saved since this
    /// one unlocked), opened with the key in memory.
    fn stored(&self, key: &VaultKey) -> Option<OperatorData> {
        let plain = vault::open_with_key(key, &read_sealed()?).ok()?;
        serde_json::from_slice(&plain).ok()
    }

    /// Changes the data and stores it sealed at once (every step is saved);
    /// `change` sees what is stored now. The result is kept, in memory too,
    /// only if `change` returns `Ok` and it is stored.
    pub fn try_update<R, E>(
        &self,
        change: impl FnOnce(&mut OperatorData) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        let key = self.key.get_value().ok_or(Refused::NotSaved)?;
        let latest = self.stored(&key).or_else(|| self.data.get_untracked());
        let mut data = latest.clone().ok_or(Refused::NotSaved)?;
        let out = change(&mut data);
        // Memory shows what is stored: the change once saved, else the
        // latest stored state.
        let kept = out.is_ok() && self.save(&key, &data).is_ok();
        self.data.set(if kept { Some(data) } else { latest });
        match (out, kept) {
            (Ok(out), true) => Ok(out),
            (Ok(_), false) => Err(Refused::NotSaved),
            (Err(e), _) => Err(Refused::Rule(e)),
        }
    }

    /// Like [`try_update`](Self::try_update) for a change that cannot say no
    /// (one stored whatever its outcome, such as a wrong code that counts
    /// against its tries).
    pub fn update<R>(
        &self,
        change: impl FnOnce(&mut OperatorData) -> R,
    ) -> Result<R, VaultRefused> {
        if self.key.get_value().is_none() {
            return Err(VaultRefused::Locked);
        }
        self.try_update(|d| Ok::<R, ()>(change(d)))
            .map_err(|_| VaultRefused::NotSaved)
    }

    /// Changes the home visit `id` (stored whatever the change's outcome).
    pub fn update_visit<R>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Visit) -> R,
    ) -> Result<R, VaultRefused> {
        self.update(|d| d.visit_mut(id).map(change))?
            .ok_or(VaultRefused::Missing)
    }

    /// The one way to take a step of a home visit at a known revision (as
    /// for applications and complaints): `change` runs on the visit as
    /// stored now only if it is still at `expected_rev` (what the page
    /// showed), and is kept only if it succeeds and is stored.
    pub fn change_visit_at_rev<R, E>(
        &self,
        id: &str,
        expected_rev: u64,
        change: impl FnOnce(&mut Visit) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        self.try_update(|d| at_rev(d.visit_mut(id), expected_rev, change))
            .map_err(Refused::flatten)
    }
}

pub fn use_vault() -> OperatorVault {
    expect_context::<OperatorVault>()
}
