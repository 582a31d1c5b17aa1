//! Submitting a signed S2 portal application: the signature is verified
//! against exactly the document built from the draft, an incomplete form is
//! not filed, and the application gets its reference and legal deadline
//! (with the explanation the confirmation page shows), counted on the
//! clock of the school's region.
//!
//! The portal refuses nothing at acceptance and issues no refusal receipt of
//! its own (F001 §9 is a refusal at the desk; C-13): [`Outcome::Refused`]
//! remains only so that records stored before keep displaying.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::application::{self, Draft, Refusal};
use super::calendar::{self, Calendar};
use super::catalog;
use super::deadline::{self, Deadline, DeadlineError, Explanation, RecordedDeadline};
use super::json::{self, tagged};
use super::kztime;
use super::lifecycle::{self, Ctx, Lifecycle, LifecycleError, Target, TargetInput};
use super::region;
use super::service::ServiceId;
use super::signing::Signed;
use super::signing::eds::{self as signature, SignError, SignedDocument};
use super::signing::otp::Purpose;
use super::term::Channel;

/// How the application was signed (F001 §8: EDS, or a one-time password
/// with the mobile number registered on the portal). serde writes it; it
/// is read in one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum SignatureRecord {
    Eds {
        signed: SignedDocument,
    },
    Otp {
        phone: String,
        verified_at: DateTime<Utc>,
        /// SHA-256 of the canonical document the code confirmed.
        digest_hex: String,
    },
    /// Handed in at the State Corporation (at its counter or to an
    /// operator on a home visit): no electronic signature, the paper
    /// package and the acceptance receipt are the record (F000 L55, F001
    /// §10, F003 row \[10\]). The digest binds the stored document to that
    /// receipt, so a record changed afterwards no longer verifies.
    Receipt {
        number: String,
        issued_at: DateTime<Utc>,
        /// SHA-256 of the canonical document of the accepted package.
        digest_hex: String,
    },
}

tagged::reader! {
    SignatureRecord, tag = "method";
    variants {
        Eds { signed }
        Otp { phone, verified_at, digest_hex }
        Receipt { number, issued_at, digest_hex }
    }
    fields {
        SignedDocument: signed;
        String: phone, digest_hex, number;
    }
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": verified_at, issued_at;
    }
}

/// What became of a submitted application. serde writes it; it is read in
/// one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum Outcome {
    /// Accepted: counting starts on `accepted_on`; the legal deadline is `due`.
    Accepted {
        accepted_on: NaiveDate,
        due: NaiveDate,
        /// "Why this date?" as computed at acceptance, so that it always
        /// ends on `due` even after the calendar data is edited. `None` in
        /// records stored before it was kept: [`Submission::deadline`]
        /// recomputes those and says so. (Its deserialiser is in the wasm
        /// anyway: a complaint stores its review term's explanation.)
        #[serde(skip_serializing_if = "Option::is_none")]
        explanation: Option<Explanation>,
    },
    /// Refused at acceptance, with the grounds: only in records stored
    /// before the portal stopped refusing (F001 §9 is a desk refusal, C-13).
    Refused { grounds: Vec<Refusal> },
}

tagged::reader! {
    Outcome, tag = "result";
    variants {
        Accepted { accepted_on, due; opt explanation }
        Refused { grounds }
    }
    fields {
        Explanation: explanation;
        Vec<Refusal>: grounds;
    }
    read {
        NaiveDate = "crate::engine::json::date::naive_opt": accepted_on, due;
    }
}

/// A submitted application as the cabinet stores it.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub reference: String,
    pub service: ServiceId,
    pub channel: Channel,
    pub applicant_iin: String,
    pub subject_iin: String,
    pub answers: application::Answers,
    /// The document that was signed.
    pub document: serde_json::Value,
    pub signature: SignatureRecord,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub submitted_at: DateTime<Utc>,
    /// The region of the school (the provider) at submission, when the
    /// applicant picked it from the registry: its clock read the submission
    /// and its regional regulation, if any, gives the milestones. `None` in
    /// older records and for a school typed by hand.
    pub provider_region: Option<String>,
    pub outcome: Outcome,
    /// What happened after submission (registration, preparation, storage…).
    #[serde(default)]
    pub lifecycle: Lifecycle,
}

// A submission's revision is its life cycle's: a stored application is
// changed at the revision a page showed with `Revisioned::change_at_rev`,
// on the record or on its life cycle.
crate::engine::store::revisioned!(Submission: lifecycle.rev);

impl Submission {
    pub fn is_accepted(&self) -> bool {
        matches!(self.outcome, Outcome::Accepted { .. })
    }

