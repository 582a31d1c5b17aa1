//! Complaints (F000 «Порядок обжалования»): the complaint being written
//! (saved as it is typed, one per signed-in person), filing it once signed
//! (one transaction: the complaint is stored, then the draft removed), and
//! the desk's steps, each at a known revision.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::db::{Db, new_id, random_bytes};
use super::keys;
use super::store::{Collection, NotSaved, Refused, StoreNotices, StoredRecord};
use crate::engine::calendar;
use crate::engine::catalog;
use crate::engine::complaint::{
    self, Action, Addressee, Complaint, ComplaintDraft, ComplaintError, ComplaintFieldError, Field,
    Subject,
};
use crate::engine::deadline::{self, Milestone};
use crate::engine::identity::registry::Person;
use crate::engine::json;
use crate::engine::service::ServiceId;
use crate::engine::signing::Signed;
use crate::engine::signing::eds;
use crate::engine::signing::otp::Purpose;
use crate::engine::source::Lang;
use crate::engine::store::{Format, formats};
use crate::engine::submission::{self, SignatureRecord};

/// A complaint being written, as stored (one per signed-in person).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// Makes the SMS code session of this complaint its own.
    pub id: String,
    pub service: String,
    pub application_ref: String,
    #[serde(default)]
    pub addressee: Option<Addressee>,
    #[serde(default)]
    pub subject: Option<Subject>,
    pub text: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub postal_address: String,
    pub phone: String,
    /// The answered complaint this one escalates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalates: Option<String>,
    /// Begun from one of the citizen's applications: its service and
    /// number are fixed, not asked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_application: bool,
}

/// Complaints being written, by the IIN of who writes them.
pub type PendingMap = BTreeMap<String, Pending>;

impl StoredRecord for Pending {
    const KEY: &'static str = keys::COMPLAINT_DRAFTS;
    const FORMAT: &'static Format = &formats::COMPLAINT_DRAFTS;
}

/// The stored complaints being written.
pub fn pending_drafts() -> Collection<PendingMap> {
    Collection::open(expect_context::<StoreNotices>())
}

fn opt(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_string())
}

/// What keeps a complaint form from being signed, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    Field(ComplaintFieldError),
    /// No addressee chosen among those the catalogue lists.
    Addressee,
    /// No subject chosen.
    Subject,
}

impl FormProblem {
    /// The id of the form field it is about.
    pub fn field_id(&self) -> &'static str {
        match self {
            FormProblem::Field(e) => e.field.id(),
            FormProblem::Addressee => "addressee",
            FormProblem::Subject => "subject",
        }
    }
}

impl Pending {
    /// A new complaint of `person`, with what the registry knows filled in.
    pub fn fresh(person: &Person, lang: Lang) -> Pending {
        let n = person.name.get(lang);
        Pending {
            // Without randomness the id is empty: filing then stops on it.
            id: new_id().unwrap_or_default(),
            surname: n.surname.clone(),
            name: n.given.clone(),
            patronymic: n.patronymic.clone().unwrap_or_default(),
            postal_address: person.address.get(lang).to_string(),
            phone: person.phone.clone().unwrap_or_default(),
            ..Pending::default()
        }
    }

    /// An escalation of the answered complaint `parent` (id `parent_id`).
    fn escalating(parent: &Complaint, parent_id: String) -> Pending {
        let d = parent.draft.clone();
        Pending {
            id: new_id().unwrap_or_default(),
            service: d.service.to_string(),
            application_ref: d.application_ref.unwrap_or_default(),
            addressee: Some(Addressee::QualityControl),
            subject: Some(d.subject),
            text: String::new(),
            surname: d.surname,
            name: d.name,
            patronymic: d.patronymic.unwrap_or_default(),
            postal_address: d.postal_address,
            phone: d.phone,
            escalates: Some(parent_id),
            from_application: false,
        }
    }

    /// As the engine's draft, once the service is one of the three.
    pub fn draft(&self) -> Option<ComplaintDraft> {
        complaint::parse_service(&self.service).ok().map(|s| self.draft_as(s))
    }

    /// As the engine's draft for `service` (choices not made yet count as
    /// the first).
    fn draft_as(&self, service: ServiceId) -> ComplaintDraft {
        ComplaintDraft {
            service,
            application_ref: opt(&self.application_ref),
            addressee: self.addressee.unwrap_or(Addressee::ProviderHead),
            subject: self.subject.unwrap_or(Subject::Action),
            text: self.text.clone(),
            surname: self.surname.clone(),
            name: self.name.clone(),
            patronymic: opt(&self.patronymic),
            postal_address: self.postal_address.clone(),
            phone: self.phone.clone(),
        }
    }

