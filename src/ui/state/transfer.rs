//! "My data moves with me" on this device: the signed-in person's records
//! as the engine's [`Bundle`] (applications, drafts, complaints, bookings,
//! key files), and an import's [`MergePlan`] written back into the stored
//! collections (the engine decides what is added, updated, kept or
//! refused; see `engine::transfer`).
//!
//! Each record's revision is what the merge compares: a submission's, a
//! complaint's, a booking's count of events, a draft's last change (in
//! milliseconds), and 0 for a key file, which never changes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use std::collections::BTreeMap;

use super::complaints::owner;
use super::db::Db;
use super::store::{Collection, NotSaved, Stored};
use crate::engine::application::Draft;
use crate::engine::complaint::Complaint;
use crate::engine::json;
use crate::engine::queue::ticket::{Ticket, TicketError};
use crate::engine::signing::eds::KeyFile;
use crate::engine::store::Revisioned;
use crate::engine::submission::Submission;
use crate::engine::transfer::{Bundle, Collections, MergePlan, Outcome, Record, Refused};

const APPS: &str = "apps";
const DRAFTS: &str = "drafts";
const COMPLAINTS: &str = "complaints";
const TICKETS: &str = "tickets";
const KEYS: &str = "keys";

fn record<T: Serialize>(id: &str, rev: u64, value: &T) -> Option<Record> {
    Some(Record { id: id.to_string(), rev, data: json::to_value(value).ok()? })
}

/// Everything of `iin` kept in this browser, by collection (tracked, so a
/// view that shows what it holds follows changes).
pub fn mine(db: Db, iin: &str) -> Collections {
    let mut out = Collections::new();
    let apps = db.apps.with(|m| {
        m.values()
            .filter(|s| s.applicant_iin == iin)
            .filter_map(|s| record(&s.reference, s.rev(), s))
            .collect()
    });
    let drafts = db.drafts.with(|m| {
        m.values()
            .filter(|d| d.applicant_iin == iin)
            .filter_map(|d| record(&d.id, draft_rev(d), d))
            .collect()
    });
    let complaints = db.complaints.with(|m| {
        m.values()
            .filter(|c| owner(c) == Some(iin))
            .filter_map(|c| record(&c.id, c.rev(), c))
            .collect()
    });
    let tickets = db.tickets.with(|t| {
        t.tickets
            .iter()
            .filter(|t| t.iin == iin)
            .filter_map(|t| record(&t.reference, t.history.len() as u64, t))
            .collect()
    });
    let keys = db.keys.with(|ks| {
        ks.iter()
            .filter(|k| k.certificate.owner_iin == iin)
            .filter_map(|k| record(&k.certificate.serial, 0, k))
            .collect()
    });
    for (name, records) in
        [(APPS, apps), (DRAFTS, drafts), (COMPLAINTS, complaints), (TICKETS, tickets), (KEYS, keys)]
    {
        out.insert(name.to_string(), records);
    }
    out
}

/// The bundle of `iin` to save, made at `now`.
pub fn bundle(db: Db, iin: &str, now: DateTime<Utc>) -> Bundle {
    Bundle { person_iin: iin.to_string(), created_at: now, collections: mine(db, iin) }
}

/// Why a record of the file was not restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The engine refused it.
    Refused(Refused),
    /// Not a record of a collection this app keeps, or not readable as one.
    Unreadable,
    /// Its number is another person's record on this device.
    Taken,
    /// A draft already submitted here as an application.
    Submitted,
    /// A booking the queue no longer has room for.
    SlotFull,
}

/// What a restore did, record by record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub added: usize,
    pub updated: usize,
    pub kept: usize,
    /// Each refused record: its collection, id and why.
    pub refused: Vec<(String, String, Why)>,
}

/// A record of the file to take: its id, its data, and the revision the
/// plan found here (`None`: not here).
struct Take {
    id: String,
    data: serde_json::Value,
    here: Option<u64>,
}

/// What happened to one record taken.
enum Done {
    Added,
    Updated,
    /// Changed here since the plan was made: the device's copy stays.
    Kept,
}

type Results = Vec<(String, Result<Done, Why>)>;