    /// The record's context: the embedded catalogue and calendar, and the
    /// school's region.
    pub fn ctx(&self) -> Result<Ctx<'_>, LifecycleError> {
        Ok(Ctx::embedded(self.service, self.channel)?.in_region(self.provider_region.as_deref()))
    }

    /// [`lifecycle::targets`] for this record, with the embedded catalogue and
    /// calendar and the provider's hours ([`lifecycle::provider_hours`]). A
    /// refused submission has none.
    pub fn targets(
        &self, now: DateTime<Utc>, include_historical: bool,
    ) -> Result<Vec<Target>, LifecycleError> {
        let Outcome::Accepted { accepted_on, due, .. } = &self.outcome else {
            return Ok(Vec::new());
        };
        let ctx = self.ctx()?;
        lifecycle::targets(
            &ctx,
            &self.lifecycle,
            &TargetInput {
                accepted_at: self.submitted_at,
                accepted_on: *accepted_on,
                due: *due,
                hours: lifecycle::provider_hours(ctx.service),
                now,
                include_historical,
            },
        )
    }

    /// The deadline with its explanation ("why this date?") for this
    /// record: the one stored at acceptance, or, for a record stored before
    /// explanations were kept, one computed again from the service's term,
    /// the submission instant and today's calendar data, marked
    /// [`recomputed`](RecordedDeadline::recomputed) because it may end on
    /// another date than the stored `due` if the calendar changed since.
    pub fn deadline(&self) -> Result<RecordedDeadline, SubmitError> {
        match &self.outcome {
            Outcome::Accepted { accepted_on, due, explanation: Some(explanation) } => {
                Ok(RecordedDeadline {
                    deadline: Deadline {
                        accepted_on: *accepted_on,
                        due: *due,
                        explanation: explanation.clone(),
                    },
                    recomputed: false,
                })
            }
            _ => {
                let cal = calendar::calendar().map_err(DeadlineError::from)?;
                let service = catalog::service(self.service);
                Ok(RecordedDeadline {
                    deadline: deadline::deadline_for_in(
                        &service.terms,
                        self.channel,
                        None,
                        self.submitted_at,
                        cal,
                        self.provider_region.as_deref(),
                    )?,
                    recomputed: true,
                })
            }
        }
    }
}

/// Why a stored application fails verification: what is shown would not be
/// what was signed. Staff cannot act on such a record.
// No `#[source]`: `source()` has always been `None` here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "integrity-", serialize_all = "kebab-case")]
pub enum IntegrityError {
    /// The EDS signature does not verify over the stored document (changed
    /// after signing, a forged or someone else's certificate, or one not in
    /// force when it was signed).
    #[error("signature: {0}")]
    Signature(SignError),
    /// The stored document is not the one the SMS code confirmed.
    #[error("the document is not the one the SMS code confirmed")]
    OtpDigest,
    /// The stored document is not the package its acceptance receipt bound.
    #[error("the document is not the package the acceptance receipt bound")]
    ReceiptDigest,
    /// The record's answers, applicant, person or service differ from the
    /// signed document.
    #[error("the stored application differs from the signed document")]
    RecordDiffers,
}

impl IntegrityError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `integrity-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive. The arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            IntegrityError::Signature(e) => e.code(),
            e => e.into(),
        }
    }
}

impl Submission {
    /// Verifies the stored record again: the signature over the stored
    /// document (an EDS certificate checked at the signing time the
    /// signature carries, or at `submitted_at` for older ones), and the
    /// record's fields against that signed document.
    pub fn verify(&self) -> Result<(), IntegrityError> {
        match &self.signature {
            SignatureRecord::Eds { signed } => {
                signature::verify(signed, &self.applicant_iin, self.submitted_at)
                    .map_err(IntegrityError::Signature)?;
                if signed.document != self.document {
                    return Err(IntegrityError::Signature(SignError::Tampered));
                }
            }
            SignatureRecord::Otp { digest_hex: d, .. } => {
                if *d != digest_hex(&self.document) {
                    return Err(IntegrityError::OtpDigest);
                }
            }
            SignatureRecord::Receipt { digest_hex: d, .. } => {
                if *d != digest_hex(&self.document) {
                    return Err(IntegrityError::ReceiptDigest);
                }
            }
        }
        let doc = &self.document;
        let same = doc.get("service") == json::to_value(&self.service).ok().as_ref()
            && doc.get("applicant_iin").and_then(|v| v.as_str()) == Some(&self.applicant_iin)
            && doc.get("subject_iin").and_then(|v| v.as_str()) == Some(&self.subject_iin)
            // Compared as answers, not as JSON: a document signed by an
            // earlier release may hold a question since withdrawn (the
            // portal's "original" question, issue 11) and stays genuine.
            && self.signed_answers().as_ref() == Some(&self.answers);
        if !same {
            return Err(IntegrityError::RecordDiffers);
        }
        Ok(())
    }

    /// The answers as signed (what receipts and the back office show),
    /// `None` if the signed document has none that read as answers.
    pub fn signed_answers(&self) -> Option<application::Answers> {
        json::from_value(self.document.get("answers")?).ok()
    }
}

/// Why a signed application was not filed. `code()` is stable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "submit-", serialize_all = "kebab-case")]
pub enum SubmitError {
    /// The EDS signature does not verify (wrong owner, expired, tampered…).
    #[error("signature: {0}")]
    Signature(#[source] SignError),
    /// The OTP confirmed a different document than the one submitted.
    #[error("the application changed after the code was confirmed")]
    OtpDocumentChanged,
    /// The application is not complete: the form blocks it (C-13), nothing
    /// is refused.
    #[error("the application is not complete")]
    Incomplete,
    /// The deadline could not be computed (e.g. outside the calendar's years).
    #[error("deadline: {0}")]
    Deadline(#[from] DeadlineError),
}

impl SubmitError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `submit-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive. The arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Signature(e) => e.code(),
            // The OTP counterpart of a tampered signature: the same code.
            SubmitError::OtpDocumentChanged => "sign-tampered",
            e => e.into(),
        }
    }
}

