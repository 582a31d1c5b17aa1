//! Operator mode's lock: the PIN chosen on first use, and the idle timeout.
//! Personal data sits on a shared tablet, so the mode locks itself; the
//! accessibility mode waits longer but never forever.

use chrono::{DateTime, Duration, Utc};

/// Minimum length of the operator's PIN (digits only).
pub const MIN_PIN_LEN: usize = 6;

/// Minutes without input after which operator mode locks.
pub const IDLE_LOCK_MINUTES: i64 = 5;

/// Why a new PIN was not accepted. `code()` is stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// Fewer than [`MIN_PIN_LEN`] characters.
    TooShort,
    /// Something other than the digits 0-9.
    NotDigits,
    /// The confirmation differs from the PIN.
    Mismatch,
}

impl PinError {
    pub fn code(self) -> &'static str {
        match self {
            PinError::TooShort => "pin-too-short",
            PinError::NotDigits => "pin-not-digits",
            PinError::Mismatch => "pin-mismatch",
        }
    }
}

impl std::fmt::Display for PinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PinError::TooShort => write!(f, "a PIN has at least {MIN_PIN_LEN} digits"),
            PinError::NotDigits => f.write_str("a PIN has only the digits 0-9"),
            PinError::Mismatch => f.write_str("the confirmation differs from the PIN"),
        }
    }
}

impl std::error::Error for PinError {}

/// Checks a PIN chosen the first time: at least [`MIN_PIN_LEN`] ASCII
/// digits, and the confirmation equal to it.
pub fn check_new_pin(pin: &str, confirm: &str) -> Result<(), PinError> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if pin.len() < MIN_PIN_LEN {
        return Err(PinError::TooShort);
    }
    if pin != confirm {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// How many times longer the accessibility mode waits before locking: it
/// promises no time limits, but personal data on a tablet must not stay
/// open forever, so the limit is generous rather than gone.
pub const ACCESSIBLE_IDLE_FACTOR: i64 = 3;

/// Whether operator mode should lock: no input for [`IDLE_LOCK_MINUTES`]
/// (times [`ACCESSIBLE_IDLE_FACTOR`] in the accessibility mode).
pub fn idle_expired(last_input: DateTime<Utc>, now: DateTime<Utc>, accessible: bool) -> bool {
    let factor = if accessible {
        ACCESSIBLE_IDLE_FACTOR
    } else {
        1
    };
    now - last_input >= Duration::minutes(IDLE_LOCK_MINUTES * factor)
}
