//! Submitting a signed S2 application: the signature must cover exactly
//! the document built from the draft, an incomplete form is blocked (never
//! refused), and the application gets its reference and deadline.
//! (Moved here from the module's unit tests, to share tests/common.)
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};

use qujat::engine::application::{Draft, Reason, Refusal};
use qujat::engine::calendar;
use qujat::engine::deadline;
use qujat::engine::identity::registry;
use qujat::engine::signing::Signed;
use qujat::engine::signing::eds::{self as signature, KeyFile, SignError, SignedDocument};
use qujat::engine::signing::otp::Purpose;
use qujat::engine::submission::{
    IntegrityError, Outcome, SignatureRecord, SubmitError, digest_hex, document_of, submit,
};

mod common;
use common::{at, d as day, otp_confirmation, otp_signature, s2_draft};

/// A key of `d`'s applicant (password "pw"), whose certificate is valid for
/// `days` from `key_from`.
fn key_of(d: &Draft, key_from: &str, days: u32) -> KeyFile {
    KeyFile::create_with_iterations(
        &d.applicant_iin,
        "Demo",
        "pw",
        at(key_from),
        days,
        ([7; 32], [1; 16], [2; 12]),
        10,
    )
    .unwrap()
}

/// `d`'s document signed at `now` by its applicant, with [`key_of`].
fn eds_signed(d: &Draft, key_from: &str, days: u32, now: DateTime<Utc>) -> SignedDocument {
    let key = key_of(d, key_from, days);
    signature::sign(&key, "pw", &d.applicant_iin, &document_of(d), now).unwrap()
}

#[test]
fn an_eds_signed_application_is_accepted_with_a_deadline() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T19:30:00+05:00");
    let signed = eds_signed(&d, "2025-01-01T00:00:00Z", 365, now);
    let s = submit(&d, Signed::Eds(signed), now, [0; 6]).unwrap();
    assert!(s.reference.starts_with("S2-250320-"));
    let explanation = s.deadline().unwrap().deadline.explanation;
    match s.outcome {
        Outcome::Accepted { accepted_on, due, .. } => {
            // After 18:00 on 20 March 2025: Nauryz and the moved days
            // follow, so acceptance is on Wednesday 26 March.
            assert_eq!(accepted_on, day("2025-03-26"));
            assert_eq!(due, calendar::add_working_days(accepted_on, 15).unwrap());
            assert!(
                explanation.steps.iter().any(|s| matches!(s, deadline::Step::AfterHours { .. }))
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
        submit(&changed, Signed::Eds(signed.clone()), now, [0; 6]),
        Err(SubmitError::Signature(SignError::Tampered))
    );
    let other = registry::people().iter().find(|p| p.iin != d.applicant_iin).unwrap();
    let mut not_mine = d.clone();
    not_mine.applicant_iin = other.iin.clone();
    assert!(matches!(
        submit(&not_mine, Signed::Eds(signed), now, [0; 6]),
        Err(SubmitError::Signature(SignError::WrongOwner { .. }))
    ));
}

/// Signs a lost-attestat draft on 20 March 2025 with a key in force from
/// `key_from` for `days`, and hands it in at `later`: refused, because the
/// signing time the signature carries is not the time of handing in.
fn handed_in_later(key_from: &str, days: u32, later: &str) -> (Draft, SignedDocument) {
    let d = s2_draft(Reason::Lost, None);
    let signed = eds_signed(&d, key_from, days, at("2025-03-20T10:00:00+05:00"));
    assert!(matches!(
        submit(&d, Signed::Eds(signed.clone()), at(later), [0; 6]),
        Err(SubmitError::Signature(SignError::SigningTime { .. }))
    ));
    (d, signed)
}

#[test]
fn an_expired_certificate_is_refused_at_submission() {
    // Signed while in force but handed in after expiry.
    let later = "2025-04-15T10:00:00+05:00";
    let (d, _) = handed_in_later("2025-03-01T00:00:00Z", 30, later);
    // Nothing can be signed with the expired key.
    let key = key_of(&d, "2025-03-01T00:00:00Z", 30);
    assert!(matches!(
        signature::sign(&key, "pw", &d.applicant_iin, &document_of(&d), at(later)),
        Err(SignError::CertificateExpired { .. })
    ));
}

#[test]
fn a_signature_dated_back_is_refused_at_submission() {
    // Signed while the key was in force, handed in a month later.
    let later = "2025-04-20T10:00:00+05:00";
    let (d, mut moved) = handed_in_later("2025-01-01T00:00:00Z", 365, later);
    // Its signing time is covered by the signature: moving it breaks it.
    moved.signed_at = Some(at(later));
    assert_eq!(
        submit(&d, Signed::Eds(moved), at(later), [0; 6]),
        Err(SubmitError::Signature(SignError::Tampered))
    );
}

#[test]
fn a_stored_application_verifies_after_its_certificate_expires() {
    // Issue 12, item 6: the certificate is checked at the signing time the
    // signature carries, not at "now".
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let signed = eds_signed(&d, "2025-03-01T00:00:00Z", 30, now);
    let s = submit(&d, Signed::Eds(signed.clone()), now, [0; 6]).unwrap();
    assert_eq!(s.verify(), Ok(()));
    let after_expiry = at("2026-01-01T10:00:00+05:00");
    assert_eq!(signature::verify(&signed, &d.applicant_iin, after_expiry), Ok(()));
    // A stored record's answers changed after signing: flagged.
    let mut edited = s.clone();
    edited.answers.school = "Another school".into();
    assert_eq!(edited.verify(), Err(IntegrityError::RecordDiffers));
    // Its signed document changed: the signature no longer verifies.
    let mut forged = s.clone();
    forged.document["answers"]["school"] = "Another school".into();
    forged.answers.school = "Another school".into();
    assert_eq!(forged.verify(), Err(IntegrityError::Signature(SignError::Tampered)));
    // What is shown is what was signed.
    assert_eq!(s.signed_answers().unwrap(), d.answers);
}

#[test]
fn a_stored_otp_application_is_checked_against_its_digest() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let s = submit(&d, otp_signature(&d, now), now, [0; 6]).unwrap();
    assert_eq!(s.verify(), Ok(()));
    let mut edited = s.clone();
    edited.document["answers"]["year"] = "2011".into();
    edited.answers.year = "2011".into();
    assert_eq!(edited.verify(), Err(IntegrityError::OtpDigest));
    let mut record = s;
    if let SignatureRecord::Otp { digest_hex: d, .. } = &mut record.signature {
        *d = "0".repeat(64);
    }
    assert_eq!(record.verify(), Err(IntegrityError::OtpDigest));
}

