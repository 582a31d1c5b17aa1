//! What a receipt states, and its compact binary form.
//!
//! The binary form is what is signed and what the QR code carries. It is a
//! fixed layout per kind, big-endian, every length prefixed, so that a
//! decoder can check the exact length and nothing is left to guess:
//!
//! ```text
//! kind u8 · service u8 · channel u8 · issued_at u32 (Unix seconds)
//! · holder u16 (last four IIN digits) · reference (u8 length + UTF-8)
//! · then by kind:
//!   acceptance              due u16 (days since 1970-01-01)
//!   refusal                 grounds (u8 count, each u8 length + id)
//!                           · missing documents (the same)
//!   booking ticket          purpose u8 · date u16 · start u16 · end u16
//!                           (minutes since local midnight)
//!   complaint registration  addressee u8 · due u16
//! ```
//!
//! Ids are the catalogue's (refusal grounds, document rules), so the verify
//! page shows the grounds in the reader's language from the catalogue,
//! never prose frozen into the code.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::complaint::Addressee;
use crate::engine::identity::iin::{self, IinError};
use crate::engine::json::tagged;
use crate::engine::queue::Purpose;
use crate::engine::service::ServiceId;
use crate::engine::term::{Channel, ClockTime};

crate::engine::json::names!(Kind);

/// The four kinds of receipt the portal signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Kind {
    /// The application was accepted (Appendix 2; the portal's notice).
    Acceptance,
    /// Refusal to accept (Appendix 4; the portal's refusal).
    Refusal,
    /// A booked slot of the State Corporation's electronic queue.
    BookingTicket,
    /// A complaint was registered, with the date its answer is due.
    ComplaintRegistration,
}

impl Kind {
    pub const ALL: [Kind; 4] =
        [Kind::Acceptance, Kind::Refusal, Kind::BookingTicket, Kind::ComplaintRegistration];

    /// The data and URL spelling.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }

    fn byte(self) -> u8 {
        self as u8 + 1
    }
}

/// Whose receipt it is, as little as the QR code needs: the last four
/// digits of the holder's IIN.
///
/// Why not more: a receipt is printed, photographed, handed to a school
/// clerk; its QR code can be read by anyone who sees it. The full IIN
/// would give away the birth date (digits 1–6) and the sex and century
/// (digit 7), and the name adds nothing a verifier needs. The verifier
/// has the person in front of them with an identity document: four digits
/// (one chance in 10,000 of a chance match), with the reference the
/// office's own records know, are enough to tell that this receipt is
/// theirs ([`Holder::matches`]). The printed receipt still shows the name;
/// only the machine-readable code is minimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Holder {
    /// 0..=9999: the IIN's digits 9–12.
    pub last_four: u16,
}

impl Holder {
    /// The holder of a valid IIN (spaces allowed, as typed).
    pub fn of_iin(iin_text: &str) -> Result<Holder, IinError> {
        let info = iin::validate(iin_text)?;
        let last_four = info
            .iin
            .bytes()
            .skip(8)
            .fold(0u16, |acc, b| acc * 10 + u16::from(b.wrapping_sub(b'0') % 10));
        Ok(Holder { last_four })
    }

    /// Whether a (valid) IIN ends in these four digits.
    pub fn matches(&self, iin_text: &str) -> bool {
        Holder::of_iin(iin_text).is_ok_and(|h| h == *self)
    }

    /// "••••••••1018": the IIN as the verify page shows it.
    pub fn masked(&self) -> String {
        format!(
            "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}{:04}",
            self.last_four
        )
    }
}

/// What the receipt says beyond the common fields, by kind. serde writes
/// it; it is read in one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum What {
    /// Accepted: the result is due on `due`.
    Acceptance { due: NaiveDate },
    /// Refused: the catalogue's refusal ground ids, and the ids of the
    /// document rules missing from the package (a desk refusal lists them).
    /// At least one of the two is not empty.
    Refusal {
        grounds: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        missing: Vec<String>,
    },
    /// A slot of the issuing office's electronic queue: its local date and
    /// times.
    BookingTicket { purpose: Purpose, date: NaiveDate, start: ClockTime, end: ClockTime },
    /// A registered complaint: to whom, and when the answer is due.
    ComplaintRegistration { addressee: Addressee, due: NaiveDate },
}

