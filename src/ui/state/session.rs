//! Who is signed in: the IIN of a person in the demo registry. Everything
//! about them (name, address, documents) is looked up in the registry, never
//! typed in, as the seeds require of documents held by information systems.

use leptos::prelude::*;

use crate::ui::paths;

use super::complaints::PendingMap;
use super::db::Db;
use super::keys;
use super::store::{Collection, NotSaved, StoreNotices, Stored};
use crate::engine::identity::registry::{self, Person};
use crate::engine::store::{Format, formats};

#[derive(Clone, Copy)]
pub struct Session {
    iin: Collection<Option<String>>,
}

impl Stored for Option<String> {
    const KEY: &'static str = keys::SESSION;
    const FORMAT: &'static Format = &formats::SESSION;
}

impl Session {
    pub fn open(notices: StoreNotices) -> Session {
        Session { iin: Collection::open(notices) }
    }

    /// The signed-in person (reactive). A stored IIN that is no longer in
    /// the registry counts as signed out.
    pub fn person(&self) -> Option<&'static Person> {
        self.iin.with(|i| i.as_deref().and_then(registry::find))
    }

    /// The signed-in person's IIN (reactive).
    pub fn iin(&self) -> Option<&'static str> {
        self.person().map(|p| p.iin.as_str())
    }

    pub fn person_untracked(&self) -> Option<&'static Person> {
        self.iin.with_untracked(|i| i.as_deref().and_then(registry::find))
    }

    pub fn sign_in(&self, iin: &str) -> Result<(), NotSaved> {
        let iin = iin.to_string();
        self.iin.update(|s| *s = Some(iin))
    }

    pub fn sign_out(&self) {
        self.iin.clear();
    }
}

/// "Sign out and remove my data from this device": deletes what this
/// browser keeps for `person` alone — application and complaint drafts,
/// EDS keys, the simulated phone's messages to their number — then signs
/// out. Filed applications, complaints and bookings stay: in this
/// demonstration they stand for the state's systems (the back office reads
/// them), which a real portal keeps on its servers. Stops at the first
/// write the browser refuses, still signed in, so the person can try again.
pub fn sign_out_and_forget(
    session: Session, db: Db, pending: Collection<PendingMap>, person: &Person,
) -> Result<(), NotSaved> {
    let iin = person.iin.as_str();
    db.drafts.update(|m| m.retain(|_, d| d.applicant_iin != iin))?;
    pending.update(|m| {
        m.remove(iin);
    })?;
    db.keys.update(|ks| ks.retain(|k| k.certificate.owner_iin != iin))?;
    if let Some(phone) = person.phone.as_deref() {
        db.sms.update(|v| v.retain(|m| m.phone != phone))?;
    }
    session.sign_out();
    Ok(())
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// A same-site path to return to after signing in (never another site).
/// Anything but a path of this app ([`is_app_path`]) goes to the cabinet.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|p| is_app_path(p)).unwrap_or_else(|| paths::CABINET.into())
}

/// The paths a sign-in may return to: the home page and the pages under
/// these roots.
const APP_ROOTS: [&str; 6] = ["/apply", "/cabinet", "/corporation", "/services", "/sign", "/staff"];

/// Whether `p` is a path of this app as the browser will read it. The URL
/// parser drops tabs and newlines anywhere, trims spaces and controls, and
/// reads `\` as `/` — so `/\t/evil.example` would become
/// `//evil.example`, another site. Such characters are refused outright,
/// and the path must be the home page or lie under a known root
/// (`tests/web_shell.rs` tries the known bypasses).
pub fn is_app_path(p: &str) -> bool {
    let clean = !p.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    let path = p.split(['?', '#']).next().unwrap_or_default();
    clean
        && (path == paths::HOME
            || APP_ROOTS.iter().any(|r| {
                path.strip_prefix(r).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            }))
}
