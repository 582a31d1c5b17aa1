//! My data moves with me (`engine::transfer`): a round trip of a person's
//! real records (EDS- and SMS-signed applications, a complaint, a key
//! file, a ticket, a receipt); the file format, checked against an
//! independent sealer written here from the documented format; every way a
//! file is refused, each with its own error and no plan; every way a
//! record is refused while the others merge; and the merge by revision.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::time::Instant;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use chrono::{DateTime, TimeDelta, Utc};
use hmac::{Hmac, Mac};
use proptest::prelude::*;
use serde_json::{Value, json};
use sha2::Sha256;

use qujat::engine::application::Reason;
use qujat::engine::codec::base64;
use qujat::engine::queue::{self, Purpose, TicketRequest, Tickets};
use qujat::engine::receipt::{self, Holder, Statement, What};
use qujat::engine::service::ServiceId;
use qujat::engine::signing::Signed;
use qujat::engine::signing::eds::{self, KeyFile};
use qujat::engine::submission::{self, SignatureRecord};
use qujat::engine::term::{Channel, ClockTime};
use qujat::engine::transfer::{
    self, Bundle, Collections, ExportError, ImportError, Outcome, Record, Refused,
};

mod common;
use common::people::ZHAKSYLYKOV as OTHER;
use common::{at, d};

/// Few PBKDF2 iterations: a debug build runs 600,000 slowly.
const IT: u32 = 1_000;
const PASS: &str = "correct horse battery";
const RANDOM: ([u8; 16], [u8; 12]) = ([7; 16], [1; 12]);

fn now() -> DateTime<Utc> {
    at("2025-03-20T10:00:00+05:00")
}

/// The person of `common::s2_draft`.
fn me() -> String {
    common::s2_draft(Reason::Lost, None).applicant_iin
}

fn key_file(iin: &str, seed: u8) -> KeyFile {
    KeyFile::create_with_iterations(
        iin,
        "Demo Person",
        "key password",
        now() - TimeDelta::days(1),
        365,
        ([seed; 32], [2; 16], [3; 12]),
        IT,
    )
    .unwrap()
}

fn value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

fn record(id: &str, rev: u64, data: Value) -> Record {
    Record { id: id.into(), rev, data }
}

