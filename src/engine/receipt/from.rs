//! Statements from the records the portal already keeps, so that a
//! receipt says exactly what the record says.

use super::statement::{Holder, Statement, What};
use crate::engine::catalog::{self, ReceiptKind, Stage};
use crate::engine::complaint::Complaint;
use crate::engine::identity::iin::IinError;
use crate::engine::queue::Ticket;
use crate::engine::submission::{Outcome, Submission};
use crate::engine::visit::{self, Visit};

/// Why a record has no receipt (yet).
// No `#[source]`: `source()` has always been `None` here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoReceipt {
    /// The IIN on the record (or given for it) is not valid.
    #[error("invalid IIN: {0}")]
    Iin(IinError),
    /// A complaint not registered yet, or a visit without its receipt.
    #[error("the record has no receipt yet")]
    NotYet,
}

fn holder(iin: &str) -> Result<Holder, NoReceipt> {
    Holder::of_iin(iin).map_err(NoReceipt::Iin)
}

/// The portal's acceptance or refusal of a submitted application, issued
/// at submission (sign with [`portal`](super::issuer::portal)).
pub fn submission(s: &Submission) -> Result<Statement, NoReceipt> {
    let what = match &s.outcome {
        Outcome::Accepted { due, .. } => What::Acceptance { due: *due },
        Outcome::Refused { grounds } => What::Refusal {
            grounds: grounds.iter().map(|g| g.ground_id().to_string()).collect(),
            missing: Vec::new(),
        },
    };
    Ok(Statement {
        reference: s.reference.clone(),
        service: s.service,
        channel: s.channel,
        holder: holder(&s.applicant_iin)?,
        issued_at: s.submitted_at,
        what,
    })
}

/// A booked ticket, issued at booking (sign with the office's issuer,
/// [`of_office`](super::issuer::of_office)`(&ticket.office)`).
pub fn ticket(t: &Ticket) -> Result<Statement, NoReceipt> {
    Ok(Statement {
        reference: t.reference.clone(),
        service: t.service,
        channel: crate::engine::term::Channel::StateCorporation,
        holder: holder(&t.iin)?,
        issued_at: t.created_at,
        what: What::BookingTicket {
            purpose: t.purpose,
            date: t.slot.date,
            start: t.slot.start,
            end: t.slot.end,
        },
    })
}

/// A complaint's registration: when it was registered and when the answer
/// is due. A complaint names its author by name only, so the holder's IIN
/// (the signed-in person who filed it) is given.
pub fn complaint(c: &Complaint, holder_iin: &str) -> Result<Statement, NoReceipt> {
    let (Some(mark), Some(due)) = (c.registration(), c.due.as_ref()) else {
        return Err(NoReceipt::NotYet);
    };
    Ok(Statement {
        reference: c.reference.clone(),
        service: c.draft.service,
        channel: crate::engine::term::Channel::Portal,
        holder: holder(holder_iin)?,
        issued_at: mark.at,
        what: What::ComplaintRegistration { addressee: c.draft.addressee, due: due.date },
    })
}

/// The receipt an operator issued at the citizen's home (State Corporation
/// channel). A refusal names the missing documents and the service's
/// acceptance-stage ground for an incomplete package where the catalogue
/// has one (S2, S3; S1's sources give none, C-12).
pub fn visit(v: &Visit) -> Result<Statement, NoReceipt> {
    let r = v.receipt.as_ref().ok_or(NoReceipt::NotYet)?;
    let what = match r.kind {
        ReceiptKind::Acceptance => What::Acceptance { due: r.due.ok_or(NoReceipt::NotYet)? },
        ReceiptKind::Refusal => What::Refusal {
            grounds: incomplete_package_ground(v).into_iter().map(str::to_string).collect(),
            missing: r.documents.clone(),
        },
    };
    Ok(Statement {
        reference: r.number.clone(),
        service: v.service,
        channel: visit::CHANNEL,
        holder: holder(&v.iin)?,
        issued_at: r.issued_at,
        what,
    })
}

fn incomplete_package_ground(v: &Visit) -> Option<&'static str> {
    catalog::service(v.service)
        .refusal_grounds
        .iter()
        .find(|g| g.id == "incomplete-package" && g.stage == Stage::Acceptance)
        .map(|g| g.id.as_str())
}
