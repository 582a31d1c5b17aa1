//! Receipts anyone can verify offline (`engine::receipt`): the issuer list
//! held to its key rule and to the registry; a genuine receipt of each kind
//! verifies and says what was signed; a tampered, a foreign and a
//! malformed one are each refused with their own error; no input makes
//! `verify` panic (proptest and a mutation loop); and the size of each
//! kind's code and QR code.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;
use proptest::prelude::*;

use qujat::engine::application::{Reason, Refusal};
use qujat::engine::codec::base32;
use qujat::engine::complaint::{self, Action, Addressee, ComplaintDraft, Registration, Subject};
use qujat::engine::identity::registry;
use qujat::engine::queue::{self, Purpose, TicketRequest, Tickets};
use qujat::engine::receipt::{
    self, EncodeError, Holder, IssueError, IssuerKind, Kind, Malformed, Statement, VerifyError,
    What, from, issuer, qr, statement,
};
use qujat::engine::service::ServiceId;
use qujat::engine::source::Lang;
use qujat::engine::submission;
use qujat::engine::term::{Channel, ClockTime};
use qujat::engine::visit;

mod common;
use common::people::{KIM, SULTANOVA as IIN, ZHAKSYLYKOV};
use common::{at, cal, d};

fn statement(what: What) -> Statement {
    Statement {
        reference: "S2-250320-23Y2H9".into(),
        service: ServiceId::S2,
        channel: Channel::StateCorporation,
        holder: Holder::of_iin(IIN).unwrap(),
        issued_at: at("2025-03-20T10:00:00+05:00"),
        what,
    }
}

/// One genuine statement of each kind, with a realistic reference and an
/// issuer that may sign it.
fn one_of_each() -> Vec<(Statement, &'static str)> {
    vec![
        (
            Statement {
                channel: Channel::Portal,
                ..statement(What::Acceptance { due: d("2025-04-10") })
            },
            "portal",
        ),
        (
            Statement {
                service: ServiceId::S3,
                reference: "HV-20250320-100000-V1".into(),
                ..statement(What::Refusal {
                    grounds: vec!["incomplete-package".into()],
                    missing: vec!["application".into(), "identity".into()],
                })
            },
            "sc:almaty-medeu",
        ),
        (
            Statement {
                service: ServiceId::S3,
                reference: "Q-20250321-0001".into(),
                ..statement(What::BookingTicket {
                    purpose: Purpose::HandIn,
                    date: d("2025-03-21"),
                    start: ClockTime::parse("10:00").unwrap(),
                    end: ClockTime::parse("10:15").unwrap(),
                })
            },
            "sc:kaskelen-karasai",
        ),
        (
            Statement {
                reference: "Ж-2025-000123".into(),
                channel: Channel::Portal,
                ..statement(What::ComplaintRegistration {
                    addressee: Addressee::ProviderHead,
                    due: d("2025-03-27"),
                })
            },
            "org:almaty-gymnasium-25",
        ),
    ]
}

fn bytes_of(code: &str) -> Vec<u8> {
    base32::decode(code.strip_prefix(receipt::PREFIX).unwrap()).unwrap()
}

fn code_of(bytes: &[u8]) -> String {
    format!("{}{}", receipt::PREFIX, base32::encode(bytes))
}

/// A deterministic xorshift, for the mutation loop and foreign keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn key(&mut self) -> SigningKey {
        let mut seed = [0u8; 32];
        for b in &mut seed {
            *b = self.next() as u8;
        }
        SigningKey::from_bytes(&seed)
    }
}

// ---------------------------------------------------------------------------
// The issuer list.

#[test]
fn every_public_key_is_the_one_the_demo_rule_gives() {
    let data = issuer::parse(issuer::embedded()).unwrap();
    assert!(!data.issuer.is_empty());
    for i in &data.issuer {
        assert_eq!(
            i.public_key,
            issuer::demo_signing_key(&i.id).verifying_key().to_bytes(),
            "{}: public_key is not the demo key of its id",
            i.id
        );
    }
}

