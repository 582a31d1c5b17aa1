//! The citizen's notifications: every event of one of their applications,
//! with what they have already seen (shared by every tab).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::db::Db;
use super::keys;
use super::session::Session;
use super::store::{Collection, NotSaved, StoreNotices, Stored, StoredRecord, read_as};
use crate::engine::lifecycle::{Glance, Transition, is_unread, unread};
use crate::engine::store::{Format, formats};
use crate::engine::submission::Submission;

/// How many events of each application the visitor has seen.
#[derive(Clone, Copy)]
pub struct Seen(Collection<BTreeMap<String, usize>>);

impl Stored for BTreeMap<String, usize> {
    const KEY: &'static str = keys::SEEN;
    const FORMAT: &'static Format = &formats::SEEN;
}

impl Seen {
    pub fn open(notices: StoreNotices) -> Seen {
        Seen(Collection::open(notices))
    }

    /// Marks every event of every application as seen.
    pub fn mark_all_read(&self, db: Db) -> Result<(), NotSaved> {
        let counts: Vec<(String, usize)> = db.apps.with_untracked(|m| {
            m.values().map(|s| (s.reference.clone(), s.lifecycle.events.len())).collect()
        });
        self.0.update(|m| m.extend(counts))
    }
}

pub fn use_seen() -> Seen {
    expect_context::<Seen>()
}

/// The header's count of the signed-in citizen's unread notifications
/// ([`unread`]), made by each bundle in one of two ways (see
/// `app::shared::provide_shared`).
#[derive(Clone, Copy)]
pub struct Unread(pub Signal<usize>);

/// How a bundle makes its [`Unread`] count.
pub type CountUnread = fn(Db, Seen, Session) -> Unread;

impl Unread {
    /// From the applications the bundle has decoded (applying and staff,
    /// whose pages change them): follows every change at once.
    pub fn from_records(db: Db, seen: Seen, session: Session) -> Unread {
        Unread(Signal::from(Memo::new(move |_| {
            let Some(me) = session.iin() else { return 0 };
            seen.0.with(|seen| {
                db.apps.with(|m| {
                    let apps = m.values().map(|s| {
                        let events = s.lifecycle.events.len();
                        (s.reference.as_str(), s.applicant_iin.as_str(), events)
                    });
                    unread(apps, seen, me)
                })
            })
        })))
    }

    /// From a [`Glance`] at the stored applications (the portal and the
    /// passports, whose pages never change an application): no decoder for
    /// whole applications in their wasm. Read once someone is signed in,
    /// and again after another tab writes them (the `storage` event). What
    /// does not read is set aside and the user told, as a collection would
    /// ([`read_as`]); a record that reads as a glance but not as an
    /// application is counted here, and set aside (and said so) by the
    /// bundle that opens it.
    pub fn glance(_: Db, seen: Seen, session: Session) -> Unread {
        let notices = expect_context::<StoreNotices>();
        // `None`: not read yet, or written by another tab since.
        let stored = StoredValue::new(None::<Vec<Glance>>);
        let changed = Trigger::new();
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(Submission::KEY) || ev.key().is_none() {
                stored.set_value(None);
                changed.notify();
            }
        });
        Unread(Signal::from(Memo::new(move |_| {
            let Some(me) = session.iin() else { return 0 };
            changed.track();
            if stored.with_value(Option::is_none) {
                stored.set_value(Some(glance_at_apps(notices)));
            }
            seen.0.with(|seen| {
                stored.with_value(|apps| {
                    let apps = apps
                        .iter()
                        .flatten()
                        .map(|g| (g.reference.as_str(), g.applicant_iin.as_str(), g.events()));
                    unread(apps, seen, me)
                })
            })
        })))
    }
}

/// The stored applications, glanced at: under the applications' own key
/// and format (only these constants of [`Submission`] are used, not its
/// decoder).
fn glance_at_apps(notices: StoreNotices) -> Vec<Glance> {
    let (_, apps) =
        read_as::<BTreeMap<String, Glance>>(Submission::KEY, Submission::FORMAT, notices);
    apps.into_values().collect()
}

pub fn use_unread() -> Unread {
    expect_context::<Unread>()
}

/// One notification: an event of one of my applications.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub reference: String,
    pub transition: Transition,
    pub at: DateTime<Utc>,
    pub unread: bool,
}

/// The notifications of `iin`, newest first (reactive).
pub fn notes(db: Db, seen: Seen, iin: Option<&str>) -> Vec<Note> {
    let Some(me) = iin else {
        return Vec::new();
    };
    let seen_map = &seen.0.get();
    let mut out: Vec<Note> = db.apps.with(|m| {
        m.values()
            .filter(|s| s.applicant_iin == me)
            .flat_map(|s| {
                // Newest first already, so that the stable sort below keeps
                // events of one instant in reverse order of happening too.
                s.lifecycle.events.iter().enumerate().rev().map(move |(i, e)| Note {
                    reference: s.reference.clone(),
                    transition: e.transition,
                    at: e.at,
                    unread: is_unread(seen_map, &s.reference, i),
                })
            })
            .collect()
    });
    crate::engine::order::sort_by_key(&mut out, |n| std::cmp::Reverse(n.at));
    out
}