#[test]
fn otp_confirms_one_document_only() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let otp = |doc: &serde_json::Value| {
        Signed::Otp(otp_confirmation(Purpose::Signing, &digest_hex(doc), now))
    };
    assert!(submit(&d, otp(&document_of(&d)), now, [0; 6]).is_ok());
    let mut changed = d.clone();
    changed.answers.year = "2011".into();
    assert_eq!(
        submit(&changed, otp(&document_of(&d)), now, [0; 6]),
        Err(SubmitError::OtpDocumentChanged)
    );
    // A consent code for the same digest does not sign.
    let consent =
        Signed::Otp(otp_confirmation(Purpose::Consent, &digest_hex(&document_of(&d)), now));
    assert_eq!(submit(&d, consent, now, [0; 6]), Err(SubmitError::OtpDocumentChanged));
}

/// Issue 11, items 1 and 7: the portal asks for no original and refuses
/// nothing. F001 §9's refusal (incomplete package, expired documents, with
/// an Appendix 4 receipt) is the desk's; on the portal identity comes from
/// the registry and the application is the only document (F001 §8, L27).
#[test]
fn the_portal_refuses_nothing() {
    let now = at("2025-03-20T10:00:00+05:00");
    // Damage and a change of name: no original asked for, accepted.
    for reason in [Reason::Damaged, Reason::NameChanged] {
        let d = s2_draft(reason, None);
        let s = submit(&d, otp(&d, now), now, [0; 6]).unwrap();
        assert!(matches!(s.outcome, Outcome::Accepted { .. }), "{reason:?}");
    }
    // The applicant whose ID card expired in 2024 applies in 2026: the
    // registry identifies her, nothing is refused.
    let expired = registry::find("920705402126").unwrap();
    let later = at("2026-02-10T10:00:00+05:00");
    assert!(!expired.id_document.is_valid_on(day("2026-02-10")));
    let mut d = s2_draft(Reason::Lost, None);
    d.applicant_iin = expired.iin.clone();
    let s = submit(&d, otp(&d, later), later, [0; 6]).unwrap();
    assert!(matches!(s.outcome, Outcome::Accepted { .. }));
    // An incomplete form is not filed, and not refused either.
    let mut d = s2_draft(Reason::Lost, None);
    d.answers.school = "  ".into();
    assert_eq!(submit(&d, otp(&d, now), now, [0; 6]), Err(SubmitError::Incomplete));
    // …as is a draft still holding S1's reason (C-39): it is asked again.
    let d = s2_draft(Reason::FillingErrors, None);
    assert_eq!(submit(&d, otp(&d, now), now, [0; 6]), Err(SubmitError::Incomplete));
    // The portal names no refusal receipt of its own (C-13).
    let s2 = qujat::engine::catalog::service(qujat::engine::service::ServiceId::S2);
    let portal_refusal = s2.receipts.iter().filter(|r| {
        r.kind == qujat::engine::catalog::ReceiptKind::Refusal
            && r.channels.contains(&qujat::engine::term::Channel::Portal)
    });
    assert!(portal_refusal.clone().all(|r| r.absent && r.form.is_none()));
}

/// Records refused at acceptance before the portal stopped refusing keep
/// loading and displaying with their grounds.
#[test]
fn old_refused_records_still_load() {
    let d = s2_draft(Reason::Lost, None);
    let now = at("2025-03-20T10:00:00+05:00");
    let s = submit(&d, otp(&d, now), now, [0; 6]).unwrap();
    let mut json = serde_json::to_value(&s).unwrap();
    json["outcome"] = serde_json::json!({
        "result": "refused",
        "grounds": ["incomplete-package", "expired-documents"]
    });
    json["lifecycle"] = serde_json::json!({
        "state": "refused-at-acceptance",
        "events": [{ "at": "2025-03-20T05:00:00Z", "actor": "system", "transition": "refuse-at-acceptance" }],
        "rev": 0
    });
    json["answers"]["original"] = false.into();
    let old: qujat::engine::submission::Submission = serde_json::from_value(json).unwrap();
    assert_eq!(
        old.outcome,
        Outcome::Refused { grounds: vec![Refusal::IncompletePackage, Refusal::ExpiredDocuments] }
    );
    assert!(old.targets(now, false).unwrap().is_empty());
}

fn otp(d: &Draft, now: DateTime<Utc>) -> Signed {
    otp_signature(d, now)
}