#[test]
fn ids_and_key_ids_are_unique_and_places_exist() {
    let all = issuer::issuers();
    let ids: BTreeSet<&str> = all.iter().map(|i| i.id.as_str()).collect();
    let key_ids: BTreeSet<[u8; 4]> = all.iter().map(|i| i.key_id()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate issuer id");
    assert_eq!(key_ids.len(), all.len(), "duplicate key id");
    for i in all {
        assert!(i.name.is_complete(), "{}: name in kk, ru and en", i.id);
        assert!(!i.issues.is_empty(), "{} issues nothing", i.id);
        match i.kind {
            IssuerKind::Portal => {
                assert_eq!(i.id, "portal");
                assert!(i.office.is_none() && i.organisation.is_none());
                assert!(!i.may_issue(Kind::BookingTicket));
            }
            IssuerKind::StateCorporation => {
                let office = i.office.as_deref().unwrap();
                assert_eq!(i.id, format!("sc:{office}"));
                assert!(queue::office(office).is_some(), "{}: no such office", i.id);
                assert!(i.organisation.is_none());
            }
            IssuerKind::Provider => {
                let org = i.organisation.as_deref().unwrap();
                assert_eq!(i.id, format!("org:{org}"));
                let o = registry::organisation(org).unwrap_or_else(|| panic!("{}", i.id));
                assert!(!o.liquidated, "{}: a liquidated provider issues nothing", i.id);
                assert!(!i.may_issue(Kind::BookingTicket));
            }
        }
    }
    assert!(issuer::data().demo.note.is_complete());
}

#[test]
fn every_office_and_provider_can_sign_and_every_kind_has_an_issuer() {
    assert!(issuer::portal().is_some());
    for o in queue::offices() {
        let i = issuer::of_office(&o.id).unwrap_or_else(|| panic!("office {}", o.id));
        assert!(i.may_issue(Kind::BookingTicket));
    }
    for o in registry::organisations().iter().filter(|o| !o.liquidated) {
        assert!(issuer::of_organisation(&o.id).is_some(), "{}", o.id);
    }
    for k in Kind::ALL {
        assert!(issuer::issuers().iter().any(|i| i.may_issue(k)), "{k:?}");
    }
    assert_eq!(issuer::by_key_id([0; 4]), None);
}

// ---------------------------------------------------------------------------
// Genuine receipts.

#[test]
fn a_genuine_receipt_of_each_kind_verifies_and_says_what_was_signed() {
    for (s, by) in one_of_each() {
        let signed = receipt::issue(&s, by).unwrap();
        assert_eq!(signed.statement, s);
        assert_eq!(signed.issuer, by);
        let ok = receipt::verify(&signed.code).unwrap_or_else(|e| panic!("{by}: {e}"));
        assert_eq!(ok.statement, s);
        assert_eq!(ok.issuer.id, by);
        assert_eq!(ok.statement.kind(), s.kind());
        // As scanned by a reader that lower-cases, or pasted with spaces.
        let sloppy = format!("  {}\n", signed.code.to_lowercase());
        assert_eq!(receipt::verify(&sloppy).unwrap(), ok);
        // Issuing is deterministic: the same statement, the same code.
        assert_eq!(receipt::issue(&s, by).unwrap().code, signed.code);
    }
}

#[test]
fn the_holder_is_the_last_four_digits_only() {
    let h = Holder::of_iin("850 314 401 018").unwrap();
    assert_eq!(h.last_four, 1018);
    assert_eq!(h.masked(), "••••••••1018");
    assert!(h.matches(IIN));
    assert!(!h.matches(ZHAKSYLYKOV));
    assert!(!h.matches("not an iin"));
    assert!(Holder::of_iin("850314401019").is_err(), "bad check digit");
    // Nothing else of the IIN is in the code: no birth date digits.
    let signed = receipt::issue(&one_of_each()[0].0, "portal").unwrap();
    let bytes = bytes_of(&signed.code);
    assert!(!bytes.windows(6).any(|w| w == b"850314"));
}

#[test]
fn a_time_is_kept_to_the_second() {
    let mut s = one_of_each().remove(0).0;
    s.issued_at += chrono::TimeDelta::milliseconds(750);
    let signed = receipt::issue(&s, "portal").unwrap();
    assert_eq!(signed.statement.issued_at, at("2025-03-20T10:00:00+05:00"));
    assert_eq!(receipt::verify(&signed.code).unwrap().statement, signed.statement);
}

// ---------------------------------------------------------------------------
// Statements from the portal's records.

#[test]
fn receipts_from_submissions_accepted_and_refused() {
    let now = at("2025-03-20T10:00:00+05:00");
    // The portal refuses nothing (issue 11): every filed application is
    // accepted; a refusal recorded by an earlier release still gets its
    // receipt with its grounds.
    for (reason, refused_earlier) in [(Reason::Lost, false), (Reason::Damaged, true)] {
        let draft = common::s2_draft(reason, None);
        let sig = common::otp_signature(&draft, now);
        let mut sub = submission::submit(&draft, sig, now, [1, 2, 3, 4, 5, 6]).unwrap();
        assert!(sub.is_accepted());
        if refused_earlier {
            sub.outcome =
                submission::Outcome::Refused { grounds: vec![Refusal::IncompletePackage] };
        }
        let s = from::submission(&sub).unwrap();
        assert_eq!(s.reference, sub.reference);
        assert!(s.holder.matches(&sub.applicant_iin));
        match (&s.what, &sub.outcome) {
            (What::Acceptance { due }, submission::Outcome::Accepted { due: d, .. }) => {
                assert!(!refused_earlier);
                assert_eq!(due, d)
            }
            (What::Refusal { grounds, missing }, submission::Outcome::Refused { .. }) => {
                assert!(refused_earlier);
                assert_eq!(grounds, &vec!["incomplete-package".to_string()]);
                assert!(missing.is_empty());
            }
            other => panic!("{other:?}"),
        }
        let signed = receipt::issue(&s, "portal").unwrap();
        assert_eq!(receipt::verify(&signed.code).unwrap().statement, s);
    }
}

#[test]
fn receipts_from_a_ticket_a_complaint_and_a_home_visit() {
    // A ticket, signed by its office.
    let now = at("2025-03-18T10:00:00+05:00");
    let req = TicketRequest {
        service: ServiceId::S3,
        purpose: Purpose::HandIn,
        office: "kaskelen-karasai".into(),
        date: d("2025-03-19"),
        start: ClockTime::parse("10:00").unwrap(),
        iin: KIM.into(),
        provider: queue::ProviderPlace::of_id("almaty-college-service"),
        situations: vec![],
    };
    let ticket = Tickets::default().book(0, &req, now).unwrap();
    let s = from::ticket(&ticket).unwrap();
    let by = issuer::of_office(&ticket.office).unwrap();
    let v = receipt::verify(&receipt::issue(&s, &by.id).unwrap().code).unwrap();
    assert_eq!(v.issuer.id, "sc:kaskelen-karasai");
    assert!(
        matches!(v.statement.what, What::BookingTicket { date, .. } if date == d("2025-03-19"))
    );

    // A complaint: none before registration, then its due date.
    let draft = ComplaintDraft {
        service: ServiceId::S1,
        application_ref: None,
        addressee: Addressee::ProviderHead,
        subject: Subject::Inaction,
        text: "Not ready on the due date.".into(),
        surname: "Ахметова".into(),
        name: "Айгерім".into(),
        patronymic: None,
        postal_address: "Өскемен қ., Абай даңғылы, 10-12".into(),
        phone: "+7 701 234 56 78".into(),
    };
    let filed_at = at("2025-03-20T10:00:00+05:00");
    let mut c = complaint::file(draft, serde_json::json!({}), filed_at, [9; 8], None).unwrap();
    assert_eq!(from::complaint(&c, IIN), Err(from::NoReceipt::NotYet));
    let reg = Registration {
        incoming_number: "12".into(),
        registered_by: "Серікова Д. М.".into(),
        place: "Кеңсе".into(),
    };
    c.apply(Action::Register(reg), filed_at, cal()).unwrap();
    let s = from::complaint(&c, IIN).unwrap();
    assert!(
        matches!(s.what, What::ComplaintRegistration { due, .. } if Some(due) == c.due.as_ref().map(|m| m.date))
    );
    assert!(matches!(from::complaint(&c, "123"), Err(from::NoReceipt::Iin(_))));
    let v = receipt::verify(&receipt::issue(&s, "portal").unwrap().code).unwrap();
    assert_eq!(v.statement.reference, c.reference);

    // A home visit: acceptance with every document, refusal without.
    let today = d("2026-11-23");
    for tick_all in [true, false] {
        let mut visit = visit::seed_visits(today).remove(0);
        assert_eq!(from::visit(&visit), Err(from::NoReceipt::NotYet));
        visit.confirm_identity();
        // S2 without a digital document sets no consent step (F001 L26):
        // the visit goes straight to the package.
        assert_eq!(visit.consent_step(), visit::ConsentStep::None);
        assert_eq!(
            visit
                .give_consent(visit::Consent::Otp { verified_at: at("2026-11-23T10:00:00+05:00") }),
            Err(visit::VisitError::WrongStep)
        );
        if tick_all {
            for doc in visit.required() {
                visit.set_checked(&doc.id, true);
            }
        }
        visit.finish(at("2026-11-23T10:05:00+05:00")).unwrap();
        let s = from::visit(&visit).unwrap();
        assert_eq!(s.channel, Channel::StateCorporation);
        match &s.what {
            What::Acceptance { .. } => assert!(tick_all),
            What::Refusal { missing, .. } => {
                assert!(!tick_all);
                assert_eq!(missing, &visit.missing());
            }
            other => panic!("{other:?}"),
        }
        let v = receipt::verify(&receipt::issue(&s, "sc:almaty-medeu").unwrap().code).unwrap();
        assert_eq!(v.statement, s);
    }
}

// ---------------------------------------------------------------------------
// Refusals, each with its own error.

#[test]
fn a_changed_byte_of_the_statement_is_altered() {
    for (s, by) in one_of_each() {
        let bytes = bytes_of(&receipt::issue(&s, by).unwrap().code);
        let n = usize::from(bytes[0]);
        // Every byte of the body (after the length and the key id), each
        // bit once over the positions, and every fifth byte of the
        // signature (a debug build verifies slowly).
        for i in (5..1 + n).chain((1 + n..bytes.len()).step_by(5)) {
            let flip = 1u8 << (i % 8);
            let mut t = bytes.clone();
            t[i] ^= flip;
            assert_eq!(
                receipt::verify(&code_of(&t)),
                Err(VerifyError::Altered { issuer: by.into() }),
                "{by}: byte {i} ^ {flip:#x}"
            );
        }
    }
}

#[test]
fn a_changed_key_id_is_an_unknown_issuer_and_a_changed_length_is_malformed() {
    let (s, by) = one_of_each().remove(1);
    let bytes = bytes_of(&receipt::issue(&s, by).unwrap().code);
    for i in 1..5 {
        let mut t = bytes.clone();
        t[i] ^= 0x55;
        assert!(matches!(receipt::verify(&code_of(&t)), Err(VerifyError::UnknownIssuer { .. })));
    }
    for delta in [1u8, 0xff] {
        let mut t = bytes.clone();
        t[0] = t[0].wrapping_add(delta);
        assert_eq!(receipt::verify(&code_of(&t)), Err(VerifyError::Malformed(Malformed::Length)));
    }
}

#[test]
fn a_receipt_signed_by_a_key_not_in_the_list_is_an_unknown_issuer() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (s, _) in one_of_each() {
        let key = rng.key();
        let code = receipt::encode_with_key(&s, &key).unwrap();
        let e = receipt::verify(&code).unwrap_err();
        assert_eq!(
            e,
            VerifyError::UnknownIssuer { key_id: issuer::key_id(&key.verifying_key().to_bytes()) }
        );
        assert_eq!(e.code(), "receipt-unknown-issuer");
        // The forger names a listed issuer's key id with their own key:
        // the signature does not verify under the listed key.
        let mut bytes = bytes_of(&code);
        let portal = issuer::portal().unwrap();
        bytes[1..5].copy_from_slice(&portal.key_id());
        let e = receipt::verify(&code_of(&bytes)).unwrap_err();
        assert_eq!(e, VerifyError::Altered { issuer: "portal".into() });
        assert_eq!(e.code(), "receipt-altered");
    }
}

