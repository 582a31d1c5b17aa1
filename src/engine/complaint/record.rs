//! A filed complaint: the portal marks of F000 L51 in their only order,
//! the registration stamp and the answer's due date, the answer, and the
//! escalation to the quality-control authority.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::basis::court_notice;
use super::draft::{Addressee, ComplaintDraft, REF_MAX, TEXT_MAX, validate};
use super::error::{ComplaintError, EscalationProblem};
use super::mark::{Action, ActionKind, Answer, ComplaintStatus, Mark, MarkKind};
use crate::engine::calendar::Calendar;
use crate::engine::catalog::Item;
use crate::engine::deadline::{self, DeadlineError, Milestone};
use crate::engine::kztime;

/// The signature as the UI made it (a `submission::SignatureRecord` as
/// JSON), kept opaque here.
pub type SignatureRecordRef = serde_json::Value;

/// A filed complaint.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: String,
    /// The portal's number for it, e.g. "Ж-2026-000123".
    pub reference: String,
    pub draft: ComplaintDraft,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub filed_at: DateTime<Utc>,
    pub signature: SignatureRecordRef,
    pub marks: Vec<Mark>,
    /// When the answer is due; set at registration.
    pub due: Option<Milestone>,
    pub answer: Option<Answer>,
    /// The id of the answered complaint this one escalates.
    pub escalated_from: Option<String>,
    #[serde(default)]
    pub rev: u64,
}

/// "Ж-YYYY-NNNNNN": the filing year (Kazakhstan time) and six digits from `random`.
pub fn reference(local_date: NaiveDate, random: [u8; 8]) -> String {
    use chrono::Datelike;
    let n = u32::from_le_bytes([random[0], random[1], random[2], random[3]]) % 1_000_000;
    format!("Ж-{}-{n:06}", local_date.year())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Files a draft: checks it, and marks it delivered at `filed_at`. A
/// complaint to the quality-control authority may be a first complaint
/// (F000 L49 sets no condition) or the escalation of an answered complaint
/// (`escalates`); only a quality-control complaint may escalate one.
pub fn file(
    draft: ComplaintDraft, signature: SignatureRecordRef, filed_at: DateTime<Utc>, random: [u8; 8],
    escalates: Option<&Complaint>,
) -> Result<Complaint, ComplaintError> {
    let errors = validate(&draft);
    if !errors.is_empty() {
        return Err(ComplaintError::Invalid(errors));
    }
    let to_quality_control = draft.addressee == Addressee::QualityControl;
    match (to_quality_control, escalates) {
        (_, None) => {}
        (false, Some(_)) => {
            return Err(ComplaintError::Escalation(EscalationProblem::NotQualityControl));
        }
        (true, Some(parent)) => {
            check_escalable(parent)?;
            if parent.draft.service != draft.service {
                return Err(ComplaintError::Escalation(EscalationProblem::OtherService));
            }
        }
    }
    let local = kztime::local_date(filed_at).unwrap_or_else(|_| filed_at.date_naive());
    Ok(Complaint {
        id: format!("complaint-{}", hex(&random)),
        reference: reference(local, random),
        draft,
        filed_at,
        signature,
        marks: vec![Mark { at: filed_at, kind: MarkKind::Delivered }],
        due: None,
        answer: None,
        escalated_from: escalates.map(|p| p.id.clone()),
        rev: 0,
    })
}

fn check_escalable(c: &Complaint) -> Result<(), ComplaintError> {
    if c.draft.addressee == Addressee::QualityControl {
        return Err(ComplaintError::Escalation(EscalationProblem::AlreadyAtQualityControl));
    }
    if c.answer.is_none() {
        return Err(ComplaintError::Escalation(EscalationProblem::NotAnswered));
    }
    Ok(())
}

/// A draft to the quality-control authority about an answered complaint
/// (F000 L49–50), with the same person and application and the new `text`.
/// File it with [`file()`], passing the answered complaint as `escalates`.
pub fn escalate(c: &Complaint, text: String) -> Result<ComplaintDraft, ComplaintError> {
    check_escalable(c)?;
    Ok(ComplaintDraft { addressee: Addressee::QualityControl, text, ..c.draft.clone() })
}

fn check_field(value: &str, field: &'static str) -> Result<(), ComplaintError> {
    if value.trim().is_empty() || value.chars().count() > REF_MAX {
        Err(ComplaintError::BadRegistration { field })
    } else {
        Ok(())
    }
}

crate::engine::store::revisioned!(Complaint);

impl Complaint {
    pub fn status(&self) -> ComplaintStatus {
        match self.marks.last().map(|m| &m.kind) {
            None | Some(MarkKind::Delivered) => ComplaintStatus::Delivered,
            Some(MarkKind::Registered { .. }) => ComplaintStatus::Registered,
            Some(MarkKind::Executed) => ComplaintStatus::Executed,
            Some(MarkKind::Answered { .. }) => ComplaintStatus::Answered,
        }
    }

    /// The registration mark, if registered.
    pub fn registration(&self) -> Option<&Mark> {
        self.marks.iter().find(|m| matches!(m.kind, MarkKind::Registered { .. }))
    }

    /// Records a back-office step at `at`; on error nothing changes.
    /// Registration sets `due` (5 working days, 15 at quality control).
    pub fn apply(
        &mut self, action: Action, at: DateTime<Utc>, cal: &Calendar,
    ) -> Result<(), ComplaintError> {
        let from = self.status();
        let legal = matches!(
            (from, action.kind()),
            (ComplaintStatus::Delivered, ActionKind::Register)
                | (ComplaintStatus::Registered, ActionKind::Execute)
                | (ComplaintStatus::Executed, ActionKind::Answer)
        );
        if !legal {
            return Err(ComplaintError::IllegalTransition { from, action: action.kind() });
        }
        if let Some(last) = self.marks.last().map(|m| m.at)
            && at < last
        {
            return Err(ComplaintError::TimeGoesBackwards { last, at });
        }
        let kind = match action {
            Action::Register(r) => {
                check_field(&r.incoming_number, "incoming-number")?;
                check_field(&r.registered_by, "registered-by")?;
                check_field(&r.place, "place")?;
                let day = kztime::local_date(at).map_err(DeadlineError::from)?;
                let due = deadline::complaint_due(
                    self.draft.service,
                    day,
                    self.draft.addressee.authority(),
                    cal,
                )?;
                let collect_by = due.date;
                self.due = Some(due);
                MarkKind::Registered {
                    incoming_number: r.incoming_number,
                    registered_by: r.registered_by,
                    place: r.place,
                    collect_by,
                }
            }
            Action::Execute => MarkKind::Executed,
            Action::Answer { kind, text } => {
                if text.trim().is_empty() || text.chars().count() > TEXT_MAX {
                    return Err(ComplaintError::BadAnswer);
                }
                self.answer = Some(Answer { kind, text, at });
                MarkKind::Answered { kind }
            }
        };
        self.marks.push(Mark { at, kind });
        self.rev += 1;
        Ok(())
    }

    /// Registered, not answered, and the due day (Kazakhstan time) has passed.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        let today = kztime::local_date(now).unwrap_or_else(|_| now.date_naive());
        self.answer.is_none() && self.due.as_ref().is_some_and(|d| today > d.date)
    }

    /// The right to go to court on disagreement with the result (F000 L52):
    /// L52 sets no condition, so it is shown whatever the complaint's stage
    /// (for S2 and S3 by analogy, C-36).
    pub fn court_notice(&self) -> Option<&'static Item> {
        court_notice(self.draft.service)
    }
}
