//! The engine's own provenance (`src/engine/data/engine.toml`): citations,
//! notes and texts that the deadline and life-cycle code apply themselves,
//! rather than as an item of one service's entry: the C-24 location
//! assumption, the provider's delivery (C-26), storage and return after
//! storage, the complaint review terms, the legal-deadline target.
//!
//! They are data for the same reason the catalogue is: a clause, a quote or
//! a reading of the law is not code, and `tests/catalog.rs` checks each
//! quote against its seed line. The code only decides how the pieces
//! combine (e.g. the C-36 analogy note plus the review clause it follows).

use serde::{Deserialize, Serialize};

use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, SourceRef, Text};

crate::engine::embedded::decoded_once!(
    Notes,
    "engine",
    "tests/catalog.rs",
    parse_notes,
    notes_embedded,
    notes
);

/// Everything in `engine.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// S3 at the State Corporation, office location unknown: the longer
    /// term is shown (C-24).
    pub location_assumption: Provenance,
    /// A hand-in instant read without the office's region, when the
    /// regions' clocks differed (before 2024): the national clock is used.
    pub region_unknown: Provenance,
    /// S3: the provider delivers the result a working day before the
    /// deadline (C-26).
    pub provider_delivery: Provenance,
    /// One month of storage at the State Corporation.
    pub storage: CountedTerm,
    /// After storage: sent back within one working day of a request.
    #[serde(rename = "return")]
    pub return_after_storage: CountedTerm,
    pub complaint: ComplaintNotes,
    pub legal_deadline: LegalDeadline,
    /// The text of S3's delivery target (F003 L14).
    pub provider_delivery_target: LegalDeadline,
    /// A portal application mapped onto a regional regulation's
    /// provider-office steps (F002 has no portal channel, C-19).
    pub portal_steps: Provenance,
}

/// A term stated by each service's own clause, and the reading of where
/// its count starts (a product choice, so an assumption): storage for one
/// month, sending back within one working day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountedTerm {
    /// Where the count starts (storage: the day the result is ready; the
    /// return: the request day is day 0).
    pub start: Provenance,
    #[serde(rename = "S1")]
    pub s1: Provenance,
    #[serde(rename = "S2")]
    pub s2: Provenance,
    #[serde(rename = "S3")]
    pub s3: Provenance,
}

impl CountedTerm {
    /// The clause that states the term for `service`.
    pub fn of(&self, service: ServiceId) -> &Provenance {
        match service {
            ServiceId::S1 => &self.s1,
            ServiceId::S2 => &self.s2,
            ServiceId::S3 => &self.s3,
        }
    }
}

/// The complaint review terms (F000 only) and how they apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintNotes {
    pub reviews: Reviews,
    /// S2, S3: the S1 procedure applies by analogy (C-36); the review
    /// clause is added as the analogy's source.
    pub analogy: Provenance,
    /// The registration day is day 0 (C-25); the review clause is added.
    pub day_zero: Provenance,
    /// The local executive body's review term: not named in F000 L48, so
    /// the 5 working days are an assumption.
    pub local_executive: Provenance,
}

/// The two review terms, by where the complaint is registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviews {
    /// The Ministry, the provider or the State Corporation (F000 L48).
    #[serde(rename = "ministry-provider-or-state-corporation")]
    pub ministry_provider_or_state_corporation: ReviewTerm,
    /// The quality-control authority (F000 L50).
    #[serde(rename = "quality-control")]
    pub quality_control: ReviewTerm,
}

/// A review term in working days from registration, and its clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewTerm {
    pub working_days: u32,
    pub cite: SourceRef,
}

/// The binding target after the regulation's steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalDeadline {
    pub text: Text,
}