#[test]
fn a_listed_issuer_signing_what_it_does_not_issue_is_not_allowed() {
    let ticket = one_of_each().remove(2).0;
    // `issue` refuses it up front…
    assert_eq!(
        receipt::issue(&ticket, "portal"),
        Err(IssueError::NotAllowed { issuer: "portal".into(), kind: Kind::BookingTicket })
    );
    assert_eq!(
        receipt::issue(&ticket, "org:almaty-gymnasium-25").unwrap_err(),
        IssueError::NotAllowed {
            issuer: "org:almaty-gymnasium-25".into(),
            kind: Kind::BookingTicket
        }
    );
    // …and a code made with the portal's (published) demo key anyway is
    // genuine but refused.
    let code = receipt::encode_with_key(&ticket, &issuer::demo_signing_key("portal")).unwrap();
    let e = receipt::verify(&code).unwrap_err();
    assert_eq!(e, VerifyError::NotAllowed { issuer: "portal".into(), kind: Kind::BookingTicket });
    assert_eq!(e.code(), "receipt-not-allowed");
}

#[test]
fn malformed_codes_are_refused_as_malformed() {
    let (s, by) = one_of_each().remove(0);
    let code = receipt::issue(&s, by).unwrap().code;
    let m = |t: &str| receipt::verify(t).unwrap_err();
    assert_eq!(m(""), VerifyError::Malformed(Malformed::Empty));
    assert_eq!(m(" \n\t "), VerifyError::Malformed(Malformed::Empty));
    assert_eq!(m("S2-250320-23Y2H9"), VerifyError::Malformed(Malformed::NotAReceipt));
    assert_eq!(m("https://egov.kz/"), VerifyError::Malformed(Malformed::NotAReceipt));
    assert_eq!(m("QJ1"), VerifyError::Malformed(Malformed::NotAReceipt));
    assert_eq!(
        m(&code.replacen("QJ1.", "QJ2.", 1)),
        VerifyError::Malformed(Malformed::OtherVersion)
    );
    assert_eq!(m("QJ1."), VerifyError::Malformed(Malformed::Length));
    assert_eq!(m("QJ1.AAAA!AAA"), VerifyError::Malformed(Malformed::Encoding));
    assert_eq!(m("QJ1.Ж"), VerifyError::Malformed(Malformed::Encoding));
    assert_eq!(m(&format!("{code}AAAAAAAA")), VerifyError::Malformed(Malformed::Length));
    assert_eq!(m(&format!("{code} {code}")), VerifyError::Malformed(Malformed::Encoding));
    // Huge: refused before it is decoded.
    let huge = format!("QJ1.{}", "A".repeat(1 << 20));
    assert_eq!(m(&huge), VerifyError::Malformed(Malformed::TooLong));
    assert_eq!(m(&"x".repeat(receipt::TEXT_MAX + 1)), VerifyError::Malformed(Malformed::TooLong));
    // Cut off anywhere: never genuine, always malformed.
    for cut in 0..code.len() {
        let e = m(&code[..cut]);
        assert!(matches!(e, VerifyError::Malformed(_)), "cut at {cut}: {e:?}");
        assert_eq!(e.code(), "receipt-malformed");
    }
    // Signed by a listed key, but not a statement: a body of one byte.
    let key = issuer::demo_signing_key("portal");
    let mut bytes = vec![5u8];
    bytes.extend_from_slice(&issuer::portal().unwrap().key_id());
    bytes.push(0x09);
    let mut msg = b"QJ1".to_vec();
    msg.extend_from_slice(&bytes);
    use ed25519_dalek::Signer;
    bytes.extend_from_slice(&key.sign(&msg).to_bytes());
    assert_eq!(m(&code_of(&bytes)), VerifyError::Malformed(Malformed::Payload));
}