/// A record's revision and value on one side of a merge, where it is there.
type Side = Option<(u64, &'static str)>;

/// The records of one side: `{ "v": value }` at its revision.
fn records(rows: impl Iterator<Item = (&'static str, Side)>) -> Vec<Record> {
    rows.filter_map(|(id, side)| side.map(|(rev, v)| record(id, rev, json!({ "v": v })))).collect()
}

/// Everything one person has: applications signed by EDS and by SMS code,
/// a draft, a complaint signed by EDS, the key file, a ticket, a receipt.
fn collections() -> Collections {
    let me = me();
    let key = key_file(&me, 9);

    let draft = common::s2_draft(Reason::Lost, None);
    let signed =
        eds::sign(&key, "key password", &me, &submission::document_of(&draft), now()).unwrap();
    let by_eds = submission::submit(&draft, Signed::Eds(signed), now(), [1; 6]).unwrap();
    let mut draft2 = common::s2_draft(Reason::Damaged, None);
    draft2.id = "d2".into();
    let by_otp =
        submission::submit(&draft2, common::otp_signature(&draft2, now()), now(), [2; 6]).unwrap();

    let complaint_doc = json!({ "complaint": "not ready", "service": "S2" });
    let c_signed = eds::sign(&key, "key password", &me, &complaint_doc, now()).unwrap();
    let complaint = json!({
        "id": "complaint-01",
        "reference": "Ж-2025-000123",
        "filed_at": now(),
        "signature": { "method": "eds", "signed": c_signed, "signer_iin": me },
        "rev": 2,
    });

    let req = TicketRequest {
        service: ServiceId::S3,
        purpose: Purpose::HandIn,
        office: "almaty-medeu".into(),
        date: d("2025-03-26"), // the first working day after Nauryz
        start: ClockTime::parse("10:00").unwrap(),
        iin: me.clone(),
        provider: queue::ProviderPlace::of_id("almaty-college-service"),
        situations: vec![],
    };
    let ticket = Tickets::default().book(0, &req, now()).unwrap();

    let receipt = receipt::issue(&receipt::from::submission(&by_eds).unwrap(), "portal").unwrap();

    BTreeMap::from([
        (
            "apps".to_string(),
            vec![
                record(&by_eds.reference, 0, value(&by_eds)),
                record(&by_otp.reference, 0, value(&by_otp)),
            ],
        ),
        (
            "drafts".to_string(),
            vec![record("d3", 4, value(&common::s2_draft(Reason::NameChanged, None)))],
        ),
        ("complaints".to_string(), vec![record("complaint-01", 2, complaint)]),
        ("keys".to_string(), vec![record(&key.certificate.serial, 0, value(&key))]),
        ("tickets".to_string(), vec![record(&ticket.reference, 0, value(&ticket))]),
        (
            "receipts".to_string(),
            vec![record(
                &by_eds.reference,
                0,
                json!({ "reference": by_eds.reference, "receipt_code": receipt.code }),
            )],
        ),
    ])
}

fn bundle(collections: Collections) -> Bundle {
    Bundle { person_iin: me(), created_at: now(), collections }
}

fn export(b: &Bundle) -> String {
    transfer::export_with_iterations(b, &me(), PASS, RANDOM, IT).unwrap()
}

fn header(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

/// The file with one header field replaced (pretty JSON again).
fn with(file: &str, path: &[&str], v: Value) -> String {
    let mut h = header(file);
    let mut at = &mut h;
    for p in &path[..path.len() - 1] {
        at = at.get_mut(*p).unwrap();
    }
    at[path[path.len() - 1]] = v;
    serde_json::to_string_pretty(&h).unwrap()
}

// ---------------------------------------------------------------------------
// An independent sealer, from the format documented in transfer::file.

fn hmac32(key: &[u8], label: &[u8]) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(key).unwrap();
    m.update(label);
    m.finalize().into_bytes().into()
}

fn reference_seal(plaintext: &[u8], passphrase: &str, iterations: u32) -> String {
    let (salt, nonce) = ([5u8; 16], [6u8; 12]);
    let mut master = [0u8; 32];
    pbkdf2::pbkdf2::<Hmac<Sha256>>(passphrase.as_bytes(), &salt, iterations, &mut master).unwrap();
    let check = &hmac32(&master, b"qujat-export check v1")[..16];
    let aes = hmac32(&master, b"qujat-export key v1");
    let mut h = json!({
        "format": "qujat-export",
        "version": 1,
        "created_at": "2025-03-20T05:00:00Z",
        "kdf": { "name": "pbkdf2-sha256", "iterations": iterations, "salt": base64::encode(&salt) },
        "cipher": { "name": "aes-256-gcm", "nonce": base64::encode(&nonce) },
        "check": base64::encode(check),
    });
    let aad = eds::canonical_json(&h);
    let ct = Aes256Gcm::new(&Key::<Aes256Gcm>::from(aes))
        .encrypt(&Nonce::from(nonce), Payload { msg: plaintext, aad: aad.as_bytes() })
        .unwrap();
    h["ciphertext"] = base64::encode(&ct).into();
    h.to_string()
}

fn sealed_bundle(collections: Value, person: &str) -> String {
    let plain = json!({
        "person_iin": person,
        "created_at": "2025-03-20T05:00:00Z",
        "collections": collections,
    });
    reference_seal(plain.to_string().as_bytes(), PASS, IT)
}

// ---------------------------------------------------------------------------
// The round trip.

#[test]
fn a_persons_records_make_the_round_trip_and_every_signature_verifies() {
    let all = collections();
    let file = export(&bundle(all.clone()));
    let plan = transfer::import(&file, PASS, &me(), &Collections::new()).unwrap();
    assert_eq!(plan.summary().refused, 0, "{:?}", plan.refused().collect::<Vec<_>>());
    let n: usize = all.values().map(Vec::len).sum();
    assert_eq!(plan.summary().added, n);
    assert_eq!(plan.entries.len(), n);
    assert_eq!(plan.merged, all);
    assert_eq!(plan.changed.len(), all.len());
    assert_eq!(plan.person_iin, me());
    assert_eq!(plan.file_created_at, now());
    // The records come back as the typed records they were.
    let key: KeyFile = serde_json::from_value(plan.merged["keys"][0].data.clone()).unwrap();
    assert_eq!(key, key_file(&me(), 9));
    let app: submission::Submission =
        serde_json::from_value(plan.merged["apps"][0].data.clone()).unwrap();
    let SignatureRecord::Eds { signed } = &app.signature else { panic!("EDS") };
    assert_eq!(eds::verify(signed, &me(), now()), Ok(()));
    // The key is still sealed under its own password, and still opens.
    assert!(eds::sign(&key, "key password", &me(), &json!({}), now()).is_ok());
    // Importing the same file again adds nothing and keeps everything.
    let again = transfer::import(&file, PASS, &me(), &plan.merged).unwrap();
    assert_eq!(again.summary().kept, n);
    assert!(again.changed.is_empty());
    assert_eq!(again.merged, all);
}

#[test]
fn an_empty_bundle_round_trips() {
    let file = export(&bundle(Collections::new()));
    let plan = transfer::import(&file, PASS, &me(), &Collections::new()).unwrap();
    assert_eq!(plan.summary(), transfer::Summary::default());
    assert!(plan.merged.is_empty());
}

#[test]
fn the_file_is_self_describing_and_keeps_no_personal_data_in_clear() {
    let file = export(&bundle(collections()));
    let h = header(&file);
    assert_eq!(h["format"], "qujat-export");
    assert_eq!(h["version"], 1);
    assert_eq!(h["kdf"]["name"], "pbkdf2-sha256");
    assert_eq!(h["kdf"]["iterations"], IT);
    assert_eq!(h["cipher"]["name"], "aes-256-gcm");
    assert_eq!(base64::decode(h["kdf"]["salt"].as_str().unwrap()).unwrap().len(), 16);
    assert_eq!(base64::decode(h["cipher"]["nonce"].as_str().unwrap()).unwrap().len(), 12);
    let fields: Vec<&String> = h.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["check", "cipher", "ciphertext", "created_at", "format", "kdf", "version"]);
    assert!(!file.contains(&me()), "the IIN in clear");
    assert!(!file.contains("S2-"), "a reference in clear");
    assert!(!file.contains("applicant_iin"));
    // A fresh nonce and salt give another ciphertext for the same data.
    let other = transfer::export_with_iterations(
        &bundle(collections()),
        &me(),
        PASS,
        ([8; 16], [9; 12]),
        IT,
    )
    .unwrap();
    assert_ne!(header(&other)["ciphertext"], h["ciphertext"]);
    assert_eq!(transfer::read_header(&file).unwrap().kdf.iterations, IT);
}

#[test]
fn the_default_cost_is_owasps_and_the_import_bound_is_above_it() {
    const { assert!(transfer::DEFAULT_ITERATIONS >= 600_000) };
    const { assert!(transfer::MAX_ITERATIONS >= transfer::DEFAULT_ITERATIONS) };
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "600,000 PBKDF2 iterations take about 12 s in a debug build: run with --release, or --ignored"
)]
fn export_uses_the_default_cost_and_fresh_randomness() {
    let started = Instant::now();
    let file = transfer::export(&bundle(Collections::new()), &me(), PASS, RANDOM).unwrap();
    eprintln!(
        "export at {} iterations: {:?} ({} build)",
        transfer::DEFAULT_ITERATIONS,
        started.elapsed(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    assert_eq!(header(&file)["kdf"]["iterations"], 600_000);
    // A random salt and nonce from the platform.
    let a = transfer::export_random(&bundle(Collections::new()), &me(), PASS).unwrap();
    assert_ne!(header(&a)["kdf"]["salt"], header(&file)["kdf"]["salt"]);
}

#[test]
fn a_file_from_the_documented_format_opens() {
    let mine = collections();
    let file = sealed_bundle(value(&mine), &me());
    let plan = transfer::import(&file, PASS, &me(), &Collections::new()).unwrap();
    assert_eq!(plan.merged, mine);
    assert_eq!(plan.summary().refused, 0);
}

// ---------------------------------------------------------------------------
// Files refused: each with its own error, and no plan.

#[test]
fn a_wrong_or_empty_passphrase_is_its_own_error() {
    let file = export(&bundle(collections()));
    assert_eq!(
        transfer::import(&file, "correct horse battery!", &me(), &Collections::new()),
        Err(ImportError::WrongPassphrase)
    );
    assert_eq!(
        transfer::import(&file, "", &me(), &Collections::new()),
        Err(ImportError::EmptyPassphrase)
    );
}

#[test]
fn another_persons_file_or_bundle_is_refused() {
    let file = export(&bundle(collections()));
    assert_eq!(
        transfer::import(&file, PASS, OTHER, &Collections::new()),
        Err(ImportError::OtherPerson)
    );
    assert!(matches!(
        transfer::import(&file, PASS, "123", &Collections::new()),
        Err(ImportError::InvalidIin(_))
    ));
    assert_eq!(
        transfer::export_with_iterations(&bundle(collections()), OTHER, PASS, RANDOM, IT),
        Err(ExportError::OtherPerson)
    );
    // A file sealed for another person, opened by me.
    let theirs = sealed_bundle(json!({}), OTHER);
    assert_eq!(
        transfer::import(&theirs, PASS, &me(), &Collections::new()),
        Err(ImportError::OtherPerson)
    );
}

#[test]
fn a_truncated_file_is_corrupted_and_never_opens() {
    let file = export(&bundle(collections()));
    let marker = file.find("qujat-export").unwrap() + "qujat-export".len();
    let mut cuts: Vec<usize> = (0..file.len()).step_by(97).collect();
    cuts.extend([file.len() - 1, file.len() - 2, marker, marker + 1]);
    for cut in cuts {
        let Some(part) = file.get(..cut) else {
            continue;
        };
        let e = transfer::import(part, PASS, &me(), &Collections::new()).unwrap_err();
        if cut >= marker {
            assert_eq!(e, ImportError::Corrupted, "cut at {cut}");
        } else {
            assert!(
                matches!(e, ImportError::NotAnExport | ImportError::Corrupted),
                "cut at {cut}: {e:?}"
            );
        }
    }
}

#[test]
fn a_changed_header_or_ciphertext_is_refused() {
    let file = export(&bundle(collections()));
    let h = header(&file);
    let imp = |f: &str| transfer::import(f, PASS, &me(), &Collections::new()).unwrap_err();
    // The ciphertext, one character changed.
    let ct = h["ciphertext"].as_str().unwrap();
    let mut bytes = base64::decode(ct).unwrap();
    bytes[10] ^= 1;
    assert_eq!(
        imp(&with(&file, &["ciphertext"], base64::encode(&bytes).into())),
        ImportError::Corrupted
    );
    assert_eq!(imp(&with(&file, &["ciphertext"], "@@@@".into())), ImportError::Corrupted);
    assert_eq!(imp(&with(&file, &["ciphertext"], "AAAA".into())), ImportError::Corrupted);
    // Authenticated header fields: the date, the nonce.
    assert_eq!(
        imp(&with(&file, &["created_at"], "2030-01-01T00:00:00Z".into())),
        ImportError::Corrupted
    );
    assert_eq!(
        imp(&with(&file, &["cipher", "nonce"], base64::encode(&[0; 12]).into())),
        ImportError::Corrupted
    );
    assert_eq!(
        imp(&with(&file, &["cipher", "nonce"], base64::encode(&[0; 11]).into())),
        ImportError::Corrupted
    );
    // Fields that change the derived key look like a wrong passphrase:
    // without the right parameters the two cannot be told apart.
    for (path, v) in [
        (vec!["kdf", "iterations"], json!(IT + 1)),
        (vec!["kdf", "salt"], json!(base64::encode(&[0; 16]))),
        (vec!["check"], json!(base64::encode(&[0; 16]))),
    ] {
        assert_eq!(imp(&with(&file, &path, v)), ImportError::WrongPassphrase, "{path:?}");
    }
    // A field this version does not know.
    assert_eq!(imp(&with(&file, &["extra"], json!(1))), ImportError::Corrupted);
    assert_eq!(imp(&with(&file, &["kdf", "iterations"], json!(0))), ImportError::Corrupted);
    assert_eq!(imp(&with(&file, &["version"], json!(0))), ImportError::Corrupted);
    assert_eq!(imp(&with(&file, &["version"], json!("1"))), ImportError::Corrupted);
    assert_eq!(imp(&with(&file, &["version"], json!(2))), ImportError::NewerVersion { version: 2 });
    assert_eq!(
        imp(&with(&file, &["kdf", "name"], json!("argon2id"))),
        ImportError::UnsupportedAlgorithm
    );
    assert_eq!(
        imp(&with(&file, &["cipher", "name"], json!("chacha20-poly1305"))),
        ImportError::UnsupportedAlgorithm
    );
}

#[test]
fn a_hostile_iteration_count_is_refused_before_any_work() {
    let file = export(&bundle(Collections::new()));
    for iterations in [transfer::MAX_ITERATIONS + 1, u32::MAX] {
        let hostile = with(&file, &["kdf", "iterations"], json!(iterations));
        let started = Instant::now();
        assert_eq!(
            transfer::import(&hostile, PASS, &me(), &Collections::new()),
            Err(ImportError::TooCostly { iterations })
        );
        assert!(started.elapsed().as_millis() < 500);
    }
}

#[test]
fn foreign_files_are_not_exports() {
    let key = key_file(&me(), 1).to_file_string();
    let foreign = [
        "",
        "   ",
        "{}",
        "[]",
        "null",
        "\u{89}PNG\r\n\u{1a}\n",
        "QJ1.AAAA",
        r#"{"format":"something-else","version":1}"#,
        key.as_str(),
        r#"{"v":1,"rev":3,"data":{}}"#,
    ];
    for f in foreign {
        assert_eq!(
            transfer::import(f, PASS, &me(), &Collections::new()),
            Err(ImportError::NotAnExport),
            "{f:?}"
        );
    }
    let huge = " ".repeat(transfer::FILE_MAX + 1);
    assert_eq!(
        transfer::import(&huge, PASS, &me(), &Collections::new()),
        Err(ImportError::TooLarge { bytes: transfer::FILE_MAX + 1 })
    );
    // Decrypts, but is not a bundle inside.
    let not_a_bundle = reference_seal(b"[1,2,3]", PASS, IT);
    assert_eq!(
        transfer::import(&not_a_bundle, PASS, &me(), &Collections::new()),
        Err(ImportError::Corrupted)
    );
}

#[test]
fn every_error_has_a_stable_code_and_a_message() {
    let errors = [
        ImportError::NotAnExport,
        ImportError::Corrupted,
        ImportError::NewerVersion { version: 2 },
        ImportError::UnsupportedAlgorithm,
        ImportError::TooCostly { iterations: 1 },
        ImportError::TooLarge { bytes: 1 },
        ImportError::EmptyPassphrase,
        ImportError::WrongPassphrase,
        ImportError::OtherPerson,
    ];
    let codes: std::collections::BTreeSet<&str> = errors.iter().map(ImportError::code).collect();
    assert_eq!(codes.len(), errors.len());
    for e in &errors {
        assert!(!e.to_string().is_empty());
    }
    for e in [
        ExportError::OtherPerson,
        ExportError::WeakPassphrase,
        ExportError::TooLarge,
        ExportError::Random,
    ] {
        assert!(!e.to_string().is_empty() && !e.code().is_empty());
    }
}

// ---------------------------------------------------------------------------
// Export refusals.

#[test]
fn only_the_persons_own_records_leave_and_the_passphrase_is_not_trivial() {
    assert_eq!(
        transfer::export_with_iterations(&bundle(collections()), &me(), "short", RANDOM, IT),
        Err(ExportError::WeakPassphrase)
    );
    let cases = [
        ("apps", record("x", 0, json!({ "applicant_iin": OTHER })), Refused::OtherPerson),
        ("keys", value_key_file_of(OTHER), Refused::OtherPerson),
        ("tickets", record("x", 0, json!({ "iin": OTHER })), Refused::OtherPerson),
        (
            "complaints",
            record("x", 0, json!({ "signature": { "signer_iin": OTHER } })),
            Refused::OtherPerson,
        ),
        ("Bad Name", record("x", 0, json!({})), Refused::BadCollection),
        ("apps", record("", 0, json!({})), Refused::BadId),
        ("apps", record("a\nb", 0, json!({})), Refused::BadId),
    ];
    for (collection, r, why) in cases {
        let b = bundle(BTreeMap::from([(collection.to_string(), vec![r.clone()])]));
        assert_eq!(
            transfer::export_with_iterations(&b, &me(), PASS, RANDOM, IT),
            Err(ExportError::Record { collection: collection.into(), id: r.id.clone(), why })
        );
    }
    let twice = bundle(BTreeMap::from([(
        "apps".to_string(),
        vec![record("x", 0, json!({})), record("x", 1, json!({}))],
    )]));
    assert!(matches!(
        transfer::export_with_iterations(&twice, &me(), PASS, RANDOM, IT),
        Err(ExportError::Record { why: Refused::DuplicateInFile, .. })
    ));
    // The IIN as typed, with spaces, is the same person.
    let spaced: String = me()
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i % 3 == 0 && i > 0).then_some(' ').into_iter().chain([c]))
        .collect();
    let mut b = bundle(Collections::new());
    b.person_iin = spaced.clone();
    assert!(transfer::export_with_iterations(&b, &spaced, PASS, RANDOM, IT).is_ok());
}

