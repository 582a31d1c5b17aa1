//! Operator mode's lock: the PIN chosen on first use (no trivial ones), the
//! wrong-PIN guard (growing delays, then the sealed data is wiped), what is
//! stored ([`OperatorStore`]), and the idle timeout. Personal data sits on
//! a shared tablet, so the mode locks itself; the accessibility mode waits
//! longer but never forever.
//!
//! Everything here runs on the **real** clock: a demo clock moved forward
//! must not shorten a wrong-PIN delay.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::json;
use crate::engine::signing::vault::Sealed;

/// Minimum length of the operator's PIN (digits only).
pub const MIN_PIN_LEN: usize = 6;

/// Longest PIN accepted (a PIN is typed on a tablet; this bounds the work).
pub const MAX_PIN_LEN: usize = 32;

/// Minutes without input after which operator mode locks.
pub const IDLE_LOCK_MINUTES: i64 = 5;

/// Why a new PIN was not accepted. `code()` is stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "pin-", serialize_all = "kebab-case")]
pub enum PinError {
    /// Fewer than [`MIN_PIN_LEN`] characters.
    #[error("a PIN has at least {MIN_PIN_LEN} digits")]
    TooShort,
    /// Something other than the digits 0-9.
    #[error("a PIN has only the digits 0-9")]
    NotDigits,
    /// The confirmation differs from the PIN.
    #[error("the confirmation differs from the PIN")]
    Mismatch,
    /// One digit repeated, a short group repeated (121212, 123123), or a run
    /// up or down (123456, 987654): the first PINs anyone tries.
    #[error("the PIN is too easy to guess")]
    Trivial,
    /// More than [`MAX_PIN_LEN`] digits.
    #[error("a PIN has at most {MAX_PIN_LEN} digits")]
    TooLong,
}

impl PinError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `pin-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// Checks a PIN chosen the first time: [`MIN_PIN_LEN`] to [`MAX_PIN_LEN`]
/// ASCII digits, not [trivial](is_trivial_pin), and the confirmation equal
/// to it.
///
/// ```
/// use qujat::engine::visit::{PinError, check_new_pin};
///
/// assert_eq!(check_new_pin("123456", "123456"), Err(PinError::Trivial));
/// assert_eq!(check_new_pin("000000", "000000"), Err(PinError::Trivial));
/// assert_eq!(check_new_pin("270419", "270419"), Ok(()));
/// ```
pub fn check_new_pin(pin: &str, confirm: &str) -> Result<(), PinError> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if pin.len() < MIN_PIN_LEN {
        return Err(PinError::TooShort);
    }
    if pin.len() > MAX_PIN_LEN {
        return Err(PinError::TooLong);
    }
    if is_trivial_pin(pin) {
        return Err(PinError::Trivial);
    }
    if pin != confirm {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// PINs of digits that anyone would try first: one digit repeated
/// (000000), a group of up to half the length repeated (121212, 123123,
/// 112112), a run of digits going up or down by one, wrapping round
/// (123456, 987654, 890123), or two halves mirrored (123321, 100001).
pub fn is_trivial_pin(pin: &str) -> bool {
    let d: Vec<i8> = pin.bytes().filter(u8::is_ascii_digit).map(|b| (b - b'0') as i8).collect();
    if d.len() < 2 {
        return true;
    }
    let repeats = (1..=d.len() / 2)
        .any(|p| d.len().is_multiple_of(p) && d.iter().zip(&d[p..]).all(|(a, b)| a == b));
    let run = |step: i8| d.windows(2).all(|w| (w[1] - w[0]).rem_euclid(10) == step.rem_euclid(10));
    let mirrored = d.iter().eq(d.iter().rev());
    repeats || run(1) || run(-1) || mirrored
}

/// Wrong PINs allowed before a delay.
pub const FREE_TRIES: u32 = 3;

/// Wrong PINs after which the sealed data is wiped (said on the lock
/// screen). Before that, each wrong PIN from the [`FREE_TRIES`]-th on makes
/// the next try wait longer ([`delay_after`]).
pub const WIPE_AFTER: u32 = 10;

/// How long the next try must wait after `failures` wrong PINs in a row:
/// nothing for the first [`FREE_TRIES`] − 1, then 30 seconds, doubling with
/// each one (30 s, 1 min, 2 min, … 32 min before the last try).
pub fn delay_after(failures: u32) -> Duration {
    if failures < FREE_TRIES {
        return Duration::zero();
    }
    let doublings = (failures - FREE_TRIES).min(20);
    Duration::seconds(30 * (1i64 << doublings))
}

/// The wrong-PIN guard, stored beside the sealed data (it is needed before
/// the PIN is known). Someone who can edit the tablet's storage can reset
/// it; what protects the data then is the key derivation (600 000 PBKDF2
/// iterations per guess).
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinGuard {
    /// Wrong PINs in a row.
    #[serde(default)]
    failures: u32,
    /// No PIN is tried before this time.
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    wait_until: Option<DateTime<Utc>>,
}

/// What a wrong PIN leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterWrongPin {
    /// Try again; `left` tries before the data is wiped, and no try before
    /// `wait_until` (if set).
    TryAgain { left: u32, wait_until: Option<DateTime<Utc>> },
    /// That was the last try: wipe the sealed data now.
    Wipe,
}