#[test]
fn every_error_has_a_stable_code_and_a_message() {
    let errors = [
        VerifyError::Malformed(Malformed::Empty),
        VerifyError::UnknownIssuer { key_id: [1, 2, 3, 4] },
        VerifyError::Altered { issuer: "portal".into() },
        VerifyError::NotAllowed { issuer: "portal".into(), kind: Kind::BookingTicket },
    ];
    let codes: BTreeSet<&str> = errors.iter().map(VerifyError::code).collect();
    assert_eq!(codes.len(), errors.len());
    for e in &errors {
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(errors[1].to_string(), "signed by an unknown key 01020304");
}

#[test]
fn statements_that_cannot_be_issued_are_refused_with_a_reason() {
    let base = one_of_each();
    let (acc, _) = &base[0];
    assert_eq!(
        receipt::issue(acc, "sc:nowhere"),
        Err(IssueError::UnknownIssuer("sc:nowhere".into()))
    );
    let bad_ref = Statement { reference: String::new(), ..acc.clone() };
    assert_eq!(
        receipt::issue(&bad_ref, "portal"),
        Err(IssueError::Encode(EncodeError::BadReference))
    );
    let long_ref = Statement { reference: "R".repeat(65), ..acc.clone() };
    assert_eq!(
        receipt::issue(&long_ref, "portal"),
        Err(IssueError::Encode(EncodeError::BadReference))
    );
    let refusal = |grounds: Vec<&str>, missing: Vec<&str>| Statement {
        what: What::Refusal {
            grounds: grounds.into_iter().map(String::from).collect(),
            missing: missing.into_iter().map(String::from).collect(),
        },
        ..acc.clone()
    };
    assert_eq!(
        receipt::issue(&refusal(vec!["no-such-ground"], vec![]), "portal"),
        Err(IssueError::NotInCatalogue("no-such-ground".into()))
    );
    assert_eq!(
        receipt::issue(&refusal(vec![], vec!["no-such-document"]), "portal"),
        Err(IssueError::NotInCatalogue("no-such-document".into()))
    );
    assert_eq!(
        receipt::issue(&refusal(vec![], vec![]), "portal"),
        Err(IssueError::Encode(EncodeError::BadIdCount))
    );
    let slot = Statement {
        what: What::BookingTicket {
            purpose: Purpose::Collect,
            date: d("2025-03-21"),
            start: ClockTime::parse("10:15").unwrap(),
            end: ClockTime::parse("10:15").unwrap(),
        },
        ..acc.clone()
    };
    assert_eq!(
        receipt::issue(&slot, "sc:almaty-medeu"),
        Err(IssueError::Encode(EncodeError::BadSlot))
    );
    let ancient = Statement { issued_at: "1969-12-31T23:59:59Z".parse().unwrap(), ..acc.clone() };
    assert_eq!(
        receipt::issue(&ancient, "portal"),
        Err(IssueError::Encode(EncodeError::OutOfRange))
    );
    for e in [
        IssueError::UnknownIssuer("x".into()),
        IssueError::NotInCatalogue("x".into()),
        IssueError::TooLong,
        IssueError::Encode(EncodeError::BadId("X".into())),
    ] {
        assert!(!e.to_string().is_empty());
    }
}

// ---------------------------------------------------------------------------
// Never a panic, never a false "genuine".

/// Mutates genuine codes at random (substitute, insert, delete, swap,
/// cut), in the text and in the decoded bytes: every result that differs
/// from the original is refused, and nothing panics.
#[test]
fn fuzz_mutations_of_genuine_codes_are_never_accepted() {
    let codes: Vec<String> =
        one_of_each().iter().map(|(s, by)| receipt::issue(s, by).unwrap().code).collect();
    // Each round verifies a signature at most once, which is slow in a
    // debug build: the exhaustive byte flips are in
    // `a_changed_byte_of_the_statement_is_altered`.
    const ROUNDS: usize = 600;
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abc.=Q1 \n\xd0";
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut refused = 0;
    for round in 0..ROUNDS {
        let original = &codes[round % codes.len()];
        let mutated: Vec<u8> = if round % 2 == 0 {
            let mut t = original.clone().into_bytes();
            for _ in 0..=rng.below(3) {
                let i = rng.below(t.len().max(1));
                match rng.below(5) {
                    0 if !t.is_empty() => t[i] = alphabet[rng.below(alphabet.len())],
                    1 => t.insert(i.min(t.len()), alphabet[rng.below(alphabet.len())]),
                    2 if !t.is_empty() => {
                        t.remove(i);
                    }
                    3 if t.len() > 1 => {
                        let j = rng.below(t.len());
                        t.swap(i, j)
                    }
                    _ => t.truncate(i),
                }
            }
            t
        } else {
            let mut b = bytes_of(original);
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
            code_of(&b).into_bytes()
        };
        let text = String::from_utf8_lossy(&mutated);
        if text.trim().eq_ignore_ascii_case(original) {
            continue;
        }
        assert!(receipt::verify(&text).is_err(), "accepted: {text}");
        refused += 1;
    }
    assert!(refused > ROUNDS * 9 / 10);
}

fn arb_statement() -> impl Strategy<Value = Statement> {
    let what = prop_oneof![
        (0u16..40_000).prop_map(|n| What::Acceptance {
            due: d("1970-01-01") + chrono::Days::new(u64::from(n))
        }),
        (
            proptest::sample::subsequence(vec!["incomplete-package", "expired-documents"], 0..=2),
            proptest::sample::subsequence(vec!["application", "identity", "original"], 0..=3)
        )
            .prop_filter("a refusal names something", |(g, m)| !g.is_empty() || !m.is_empty())
            .prop_map(|(g, m)| What::Refusal {
                grounds: g.into_iter().map(String::from).collect(),
                missing: m.into_iter().map(String::from).collect(),
            }),
        (any::<bool>(), 0u16..40_000, 0u16..1439, 1u16..120).prop_map(|(c, n, s, len)| {
            What::BookingTicket {
                purpose: if c { Purpose::Collect } else { Purpose::HandIn },
                date: d("1970-01-01") + chrono::Days::new(u64::from(n)),
                start: ClockTime(s),
                end: ClockTime((s + len).min(1439).max(s + 1)),
            }
        }),
        (0usize..5, 0u16..40_000).prop_map(|(a, n)| What::ComplaintRegistration {
            addressee: Addressee::ALL[a],
            due: d("1970-01-01") + chrono::Days::new(u64::from(n)),
        }),
    ];
    ("[A-Za-z0-9Ж№ -]{1,20}", 0usize..3, 0usize..3, 0u16..10_000, 0u32..u32::MAX, what)
        .prop_map(|(reference, c, _, last_four, secs, what)| Statement {
            reference,
            service: ServiceId::S2,
            channel: Channel::ALL[c],
            holder: Holder { last_four },
            issued_at: DateTime::<Utc>::from_timestamp(i64::from(secs), 0).unwrap(),
            what,
        })
        .prop_filter("ClockTime end past the day", |s| match &s.what {
            What::BookingTicket { start, end, .. } => start < end,
            _ => true,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_answered_without_a_panic(text in "\\PC{0,300}") {
        prop_assert!(receipt::verify(&text).is_err());
    }

    #[test]
    fn any_bytes_after_the_prefix_are_answered_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert!(receipt::verify(&code_of(&bytes)).is_err());
    }

    #[test]
    fn any_valid_statement_round_trips_through_its_binary_form(s in arb_statement()) {
        let body = statement::encode(&s).unwrap();
        prop_assert_eq!(statement::decode(&body), Some(s));
        // Any shorter body is refused, never misread.
        for cut in 0..body.len() {
            prop_assert_eq!(statement::decode(&body[..cut]), None);
        }
    }
}

proptest! {
    // Signing and verifying are slow in a debug build: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_valid_statement_issued_verifies(s in arb_statement()) {
        let by = if s.kind() == Kind::BookingTicket { "sc:astana-esil" } else { "portal" };
        let signed = receipt::issue(&s, by).unwrap();
        let v = receipt::verify(&signed.code).unwrap();
        prop_assert_eq!(&v.statement, &s);
        prop_assert!(signed.code.len() <= receipt::TEXT_MAX);
    }
}

// ---------------------------------------------------------------------------
// Size: small enough for a QR code printed at a comfortable module size.

#[test]
fn each_kind_fits_a_small_qr_code() {
    let mut longest = one_of_each();
    // The longest realistic refusal: every S3 ground but the decision ones,
    // and both documents missing; a home visit's long reference.
    longest[1].0.what = What::Refusal {
        grounds: vec!["incomplete-package".into()],
        missing: vec!["application".into(), "identity".into()],
    };
    for (s, by) in longest {
        let code = receipt::issue(&s, by).unwrap().code;
        let size = qr::size(&code).unwrap();
        eprintln!(
            "{:<24} {:>3} chars  QR version {:>2} ({}×{} modules, {:.1} mm at 0.5 mm/module)",
            s.kind().slug(),
            code.len(),
            size.version,
            size.modules,
            size.modules,
            size.side_mm(0.5)
        );
        assert!(code.len() <= 240, "{}: {} chars", s.kind().slug(), code.len());
        assert!(size.version <= 9, "{}: version {}", s.kind().slug(), size.version);
        // Upper-case base32 after the prefix: the QR alphanumeric mode.
        assert!(code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.'));
        let svg = qr::svg(&code, 144);
        assert!(svg.contains("<svg") && svg.contains("<path"));
    }
    assert_eq!(qr::svg(&"A".repeat(5000), 144), "");
    assert_eq!(qr::size(&"A".repeat(5000)), None);
}

#[test]
fn issuer_names_are_shown_in_each_language() {
    let v = receipt::verify(&receipt::issue(&one_of_each()[1].0, "sc:almaty-medeu").unwrap().code)
        .unwrap();
    for lang in Lang::ALL {
        assert!(!v.issuer.name.get(lang).is_empty());
    }
}
