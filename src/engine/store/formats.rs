//! The format of every stored collection: the version this release writes
//! and the migration chain from each older version. A collection whose
//! stored shape changes gets a new version and one more step here, even when
//! the step changes nothing (a field added with a default): an older
//! release then recognises the newer data and leaves it alone instead of
//! reading it without the new field and writing it back without it.
//!
//! `tests/formats.rs` upgrades a stored example of every past version of
//! every collection (`tests/fixtures/stored/`).

use super::Format;
use crate::engine::signing::otp;
use crate::engine::visit::lock;

/// Application drafts by id (`BTreeMap<String, application::Draft>`).
pub const DRAFTS: Format = Format::FIRST;

/// Submitted applications by reference (`BTreeMap<String, Submission>`).
/// Version 2: an EDS signature may carry its signing time in the signed
/// data (`signed_at`); version 1 data is read as it is. Version 3: an
/// application may have been handed in at the State Corporation and be
/// bound to its acceptance receipt (`"method": "receipt"`, a package from
/// a home visit), which a version-2 release cannot read: it must leave
/// such data alone rather than set it aside as unreadable.
pub const APPLICATIONS: Format = Format::new(3, &[same, same], None);

/// EDS key files (`Vec<signing::eds::KeyFile>`); each file names its own
/// key-derivation parameters, so stronger ones need no new version.
pub const EDS_KEYS: Format = Format::FIRST;

/// SMS code sessions and the limits per phone number
/// ([`otp::OtpBook`]). Version 1 was a map of sessions by flow, not bound
/// to a document: their codes are dropped, their lock-outs kept per phone.
pub const OTP: Format = Format::new(2, &[otp::book_from_v1], None);

/// The simulated phone's inbox.
pub const SMS: Format = Format::FIRST;

/// Filed complaints by id (the signature is kept as opaque JSON, so an
/// older release keeps whatever a newer one put in it).
pub const COMPLAINTS: Format = Format::FIRST;

/// Complaints being written, by the IIN of who writes them.
pub const COMPLAINT_DRAFTS: Format = Format::FIRST;

/// How many events of each application the citizen has seen.
pub const SEEN: Format = Format::FIRST;

/// Bookings of the State Corporation's electronic queue
/// (`queue::Tickets`, with its own revision for "the last place").
pub const TICKETS: Format = Format::FIRST;
/// The State Corporation halls: one day's queue at one office, by
/// `"<office>/<date>"` (`BTreeMap<String, queue::Hall>`).
pub const HALLS: Format = Format::FIRST;

/// Who is signed in.
pub const SESSION: Format = Format::FIRST;

/// The demo clock's offset from real time, in milliseconds.
pub const CLOCK: Format = Format::FIRST;

/// The back office's chosen role.
pub const STAFF_ROLE: Format = Format::FIRST;

/// Operator mode's store ([`lock::OperatorStore`]): the sealed blob and
/// the wrong-PIN counter. Version 1 was the sealed blob alone, stored bare.
pub const OPERATOR: Format = Format::new(2, &[lock::store_from_v1], Some(same));

/// What operator mode seals (`visit::OperatorData`), inside the blob.
/// Before it had an envelope, the plaintext was the data itself.
pub const OPERATOR_DATA: Format = Format::new(1, &[], Some(same));

/// The State Corporation counters' visits (`visit::OperatorData`, each
/// visit with its office).
pub const COUNTER: Format = Format::FIRST;

/// A step for a version that only added optional fields.
fn same(v: serde_json::Value) -> Result<serde_json::Value, String> {
    Ok(v)
}

/// Every format above with its name, for tests and the fuzz harness.
pub const ALL: &[(&str, Format)] = &[
    ("drafts", DRAFTS),
    ("applications", APPLICATIONS),
    ("eds-keys", EDS_KEYS),
    ("otp", OTP),
    ("sms", SMS),
    ("complaints", COMPLAINTS),
    ("complaint-drafts", COMPLAINT_DRAFTS),
    ("seen", SEEN),
    ("tickets", TICKETS),
    ("halls", HALLS),
    ("session", SESSION),
    ("clock", CLOCK),
    ("staff-role", STAFF_ROLE),
    ("operator", OPERATOR),
    ("operator-data", OPERATOR_DATA),
    ("counter", COUNTER),
];