fn value_key_file_of(iin: &str) -> Record {
    let k = key_file(iin, 4);
    record(&k.certificate.serial, 0, value(&k))
}

// ---------------------------------------------------------------------------
// Records refused at import, while the others merge.

#[test]
fn records_whose_signatures_fail_are_refused_and_listed() {
    let all = collections();
    let mut apps = all["apps"].clone();
    // An EDS-signed application whose document changed after signing.
    let mut changed_doc = apps[0].clone();
    changed_doc.id = "changed-document".into();
    changed_doc.data["document"]["answers"]["year"] = "1999".into();
    // …or whose signed copy changed too: the signature fails.
    let mut changed_both = changed_doc.clone();
    changed_both.id = "changed-signed".into();
    changed_both.data["signature"]["signed"]["document"] = changed_both.data["document"].clone();
    // An SMS-signed application whose document changed.
    let mut otp_changed = apps[1].clone();
    otp_changed.id = "otp-changed".into();
    otp_changed.data["document"]["answers"]["year"] = "1999".into();
    // Signed by someone else's key (no owner field says so).
    let theirs = key_file(OTHER, 5);
    let signed = eds::sign(&theirs, "key password", OTHER, &json!({"a": 1}), now()).unwrap();
    let by_other =
        record("by-other", 0, json!({ "signature": { "method": "eds", "signed": signed } }));
    let unknown = record("unknown", 0, json!({ "signature": { "method": "fax" } }));
    let garbage_sig =
        record("garbage", 0, json!({ "signature": { "method": "eds", "signed": 42 } }));
    apps.extend([changed_doc, changed_both, otp_changed, by_other, unknown, garbage_sig]);

    // A key file whose certificate was edited (the name), and one that is
    // not a key file at all.
    let mut keys = all["keys"].clone();
    let mut forged = keys[0].clone();
    forged.id = "forged".into();
    forged.data["certificate"]["owner_name"] = "Someone Else".into();
    let mut broken = keys[0].clone();
    broken.id = "broken".into();
    broken.data["encrypted_private_key"]["salt_hex"] = "zz".into();
    keys.extend([forged, broken]);

    // A receipt changed, and one of another holder.
    let mut receipts = all["receipts"].clone();
    let code = receipts[0].data["receipt_code"].as_str().unwrap().to_string();
    let mut b = base32_bytes(&code);
    b[12] ^= 1;
    receipts.push(record("altered", 0, json!({ "receipt_code": code_of(&b) })));
    let theirs_receipt = receipt::issue(
        &Statement {
            reference: "S2-250320-OTHER1".into(),
            service: ServiceId::S2,
            channel: Channel::Portal,
            holder: Holder::of_iin(OTHER).unwrap(),
            issued_at: now(),
            what: What::Acceptance { due: d("2025-04-10") },
        },
        "portal",
    )
    .unwrap();
    receipts.push(record("theirs", 0, json!({ "receipt_code": theirs_receipt.code })));
    receipts.push(record("not-text", 0, json!({ "receipt_code": 5 })));

    let mut mine = all.clone();
    mine.insert("apps".into(), apps);
    mine.insert("keys".into(), keys);
    mine.insert("receipts".into(), receipts);
    let plan = transfer::import(&export(&bundle(mine)), PASS, &me(), &Collections::new()).unwrap();

    let refused: BTreeMap<String, Refused> =
        plan.refused().map(|(e, r)| (e.id.clone(), r.clone())).collect();
    let expected = BTreeMap::from([
        ("changed-document".to_string(), Refused::DocumentChanged),
        ("changed-signed".to_string(), Refused::Signature { code: "sign-tampered" }),
        ("otp-changed".to_string(), Refused::DocumentChanged),
        ("by-other".to_string(), Refused::OtherPerson),
        ("unknown".to_string(), Refused::UnknownSignature),
        ("garbage".to_string(), Refused::Signature { code: "sign-corrupt" }),
        ("forged".to_string(), Refused::KeyFile { code: "sign-bad-certificate" }),
        ("broken".to_string(), Refused::KeyFile { code: "sign-corrupt" }),
        ("altered".to_string(), Refused::Receipt { code: "receipt-altered" }),
        ("theirs".to_string(), Refused::OtherPerson),
        ("not-text".to_string(), Refused::Receipt { code: "receipt-malformed" }),
    ]);
    assert_eq!(refused, expected);
    // Everything genuine still merged; nothing refused is in the plan.
    let n: usize = all.values().map(Vec::len).sum();
    assert_eq!(plan.summary().added, n);
    assert_eq!(plan.summary().refused, expected.len());
    assert_eq!(plan.merged, all);
    for r in refused.values() {
        assert!(!r.to_string().is_empty() && !r.code().is_empty());
    }
}

