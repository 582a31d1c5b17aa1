//! Applications, from the first answer to the life cycle: drafts, the
//! submission (one transaction: the application is stored, then the draft
//! removed), and the moves recorded on an application at a known revision.

use chrono::{DateTime, NaiveDate, Utc};

use super::db::{Db, new_id, random_bytes};
use super::store::{NotSaved, Refused};
use crate::engine::application::{Answers, Context, Draft, Who};
use crate::engine::identity::registry::{self, Person};
use crate::engine::lifecycle::{Ctx, Details, LifecycleError, Role, Transition};
use crate::engine::service::ServiceId;
use crate::engine::signing::Signed;
use crate::engine::submission::{self, Submission, SubmitError};

/// The service the portal takes applications for (the seeds list the
/// portal channel for S2 only).
pub const SERVICE: ServiceId = ServiceId::S2;

/// The registry facts the wizard needs about this applicant and subject.
pub fn context_for(applicant: &Person, answers: &Answers, today: NaiveDate) -> Context {
    let minor_children: Vec<String> = registry::children_of(&applicant.iin)
        .into_iter()
        .filter(|c| c.is_minor_on(today))
        .map(|c| c.iin.clone())
        .collect();
    let subject = match (answers.who, &answers.child_iin) {
        (Some(Who::ParentOfMinor), Some(c)) => registry::find(c).unwrap_or(applicant),
        _ => applicant,
    };
    Context {
        minor_children,
        has_digital_document: subject.education.iter().any(|e| e.in_digital_documents),
        has_phone: applicant.phone.is_some(),
        subject_birth_year: Some(chrono::Datelike::year(&subject.birth_date)),
        office_ids: registry::offices().iter().map(|o| o.id.clone()).collect(),
    }
}

/// Whether `iin` owns draft `id`.
pub fn owns_draft(db: Db, id: &str, iin: Option<&str>) -> bool {
    db.drafts.with(|m| m.get(id).is_some_and(|d| Some(d.applicant_iin.as_str()) == iin))
}

/// Why a draft was not started; nothing was stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartFailure {
    /// The browser refused to store it (the shell says so).
    NotSaved,
    /// The browser gave no randomness for its id.
    Random,
}

/// A new draft of `person`; returns its id.
pub fn start_draft(db: Db, person: &Person, now: DateTime<Utc>) -> Result<String, StartFailure> {
    let id = new_id().ok_or(StartFailure::Random)?;
    let draft = Draft::new(id.clone(), SERVICE, &person.iin, now);
    db.drafts.insert(id.clone(), draft).map_err(|_| StartFailure::NotSaved)?;
    Ok(id)
}

/// Changes the answers of draft `id` (every answer is saved as it is given).
pub fn save_answers(
    db: Db, id: &str, now: DateTime<Utc>, change: impl FnOnce(&mut Answers),
) -> Result<(), NotSaved> {
    db.drafts.update(|m| {
        if let Some(d) = m.get_mut(id) {
            change(&mut d.answers);
            d.updated_at = now;
        }
    })
}

/// Remembers the step the applicant is on, so "resume" returns there.
pub fn remember_step(db: Db, id: &str, step: crate::engine::application::Step) {
    let moved = db.drafts.with_untracked(|m| m.get(id).is_some_and(|d| d.step != step));
    if moved {
        let _ = db.drafts.update(|m| {
            if let Some(d) = m.get_mut(id) {
                d.step = step;
            }
        });
    }
}

pub fn delete_draft(db: Db, id: &str) -> Result<(), NotSaved> {
    db.drafts.update(|m| {
        m.remove(id);
    })
}

/// The document the applicant signs for draft `id`.
pub fn signing_document(db: Db, id: &str) -> Option<serde_json::Value> {
    db.drafts.with_untracked(|m| m.get(id).map(submission::document_of))
}

/// Why an application was not filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitFailure {
    /// The engine refused it (signature, completeness, deadline).
    Rejected(SubmitError),
    /// The draft is gone (submitted or deleted in another tab).
    NoDraft,
    /// The browser would not store the application: the draft is kept.
    NotSaved,
}

/// Files draft `id` signed with `record`: the engine checks and accepts (or
/// refuses) it, the application is stored, and only then is the draft
/// removed. Browser storage has no transaction over two keys, so the order
/// is what keeps it safe: if the application cannot be stored, the draft is
/// still there to sign again; if the draft cannot be removed afterwards,
/// the application is filed all the same. Returns the reference.
pub fn submit(
    db: Db, id: &str, record: Signed, now: DateTime<Utc>,
) -> Result<String, SubmitFailure> {
    let draft = db.drafts.with_untracked(|m| m.get(id).cloned()).ok_or(SubmitFailure::NoDraft)?;
    let filed: Submission = submission::submit(
        &draft,
        record,
        now,
        random_bytes().map_err(|_| SubmitFailure::NotSaved)?,
    )
    .map_err(SubmitFailure::Rejected)?;
    let reference = filed.reference.clone();
    db.apps.insert(reference.clone(), filed).map_err(|_| SubmitFailure::NotSaved)?;
    let _ = delete_draft(db, id);
    // A code works once: its session goes with the draft.
    let _ = db.otp.update(|b| {
        b.remove(&format!("sign:{id}"));
    });
    Ok(reference)
}

/// Files the applications of packages delivered from home visits (issue 13
/// §3) that are not filed yet; a record already filed (and perhaps moved on
/// by the provider) is left as it is. Returns how many were new.
pub fn file_delivered(db: Db, apps: Vec<Submission>) -> Result<usize, NotSaved> {
    // Nothing new: nothing written (other tabs see no change).
    let filed = db.apps.try_update(|m| {
        let mut new = 0;
        for app in apps {
            if !m.contains_key(&app.reference) {
                m.insert(app.reference.clone(), app);
                new += 1;
            }
        }
        if new == 0 { Err(()) } else { Ok(new) }
    });
    match filed {
        Ok(n) => Ok(n),
        Err(Refused::Rule(())) => Ok(0),
        Err(_) => Err(NotSaved),
    }
}

/// Records `transition` by `role` on application `reference`, only if it is
/// still at revision `rev` (what the user saw); written only if the engine
/// allows it.
pub fn advance(
    db: Db, reference: &str, rev: u64, transition: Transition, role: Role, now: DateTime<Utc>,
    details: Details,
) -> Result<(), Refused<LifecycleError>> {
    db.apps.apply_at_rev(reference, rev, |s| {
        let ctx = Ctx::embedded(s.service, s.channel)?;
        s.lifecycle.apply(&ctx, transition, role, now, details)
    })
}

/// The applications of `iin` (all of them in this browser for `None`),
/// newest first (reactive).
pub fn applications(db: Db, iin: Option<&str>) -> Vec<Submission> {
    db.apps.newest_first(|s| iin.is_none_or(|i| s.applicant_iin == i), |s| s.submitted_at)
}

/// The drafts of `iin` (of `service`, if given), last changed first (reactive).
pub fn drafts_of(db: Db, iin: &str, service: Option<ServiceId>) -> Vec<Draft> {
    db.drafts.newest_first(
        |d| d.applicant_iin == iin && service.is_none_or(|s| d.service == s),
        |d| d.updated_at,
    )
}

/// Application `reference` if it belongs to `iin` (reactive).
pub fn application_of(db: Db, reference: &str, iin: Option<&str>) -> Option<Submission> {
    db.apps.record(reference).filter(|s| Some(s.applicant_iin.as_str()) == iin)
}
