//! An accepted package becomes an application (issue 13 §3): once a home
//! visit's package reaches the State Corporation (sync), it is an
//! application like one filed on the portal, in the citizen's "My
//! applications" with its tracker and in the provider's back office, and it
//! runs its own service's life cycle (S1 20 calendar days, S2 15 working
//! days, S3 3 or 8 working days with the delivery milestone) from the
//! instant the receipt was issued: the term counts from the hand-in, not
//! from the delivery.
//!
//! Nothing here decides anything the receipt did not: the deadline and its
//! explanation are the receipt's, the documents are the receipt's, and the
//! record is bound to the receipt by a digest
//! ([`SignatureRecord::Receipt`]), since a package handed in on paper
//! carries no electronic signature.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use qujat::engine::visit::{self, Consent, OperatorData};
//!
//! let day = "2026-11-23".parse().unwrap();
//! let mut data = OperatorData { visits: visit::seed_visits(day) };
//! let v = data.visits.iter_mut().find(|v| v.id == "V2").unwrap(); // S1, loss
//! let at = Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap(); // 10:00 in Almaty
//! v.confirm_identity();
//! v.give_consent(Consent::Notice { given_at: at })?;
//! for id in v.required().iter().map(|d| d.id.clone()).collect::<Vec<_>>() {
//!     v.set_checked(&id, true);
//! }
//! v.finish(at)?;
//!
//! // Not yet delivered: the package is still on the tablet.
//! assert!(visit::delivered_applications(&data).is_empty());
//! visit::sync(&mut data, true, at)?;
//! let apps = visit::delivered_applications(&data);
//! assert_eq!(apps.len(), 1);
//! let app = &apps[0];
//! assert_eq!(app.reference, data.visits.iter().find(|v| v.id == "V2").unwrap().receipt.as_ref().unwrap().number);
//! assert!(app.verify().is_ok());
//! // S1: 20 calendar days from the hand-in (F000 L14) end on Sunday
//! // 13 December. The source does not move a last day off (RULES.md §5.2):
//! // the date stays, and the offices are closed that day.
//! assert_eq!(app.deadline()?.deadline.due.to_string(), "2026-12-13");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{CHANNEL, Delivery, OperatorData, Visit};
use crate::engine::application::{Answers, Reason, Who};
use crate::engine::catalog::ReceiptKind;
use crate::engine::json;
use crate::engine::lifecycle::Lifecycle;
use crate::engine::submission::{self, Outcome, SignatureRecord, Submission};

impl Visit {
    /// The application this visit's accepted package is; `None` for a visit
    /// not accepted (yet), or an old receipt whose deadline can no longer
    /// be computed. The reference is the receipt's number, the one the
    /// citizen holds on paper.
    pub fn application(&self) -> Option<Submission> {
        let receipt = self.receipt.as_ref().filter(|r| r.kind == ReceiptKind::Acceptance)?;
        let recorded = self.deadline()?;
        let (number, issued_at) = (receipt.number.clone(), receipt.issued_at);
        let answers = Answers {
            // A home visit is requested by the citizen for themselves
            // (the registry's person at the registered address).
            who: Some(Who::Myself),
            reason: self.situations.iter().find_map(|s| Reason::from_situation(*s)),
            use_digital_document: Some(self.uses_digital_document()),
            ..Answers::default()
        };
        let documents = receipt.documents.clone();
        let document = serde_json::json!({
            "service": self.service,
            "channel": CHANNEL,
            "applicant_iin": self.iin,
            "subject_iin": self.iin,
            "answers": json::to_value(&answers).unwrap_or_default(),
            "receipt": number,
            "documents": documents,
            "created_at": issued_at.to_rfc3339(),
        });
        let digest_hex = submission::digest_hex(&document);
        Some(Submission {
            reference: number.clone(),
            service: self.service,
            channel: CHANNEL,
            applicant_iin: self.iin.clone(),
            subject_iin: self.iin.clone(),
            answers,
            document,
            signature: SignatureRecord::Receipt { number, issued_at, digest_hex },
            submitted_at: issued_at,
            // The clock the receipt's deadline was counted on: the
            // citizen's settlement's region.
            provider_region: self.region().map(str::to_string),
            outcome: Outcome::Accepted {
                accepted_on: recorded.deadline.accepted_on,
                due: recorded.deadline.due,
                explanation: Some(recorded.deadline.explanation),
            },
            lifecycle: Lifecycle::new(issued_at),
        })
    }
}

/// The applications of every accepted package already delivered, in visit
/// order. Filing them is idempotent (the reference is the receipt number),
/// so the UI files them again after every sync: a write that failed once is
/// made the next time.
pub fn delivered_applications(data: &OperatorData) -> Vec<Submission> {
    data.visits
        .iter()
        .filter(|v| {
            v.receipt
                .as_ref()
                .is_some_and(|r| matches!(r.delivery, Some(Delivery::Delivered { .. })))
        })
        .filter_map(Visit::application)
        .collect()
}
