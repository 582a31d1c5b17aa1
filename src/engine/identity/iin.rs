//! The individual identification number (IIN; ЖСН / ИИН): 12 digits that
//! encode a birth date, century and sex, a serial number and a check digit.
//!
//! Layout: `YYMMDD` birth date; digit 7 = century and sex (1/2: 1800s,
//! 3/4: 1900s, 5/6: 2000s; odd male, even female); digits 8–11 a serial;
//! digit 12 = check digit. The check digit is the sum of the first 11 digits
//! weighted 1..=11, mod 11; if that is 10, the weights 3,4,…,11,1,2 are used
//! instead; if that is 10 too, no valid IIN has these 11 digits.
//!
//! Validation here is structural only: a valid IIN may still belong to nobody
//! (see [`super::registry`] for who exists in the demo state registry).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

crate::engine::json::names!(Sex);

/// Sex as the IIN encodes it (digit 7: odd male, even female).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// Stable machine code (`"male"` / `"female"`), as serde writes it.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// What a valid IIN says about its holder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IinInfo {
    /// The 12 digits, without spaces.
    pub iin: String,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

impl IinInfo {
    /// Digits 8–11: the serial that tells people born on one day apart.
    pub fn serial(&self) -> u16 {
        self.iin
            .bytes()
            .skip(7)
            .take(4)
            .fold(0u16, |acc, b| acc * 10 + u16::from(b.wrapping_sub(b'0') % 10))
    }
}

/// Why a string is not a valid IIN. The UI maps [`IinError::code`] to a
/// message in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "iin-", serialize_all = "kebab-case")]
pub enum IinError {
    /// Nothing but whitespace.
    #[error("IIN is empty")]
    Empty,
    /// Only digits and spaces, but not 12 digits.
    #[error("IIN must have 12 digits, found {len}")]
    WrongLength { len: usize },
    /// A character other than a digit or a space.
    #[error("IIN may contain only digits and spaces")]
    NotDigits,
    /// Digit 7 is 0, 7, 8 or 9.
    #[error("IIN digit 7 (century and sex) must be 1 to 6")]
    BadCentury,
    /// Digits 1–6 with the century are not a calendar date.
    #[error("IIN digits 1-6 are not a valid birth date")]
    BadDate,
    /// The check digit does not match.
    #[error("IIN check digit does not match")]
    BadChecksum,
    /// Both weightings give 10: no valid IIN starts with these 11 digits.
    #[error("IIN cannot be valid: its check digit would be 10")]
    CheckDigitTen,
}

impl IinError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `iin-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

const WEIGHTS_1: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_2: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit for the first 11 digits, or `None` when both weightings
/// give 10 (such numbers are never issued).
fn check_digit(d: &[u8; 11]) -> Option<u8> {
    let sum = |w: &[u32; 11]| -> u32 {
        d.iter().zip(w).map(|(&x, &w)| u32::from(x) * w).sum::<u32>() % 11
    };
    let first = sum(&WEIGHTS_1);
    let c = if first == 10 { sum(&WEIGHTS_2) } else { first };
    // `c` < 11, so the cast cannot truncate.
    (c != 10).then_some(c as u8)
}

/// Parse and check an IIN. Surrounding whitespace and spaces between digits
/// (U+0020, and U+00A0 as copy-paste from formatted documents brings it) are
/// accepted; anything else that is not an ASCII digit is an error.
///
/// ```
/// use qujat::engine::identity::iin::{self, IinError, Sex};
///
/// let info = iin::validate("850314 401018")?;
/// assert_eq!(info.iin, "850314401018");
/// assert_eq!(info.birth_date.to_string(), "1985-03-14");
/// assert_eq!(info.sex, Sex::Female);
/// assert_eq!(iin::validate("850314401019"), Err(IinError::BadChecksum));
/// assert_eq!(iin::validate("8503144010"), Err(IinError::WrongLength { len: 10 }));
/// # Ok::<(), IinError>(())
/// ```
pub fn validate(input: &str) -> Result<IinInfo, IinError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(IinError::Empty);
    }
    let mut digits: Vec<u8> = Vec::with_capacity(12);
    for c in trimmed.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '\u{a0}' => {}
            _ => return Err(IinError::NotDigits),
        }
    }
    let Ok(d) = <[u8; 12]>::try_from(digits.as_slice()) else {
        return Err(IinError::WrongLength { len: digits.len() });
    };
    let (century, sex) = match d[6] {
        1 => (1800, Sex::Male),
        2 => (1800, Sex::Female),
        3 => (1900, Sex::Male),
        4 => (1900, Sex::Female),
        5 => (2000, Sex::Male),
        6 => (2000, Sex::Female),
        _ => return Err(IinError::BadCentury),
    };
    let two = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    // `two(0)` < 100, so the cast is lossless.
    let year = century + two(0) as i32;
    let birth_date = NaiveDate::from_ymd_opt(year, two(2), two(4)).ok_or(IinError::BadDate)?;
    let mut first11 = [0u8; 11];
    first11.copy_from_slice(&d[..11]);
    match check_digit(&first11) {
        None => Err(IinError::CheckDigitTen),
        Some(c) if c != d[11] => Err(IinError::BadChecksum),
        Some(_) => {
            Ok(IinInfo { iin: d.iter().map(|&x| char::from(b'0' + x)).collect(), birth_date, sex })
        }
    }
}

/// Build a valid IIN for a birth date, sex and serial (0..=9999). `None` when
/// the year is outside 1800..=2099, the serial has more than 4 digits, or both
/// check-digit weightings give 10 (then use the next serial). Used to build
/// the demo registry and in tests.
///
/// ```
/// use chrono::NaiveDate;
/// use qujat::engine::identity::iin::{self, Sex};
///
/// let born = NaiveDate::from_ymd_opt(2008, 2, 29).unwrap();
/// let made = iin::make(born, Sex::Male, 42).unwrap();
/// assert!(made.starts_with("0802295"));
/// assert_eq!(iin::validate(&made).unwrap().birth_date, born);
/// ```
pub fn make(birth: NaiveDate, sex: Sex, serial: u16) -> Option<String> {
    if serial > 9999 {
        return None;
    }
    let year = birth.year();
    let century_digit = match (year.div_euclid(100), sex) {
        (18, Sex::Male) => 1,
        (18, Sex::Female) => 2,
        (19, Sex::Male) => 3,
        (19, Sex::Female) => 4,
        (20, Sex::Male) => 5,
        (20, Sex::Female) => 6,
        _ => return None,
    };
    let yy = year.rem_euclid(100);
    let (mm, dd) = (birth.month(), birth.day());
    let mut d = [0u8; 11];
    // Each value is below 100 (or 10), so the casts cannot truncate.
    let pairs = [yy as u8, mm as u8, dd as u8];
    for (i, v) in pairs.iter().enumerate() {
        d[2 * i] = v / 10;
        d[2 * i + 1] = v % 10;
    }
    d[6] = century_digit;
    let s = serial;
    d[7] = (s / 1000 % 10) as u8;
    d[8] = (s / 100 % 10) as u8;
    d[9] = (s / 10 % 10) as u8;
    d[10] = (s % 10) as u8;
    let c = check_digit(&d)?;
    Some(d.iter().chain(std::iter::once(&c)).map(|&x| char::from(b'0' + x)).collect())
}