tagged::reader! {
    What, tag = "kind";
    variants {
        Acceptance { due }
        Refusal { grounds; default missing }
        BookingTicket { purpose, date, start, end }
        ComplaintRegistration { addressee, due }
    }
    fields {
        Vec<String>: grounds, missing;
        Purpose: purpose;
        ClockTime: start, end;
        Addressee: addressee;
    }
    read {
        NaiveDate = "crate::engine::json::date::naive_opt": due, date;
    }
}

impl What {
    pub fn kind(&self) -> Kind {
        match self {
            What::Acceptance { .. } => Kind::Acceptance,
            What::Refusal { .. } => Kind::Refusal,
            What::BookingTicket { .. } => Kind::BookingTicket,
            What::ComplaintRegistration { .. } => Kind::ComplaintRegistration,
        }
    }
}

/// Everything a receipt states; the issuer is named by its signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The application's, ticket's or complaint's reference, as printed.
    pub reference: String,
    pub service: ServiceId,
    /// Where it was handed in (a home visit is the State Corporation's; a
    /// complaint filed on the portal is the portal's).
    pub channel: Channel,
    pub holder: Holder,
    /// When the receipt was issued (to the second).
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub issued_at: DateTime<Utc>,
    pub what: What,
}

impl Statement {
    pub fn kind(&self) -> Kind {
        self.what.kind()
    }
}

/// Limits that keep a receipt's QR code printable.
pub const REFERENCE_MAX: usize = 64;
/// At most this many ids in each refusal list.
pub const IDS_MAX: usize = 8;
/// At most this many bytes in one id.
pub const ID_MAX: usize = 40;

/// Why a statement has no binary form (checked when issuing).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// Empty, longer than [`REFERENCE_MAX`] bytes, or with control characters.
    #[error("the reference must be 1–{REFERENCE_MAX} bytes without control characters")]
    BadReference,
    /// An id that is empty, longer than [`ID_MAX`], or not `[a-z0-9-]`.
    #[error("{0:?} is not a catalogue id")]
    BadId(String),
    /// More than [`IDS_MAX`] ids in a list, or a refusal with none at all.
    #[error("a refusal lists 1–{IDS_MAX} grounds or missing documents")]
    BadIdCount,
    /// A time before 1970 or after 2106, or a date outside 1970–2149.
    #[error("a date or time outside the receipt's range")]
    OutOfRange,
    /// A slot whose start is not before its end.
    #[error("the slot must start before it ends")]
    BadSlot,
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

fn date_u16(d: NaiveDate) -> Result<u16, EncodeError> {
    u16::try_from((d - epoch()).num_days()).map_err(|_| EncodeError::OutOfRange)
}

fn u16_date(n: u16) -> Option<NaiveDate> {
    epoch().checked_add_days(chrono::Days::new(u64::from(n)))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= ID_MAX
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    // Lengths are checked by the callers (≤ 64).
    out.push(s.len() as u8);
    out.extend_from_slice(s.as_bytes());
}

fn put_ids(out: &mut Vec<u8>, ids: &[String]) -> Result<(), EncodeError> {
    if ids.len() > IDS_MAX {
        return Err(EncodeError::BadIdCount);
    }
    out.push(ids.len() as u8);
    for id in ids {
        if !is_id(id) {
            return Err(EncodeError::BadId(id.clone()));
        }
        put_str(out, id);
    }
    Ok(())
}

fn service_byte(s: ServiceId) -> u8 {
    s.index() as u8 + 1
}

fn channel_byte(c: Channel) -> u8 {
    match c {
        Channel::Provider => 1,
        Channel::StateCorporation => 2,
        Channel::Portal => 3,
    }
}

fn purpose_byte(p: Purpose) -> u8 {
    match p {
        Purpose::HandIn => 1,
        Purpose::Collect => 2,
    }
}

fn addressee_byte(a: Addressee) -> u8 {
    Addressee::ALL.iter().position(|x| *x == a).map_or(0, |i| i as u8 + 1)
}

