//! Submitting a signed S2 application: the signature must cover exactly
//! the document built from the draft, the F001 §9 refusal grounds give a
//! refused outcome, and an accepted one gets its reference and deadline.
//! (Moved here from the module's unit tests, to share tests/common.)
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};

use qujat::engine::application::{Draft, IdentityFacts, Reason, Refusal};
use qujat::engine::calendar;
use qujat::engine::deadline;
use qujat::engine::identity::registry;
use qujat::engine::signing::eds::{self as signature, KeyFile, SignError, SignedDocument};
use qujat::engine::submission::{
    Outcome, SignatureRecord, SubmitError, digest_hex, document_of, submit,
};

mod common;
use common::{at, d as day, s2_draft};

/// `d`'s document signed at `now` by its applicant, with a key whose
/// certificate is valid for `days` from `key_from`.
fn eds_signed(d: &Draft, key_from: &str, days: u32, now: DateTime<Utc>) -> SignedDocument {
    let key = KeyFile::create_with_iterations(
        &d.applicant_iin,
        "Demo",
        "pw",
        at(key_from),
        days,
        ([7; 32], [1; 16], [2; 12]),
        10,
    )
    .unwrap();
    signature::sign(&key, "pw", &d.applicant_iin, &document_of(d), now).unwrap()
}

const VALID: IdentityFacts = IdentityFacts {
    identity_document_valid: true,
};

#[test]
fn an_eds_signed_application_is_accepted_with_a_deadline() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T19:30:00+05:00");
    let signed = eds_signed(&d, "2025-01-01T00:00:00Z", 365, now);
    let s = submit(&d, SignatureRecord::Eds { signed }, VALID, now, [0; 6]).unwrap();
    assert!(s.reference.starts_with("S2-250320-"));
    let explanation = s.deadline().unwrap().deadline.explanation;
    match s.outcome {
        Outcome::Accepted {
            accepted_on, due, ..
        } => {
            // After 18:00 on 20 March 2025: Nauryz and the moved days
            // follow, so acceptance is on Wednesday 26 March.
            assert_eq!(accepted_on, day("2025-03-26"));
            assert_eq!(due, calendar::add_working_days(accepted_on, 15).unwrap());
            assert!(
                explanation
                    .steps
                    .iter()
                    .any(|s| matches!(s, deadline::Step::AfterHours { .. }))
            );
        }
        other => panic!("expected acceptance, got {other:?}"),
    }
}

#[test]
fn a_changed_application_or_another_persons_key_is_refused() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let signed = eds_signed(&d, "2025-01-01T00:00:00Z", 365, now);
    let mut changed = d.clone();
    changed.answers.school = "Another school".into();
    assert_eq!(
        submit(
            &changed,
            SignatureRecord::Eds {
                signed: signed.clone()
            },
            VALID,
            now,
            [0; 6]
        ),
        Err(SubmitError::Signature(SignError::Tampered))
    );
    let other = registry::people()
        .iter()
        .find(|p| p.iin != d.applicant_iin)
        .unwrap();
    let mut not_mine = d.clone();
    not_mine.applicant_iin = other.iin.clone();
    assert!(matches!(
        submit(
            &not_mine,
            SignatureRecord::Eds { signed },
            VALID,
            now,
            [0; 6]
        ),
        Err(SubmitError::Signature(SignError::WrongOwner { .. }))
    ));
}

#[test]
fn an_expired_certificate_is_refused_at_submission() {
    let d = s2_draft(Reason::Lost, None);
    let signed_at = at("2025-03-20T10:00:00+05:00");
    let signed = eds_signed(&d, "2025-03-01T00:00:00Z", 30, signed_at);
    let later = at("2025-04-15T10:00:00+05:00");
    assert!(matches!(
        submit(&d, SignatureRecord::Eds { signed }, VALID, later, [0; 6]),
        Err(SubmitError::Signature(SignError::CertificateExpired { .. }))
    ));
}

#[test]
fn otp_confirms_one_document_only() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let otp = |doc: &serde_json::Value| SignatureRecord::Otp {
        phone: "+77010000000".into(),
        verified_at: now,
        digest_hex: digest_hex(doc),
    };
    assert!(submit(&d, otp(&document_of(&d)), VALID, now, [0; 6]).is_ok());
    let mut changed = d.clone();
    changed.answers.year = "2011".into();
    assert_eq!(
        submit(&changed, otp(&document_of(&d)), VALID, now, [0; 6]),
        Err(SubmitError::OtpDocumentChanged)
    );
}

#[test]
fn refusal_grounds_give_a_refused_outcome() {
    let mut d = s2_draft(Reason::Lost, None);
    d.answers.reason = Some(Reason::Damaged);
    d.answers.original = Some(false);
    let now = at("2025-03-20T10:00:00+05:00");
    let record = SignatureRecord::Otp {
        phone: "+77010000000".into(),
        verified_at: now,
        digest_hex: digest_hex(&document_of(&d)),
    };
    let s = submit(
        &d,
        record,
        IdentityFacts {
            identity_document_valid: false,
        },
        now,
        [0; 6],
    )
    .unwrap();
    assert_eq!(
        s.outcome,
        Outcome::Refused {
            grounds: vec![Refusal::IncompletePackage, Refusal::ExpiredDocuments]
        }
    );
}