/// The document a draft's applicant signs. `created_at` is the draft's, so
/// the same draft always gives the same document.
pub fn document_of(draft: &Draft) -> serde_json::Value {
    application::signing_document(
        draft.service,
        &draft.applicant_iin,
        draft.subject_iin(),
        &draft.answers,
        draft.created_at,
    )
}

/// SHA-256 of the canonical serialisation, hex.
pub fn digest_hex(document: &serde_json::Value) -> String {
    signature::digest_hex(document)
}

/// Verifies and files a signed application. An EDS signature must verify
/// over exactly the document built from the draft, signed now (give or
/// take [`signature::SIGNING_TIME_TOLERANCE_SECS`]); an SMS code counts only
/// as the proof a verified session gives ([`Signed::Otp`]), for this
/// document's digest. `random` makes the reference. The deadline is
/// computed on the embedded calendar.
pub fn submit(
    draft: &Draft, signature: Signed, now: DateTime<Utc>, random: [u8; 6],
) -> Result<Submission, SubmitError> {
    let cal = calendar::calendar().map_err(DeadlineError::from)?;
    submit_with_calendar(draft, signature, now, random, cal)
}

/// [`submit`] on a given calendar (tests, and tools that check what a
/// calendar edit would change).
pub fn submit_with_calendar(
    draft: &Draft, signature: Signed, now: DateTime<Utc>, random: [u8; 6], cal: &Calendar,
) -> Result<Submission, SubmitError> {
    let document = document_of(draft);
    let signature = match signature {
        Signed::Eds(signed) => {
            signature::verify_new(&signed, &draft.applicant_iin, now)
                .map_err(SubmitError::Signature)?;
            if signed.document != document {
                return Err(SubmitError::Signature(SignError::Tampered));
            }
            SignatureRecord::Eds { signed }
        }
        Signed::Otp(proof) => {
            if proof.purpose() != Purpose::Signing || proof.digest() != digest_hex(&document) {
                return Err(SubmitError::OtpDocumentChanged);
            }
            SignatureRecord::Otp {
                phone: proof.phone().to_string(),
                verified_at: proof.verified_at(),
                digest_hex: proof.digest().to_string(),
            }
        }
    };
    if !application::complete(&draft.answers) {
        return Err(SubmitError::Incomplete);
    }
    let national_date = kztime::local_date(now).unwrap_or_else(|_| now.date_naive());
    let region = application::school_region(&draft.answers, national_date);
    let service = catalog::service(draft.service);
    let d = deadline::deadline_for_in(&service.terms, Channel::Portal, None, now, cal, region)?;
    let local_date = region::zone_of(region).local_date(now).unwrap_or(national_date);
    Ok(Submission {
        reference: application::reference(draft.service, local_date, random),
        service: draft.service,
        channel: Channel::Portal,
        applicant_iin: draft.applicant_iin.clone(),
        subject_iin: draft.subject_iin().to_string(),
        answers: draft.answers.clone(),
        document,
        signature,
        submitted_at: now,
        provider_region: region.map(str::to_string),
        outcome: Outcome::Accepted {
            accepted_on: d.accepted_on,
            due: d.due,
            explanation: Some(d.explanation),
        },
        lifecycle: Lifecycle::new(now),
    })
}