#[test]
fn hand_made_files_with_foreign_records_are_refused_record_by_record() {
    // Only a hand-made file can hold these: export refuses them.
    let file = sealed_bundle(
        json!({
            "apps": [
                { "id": "ok", "rev": 1, "data": { "applicant_iin": me() } },
                { "id": "ok", "rev": 2, "data": { "applicant_iin": me() } },
                { "id": "theirs", "rev": 1, "data": { "applicant_iin": OTHER } },
                { "id": "", "rev": 1, "data": {} }
            ],
            "BAD": [ { "id": "x", "rev": 1, "data": {} } ]
        }),
        &me(),
    );
    let plan = transfer::import(&file, PASS, &me(), &Collections::new()).unwrap();
    let outcomes: Vec<(&str, &str, &Outcome)> =
        plan.entries.iter().map(|e| (e.collection.as_str(), e.id.as_str(), &e.outcome)).collect();
    assert_eq!(
        outcomes,
        [
            ("BAD", "x", &Outcome::Refused(Refused::BadCollection)),
            ("apps", "ok", &Outcome::Added),
            ("apps", "ok", &Outcome::Refused(Refused::DuplicateInFile)),
            ("apps", "theirs", &Outcome::Refused(Refused::OtherPerson)),
            ("apps", "", &Outcome::Refused(Refused::BadId)),
        ]
    );
    assert_eq!(plan.merged.keys().collect::<Vec<_>>(), ["apps"]);
    assert_eq!(plan.merged["apps"], vec![record("ok", 1, json!({ "applicant_iin": me() }))]);
}

