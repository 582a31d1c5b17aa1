//! Issue 12 ("Trust"), the engine's part: SMS codes bound to what they
//! confirm and limited per phone number across flows; EDS signatures that
//! carry their signing time; key derivation done elsewhere (WebCrypto) and
//! bounded on import; ids that never fall back to zeros.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;

use qujat::engine::signing::eds::{self, KeyFile, SignError};
use qujat::engine::signing::otp::{
    self, OtpBook, OtpError, OtpSession, Policy, Purpose, book_from_v1,
};
use qujat::engine::signing::vault::{self, VaultKey};
use qujat::engine::store::{self, Loaded, MemoryStorage, formats};

mod common;
use common::people::SULTANOVA as OWNER;
use common::{utc as t, wrong_code as wrong};

const PHONE: &str = "+7 701 555 01 01";

fn secret() -> Result<[u8; 20], vault::RandomUnavailable> {
    Ok(*b"qujat-test-secret-20")
}

fn secs(n: i64) -> TimeDelta {
    TimeDelta::seconds(n)
}

fn send(
    book: &mut OtpBook, flow: &str, digest: &str, now: DateTime<Utc>,
) -> Result<String, OtpError> {
    book.send(flow, PHONE, Purpose::Signing, digest, Policy::PORTAL, now, secret).map(|i| i.code)
}

#[test]
fn a_code_confirms_only_the_digest_it_was_sent_for() {
    let now = t("2026-05-04T10:00:00Z");
    let mut book = OtpBook::default();
    let code = send(&mut book, "sign:d1", "digest-a", now).unwrap();
    assert_eq!(book.confirm("sign:d1", "digest-a"), Err(OtpError::NotVerified));
    book.verify("sign:d1", &code, now + secs(5)).unwrap();
    // Another tab changed the draft after the code was sent: its digest is
    // another one, and the code does not confirm it.
    assert_eq!(book.confirm("sign:d1", "digest-b"), Err(OtpError::DocumentChanged));
    let proof = book.confirm("sign:d1", "digest-a").unwrap();
    assert_eq!(
        (proof.phone(), proof.purpose(), proof.digest(), proof.verified_at()),
        (PHONE, Purpose::Signing, "digest-a", now + secs(5))
    );
    // Used sessions are removed.
    assert!(book.remove("sign:d1").is_some());
    assert_eq!(book.confirm("sign:d1", "digest-a"), Err(OtpError::NotVerified));
    assert!(book.is_empty());
}

#[test]
fn a_new_digest_means_a_new_code() {
    let now = t("2026-05-04T10:00:00Z");
    let mut book = OtpBook::default();
    let first = send(&mut book, "consent:d1", "yes", now).unwrap();
    book.verify("consent:d1", &first, now).unwrap();
    assert!(book.session("consent:d1").unwrap().is_verified_for("yes"));
    // The consent answer changed after its code was verified: the session
    // goes, and confirming needs a new code.
    assert!(book.forget_unless_for("consent:d1", "no"));
    assert_eq!(book.confirm("consent:d1", "no"), Err(OtpError::NotVerified));
    assert!(!book.forget_unless_for("consent:d1", "no"), "nothing left to forget");
    let second = book
        .send("consent:d1", PHONE, Purpose::Signing, "no", Policy::PORTAL, now + secs(61), || {
            Ok([2; 20])
        })
        .unwrap()
        .code;
    assert_ne!(first, second);
    assert!(book.verify("consent:d1", &first, now + secs(62)).is_err());
    book.verify("consent:d1", &second, now + secs(63)).unwrap();
    assert!(book.confirm("consent:d1", "no").is_ok());
    // Sending for another digest replaces the session (no cooldown to wait:
    // it is another code for another thing), and its proof is gone.
    send(&mut book, "consent:d1", "yes", now + secs(64)).unwrap();
    assert_eq!(book.confirm("consent:d1", "no"), Err(OtpError::NotVerified));
}

