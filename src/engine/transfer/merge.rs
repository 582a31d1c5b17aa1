//! Merging a file's records into the ones already on the device, by
//! revision: a record is taken from the file only if it is new here or the
//! file's copy has seen more changes. A newer or equal local copy is never
//! overwritten.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::bundle::{Collections, Record};
use super::check::Refused;

/// What happened to one record of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// Not on this device: added.
    Added,
    /// Older here (`local` < `file`): replaced by the file's copy.
    Updated { local: u64, file: u64 },
    /// Newer or the same here: the device's copy stays. `differs` is true
    /// when both are at the same revision but not equal (changed on two
    /// devices): the device's copy still wins, and the UI can say so.
    Kept { local: u64, file: u64, differs: bool },
    /// Not merged, and why.
    Refused(Refused),
}

/// One line of the import summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub collection: String,
    pub id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// How many records of each outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub kept: usize,
    pub refused: usize,
}

/// What an import would do: nothing has changed yet. The UI shows the
/// summary, then writes [`MergePlan::merged`] for the collections in
/// [`MergePlan::changed`] (each in one write at the revision it read).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergePlan {
    pub person_iin: String,
    /// When the file was made.
    pub file_created_at: DateTime<Utc>,
    /// Every collection of the device or the file, after the merge.
    pub merged: Collections,
    /// The collections that gain or change a record.
    pub changed: BTreeSet<String>,
    /// One entry per record of the file, in file order.
    pub entries: Vec<Entry>,
}

impl MergePlan {
    /// How many records of the file each outcome has: counted from
    /// [`entries`](Self::entries), so the two can never disagree.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for e in &self.entries {
            match e.outcome {
                Outcome::Added => summary.added += 1,
                Outcome::Updated { .. } => summary.updated += 1,
                Outcome::Kept { .. } => summary.kept += 1,
                Outcome::Refused(_) => summary.refused += 1,
            }
        }
        summary
    }

    /// The records refused, with why (the UI lists them).
    pub fn refused(&self) -> impl Iterator<Item = (&Entry, &Refused)> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Refused(r) => Some((e, r)),
            _ => None,
        })
    }
}

/// A file record that passed its checks, or why it did not.
pub(super) type Checked = (String, Record, Result<(), Refused>);

pub(super) fn merge(
    person_iin: String, file_created_at: DateTime<Utc>, existing: &Collections,
    checked: Vec<Checked>,
) -> MergePlan {
    let mut merged = existing.clone();
    let mut changed = BTreeSet::new();
    let mut entries = Vec::with_capacity(checked.len());
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (collection, record, check) in &checked {
        let first = seen.entry(collection.as_str()).or_default().insert(record.id.clone());
        let outcome = match check {
            Err(r) => Outcome::Refused(r.clone()),
            Ok(()) if !first => Outcome::Refused(Refused::DuplicateInFile),
            Ok(()) => {
                let list = merged.entry(collection.clone()).or_default();
                match list.iter_mut().find(|r| r.id == record.id) {
                    None => {
                        list.push(record.clone());
                        changed.insert(collection.clone());
                        Outcome::Added
                    }
                    Some(local) if local.rev < record.rev => {
                        let from = local.rev;
                        *local = record.clone();
                        changed.insert(collection.clone());
                        Outcome::Updated { local: from, file: record.rev }
                    }
                    Some(local) => Outcome::Kept {
                        local: local.rev,
                        file: record.rev,
                        differs: local.rev == record.rev && local.data != record.data,
                    },
                }
            }
        };
        entries.push(Entry { collection: collection.clone(), id: record.id.clone(), outcome });
    }
    MergePlan { person_iin, file_created_at, merged, changed, entries }
}