/// Writes an import's plan: the records to add or update, one write per
/// collection. Each write checks every record again against what is stored
/// at that moment (another tab may have acted while the file was being
/// opened): a record changed here since the plan stays as it is here, and
/// a number that another person's record holds is refused.
pub fn restore(db: Db, plan: &MergePlan, now: DateTime<Utc>) -> Result<Restored, NotSaved> {
    let mut done = Restored::default();
    let mut takes: BTreeMap<&str, Vec<Take>> = BTreeMap::new();
    for e in &plan.entries {
        let here = match &e.outcome {
            Outcome::Kept { .. } => {
                done.kept += 1;
                continue;
            }
            Outcome::Refused(r) => {
                done.refused.push((e.collection.clone(), e.id.clone(), Why::Refused(r.clone())));
                continue;
            }
            Outcome::Added => None,
            Outcome::Updated { local, .. } => Some(*local),
        };
        let data = plan
            .merged
            .get(&e.collection)
            .and_then(|rs| rs.iter().find(|r| r.id == e.id))
            .map(|r| r.data.clone());
        match data {
            Some(data) => takes.entry(e.collection.as_str()).or_default().push(Take {
                id: e.id.clone(),
                data,
                here,
            }),
            None => done.refused.push((e.collection.clone(), e.id.clone(), Why::Unreadable)),
        }
    }
    let iin = plan.person_iin.as_str();
    for (collection, list) in takes {
        let results = match collection {
            APPS => {
                let key = Key {
                    id: |s: &Submission| &s.reference,
                    mine: |s: &Submission| s.applicant_iin == iin,
                    rev: |s: &Submission| s.rev(),
                };
                into_map(db.apps, list, key)?
            }
            COMPLAINTS => {
                let key = Key {
                    id: |c: &Complaint| &c.id,
                    mine: |c: &Complaint| owner(c) == Some(iin),
                    rev: |c: &Complaint| c.rev(),
                };
                into_map(db.complaints, list, key)?
            }
            DRAFTS => {
                // A draft submitted here since the file was made stays gone.
                let (submitted, list): (Vec<Take>, Vec<Take>) =
                    list.into_iter().partition(|t| was_submitted(db, iin, &t.data));
                let key = Key {
                    id: |d: &Draft| &d.id,
                    mine: |d: &Draft| d.applicant_iin == iin,
                    rev: draft_rev,
                };
                let mut r = into_map(db.drafts, list, key)?;
                r.extend(submitted.into_iter().map(|t| (t.id, Err(Why::Submitted))));
                r
            }
            TICKETS => tickets(db, list, iin, now)?,
            KEYS => keys(db, list, iin)?,
            _ => list.into_iter().map(|t| (t.id, Err(Why::Unreadable))).collect(),
        };
        for (id, r) in results {
            match r {
                Ok(Done::Added) => done.added += 1,
                Ok(Done::Updated) => done.updated += 1,
                Ok(Done::Kept) => done.kept += 1,
                Err(why) => done.refused.push((collection.to_string(), id, why)),
            }
        }
    }
    Ok(done)
}

fn draft_rev(d: &Draft) -> u64 {
    d.updated_at.timestamp_millis().max(0) as u64
}

/// Whether an application of `iin` here was made from this draft (the
/// signed document carries the draft's creation time).
fn was_submitted(db: Db, iin: &str, draft: &serde_json::Value) -> bool {
    let created = draft
        .get("created_at")
        .and_then(|c| c.as_str())
        .and_then(json::date::parse_utc)
        .map(|c| c.to_rfc3339());
    let Some(created) = created else {
        return false;
    };
    db.apps.with_untracked(|m| {
        m.values().any(|s| {
            s.applicant_iin == iin
                && s.document.get("created_at").and_then(|c| c.as_str()) == Some(created.as_str())
        })
    })
}

/// How to read a record of a type: its id, whether it is the person's,
/// and its revision.
struct Key<T, M, R> {
    id: fn(&T) -> &String,
    mine: M,
    rev: R,
}

/// Each record of the file as its type, if it is the person's record
/// `t.id` (else [`Why::Unreadable`]). Parsed before the write, so the
/// write itself only decides and stores.
fn parsed<T: DeserializeOwned>(
    list: Vec<Take>, id: fn(&T) -> &String, mine: impl Fn(&T) -> bool,
) -> Vec<(Take, Result<T, Why>)> {
    list.into_iter()
        .map(|t| {
            let v = json::from_value::<T>(&t.data).map_err(|_| Why::Unreadable).and_then(|v| {
                if *id(&v) == t.id && mine(&v) { Ok(v) } else { Err(Why::Unreadable) }
            });
            (t, v)
        })
        .collect()
}

