//! Operator mode's storage (the State Corporation's bundle): everything the mode keeps
//! (visits, citizen data, receipts, the queue) is one JSON document sealed
//! with AES-256-GCM under a key derived from the operator's PIN (PBKDF2,
//! `engine::vault`), stored under [`keys::OPERATOR`]; nothing is ever stored
//! in the clear. The key lives only in memory while unlocked; locking (the
//! button, or five minutes without input) drops it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::keys;
use super::store::{Browser, Refused, StoreNotice, StoreNotices};
use crate::engine::json;
use crate::engine::signing::vault::{self, Sealed, VaultError, VaultKey};
use crate::engine::store::{self, Loaded, RawStorage, WriteError, formats};
use crate::engine::visit::{self, AfterWrongPin, OperatorData, OperatorStore, Visit};

/// What is stored under [`keys::OPERATOR`]: the sealed data and the
/// wrong-PIN guard (`engine::visit::OperatorStore`), in its own format.
fn load_store() -> Loaded<OperatorStore> {
    store::load(&Browser, keys::OPERATOR, &formats::OPERATOR)
}

/// Changes the stored [`OperatorStore`] (a compare-and-swap on it).
fn write_store<R>(change: impl FnOnce(&mut OperatorStore) -> R) -> Result<R, NotStored> {
    store::write_once(&Browser, keys::OPERATOR, &formats::OPERATOR, |st: &mut OperatorStore| {
        Ok::<R, ()>(change(st))
    })
    .map(|w| w.out)
    .map_err(|e| match e {
        WriteError::Newer { .. } => NotStored::Newer,
        _ => NotStored::Full,
    })
}

/// Why the store was not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NotStored {
    /// A newer release wrote it: this one leaves it alone.
    Newer,
    /// Storage full or disabled.
    Full,
}

/// Whether a PIN has been set on this tablet, read from storage now (another
/// tab may have set one, or wiped the data, since this one started).
/// An unreadable store is set aside as it is read (and the user told).
fn pin_exists(notices: StoreNotices) -> bool {
    match load_store() {
        Loaded::Read(env) => env.data.sealed.is_some(),
        Loaded::Newer { .. } | Loaded::Unreadable { .. } => true,
        Loaded::Empty => false,
        Loaded::SetAside { .. } => {
            notices.push(StoreNotice::SetAside { key: keys::OPERATOR.into() });
            false
        }
    }
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
    /// Another tab set a PIN meanwhile: this one asks for that PIN instead
    /// of sealing over its data.
    PinExists,
}

