//! The complaint procedure (F000 «Порядок обжалования», L43–L52): a draft
//! and its checks, filing, the four portal marks, the review term, the
//! escalation to the quality-control authority and the court notice.
//!
//! Only F000 (S1) has a procedure. For S2 and S3 it applies by analogy
//! (C-36): [`basis()`] gives the C-36 assumption as their basis, never F000.
//!
//! Marks (F000 L51): delivered (on filing) → registered (stamp, incoming
//! number, date, who registered it, where and by when to collect the answer;
//! L46) → executed → answered (on the merits, or a refusal to consider).
//! The answer is due 5 working days after registration, 15 at the
//! quality-control authority (L48, L50; [`complaint_due`](crate::engine::deadline::complaint_due));
//! L48 does not name the local executive body, so its 5 days are an
//! assumption. The quality-control authority may be a first addressee on
//! disagreement with the result (L49), and the court notice (L52) is not
//! gated on an answer.
//!
//! Text from the citizen is kept verbatim: it is plain text, never markup,
//! and the UI escapes it when showing it.
//!
//! - [`draft`]: writing a complaint and its checks;
//! - the filed record, its marks and escalation ([`Complaint`], [`file()`]);
//! - the basis shown with the procedure ([`basis()`]).

mod basis;
pub mod draft;
mod error;
mod mark;
mod record;

pub use basis::{Basis, basis, court_notice};
pub use draft::{
    ADDRESS_MAX, Addressee, ComplaintDraft, ComplaintFieldError, Field, NAME_MAX, Problem, REF_MAX,
    Subject, TEXT_MAX, addressees, normalize_phone, parse_service, surname_and_initials, validate,
};
pub use error::{ComplaintError, EscalationProblem};
pub use mark::{
    Action, ActionKind, Answer, AnswerKind, ComplaintStatus, Mark, MarkKind, Registration,
};
pub use record::{Complaint, SignatureRecordRef, escalate, file, reference};