/// What becomes of a record of the file, from the record stored here at the
/// moment of writing (`Some((whether it is the person's, its revision))`)
/// and the revision the plan found here (`here`): the file's copy goes in
/// (`Added`, `Updated`), the stored one stays (`Kept`: changed since the
/// plan), or another person's holds the number (`Taken`).
fn decide(stored: Option<(bool, u64)>, here: Option<u64>) -> Result<Done, Why> {
    match (stored, here) {
        (Some((false, _)), _) => Err(Why::Taken),
        (Some((true, rev)), Some(local)) if rev == local => Ok(Done::Updated),
        (None, None) => Ok(Done::Added),
        _ => Ok(Done::Kept),
    }
}

/// Takes records into a collection kept by id, in one write, each checked
/// against what is stored at that moment.
fn into_map<T, M, R>(
    col: Collection<BTreeMap<String, T>>, list: Vec<Take>, key: Key<T, M, R>,
) -> Result<Results, NotSaved>
where
    T: DeserializeOwned,
    BTreeMap<String, T>: Stored,
    M: Fn(&T) -> bool,
    R: Fn(&T) -> u64,
{
    let parsed = parsed(list, key.id, &key.mine);
    col.update(|m| {
        parsed
            .into_iter()
            .map(|(t, v)| {
                let r = v.and_then(|v| {
                    let stored = m.get(&t.id).map(|o| ((key.mine)(o), (key.rev)(o)));
                    let done = decide(stored, t.here)?;
                    if !matches!(done, Done::Kept) {
                        m.insert(t.id.clone(), v);
                    }
                    Ok(done)
                });
                (t.id, r)
            })
            .collect()
    })
}

/// Key files: new ones are added (a key file never changes, so its
/// revision is 0 and one already here is kept); a serial that another
/// person's key holds is refused.
fn keys(db: Db, list: Vec<Take>, iin: &str) -> Result<Results, NotSaved> {
    let mine = |k: &KeyFile| k.certificate.owner_iin == iin;
    let parsed = parsed(list, |k: &KeyFile| &k.certificate.serial, mine);
    db.keys.update(|ks| {
        parsed
            .into_iter()
            .map(|(t, v)| {
                let r = v.and_then(|v| {
                    let at = ks.iter().position(|o| o.certificate.serial == t.id);
                    let done = decide(at.map(|i| (mine(&ks[i]), 0)), t.here)?;
                    match (&done, at) {
                        (Done::Kept, _) => {}
                        (_, Some(i)) => ks[i] = v,
                        (_, None) => ks.push(v),
                    }
                    Ok(done)
                });
                (t.id, r)
            })
            .collect()
    })
}

/// Bookings: taken in as the queue takes any booking ([`Tickets::adopt`]):
/// a number already here is refused, and a live booking only if its slot
/// still has room. A newer copy replaces this person's older one the same
/// way. A booking's revision is its count of events.
///
/// [`Tickets::adopt`]: crate::engine::queue::ticket::Tickets::adopt
fn tickets(db: Db, list: Vec<Take>, iin: &str, now: DateTime<Utc>) -> Result<Results, NotSaved> {
    let parsed = parsed(list, |x: &Ticket| &x.reference, |x: &Ticket| x.iin == iin);
    db.tickets.update(|all| {
        parsed
            .into_iter()
            .map(|(t, v)| {
                let r = v.and_then(|v| {
                    let stored = all.get(&t.id).map(|o| (o.iin == iin, o.history.len() as u64));
                    let done = decide(stored, t.here)?;
                    if matches!(done, Done::Kept) {
                        return Ok(done);
                    }
                    let mut trial = all.clone();
                    trial.tickets.retain(|o| o.reference != t.id);
                    let seen = trial.rev();
                    trial.adopt(seen, v, now).map_err(|e| match e {
                        TicketError::SlotFull { .. } => Why::SlotFull,
                        _ => Why::Unreadable,
                    })?;
                    *all = trial;
                    Ok(done)
                });
                (t.id, r)
            })
            .collect()
    })
}