/// Why operator mode did not open. The wrong-PIN count is kept on the
/// real clock (the demo clock never shortens a wait).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockRefused {
    /// A wrong PIN: `left` tries before the data is deleted, and no try
    /// before `wait_until` (if set).
    Wrong { left: u32, wait_until: Option<DateTime<Utc>> },
    /// Too many wrong PINs in a row: no PIN is tried before `until`.
    Wait { until: DateTime<Utc> },
    /// That was the last try: the sealed data was deleted from the tablet.
    Wiped,
    /// The saved data could not be read; it was set aside (kept for
    /// support, never read again) and a new PIN can be set.
    SetAside,
    /// The saved data is unreadable, or from a newer release, and could not
    /// be set aside: nothing was changed.
    Unreadable,
    /// The wrong-PIN count could not be saved (storage full): no PIN is
    /// tried uncounted.
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
            has_pin: RwSignal::new(pin_exists(notices)),
            last_input: StoredValue::new(real_now()),
            notices,
        };
        // Another tab sets a PIN, or wipes the data: this one follows.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_none_or(|k| k == keys::OPERATOR) {
                v.has_pin.set(pin_exists(v.notices));
            }
        });
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
    /// stores it sealed. Refused, without writing, when a PIN exists by now
    /// (set in another tab): its data is never sealed over.
    pub fn set_pin(&self, pin: &str, today: chrono::NaiveDate) -> Result<(), VaultRefused> {
        if pin_exists(self.notices) {
            self.has_pin.set(true);
            return Err(VaultRefused::PinExists);
        }
        let salt = vault::random_bytes::<16>().map_err(|_| VaultRefused::NotSaved)?;
        let key = VaultKey::derive(pin, salt, vault::DEFAULT_ITERATIONS);
        let data = OperatorData { visits: visit::seed_visits(today) };
        self.save(&key, &data, true)?;
        self.key.set_value(Some(key));
        self.data.set(Some(data));
        self.has_pin.set(true);
        self.last_input.set_value(real_now());
        Ok(())
    }

    /// Opens the sealed data with the PIN. A wrong PIN is counted (stored
    /// beside the data): from the third on, each makes the next try wait
    /// longer, and the tenth deletes the data (`engine::visit::PinGuard`).
    pub fn unlock(&self, pin: &str) -> Result<(), UnlockRefused> {
        let now = real_now();
        let stored = match load_store() {
            Loaded::Read(env) => env.data,
            Loaded::SetAside { .. } | Loaded::Empty => {
                self.has_pin.set(false);
                return Err(UnlockRefused::SetAside);
            }
            Loaded::Newer { .. } | Loaded::Unreadable { .. } => {
                return Err(UnlockRefused::Unreadable);
            }
        };
        let Some(sealed) = stored.sealed else {
            self.has_pin.set(false);
            return Err(UnlockRefused::SetAside);
        };
        if let Some(until) = stored.guard.wait_until(now) {
            return Err(UnlockRefused::Wait { until });
        }
        match open(pin, &sealed) {
            Ok((key, data)) => {
                if stored.guard.failures() > 0 {
                    // Best effort: a count that cannot be reset only means
                    // fewer tries later, never a lost record.
                    let _ = write_store(|st| st.guard.right());
                }
                self.key.set_value(Some(key));
                self.data.set(Some(data));
                self.last_input.set_value(now);
                Ok(())
            }
            Err(VaultError::WrongPassword) => match write_store(|st| st.guard.wrong(now)) {
                Ok(AfterWrongPin::TryAgain { left, wait_until }) => {
                    Err(UnlockRefused::Wrong { left, wait_until })
                }
                Ok(AfterWrongPin::Wipe) => {
                    self.forget();
                    Err(UnlockRefused::Wiped)
                }
                Err(_) => Err(UnlockRefused::NotSaved),
            },
            Err(_) => self.set_aside_unreadable(),
        }
    }

    /// Sets the unreadable store aside (a copy kept for support, never
    /// read again) so that a new PIN can be set, rather than locking the
    /// mode forever.
    fn set_aside_unreadable(&self) -> Result<(), UnlockRefused> {
        let Some(raw) = Browser.get(keys::OPERATOR) else {
            self.has_pin.set(false);
            return Err(UnlockRefused::SetAside);
        };
        match store::set_aside(&Browser, keys::OPERATOR, &raw) {
            Ok(_) => {
                self.notices.push(StoreNotice::SetAside { key: keys::OPERATOR.into() });
                self.has_pin.set(pin_exists(self.notices));
                Err(UnlockRefused::SetAside)
            }
            Err(_) => Err(UnlockRefused::Unreadable),
        }
    }

    /// "Forgot the PIN" (after its confirmation), and the last wrong PIN:
    /// deletes the sealed data from the tablet and locks. Visits, citizens'
    /// data and packages not yet delivered are gone.
    pub fn forget(&self) {
        Browser.remove(keys::OPERATOR);
        self.lock();
        self.has_pin.set(false);
    }

    /// Seals `data` and stores it. `first`: only where no PIN exists yet.
    fn save(&self, key: &VaultKey, data: &OperatorData, first: bool) -> Result<(), VaultRefused> {
        let sealed = vault::random_bytes::<12>().ok().and_then(|nonce| {
            let json = serde_json::to_vec(data).ok()?;
            Some(vault::seal_with_key(key, &json, nonce))
        });
        let Some(sealed) = sealed else {
            return Err(self.not_saved());
        };
        match write_store(|st| {
            if first && st.sealed.is_some() {
                return false;
            }
            st.sealed = Some(sealed);
            true
        }) {
            Ok(true) => Ok(()),
            Ok(false) => {
                self.has_pin.set(true);
                Err(VaultRefused::PinExists)
            }
            Err(NotStored::Newer) => {
                self.notices.push(StoreNotice::Newer { key: keys::OPERATOR.into() });
                Err(VaultRefused::NotSaved)
            }
            Err(NotStored::Full) => Err(self.not_saved()),
        }
    }

    fn not_saved(&self) -> VaultRefused {
        self.notices.push(StoreNotice::NotSaved { key: keys::OPERATOR.into() });
        VaultRefused::NotSaved
    }

    /// The sealed data as stored now (another tab may have saved since this
    /// one unlocked), opened with the key in memory.
    fn stored(&self, key: &VaultKey) -> Option<OperatorData> {
        let Loaded::Read(env) = load_store() else {
            return None;
        };
        let plain = vault::open_with_key(key, env.data.sealed.as_ref()?).ok()?;
        json::from_bytes(&plain).ok()
    }

    /// Changes the data and stores it sealed at once (every step is saved);
    /// `change` sees what is stored now. The result is kept, in memory too,
    /// only if `change` returns `Ok` and it is stored.
    pub fn try_update<R, E>(
        &self, change: impl FnOnce(&mut OperatorData) -> Result<R, E>,
    ) -> Result<R, Refused<E>> {
        let key = self.key.get_value().ok_or(Refused::NotSaved)?;
        let latest = self.stored(&key).or_else(|| self.data.get_untracked());
        let mut data = latest.clone().ok_or(Refused::NotSaved)?;
        let out = change(&mut data);
        // Memory shows what is stored: the change once saved, else the
        // latest stored state.
        let kept = out.is_ok() && self.save(&key, &data, false).is_ok();
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
        &self, change: impl FnOnce(&mut OperatorData) -> R,
    ) -> Result<R, VaultRefused> {
        if self.key.get_value().is_none() {
            return Err(VaultRefused::Locked);
        }
        self.try_update(|d| Ok::<R, ()>(change(d))).map_err(|_| VaultRefused::NotSaved)
    }

    /// Changes the home visit `id` (stored whatever the change's outcome).
    pub fn update_visit<R>(
        &self, id: &str, change: impl FnOnce(&mut Visit) -> R,
    ) -> Result<R, VaultRefused> {
        self.update(|d| d.visit_mut(id).map(change))?.ok_or(VaultRefused::Missing)
    }
}

/// Derives the key from `pin` and opens `sealed` with it.
fn open(pin: &str, sealed: &Sealed) -> Result<(VaultKey, OperatorData), VaultError> {
    sealed.check()?;
    let salt = vault::hex_decode_array::<16>(&sealed.salt_hex).ok_or(VaultError::Corrupt)?;
    let key = VaultKey::derive(pin, salt, sealed.iterations);
    let plain = vault::open_with_key(&key, sealed)?;
    let data = json::from_bytes(&plain).map_err(|_| VaultError::Corrupt)?;
    Ok((key, data))
}

pub fn use_vault() -> OperatorVault {
    expect_context::<OperatorVault>()
}