/// The statement's binary body (see the module docs).
pub fn encode(s: &Statement) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(48);
    out.push(s.kind().byte());
    out.push(service_byte(s.service));
    out.push(channel_byte(s.channel));
    let secs = u32::try_from(s.issued_at.timestamp()).map_err(|_| EncodeError::OutOfRange)?;
    out.extend_from_slice(&secs.to_be_bytes());
    if s.holder.last_four > 9999 {
        return Err(EncodeError::OutOfRange);
    }
    out.extend_from_slice(&s.holder.last_four.to_be_bytes());
    let r = &s.reference;
    if r.is_empty() || r.len() > REFERENCE_MAX || r.chars().any(char::is_control) {
        return Err(EncodeError::BadReference);
    }
    put_str(&mut out, r);
    match &s.what {
        What::Acceptance { due } => out.extend_from_slice(&date_u16(*due)?.to_be_bytes()),
        What::Refusal { grounds, missing } => {
            if grounds.is_empty() && missing.is_empty() {
                return Err(EncodeError::BadIdCount);
            }
            put_ids(&mut out, grounds)?;
            put_ids(&mut out, missing)?;
        }
        What::BookingTicket { purpose, date, start, end } => {
            if start >= end || end.0 >= 24 * 60 {
                return Err(EncodeError::BadSlot);
            }
            out.push(purpose_byte(*purpose));
            out.extend_from_slice(&date_u16(*date)?.to_be_bytes());
            out.extend_from_slice(&start.0.to_be_bytes());
            out.extend_from_slice(&end.0.to_be_bytes());
        }
        What::ComplaintRegistration { addressee, due } => {
            out.push(addressee_byte(*addressee));
            out.extend_from_slice(&date_u16(*due)?.to_be_bytes());
        }
    }
    Ok(out)
}

/// A reader over the body that never reads past its end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = usize::from(self.u8()?);
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn ids(&mut self) -> Option<Vec<String>> {
        let n = usize::from(self.u8()?);
        if n > IDS_MAX {
            return None;
        }
        (0..n).map(|_| self.str().filter(|s| is_id(s)).map(str::to_string)).collect()
    }
}

/// Reads a body written by [`encode`]: `None` unless every byte is used
/// and every field is in range (the same checks [`encode`] makes).
pub fn decode(body: &[u8]) -> Option<Statement> {
    let mut r = Reader { bytes: body };
    let kind = *Kind::ALL.get(usize::from(r.u8()?.checked_sub(1)?))?;
    let service = *ServiceId::ALL.get(usize::from(r.u8()?.checked_sub(1)?))?;
    let channel = match r.u8()? {
        1 => Channel::Provider,
        2 => Channel::StateCorporation,
        3 => Channel::Portal,
        _ => return None,
    };
    let issued_at = DateTime::<Utc>::from_timestamp(i64::from(r.u32()?), 0)?;
    let last_four = r.u16().filter(|n| *n <= 9999)?;
    let reference =
        r.str().filter(|s| !s.is_empty() && !s.chars().any(char::is_control))?.to_string();
    let what = match kind {
        Kind::Acceptance => What::Acceptance { due: u16_date(r.u16()?)? },
        Kind::Refusal => {
            let grounds = r.ids()?;
            let missing = r.ids()?;
            if grounds.is_empty() && missing.is_empty() {
                return None;
            }
            What::Refusal { grounds, missing }
        }
        Kind::BookingTicket => {
            let purpose = match r.u8()? {
                1 => Purpose::HandIn,
                2 => Purpose::Collect,
                _ => return None,
            };
            let date = u16_date(r.u16()?)?;
            let start = ClockTime(r.u16()?);
            let end = ClockTime(r.u16()?);
            if start >= end || end.0 >= 24 * 60 {
                return None;
            }
            What::BookingTicket { purpose, date, start, end }
        }
        Kind::ComplaintRegistration => {
            let addressee = *Addressee::ALL.get(usize::from(r.u8()?.checked_sub(1)?))?;
            What::ComplaintRegistration { addressee, due: u16_date(r.u16()?)? }
        }
    };
    if !r.bytes.is_empty() {
        return None;
    }
    Some(Statement { reference, service, channel, holder: Holder { last_four }, issued_at, what })
}
