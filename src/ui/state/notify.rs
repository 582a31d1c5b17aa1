//! The citizen's notifications: every event of one of their applications,
//! with what they have already seen (shared by every tab).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::db::Db;
use super::keys;
use super::store::{Collection, NotSaved, StoreNotices};
use crate::engine::lifecycle::Transition;

/// How many events of each application the visitor has seen.
#[derive(Clone, Copy)]
pub struct Seen(Collection<BTreeMap<String, usize>>);

impl Seen {
    pub fn open(notices: StoreNotices) -> Seen {
        Seen(Collection::open(keys::SEEN, notices))
    }

    /// Marks every event of every application as seen.
    pub fn mark_all_read(&self, db: Db) -> Result<(), NotSaved> {
        let counts: Vec<(String, usize)> = db.apps.with_untracked(|m| {
            m.values()
                .map(|s| (s.reference.clone(), s.lifecycle.events.len()))
                .collect()
        });
        self.0.update(|m| m.extend(counts))
    }
}

pub fn use_seen() -> Seen {
    expect_context::<Seen>()
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
    let seen_map = seen.0.get();
    let mut out: Vec<Note> = db.apps.with(|m| {
        m.values()
            .filter(|s| s.applicant_iin == me)
            .flat_map(|s| {
                let already = seen_map.get(&s.reference).copied().unwrap_or(0);
                // Newest first already, so that the stable sort below keeps
                // events of one instant in reverse order of happening too.
                s.lifecycle
                    .events
                    .iter()
                    .enumerate()
                    .rev()
                    .map(move |(i, e)| Note {
                        reference: s.reference.clone(),
                        transition: e.transition,
                        at: e.at,
                        unread: i >= already,
                    })
            })
            .collect()
    });
    out.sort_by_key(|n| std::cmp::Reverse(n.at));
    out
}