#[test]
fn wrong_codes_count_per_phone_number_across_flows() {
    let now = t("2026-05-04T10:00:00Z");
    let mut book = OtpBook::default();
    let a = send(&mut book, "sign:d1", "a", now).unwrap();
    let b = send(&mut book, "sign:d2", "b", now).unwrap();
    let c = send(&mut book, "complaint:c1", "c", now).unwrap();
    assert_eq!(book.verify("sign:d1", &wrong(&a), now), Err(OtpError::WrongCode { tries_left: 2 }));
    // A second flow does not buy three more guesses.
    assert_eq!(book.verify("sign:d2", &wrong(&b), now), Err(OtpError::WrongCode { tries_left: 1 }));
    let until = now + secs(15 * 60);
    assert_eq!(book.verify("complaint:c1", &wrong(&c), now), Err(OtpError::Locked { until }));
    // The number is locked out in every flow, even with the right code.
    assert_eq!(book.locked_until(PHONE, now), Some(until));
    assert_eq!(book.verify("sign:d1", &a, now + secs(1)), Err(OtpError::Locked { until }));
    assert_eq!(send(&mut book, "sign:d3", "d", now + secs(2)), Err(OtpError::Locked { until }));
    assert!(
        book.seconds_until_send("sign:d3", PHONE, Policy::PORTAL, now + secs(2)) >= 15 * 60 - 2
    );
    // The codes in force were discarded: after the lock, new codes only.
    assert_eq!(book.verify("sign:d1", &a, until), Err(OtpError::NoCodeIssued));
    let fresh = send(&mut book, "sign:d1", "a", until).unwrap();
    assert_eq!(book.verify("sign:d1", &fresh, until + secs(1)), Ok(()));
}

#[test]
fn at_most_five_codes_an_hour_to_one_number() {
    let now = t("2026-05-04T10:00:00Z");
    let mut book = OtpBook::default();
    for i in 0..5 {
        send(&mut book, &format!("sign:d{i}"), "x", now + secs(i)).unwrap();
    }
    let refused = send(&mut book, "sign:d9", "x", now + secs(10));
    assert_eq!(refused, Err(OtpError::TooManyCodes { until: now + secs(3600) }));
    assert!(book.seconds_until_send("sign:d9", PHONE, Policy::PORTAL, now + secs(10)) >= 3590);
    // Another number is not affected.
    assert!(
        book.send(
            "sign:d9",
            "+7 777 000 00 00",
            Purpose::Signing,
            "x",
            Policy::PORTAL,
            now + secs(10),
            secret
        )
        .is_ok()
    );
    assert!(send(&mut book, "sign:d9", "x", now + secs(3600)).is_ok());
}

#[test]
fn v1_books_keep_their_lock_outs_and_drop_unbound_codes() {
    let now = t("2026-05-04T10:00:00Z");
    // What today's main stores under qujat.otp: sessions by flow, unbound.
    let v1 = include_str!("fixtures/stored/otp.v1.json");
    let raw: serde_json::Value = serde_json::from_str(v1).unwrap();
    let upgraded = book_from_v1(raw["data"].clone()).unwrap();
    let book: OtpBook = serde_json::from_value(upgraded).unwrap();
    assert!(book.is_empty(), "unbound codes cannot confirm anything");
    let locked = t("2026-05-04T10:14:00Z");
    assert_eq!(book.locked_until("+77015550101", now), Some(locked));
    let env: store::Envelope<OtpBook> = store::decode(v1, &formats::OTP).unwrap();
    assert_eq!(env.data, book);
    assert_eq!(env.rev, 4);
    // An unbound stored session never confirms, verified or not.
    let mut s = OtpSession::new(PHONE, Purpose::Signing, "", [1; 20], Policy::PORTAL);
    let code = s.issue(now).unwrap().code;
    s.verify(&code, now).unwrap();
    assert!(!s.is_verified_for(""));
    assert_eq!(s.confirmation(""), Err(OtpError::DocumentChanged));
}

#[test]
fn sms_codes_are_grouped_by_characters_not_bytes() {
    for code in ["ééaa", "éééééé", "12345", "1234567", "", "😀😀😀😀😀😀", "abc"]
    {
        let _ = otp::spaced(code);
    }
    assert_eq!(otp::spaced("048213"), "048 213");
    assert_eq!(otp::spaced("😀😀😀😀😀😀"), "😀😀😀 😀😀😀");
}

// ---------------------------------------------------------------------------
// EDS

const FAST: u32 = 1_000;

fn key_file(iterations: u32) -> KeyFile {
    KeyFile::create_with_iterations(
        OWNER,
        "Сұлтанова Әйгерім",
        "pass phrase",
        t("2026-01-01T00:00:00Z"),
        30,
        ([7; 32], [1; 16], [2; 12]),
        iterations,
    )
    .unwrap()
}