fn base32_bytes(code: &str) -> Vec<u8> {
    qujat::engine::codec::base32::decode(code.strip_prefix("QJ1.").unwrap()).unwrap()
}

fn code_of(bytes: &[u8]) -> String {
    format!("QJ1.{}", qujat::engine::codec::base32::encode(bytes))
}

// ---------------------------------------------------------------------------
// The merge by revision.

#[test]
fn the_merge_never_overwrites_a_newer_or_equal_local_record() {
    // Each record: its id, its revision and value on this device, and in
    // the file.
    let cases: [(&str, Side, Side); 6] = [
        ("new", None, Some((1, "file"))),
        ("local-only", Some((0, "local")), None),
        ("older-here", Some((4, "local")), Some((5, "file"))),
        ("newer-here", Some((7, "local")), Some((2, "file"))),
        ("same", Some((3, "same")), Some((3, "same"))),
        ("conflict", Some((3, "local")), Some((3, "file"))),
    ];
    let local = records(cases.iter().map(|c| (c.0, c.1)));
    let file_records = records(cases.iter().map(|c| (c.0, c.2)));
    let existing = BTreeMap::from([
        ("drafts".to_string(), local.clone()),
        ("untouched".to_string(), vec![record("u", 9, json!(null))]),
    ]);
    let file = export(&bundle(BTreeMap::from([("drafts".to_string(), file_records)])));
    let plan = transfer::import(&file, PASS, &me(), &existing).unwrap();
    let outcomes: Vec<(&str, &Outcome)> =
        plan.entries.iter().map(|e| (e.id.as_str(), &e.outcome)).collect();
    assert_eq!(
        outcomes,
        [
            ("new", &Outcome::Added),
            ("older-here", &Outcome::Updated { local: 4, file: 5 }),
            ("newer-here", &Outcome::Kept { local: 7, file: 2, differs: false }),
            ("same", &Outcome::Kept { local: 3, file: 3, differs: false }),
            ("conflict", &Outcome::Kept { local: 3, file: 3, differs: true }),
        ]
    );
    assert_eq!(plan.summary(), transfer::Summary { added: 1, updated: 1, kept: 3, refused: 0 });
    // The device's order stays; the new record comes last.
    let merged = &plan.merged["drafts"];
    let ids: Vec<&str> = merged.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["local-only", "older-here", "newer-here", "same", "conflict", "new"]);
    let v = |id: &str| merged.iter().find(|r| r.id == id).unwrap().data["v"].clone();
    assert_eq!(v("older-here"), "file");
    assert_eq!(v("newer-here"), "local");
    assert_eq!(v("conflict"), "local");
    assert_eq!(v("local-only"), "local");
    assert_eq!(plan.merged["untouched"], existing["untouched"]);
    assert_eq!(plan.changed.iter().collect::<Vec<_>>(), ["drafts"]);
    // The plan is only a plan: the caller's records are as they were.
    assert_eq!(existing["drafts"], local);
}