impl PinGuard {
    /// Wrong PINs in a row so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Tries left before the data is wiped.
    pub fn tries_left(&self) -> u32 {
        WIPE_AFTER.saturating_sub(self.failures)
    }

    /// `Some(until)` while a delay is running: no PIN may be tried before.
    pub fn wait_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.wait_until.filter(|&u| now < u)
    }

    /// Counts a wrong PIN tried at `now`.
    pub fn wrong(&mut self, now: DateTime<Utc>) -> AfterWrongPin {
        self.failures = self.failures.saturating_add(1);
        if self.failures >= WIPE_AFTER {
            return AfterWrongPin::Wipe;
        }
        let delay = delay_after(self.failures);
        self.wait_until = (delay > Duration::zero())
            .then(|| now.checked_add_signed(delay).unwrap_or(DateTime::<Utc>::MAX_UTC));
        AfterWrongPin::TryAgain { left: self.tries_left(), wait_until: self.wait_until }
    }

    /// The right PIN: the count starts again.
    pub fn right(&mut self) {
        *self = PinGuard::default();
    }
}

/// What operator mode keeps in storage: the sealed data (none before a PIN
/// is set) and the wrong-PIN guard.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorStore {
    pub sealed: Option<Sealed>,
    #[serde(default)]
    pub guard: PinGuard,
}

/// Version 1 of operator mode's store was the sealed blob alone, stored
/// bare: it becomes the store's sealed data, with a fresh guard.
pub fn store_from_v1(v: serde_json::Value) -> Result<serde_json::Value, String> {
    let sealed: Sealed = json::from_value(&v).map_err(|e| e.to_string())?;
    json::to_value(&OperatorStore { sealed: Some(sealed), guard: PinGuard::default() })
        .map_err(|e| e.to_string())
}

/// How many times longer the accessibility mode waits before locking: it
/// promises no time limits, but personal data on a tablet must not stay
/// open forever, so the limit is generous rather than gone.
pub const ACCESSIBLE_IDLE_FACTOR: i64 = 3;

/// Whether operator mode should lock: no input for [`IDLE_LOCK_MINUTES`]
/// (times [`ACCESSIBLE_IDLE_FACTOR`] in the accessibility mode).
pub fn idle_expired(last_input: DateTime<Utc>, now: DateTime<Utc>, accessible: bool) -> bool {
    let factor = if accessible { ACCESSIBLE_IDLE_FACTOR } else { 1 };
    now.signed_duration_since(last_input) >= Duration::minutes(IDLE_LOCK_MINUTES * factor)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn trivial_pins_are_refused() {
        for pin in [
            "000000",
            "111111",
            "999999",
            "123456",
            "234567",
            "654321",
            "987654",
            "890123",
            "121212",
            "123123",
            "112112",
            "123321",
            "100001",
            "0000000000",
            "12345678",
        ] {
            assert!(is_trivial_pin(pin), "{pin}");
            assert_eq!(check_new_pin(pin, pin), Err(PinError::Trivial), "{pin}");
        }
        for pin in ["270419", "583920", "104729", "7391548", "246813"] {
            assert!(!is_trivial_pin(pin), "{pin}");
            assert_eq!(check_new_pin(pin, pin), Ok(()), "{pin}");
        }
        assert_eq!(check_new_pin("12345", "12345"), Err(PinError::TooShort));
        assert_eq!(check_new_pin("27041a", "27041a"), Err(PinError::NotDigits));
        assert_eq!(check_new_pin("270419", "270418"), Err(PinError::Mismatch));
        let long = "2704195839".repeat(4);
        assert_eq!(check_new_pin(&long, &long), Err(PinError::TooLong));
    }

    #[test]
    fn wrong_pins_wait_longer_and_longer_then_wipe() {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let mut g = PinGuard::default();
        let mut waits = Vec::new();
        for n in 1..WIPE_AFTER {
            match g.wrong(t0) {
                AfterWrongPin::TryAgain { left, wait_until } => {
                    assert_eq!(left, WIPE_AFTER - n);
                    waits.push(wait_until.map(|u| (u - t0).num_seconds()).unwrap_or(0));
                }
                AfterWrongPin::Wipe => panic!("wiped after {n}"),
            }
        }
        assert_eq!(waits, [0, 0, 30, 60, 120, 240, 480, 960, 1920]);
        assert_eq!(g.wait_until(t0), Some(t0 + Duration::seconds(1920)));
        assert_eq!(g.wait_until(t0 + Duration::seconds(1920)), None);
        assert_eq!(g.wrong(t0), AfterWrongPin::Wipe);
        g.right();
        assert_eq!((g.failures(), g.tries_left(), g.wait_until(t0)), (0, WIPE_AFTER, None));
    }

    #[test]
    fn the_guard_survives_extreme_times() {
        let mut g = PinGuard { failures: 8, wait_until: None };
        assert!(matches!(
            g.wrong(DateTime::<Utc>::MAX_UTC),
            AfterWrongPin::TryAgain { wait_until: Some(u), .. } if u == DateTime::<Utc>::MAX_UTC
        ));
        let mut g = PinGuard { failures: u32::MAX, wait_until: None };
        assert_eq!(g.wrong(DateTime::<Utc>::MIN_UTC), AfterWrongPin::Wipe);
        assert!(!idle_expired(DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC, false));
        assert!(idle_expired(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, true));
    }
}