#[test]
fn a_key_derived_elsewhere_signs_like_the_password() {
    // The browser derives with WebCrypto from the file's salt and count.
    let kf = key_file(FAST);
    let (salt, iterations) = kf.kdf_input().unwrap();
    assert_eq!((salt, iterations), ([1; 16], FAST));
    let derived = vault::derive_key("pass phrase", salt, iterations);
    let key = VaultKey::from_derived(derived, salt, iterations);
    let now = t("2026-01-10T12:00:00Z");
    let doc = json!({ "service": "S2", "year": "2010" });
    let a = eds::sign(&kf, "pass phrase", OWNER, &doc, now).unwrap();
    let b = eds::sign_with_key(&kf, &key, OWNER, &doc, now).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.signed_at, Some(now));
    let wrong =
        VaultKey::from_derived(vault::derive_key("wrong", salt, iterations), salt, iterations);
    assert_eq!(eds::sign_with_key(&kf, &wrong, OWNER, &doc, now), Err(SignError::WrongPassword));
    // A key file made from a derived key opens with the password.
    let made = KeyFile::create_with_key(
        OWNER,
        "Сұлтанова Әйгерім",
        t("2026-01-01T00:00:00Z"),
        30,
        ([7; 32], [2; 12]),
        &key,
    )
    .unwrap();
    assert_eq!(made, kf);
    // Refusals that need no derivation come first.
    assert!(matches!(
        eds::check_before_unlock(&kf, OWNER, t("2027-01-01T00:00:00Z")),
        Err(SignError::CertificateExpired { .. })
    ));
}

#[test]
fn an_imported_key_file_cannot_ask_for_endless_key_derivation() {
    let text = key_file(FAST).to_file_string();
    assert!(KeyFile::from_file_string(&text).is_ok());
    for n in [0u32, vault::MAX_ITERATIONS + 1, u32::MAX] {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["encrypted_private_key"]["iterations"] = json!(n);
        assert_eq!(
            KeyFile::from_file_string(&v.to_string()),
            Err(SignError::KeyFileIterations { iterations: n }),
            "{n}"
        );
    }
    // What the first releases wrote (100 000) and what this one writes.
    for n in [100_000u32, vault::DEFAULT_ITERATIONS, vault::MAX_ITERATIONS] {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["encrypted_private_key"]["iterations"] = json!(n);
        assert!(KeyFile::from_file_string(&v.to_string()).is_ok(), "{n}");
    }
}

#[test]
fn older_signatures_without_a_signing_time_still_verify() {
    // A signature as today's main makes it: over the document alone.
    let v1: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/stored/applications.v1.json")).unwrap();
    let env: store::Envelope<
        std::collections::BTreeMap<String, qujat::engine::submission::Submission>,
    > = store::decode(&v1.to_string(), &formats::APPLICATIONS).unwrap();
    assert!(!env.data.is_empty());
    for s in env.data.values() {
        assert_eq!(s.verify(), Ok(()), "{}", s.reference);
        // Without a signing time in the signed data, the certificate is
        // checked at the time the caller gives (the record's hand-in time).
        if let qujat::engine::submission::SignatureRecord::Eds { signed } = &s.signature {
            assert_eq!(signed.signed_at, None);
            let not_after = signed.certificate.not_after;
            assert_eq!(
                eds::verify(signed, &s.applicant_iin, not_after + secs(1)),
                Err(SignError::CertificateExpired { not_after })
            );
            // Such a signature is not accepted for a new submission.
            assert!(matches!(
                eds::verify_new(signed, &s.applicant_iin, s.submitted_at),
                Err(SignError::SigningTime { .. })
            ));
        }
    }
}

#[test]
fn ids_come_from_the_platform_random_source() {
    let a = vault::new_id().unwrap();
    let b = vault::new_id().unwrap();
    assert_eq!(a.len(), 16);
    assert_ne!(a, b);
    assert_ne!(a, "0000000000000000");
}

#[test]
fn memory_storage_loads_what_write_stored() {
    let s = MemoryStorage::new();
    let w = store::write(&s, "qujat.otp", &formats::OTP, |b: &mut OtpBook| {
        b.send(
            "sign:1",
            PHONE,
            Purpose::Signing,
            "d",
            Policy::PORTAL,
            t("2026-05-04T10:00:00Z"),
            secret,
        )
    })
    .unwrap();
    match store::load::<OtpBook>(&s, "qujat.otp", &formats::OTP) {
        Loaded::Read(env) => assert_eq!((env.rev, env.data), (1, w.data)),
        other => panic!("{other:?}"),
    }
}