    /// Every problem, in the order of the form.
    pub fn problems(&self) -> Vec<FormProblem> {
        // The service's own problem first; the other fields are checked as
        // for the first service until one is chosen (all three share S1's
        // form, C-36).
        let service = complaint::parse_service(&self.service);
        let engine: Vec<ComplaintFieldError> = service
            .err()
            .into_iter()
            .chain(complaint::validate(&self.draft_as(service.unwrap_or(ServiceId::S1))))
            .collect();
        let first =
            |e: &&ComplaintFieldError| matches!(e.field, Field::Service | Field::ApplicationRef);
        let mut out: Vec<FormProblem> =
            engine.iter().filter(first).map(|e| FormProblem::Field(*e)).collect();
        // Asked once the service is known; fixed for an escalation.
        let listed = self.addressee.is_some_and(|a| addressees_for(&self.service).contains(&a));
        if self.escalates.is_none() && !self.service.is_empty() && !listed {
            out.push(FormProblem::Addressee);
        }
        if self.subject.is_none() {
            out.push(FormProblem::Subject);
        }
        out.extend(engine.iter().filter(|e| !first(e)).map(|e| FormProblem::Field(*e)));
        out
    }

    /// The document the citizen signs: the complaint, who signs it, and
    /// what it escalates.
    pub fn signing_document(&self, iin: &str) -> serde_json::Value {
        serde_json::json!({
            "kind": "complaint",
            "draft_id": self.id,
            "signer_iin": iin,
            "complaint": json::to_value(&self.draft()).unwrap_or_default(),
            "escalates": self.escalates,
        })
    }
}

/// The addressees the catalogue lists for a service, quality control among
/// them as a first addressee (F000 L49).
pub fn addressees_for(service: &str) -> Vec<Addressee> {
    let Some(view) = catalog::find(service).and_then(|s| s.complaint()) else {
        return Vec::new();
    };
    Addressee::ALL
        .into_iter()
        .filter(|a| view.procedure.addressees.iter().any(|i| i.id == a.catalogue_id()))
        .collect()
}

/// The IIN of who signed a complaint (kept with its signature record).
pub fn owner(c: &Complaint) -> Option<&str> {
    c.signature.get("signer_iin")?.as_str()
}

/// Whether it was signed with an EDS key (otherwise with an SMS code).
pub fn signed_with_eds(c: &Complaint) -> bool {
    c.signature.get("method").and_then(|m| m.as_str()) == Some("eds")
}

/// The answered complaint `id` of `iin`, if it can be escalated.
fn escalable(db: Db, id: &str, iin: &str) -> Option<Complaint> {
    db.complaints
        .with_untracked(|m| m.get(id).cloned())
        .filter(|c| owner(c) == Some(iin))
        .filter(|c| complaint::escalate(c, String::new()).is_ok())
}

/// The escalation asked for is not possible (not answered, not theirs…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotEscalable;

/// Opens the form for a visit: an escalation of complaint `escalate`, a
/// complaint about application `app`, or else whatever was being written
/// (resumed as it was). Stores the complaint to write, if it changes.
pub fn begin(
    db: Db, drafts: Collection<PendingMap>, person: &Person, lang: Lang, escalate: Option<String>,
    app: Option<String>,
) -> Result<(), NotEscalable> {
    let iin = person.iin.clone();
    let existing = drafts.with_untracked(|m| m.get(&iin).cloned());
    let wanted = if let Some(eid) = escalate {
        let parent = escalable(db, &eid, &iin).ok_or(NotEscalable)?;
        match &existing {
            Some(p) if p.escalates.as_deref() == Some(eid.as_str()) => None,
            _ => Some(Pending::escalating(&parent, eid)),
        }
    } else if let Some(reference) = app.filter(|r| r.chars().count() <= complaint::REF_MAX) {
        match &existing {
            Some(p) if p.escalates.is_none() && p.application_ref == reference => None,
            _ => {
                // Only the person's own application fixes the service.
                let service = db
                    .apps
                    .with_untracked(|m| {
                        m.get(&reference)
                            .filter(|s| s.applicant_iin == iin)
                            .map(|s| s.service.to_string())
                    })
                    .unwrap_or_default();
                Some(Pending {
                    from_application: !service.is_empty(),
                    service,
                    application_ref: reference,
                    ..Pending::fresh(person, lang)
                })
            }
        }
    } else {
        match &existing {
            Some(p) if p.escalates.is_none() => None,
            _ => Some(Pending::fresh(person, lang)),
        }
    };
    if let Some(p) = wanted {
        let _ = drafts.insert(iin, p);
    }
    Ok(())
}

