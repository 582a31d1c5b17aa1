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

use super::complaints::owner;
use super::db::Db;
use super::store::NotSaved;
use crate::engine::store::Revisioned;
use crate::engine::transfer::{Bundle, Collections, MergePlan, Outcome, Record, Refused};

const APPS: &str = "apps";
const DRAFTS: &str = "drafts";
const COMPLAINTS: &str = "complaints";
const TICKETS: &str = "tickets";
const KEYS: &str = "keys";

fn record<T: Serialize>(id: &str, rev: u64, value: &T) -> Option<Record> {
    Some(Record {
        id: id.to_string(),
        rev,
        data: serde_json::to_value(value).ok()?,
    })
}

/// Everything of `iin` kept in this browser, by collection.
pub fn mine(db: Db, iin: &str) -> Collections {
    let mut out = Collections::new();
    let apps = db.apps.with_untracked(|m| {
        m.values()
            .filter(|s| s.applicant_iin == iin)
            .filter_map(|s| record(&s.reference, s.rev(), s))
            .collect()
    });
    let drafts = db.drafts.with_untracked(|m| {
        m.values()
            .filter(|d| d.applicant_iin == iin)
            .filter_map(|d| record(&d.id, d.updated_at.timestamp_millis().max(0) as u64, d))
            .collect()
    });
    let complaints = db.complaints.with_untracked(|m| {
        m.values()
            .filter(|c| owner(c) == Some(iin))
            .filter_map(|c| record(&c.id, c.rev(), c))
            .collect()
    });
    let tickets = db.tickets.with_untracked(|t| {
        t.tickets
            .iter()
            .filter(|t| t.iin == iin)
            .filter_map(|t| record(&t.reference, t.history.len() as u64, t))
            .collect()
    });
    let keys = db.keys.with_untracked(|ks| {
        ks.iter()
            .filter(|k| k.certificate.owner_iin == iin)
            .filter_map(|k| record(&k.certificate.serial, 0, k))
            .collect()
    });
    for (name, records) in [
        (APPS, apps),
        (DRAFTS, drafts),
        (COMPLAINTS, complaints),
        (TICKETS, tickets),
        (KEYS, keys),
    ] {
        out.insert(name.to_string(), records);
    }
    out
}

/// The bundle of `iin` to save, made at `now`.
pub fn bundle(db: Db, iin: &str, now: DateTime<Utc>) -> Bundle {
    Bundle {
        person_iin: iin.to_string(),
        created_at: now,
        collections: mine(db, iin),
    }
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

/// Writes an import's plan: the records to add or update, collection by
/// collection (one write each). A record that cannot be read as its type,
/// or whose number another person's record holds here, is refused.
pub fn restore(db: Db, plan: &MergePlan) -> Result<Restored, NotSaved> {
    let mut done = Restored::default();
    let mut take = Vec::new();
    for e in &plan.entries {
        match &e.outcome {
            Outcome::Kept { .. } => done.kept += 1,
            Outcome::Refused(r) => {
                done.refused
                    .push((e.collection.clone(), e.id.clone(), Why::Refused(r.clone())));
            }
            o @ (Outcome::Added | Outcome::Updated { .. }) => {
                let data = plan
                    .merged
                    .get(&e.collection)
                    .and_then(|rs| rs.iter().find(|r| r.id == e.id))
                    .map(|r| r.data.clone());
                take.push((e, matches!(o, Outcome::Added), data));
            }
        }
    }
    let iin = plan.person_iin.as_str();
    for (e, added, data) in take {
        let result = data
            .ok_or(Why::Unreadable)
            .and_then(|data| write(db, &e.collection, &e.id, iin, data));
        match result {
            Ok(Ok(())) if added => done.added += 1,
            Ok(Ok(())) => done.updated += 1,
            Ok(Err(not_saved)) => return Err(not_saved),
            Err(why) => done.refused.push((e.collection.clone(), e.id.clone(), why)),
        }
    }
    Ok(done)
}

fn parse<T: DeserializeOwned>(data: serde_json::Value) -> Result<T, Why> {
    serde_json::from_value(data).map_err(|_| Why::Unreadable)
}

/// Stores one record of the file: `Ok(Err(_))` when the browser would not.
fn write(
    db: Db,
    collection: &str,
    id: &str,
    iin: &str,
    data: serde_json::Value,
) -> Result<Result<(), NotSaved>, Why> {
    match collection {
        APPS => {
            let s: crate::engine::submission::Submission = parse(data)?;
            if s.reference != id || s.applicant_iin != iin {
                return Err(Why::Unreadable);
            }
            free(
                db.apps
                    .with_untracked(|m| m.get(id).map(|o| o.applicant_iin == iin)),
            )?;
            Ok(db.apps.update(|m| {
                m.insert(id.to_string(), s);
            }))
        }
        DRAFTS => {
            let d: crate::engine::application::Draft = parse(data)?;
            if d.id != id || d.applicant_iin != iin {
                return Err(Why::Unreadable);
            }
            free(
                db.drafts
                    .with_untracked(|m| m.get(id).map(|o| o.applicant_iin == iin)),
            )?;
            Ok(db.drafts.update(|m| {
                m.insert(id.to_string(), d);
            }))
        }
        COMPLAINTS => {
            let c: crate::engine::complaint::Complaint = parse(data)?;
            if c.id != id || owner(&c) != Some(iin) {
                return Err(Why::Unreadable);
            }
            free(
                db.complaints
                    .with_untracked(|m| m.get(id).map(|o| owner(o) == Some(iin))),
            )?;
            Ok(db.complaints.update(|m| {
                m.insert(id.to_string(), c);
            }))
        }
        TICKETS => {
            let t: crate::engine::queue::ticket::Ticket = parse(data)?;
            if t.reference != id || t.iin != iin {
                return Err(Why::Unreadable);
            }
            free(db.tickets.with_untracked(|all| {
                all.tickets
                    .iter()
                    .find(|o| o.reference == id)
                    .map(|o| o.iin == iin)
            }))?;
            Ok(db.tickets.update(|all| {
                all.tickets.retain(|o| o.reference != id);
                all.tickets.push(t);
                // Other tabs decide on bookings at a revision: this is a change.
                let rev = all.rev();
                all.set_rev(rev + 1);
            }))
        }
        KEYS => {
            let k: crate::engine::signing::eds::KeyFile = parse(data)?;
            if k.certificate.serial != id || k.certificate.owner_iin != iin {
                return Err(Why::Unreadable);
            }
            Ok(db.keys.update(|ks| {
                ks.retain(|o| o.certificate.serial != id);
                ks.push(k);
            }))
        }
        _ => Err(Why::Unreadable),
    }
}

/// A record number is free for this person: not stored here, or stored as
/// theirs (`mine`: whether the stored record with this number is theirs).
fn free(mine: Option<bool>) -> Result<(), Why> {
    match mine {
        Some(false) => Err(Why::Taken),
        _ => Ok(()),
    }
}