// ---------------------------------------------------------------------------
// Never a panic.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_answered_without_a_panic(text in "\\PC{0,400}") {
        prop_assert!(transfer::import(&text, PASS, &me(), &Collections::new()).is_err());
    }
}

/// Mutations of a genuine file: one changed, inserted or deleted byte
/// anywhere. The result is an error, or (a change in the JSON's layout,
/// such as a space) exactly the genuine plan; never a panic, never other
/// data.
#[test]
fn fuzz_mutations_of_a_genuine_file() {
    let b = bundle(BTreeMap::from([(
        "drafts".to_string(),
        vec![record("d", 1, json!({ "applicant_iin": me(), "x": "y" }))],
    )]));
    let file = export(&b);
    let genuine = transfer::import(&file, PASS, &me(), &Collections::new()).unwrap();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pool = b" \n{}[]\":,0123456789abcdefABCDEF+/=-xqujat";
    let mut errors = 0;
    for _ in 0..400 {
        let mut bytes = file.clone().into_bytes();
        let i = (next() % bytes.len() as u64) as usize;
        let c = pool[(next() % pool.len() as u64) as usize];
        match next() % 3 {
            0 => bytes[i] = c,
            1 => bytes.insert(i, c),
            _ => {
                bytes.remove(i);
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        match transfer::import(&text, PASS, &me(), &Collections::new()) {
            Ok(plan) => assert_eq!(plan, genuine, "{text}"),
            Err(_) => errors += 1,
        }
    }
    assert!(errors > 200);
}