/// Why a signed complaint was not filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileFailure {
    /// Nothing is being written.
    NoDraft,
    /// The signature is not over exactly this complaint, by this person.
    NotGenuine,
    /// The engine refused it.
    Rejected(ComplaintError),
    /// The browser would not store the complaint: the draft is kept.
    NotSaved,
}

/// Files the complaint `iin` is writing, signed with `record`: checks the
/// signature, stores the complaint, and only then removes the draft (as for
/// an application: the draft survives a failed write). Returns its id.
pub fn file(
    db: Db, drafts: Collection<PendingMap>, iin: &str, signed: Signed, now: DateTime<Utc>,
) -> Result<String, FileFailure> {
    let p = drafts.with_untracked(|m| m.get(iin).cloned()).ok_or(FileFailure::NoDraft)?;
    let doc = p.signing_document(iin);
    // The signature must be over exactly this complaint, by this person,
    // and an SMS code counts only as a verified session's proof.
    let (genuine, record) = match signed {
        Signed::Eds(signed) => (
            eds::verify_new(&signed, iin, now).is_ok() && signed.document == doc,
            SignatureRecord::Eds { signed },
        ),
        Signed::Otp(proof) => (
            proof.purpose() == Purpose::Signing && proof.digest() == submission::digest_hex(&doc),
            SignatureRecord::Otp {
                phone: proof.phone().to_string(),
                verified_at: proof.verified_at(),
                digest_hex: proof.digest().to_string(),
            },
        ),
    };
    if !genuine {
        return Err(FileFailure::NotGenuine);
    }
    let mut sig = json::to_value(&record).unwrap_or_default();
    if let Some(obj) = sig.as_object_mut() {
        obj.insert("signer_iin".into(), iin.into());
    }
    let parent =
        p.escalates.as_ref().and_then(|id| db.complaints.with_untracked(|m| m.get(id).cloned()));
    let draft = p.draft().ok_or(FileFailure::NoDraft)?;
    let bytes = random_bytes().map_err(|_| FileFailure::NotSaved)?;
    let c =
        complaint::file(draft, sig, now, bytes, parent.as_ref()).map_err(FileFailure::Rejected)?;
    let id = c.id.clone();
    db.complaints.insert(id.clone(), c).map_err(|_| FileFailure::NotSaved)?;
    let _ = drafts.update(|m| {
        m.remove(iin);
    });
    // A code works once.
    let _ = db.otp.update(|b| {
        b.remove(&format!("complaint:{}", p.id));
    });
    Ok(id)
}

/// Records a desk step on complaint `id`, only if it is still at revision
/// `rev` (what the desk showed); written only if the engine allows it.
pub fn act(
    db: Db, id: &str, rev: u64, action: Action, now: DateTime<Utc>,
) -> Result<(), Refused<ComplaintError>> {
    let cal =
        calendar::calendar().map_err(|e| Refused::Rule(ComplaintError::Deadline(e.into())))?;
    db.complaints.apply_at_rev(id, rev, |c| c.apply(action, now, cal))
}

/// The complaints of `iin` (all of them in this browser for `None`),
/// newest first (reactive).
pub fn complaints(db: Db, iin: Option<&str>) -> Vec<Complaint> {
    db.complaints.newest_first(|c| iin.is_none() || owner(c) == iin, |c| c.filed_at)
}

/// Complaint `id` if it belongs to `iin` (reactive).
pub fn complaint_of(db: Db, id: &str, iin: Option<&str>) -> Option<Complaint> {
    db.complaints.record(id).filter(|c| owner(c) == iin)
}

/// The next incoming number of this office, as a suggestion.
pub fn next_incoming_number(db: Db, today: NaiveDate) -> String {
    let n =
        db.complaints.with_untracked(|m| m.values().filter(|x| x.registration().is_some()).count())
            + 1;
    format!("{}/{n:04}", chrono::Datelike::year(&today))
}

/// When the answer would be due if the complaint were registered on `day`.
pub fn provisional_due(c: &Complaint, day: NaiveDate) -> Option<Milestone> {
    let cal = calendar::calendar().ok()?;
    deadline::complaint_due(c.draft.service, day, c.draft.addressee.authority(), cal).ok()
}

/// Changes the complaint `iin` is writing (saved as it is typed).
pub fn edit(
    drafts: Collection<PendingMap>, iin: &str, change: impl FnOnce(&mut Pending),
) -> Result<(), NotSaved> {
    drafts.update(|m| change(m.entry(iin.to_string()).or_default()))
}
