//! The addresses pages link to, in one place (the routes that serve them
//! are in `app::routes`). A path of another bundle is an ordinary page
//! load; see `app::bundle`.

use crate::engine::application::Step;
use crate::ui::state::applications::SERVICE;

/// `/apply/S2`: start or resume an application.
pub fn apply_start() -> String {
    format!("/apply/{SERVICE}")
}

/// A question of the wizard for draft `draft`.
pub fn step(draft: &str, step: Step) -> String {
    format!("/apply/{SERVICE}/{draft}/{}", step.slug())
}

/// Signing draft `draft` (the signing bundle's: a page load from the wizard).
pub fn sign(draft: &str) -> String {
    format!("/sign/{SERVICE}/{draft}")
}

/// The receipt of application `reference`.
pub fn receipt(reference: &str) -> String {
    format!("/sign/receipt/{reference}")
}

/// The tracker of application `reference`.
pub fn application(reference: &str) -> String {
    format!("/cabinet/applications/{reference}")
}

/// Visit `id` at a State Corporation counter.
pub fn counter_visit(id: &str) -> String {
    format!("{COUNTER}/visits/{id}")
}

/// Booking `reference` of the electronic queue.
pub fn ticket(reference: &str) -> String {
    format!("/cabinet/tickets/{reference}")
}

/// The booking form, moving booking `reference`.
pub fn move_ticket(reference: &str) -> String {
    format!("{BOOK}?move={}", query_value(reference))
}

/// A new complaint, about application `reference` if given.
pub fn complaint_about(reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("/cabinet/complaint?app={}", query_value(r)),
        None => COMPLAINT_FORM.to_string(),
    }
}

/// The complaint form's question `slug`; `change`: asked from "Check your
/// answers", which it returns to.
pub fn complaint_question(slug: &str, change: bool) -> String {
    let back = if change { "?change=1" } else { "" };
    format!("{COMPLAINT_FORM}/{slug}{back}")
}

/// An escalation of answered complaint `id`.
pub fn escalation_of(id: &str) -> String {
    format!("/cabinet/complaint?escalate={}", query_value(id))
}

/// The confirmation of complaint `id`.
pub fn complaint_filed(id: &str) -> String {
    format!("/cabinet/complaint/filed/{id}")
}

/// The tracker of complaint `id`.
pub fn complaint(id: &str) -> String {
    format!("/cabinet/complaints/{id}")
}

/// Application `reference` in the back office.
pub fn staff_application(reference: &str) -> String {
    format!("/staff/applications/{reference}")
}

/// Complaint `id` at the complaint desk.
pub fn staff_complaint(id: &str) -> String {
    format!("/staff/complaints/{id}")
}

/// Home visit `id` in operator mode.
pub fn visit(id: &str) -> String {
    format!("{OPERATOR}/visits/{id}")
}

pub const HOME: &str = "/";
pub const SIGN_IN: &str = "/signin";
pub const CABINET: &str = "/cabinet";
pub const BOOK: &str = "/cabinet/book";
pub const KEYS: &str = "/sign/keys";
pub const DATA: &str = "/cabinet/data";
pub const NOTIFICATIONS: &str = "/cabinet/notifications";
/// Signing out, with or without removing one's data from the device.
pub const SIGN_OUT: &str = "/cabinet/signout";
/// Checking a receipt's signed code (offline).
pub const VERIFY: &str = "/cabinet/verify";
pub const COMPLAINT_FORM: &str = "/cabinet/complaint";
pub const COMPLAINT_SIGN: &str = "/cabinet/complaint/sign";
pub const STAFF: &str = "/staff";
pub const COMPLAINT_DESK: &str = "/staff/complaints";
pub const OPERATOR: &str = "/corporation/operator";
pub const COUNTER: &str = "/corporation/counter";
pub const HALL: &str = "/corporation/hall";

/// `value` percent-encoded for a query string: everything but letters,
/// digits, `-._~` and `/` (so a path stays readable), as
/// `encodeURIComponent` does, with `/` kept.
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The sign-in page, returning to `here` afterwards.
pub fn sign_in_then(here: &str) -> String {
    format!("{SIGN_IN}?next={}", query_value(here))
}

/// The verify page, checking the receipt code `code`.
pub fn verify_code(code: &str) -> String {
    format!("{VERIFY}?code={}", query_value(code))
}

/// The pages that moved to a bundle of their own: old address → new one
/// (`/apply/…` to the cabinet's bundle and the signing one, `/staff/…` to
/// the State Corporation's).
const MOVED: [(&str, &str); 15] = [
    ("/apply/cabinet", CABINET),
    ("/apply/applications", "/cabinet/applications"),
    ("/apply/complaint", COMPLAINT_FORM),
    ("/apply/complaints", "/cabinet/complaints"),
    ("/apply/notifications", NOTIFICATIONS),
    ("/apply/signout", SIGN_OUT),
    ("/apply/verify", VERIFY),
    ("/apply/book", BOOK),
    ("/apply/tickets", "/cabinet/tickets"),
    ("/apply/data", DATA),
    ("/apply/receipt", "/sign/receipt"),
    ("/apply/keys", KEYS),
    ("/staff/hall", HALL),
    ("/staff/operator", OPERATOR),
    ("/staff/counter", COUNTER),
];

/// Where an address of a page that moved to another bundle now is, the
/// rest of it (sub-path, query, fragment) kept: a receipt printed earlier
/// carries `/apply/verify?code=…` in its check link, and bookmarks carry
/// `/apply/cabinet`, `/apply/receipt/…` or `/staff/operator`. `None` for
/// any other address (signing's old address, `/apply/S2/<draft>/sign`, is
/// the applying bundle's own route: `app::moved::SigningMoved`).
///
/// ```
/// use qujat::ui::paths::moved;
/// assert_eq!(moved("/apply/verify?code=QJ1.x").as_deref(), Some("/cabinet/verify?code=QJ1.x"));
/// assert_eq!(moved("/apply/cabinet").as_deref(), Some("/cabinet"));
/// assert_eq!(moved("/staff/operator/visits/v1").as_deref(), Some("/corporation/operator/visits/v1"));
/// assert_eq!(moved("/apply/S2"), None);
/// ```
pub fn moved(address: &str) -> Option<String> {
    MOVED.iter().find_map(|(from, to)| {
        // A whole segment only: `/apply/complaints` is not `/apply/complaint`.
        let rest = address.strip_prefix(from)?;
        (rest.is_empty() || rest.starts_with(['/', '?', '#'])).then(|| format!("{to}{rest}"))
    })
}

/// Where signing draft `draft` went when it had an address in the
/// applying bundle (`/apply/S2/<draft>/sign`, a tab left open or the
/// history), with `rest` (the query and fragment) kept; `None` for a draft
/// id that is not one (ids are hex, `state::db::new_id`).
///
/// ```
/// use qujat::ui::paths::signing_moved;
/// assert_eq!(signing_moved("0f3a", "?x=1#top").as_deref(), Some("/sign/S2/0f3a?x=1#top"));
/// assert_eq!(signing_moved("a?b", ""), None);
/// ```
pub fn signing_moved(draft: &str, rest: &str) -> Option<String> {
    (!draft.is_empty() && draft.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| format!("{}{rest}", sign(draft)))
}
