//! The errors' stable codes, and the ids and slugs of the engine's enums:
//! written by the `IntoStaticStr` derive as the variant's name in kebab
//! case (an error's with its prefix), except where a variant passes on its
//! cause's code or keeps an older name. The derive is one line per enum, so
//! these pin what a hand-kept table used to spell out: a renamed variant,
//! or a lost `#[strum(serialize)]`, changes a code or an id the UI, the
//! stored data, the catalogue and the tests rely on.
#![cfg(not(target_arch = "wasm32"))]

use qujat::engine::complaint::{ComplaintError, EscalationProblem};
use qujat::engine::identity::iin::IinError;
use qujat::engine::lifecycle::LifecycleError;
use qujat::engine::signing::eds::SignError;
use qujat::engine::signing::otp::OtpError;
use qujat::engine::signing::vault::RandomUnavailable;
use qujat::engine::submission::SubmitError;
use qujat::engine::transfer::{ExportError, ImportError, Refused};

#[test]
fn a_code_is_the_prefix_and_the_variant_in_kebab_case() {
    assert_eq!(
        SignError::CertificateNotYetValid { not_before: Default::default() }.code(),
        "sign-certificate-not-yet-valid"
    );
    assert_eq!(LifecycleError::NoRefusalInSource.code(), "lifecycle-no-refusal-in-source");
    assert_eq!(ImportError::NotAnExport.code(), "transfer-not-an-export");
    assert_eq!(IinError::CheckDigitTen.code(), "iin-check-digit-ten");
    assert_eq!(OtpError::NoCodeIssued.code(), "otp-no-code-issued");
}

#[test]
fn a_failed_random_source_has_one_code_whichever_step_it_failed() {
    assert_eq!(RandomUnavailable.code(), "random-unavailable");
    assert_eq!(SignError::Random(RandomUnavailable).code(), RandomUnavailable.code());
    assert_eq!(OtpError::Random(RandomUnavailable).code(), RandomUnavailable.code());
    assert_eq!(ExportError::Random.code(), RandomUnavailable.code());
}

#[test]
fn a_signature_error_inside_another_keeps_its_own_code() {
    assert_eq!(SubmitError::Signature(SignError::KeyMismatch).code(), "sign-key-mismatch");
    // The SMS-code counterpart of a changed document reads as a tampered signature.
    assert_eq!(SubmitError::OtpDocumentChanged.code(), SignError::Tampered.code());
    assert_eq!(Refused::DocumentChanged.code(), SignError::Tampered.code());
    assert_eq!(Refused::Signature { code: "sign-corrupt" }.code(), "sign-corrupt");
}

#[test]
fn the_renamed_variants_keep_their_older_codes() {
    let escalation = ComplaintError::Escalation(EscalationProblem::NotAnswered);
    assert_eq!(escalation.code(), "complaint-escalation-not-allowed");
    assert_eq!(Refused::DuplicateInFile.code(), "transfer-duplicate");
    let record =
        ExportError::Record { collection: "a".into(), id: "b".into(), why: Refused::BadId };
    assert_eq!(record.code(), "transfer-bad-record");
}

#[test]
fn ids_that_are_not_the_variants_name_keep_their_spelling() {
    use qujat::engine::application::{Field as Answer, Step};
    use qujat::engine::complaint::{Addressee, Field};
    use qujat::engine::lifecycle::State;
    // The page's input and the catalogue's items are named so.
    assert_eq!(Answer::DigitalDocument.html_id(), "digital");
    assert_eq!(Field::Name.id(), "given-name");
    assert_eq!(Addressee::LocalExecutiveBody.catalogue_id(), "local-executive");
    // The rest are the variant's name in kebab case, as stored and in URLs.
    assert_eq!(State::ReadyAtStateCorporation.slug(), "ready-at-state-corporation");
    assert_eq!(Step::Documents.slug(), "documents");
    assert_eq!(qujat::engine::service::ServiceId::S3.as_str(), "S3");
}
