//! The saved draft, and what happens to it at submission: the signed
//! document, the reference number, and the refusal grounds of F001 §9.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Answers, Step, Who};
use crate::engine::json;
use crate::engine::service::ServiceId;

crate::engine::json::names!(Refusal);

/// Grounds for refusing to accept an application (F001 §9), as records
/// stored before the portal stopped refusing keep them: the ids match the
/// catalogue's `refusal_grounds`. The portal no longer produces them (F001
/// §9 describes a refusal at the desk; C-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Refusal {
    /// An incomplete package.
    IncompletePackage,
    /// Documents that have expired.
    ExpiredDocuments,
}

impl Refusal {
    /// The catalogue id of the ground.
    pub fn ground_id(self) -> &'static str {
        match self {
            Refusal::IncompletePackage => "incomplete-package",
            Refusal::ExpiredDocuments => "expired-documents",
        }
    }
}

/// A reference number: service, local date and six characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), easy to read over the phone.
pub fn reference(service: ServiceId, local_date: NaiveDate, random: [u8; 6]) -> String {
    const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTUVWXY";
    let tail: String =
        random.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect();
    // By hand, not with strftime, to keep chrono's format parser out of the wasm.
    format!(
        "{service}-{:02}{:02}{:02}-{tail}",
        local_date.year() % 100,
        local_date.month(),
        local_date.day()
    )
}

/// The document that is signed: everything the provider acts on, in a
/// fixed shape, so the signature covers exactly what was submitted.
pub fn signing_document(
    service: ServiceId, applicant_iin: &str, subject_iin: &str, a: &Answers,
    created_at: DateTime<Utc>,
) -> serde_json::Value {
    serde_json::json!({
        "service": service,
        "channel": "portal",
        "applicant_iin": applicant_iin,
        "subject_iin": subject_iin,
        "answers": json::to_value(a).unwrap_or_default(),
        "created_at": created_at.to_rfc3339(),
    })
}
/// A draft application, saved after every answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The draft's own id, in its address (`/apply/S2/<id>/<step>`).
    pub id: String,
    pub service: ServiceId,
    /// Who is applying (the signed-in citizen): only they see the draft.
    pub applicant_iin: String,
    pub answers: Answers,
    /// The page the applicant was last on, where "resume" returns.
    pub step: Step,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub created_at: DateTime<Utc>,
    /// The last answer's time: the cabinet shows it and lists drafts last
    /// changed first, and a data file carries it as the draft's revision.
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub updated_at: DateTime<Utc>,
}

impl Draft {
    pub fn new(id: String, service: ServiceId, applicant_iin: &str, now: DateTime<Utc>) -> Draft {
        Draft {
            id,
            service,
            applicant_iin: applicant_iin.into(),
            answers: Answers::default(),
            step: Step::Who,
            created_at: now,
            updated_at: now,
        }
    }

    /// The IIN of the person the document belongs to: the child for a
    /// parent's application, else the applicant.
    pub fn subject_iin(&self) -> &str {
        match (self.answers.who, &self.answers.child_iin) {
            (Some(Who::ParentOfMinor), Some(child)) => child,
            _ => &self.applicant_iin,
        }
    }
}
