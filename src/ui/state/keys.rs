//! Every key the app keeps in `localStorage`, in one place. The values are
//! part of the stored format: renaming one loses what visitors have stored
//! under it (and the end-to-end suites read some of them).

/// The interface language (a JSON string: `"kk"`, `"ru"`, `"en"`). Also read
/// by the inline script of the HTML shells before the app starts.
pub const LANG: &str = "qujat.lang";
/// The accessibility mode (a JSON boolean).
pub const ACCESS: &str = "qujat.access";
/// The kiosk switch (a JSON boolean); the one key a kiosk wipe keeps.
pub const KIOSK: &str = "qujat.kiosk";

/// Who is signed in (an IIN).
pub const SESSION: &str = "qujat.session";
/// How far the demo clock is ahead of real time, in milliseconds.
pub const CLOCK: &str = "qujat.clock";

/// Application drafts by id.
pub const DRAFTS: &str = "qujat.drafts";
/// Submitted applications by reference.
pub const APPS: &str = "qujat.apps";
/// EDS key files (private keys sealed under their password).
pub const EDS_KEYS: &str = "qujat.keys";
/// SMS code sessions by flow.
pub const OTP: &str = "qujat.otp";
/// The simulated phone's inbox.
pub const SMS: &str = "qujat.sms";
/// Filed complaints by id.
pub const COMPLAINTS: &str = "qujat.complaints";
/// Complaints being written, by the IIN of who writes them.
pub const COMPLAINT_DRAFTS: &str = "qujat.complaint-drafts";
/// How many events of each application the citizen has seen.
pub const SEEN: &str = "qujat.seen";
/// Bookings of the State Corporation's electronic queue (`queue::Tickets`).
pub const TICKETS: &str = "qujat.tickets";
/// The State Corporation halls: each office's queue for one day.
pub const HALLS: &str = "qujat.halls";

/// The back office's chosen role.
pub const STAFF_ROLE: &str = "qujat.staff.role";
/// Operator mode: one sealed (AES-GCM) blob, never in the clear.
pub const OPERATOR: &str = "qujat.operator";
/// The State Corporation counters' visits (`visit::OperatorData`): the
/// office's own system, so not sealed, like the applications.
pub const COUNTER: &str = "qujat.counter";
