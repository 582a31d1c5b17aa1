//! The marks a complaint collects (F000 L51), the back-office steps that
//! add them, and the answer.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::json::tagged;

crate::engine::json::names!(AnswerKind, ComplaintStatus, ActionKind);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum AnswerKind {
    /// A motivated answer on the merits (L48).
    OnMerits,
    /// A refusal to consider (L51).
    RefusalToConsider,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub kind: AnswerKind,
    pub text: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub at: DateTime<Utc>,
}

/// The portal marks of F000 L51, in their only order. serde writes them;
/// they are read in one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "mark", rename_all = "kebab-case")]
pub enum MarkKind {
    Delivered,
    /// The registration stamp (L46): incoming number, who registered it
    /// (surname and initials), where to collect the answer and by when.
    Registered {
        incoming_number: String,
        registered_by: String,
        place: String,
        collect_by: NaiveDate,
    },
    Executed,
    Answered {
        kind: AnswerKind,
    },
}

tagged::reader! {
    MarkKind, tag = "mark";
    variants {
        Delivered {}
        Registered { incoming_number, registered_by, place, collect_by }
        Executed {}
        Answered { kind }
    }
    fields {
        String: incoming_number, registered_by, place;
        AnswerKind: kind;
    }
    read {
        NaiveDate = "crate::engine::json::date::naive_opt": collect_by;
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub at: DateTime<Utc>,
    pub kind: MarkKind,
}

/// The last mark, as a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ComplaintStatus {
    Delivered,
    Registered,
    Executed,
    Answered,
}

/// A back-office step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Register(Registration),
    Execute,
    Answer { kind: AnswerKind, text: String },
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Register(_) => ActionKind::Register,
            Action::Execute => ActionKind::Execute,
            Action::Answer { .. } => ActionKind::Answer,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ActionKind {
    Register,
    Execute,
    Answer,
}

/// What the registering office writes (F000 L46).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub incoming_number: String,
    /// Surname and initials ([`surname_and_initials`](super::surname_and_initials)).
    pub registered_by: String,
    /// Where the answer can be collected.
    pub place: String,
}
