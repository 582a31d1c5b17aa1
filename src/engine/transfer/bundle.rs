//! What a data file holds: one person's records, collection by collection,
//! each with its id and revision. The UI owns the collections and their
//! types; here a record's data is plain JSON, so the file format does not
//! change when a record type gains a field.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One stored record: its id in its collection, its revision (how many
/// changes it has seen, [`Revisioned`](crate::engine::store::Revisioned)),
/// and the record itself as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub id: String,
    pub rev: u64,
    pub data: Value,
}

/// Records by collection name (`"apps"`, `"drafts"`, `"complaints"`,
/// `"keys"`, `"tickets"`…), in the order the UI keeps them.
pub type Collections = BTreeMap<String, Vec<Record>>;

/// Everything of one person, as it goes into a data file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// The person's IIN (12 digits): only they may export or import it.
    pub person_iin: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub created_at: DateTime<Utc>,
    pub collections: Collections,
}

/// Longest collection name and record id accepted.
pub const NAME_MAX: usize = 64;
pub const ID_MAX: usize = 200;

/// `[a-z0-9._-]{1,64}`: a name the UI could have given a collection.
pub fn is_collection_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= NAME_MAX
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// A record id: not empty, not over [`ID_MAX`] bytes, no control characters.
pub fn is_record_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= ID_MAX && !id.chars().any(char::is_control)
}

/// The IINs a record names as its owner, where the portal's record types
/// keep one: `applicant_iin` (drafts, submissions), `iin` (tickets,
/// visits), `person_iin`, `owner_iin`, a key file's
/// `certificate.owner_iin`, and a complaint's `signature.signer_iin`.
/// A child's IIN (`subject_iin`) is not an owner: a parent applies for it.
pub fn owners(data: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    for key in ["applicant_iin", "iin", "person_iin", "owner_iin"] {
        if let Some(s) = data.get(key).and_then(Value::as_str) {
            out.push(s);
        }
    }
    for (outer, inner) in [("certificate", "owner_iin"), ("signature", "signer_iin")] {
        if let Some(s) = data.get(outer).and_then(|o| o.get(inner)).and_then(Value::as_str) {
            out.push(s);
        }
    }
    out
}

/// The digits of an IIN as typed (spaces dropped), for comparing owners.
pub(super) fn digits(iin: &str) -> String {
    iin.chars().filter(|c| !c.is_whitespace()).collect()
}
