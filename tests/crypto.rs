//! One-time passwords (RFC 4226/6238 vectors and the SMS code session), the
//! vault (PBKDF2 known answers, AES-GCM sealing) and the demo EDS flow.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use serde_json::{Value, json};

use qujat::engine::signing::eds::{
    self as signature, Certificate, ISSUER, KeyFile, SignError, SignedDocument, canonical_json,
};
use qujat::engine::signing::otp::{
    Algorithm, CODE_DIGITS, OtpError, OtpSession, Policy, Purpose, format_code, hotp, totp,
};
use qujat::engine::signing::vault::{self, RandomUnavailable, Sealed, VaultError, VaultKey};

mod common;
use common::people::{SULTANOVA as OWNER, ZHAKSYLYKOV as OTHER};
use common::{utc as t, wrong_code as wrong};

fn secs(n: i64) -> TimeDelta {
    TimeDelta::seconds(n)
}

fn unhex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    vault::hex_decode(&s).unwrap()
}

// ===========================================================================
// HOTP / TOTP

const RFC4226_SECRET: &[u8] = b"12345678901234567890";

#[test]
fn rfc4226_appendix_d() {
    let expected = [755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489];
    for (counter, want) in expected.into_iter().enumerate() {
        assert_eq!(hotp(RFC4226_SECRET, counter as u64, 6), want, "counter {counter}");
    }
}

#[test]
fn rfc6238_appendix_b() {
    let sha1 = b"12345678901234567890".as_slice();
    let sha256 = b"12345678901234567890123456789012".as_slice();
    let sha512 = b"1234567890123456789012345678901234567890123456789012345678901234".as_slice();
    let table: [(u64, &str, &str, &str); 6] = [
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ];
    for (time, w1, w256, w512) in table {
        for (secret, alg, want) in [
            (sha1, Algorithm::Sha1, w1),
            (sha256, Algorithm::Sha256, w256),
            (sha512, Algorithm::Sha512, w512),
        ] {
            let code = totp(secret, time, 30, 0, 8, alg);
            assert_eq!(format_code(code, 8), want, "T={time} {alg:?}");
        }
    }
}

#[test]
fn totp_edges_do_not_panic() {
    // Step 0 counts as 1 s; a time before T0 counts as T0; digits clamp to 1..=9.
    assert_eq!(totp(RFC4226_SECRET, 5, 0, 0, 6, Algorithm::Sha1), hotp(RFC4226_SECRET, 5, 6));
    assert_eq!(totp(RFC4226_SECRET, 10, 30, 100, 6, Algorithm::Sha1), hotp(RFC4226_SECRET, 0, 6));
    assert!(hotp(RFC4226_SECRET, 0, 20) < 1_000_000_000);
    assert!(hotp(RFC4226_SECRET, 0, 0) < 10);
    assert!(hotp(b"", u64::MAX, 6) < 1_000_000);
    assert_eq!(format_code(7, 6), "000007");
}

// ===========================================================================
// The SMS code session

const SECRET: [u8; 20] = *b"qujat-test-secret-20";
const PHONE: &str = "+7 701 555 01 01";

const DIGEST: &str = "5d41402abc4b2a76b9719d911017c592";

fn session() -> OtpSession {
    OtpSession::new(PHONE, Purpose::Signing, DIGEST, SECRET, Policy::PORTAL)
}

#[test]
fn portal_policy() {
    let p = Policy::PORTAL;
    assert_eq!(p.code_valid_secs, 300);
    assert_eq!(p.max_wrong_tries, 3);
    assert_eq!(p.lock_secs, 900);
    assert_eq!(p.resend_cooldown_secs, 60);
    assert_eq!(Policy::default(), p);
}

#[test]
fn issue_and_verify() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    assert_eq!(s.expires_at(), None);
    assert_eq!(s.seconds_until_resend(now), 0);
    let issued = s.issue(now).unwrap();
    assert_eq!(issued.code.len(), CODE_DIGITS as usize);
    assert_eq!(issued.code, format_code(hotp(&SECRET, 0, 6), 6));
    assert_eq!(issued.expires_at, now + secs(300));
    assert_eq!(s.expires_at(), Some(now + secs(300)));
    assert_eq!(s.issued_at(), Some(now));
    assert_eq!(s.seconds_until_resend(now + secs(10)), 50);
    assert!(!s.is_verified());
    assert_eq!(s.verify(&issued.code, now + secs(299)), Ok(()));
    assert!(s.is_verified());
    assert_eq!(s.phone(), PHONE);
    assert_eq!(s.purpose(), Purpose::Signing);
}

#[test]
fn spaces_and_hyphens_are_accepted() {
    let now = t("2026-05-04T10:00:00Z");
    for sep in [" ", "-", " - "] {
        let mut s = session();
        let code = s.issue(now).unwrap().code;
        let typed = format!(" {}{sep}{} ", &code[..3], &code[3..]);
        assert_eq!(s.verify(&typed, now + secs(5)), Ok(()), "{typed:?}");
    }
}

#[test]
fn malformed_input_uses_no_try() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let code = s.issue(now).unwrap().code;
    for bad in
        ["", "   ", "12345", "1234567", "12a456", "123_456", "１２３４５６", "123.456", "+123456"]
    {
        assert_eq!(s.verify(bad, now), Err(OtpError::Malformed), "{bad:?}");
    }
    assert_eq!(s.wrong_tries(), 0);
    assert_eq!(s.verify(&code, now), Ok(()));
}

#[test]
fn verify_before_issue() {
    let mut s = session();
    let now = t("2026-05-04T10:00:00Z");
    assert_eq!(s.verify("123456", now), Err(OtpError::NoCodeIssued));
    assert_eq!(s.wrong_tries(), 0);
}

#[test]
fn expired_code() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let code = s.issue(now).unwrap().code;
    let end = now + secs(300);
    assert_eq!(s.verify(&code, end), Err(OtpError::Expired { expired_at: end }));
    // A wrong code after expiry is also just Expired, and uses no try.
    assert_eq!(s.verify(&wrong(&code), end + secs(1)), Err(OtpError::Expired { expired_at: end }));
    assert_eq!(s.wrong_tries(), 0);
    // A new code fixes it.
    let code2 = s.resend(end + secs(1)).unwrap().code;
    assert_eq!(s.verify(&code2, end + secs(2)), Ok(()));
}

#[test]
fn wrong_codes_then_lock() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let code = s.issue(now).unwrap().code;
    let bad = wrong(&code);
    assert_eq!(s.verify(&bad, now + secs(1)), Err(OtpError::WrongCode { tries_left: 2 }));
    assert_eq!(s.verify(&bad, now + secs(2)), Err(OtpError::WrongCode { tries_left: 1 }));
    let until = now + secs(3) + secs(900);
    assert_eq!(s.verify(&bad, now + secs(3)), Err(OtpError::Locked { until }));
    assert_eq!(s.locked_until(), Some(until));
    assert!(s.is_locked(now + secs(3)));
    // While locked, even the right code and a resend are refused.
    assert_eq!(s.verify(&code, now + secs(4)), Err(OtpError::Locked { until }));
    assert_eq!(s.resend(now + secs(120)), Err(OtpError::Locked { until }));
    assert_eq!(s.seconds_until_resend(now + secs(3)), 900);
    assert_eq!(s.seconds_until_resend(until - secs(1)), 1);
    // After the lock: the old code was discarded, tries are fresh.
    assert!(!s.is_locked(until));
    assert_eq!(s.seconds_until_resend(until), 0);
    assert_eq!(s.verify(&code, until), Err(OtpError::NoCodeIssued));
    assert_eq!(s.wrong_tries(), 0);
    let code2 = s.resend(until).unwrap().code;
    assert_eq!(
        s.verify(&wrong(&code2), until + secs(1)),
        Err(OtpError::WrongCode { tries_left: 2 })
    );
    assert_eq!(s.verify(&code2, until + secs(2)), Ok(()));
}

#[test]
fn resend_cooldown_and_replacement() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let first = s.issue(now).unwrap();
    assert_eq!(s.resend(now + secs(30)), Err(OtpError::Cooldown { until: now + secs(60) }));
    assert_eq!(s.issue(now + secs(59)), Err(OtpError::Cooldown { until: now + secs(60) }));
    assert_eq!(s.seconds_until_resend(now + secs(30)), 30);
    let second = s.resend(now + secs(60)).unwrap();
    assert_ne!(first.code, second.code);
    assert_eq!(second.code, format_code(hotp(&SECRET, 1, 6), 6));
    assert_eq!(second.expires_at, now + secs(360));
    // The old code is no longer accepted.
    assert_eq!(s.verify(&first.code, now + secs(61)), Err(OtpError::WrongCode { tries_left: 2 }));
    assert_eq!(s.verify(&second.code, now + secs(62)), Ok(()));
}

#[test]
fn resending_does_not_reset_tries() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let c = s.issue(now).unwrap().code;
    s.verify(&wrong(&c), now).unwrap_err();
    s.verify(&wrong(&c), now).unwrap_err();
    let c2 = s.resend(now + secs(60)).unwrap().code;
    assert!(matches!(s.verify(&wrong(&c2), now + secs(61)), Err(OtpError::Locked { .. })));
}

#[test]
fn a_code_works_once() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s = session();
    let c = s.issue(now).unwrap().code;
    s.verify(&c, now).unwrap();
    assert_eq!(s.verify(&c, now), Err(OtpError::AlreadyUsed));
    assert_eq!(s.verify("000000", now), Err(OtpError::AlreadyUsed));
    assert_eq!(s.resend(now + secs(600)), Err(OtpError::AlreadyUsed));
    assert_eq!(s.issue(now + secs(600)), Err(OtpError::AlreadyUsed));
}

#[test]
fn session_survives_a_reload() {
    let now = t("2026-05-04T10:00:00Z");
    let mut s =
        OtpSession::new("+7 777 555 04 04", Purpose::Consent, DIGEST, SECRET, Policy::PORTAL);
    let code = s.issue(now).unwrap().code;
    s.verify(&wrong(&code), now + secs(1)).unwrap_err();
    let stored = serde_json::to_string(&s).unwrap();
    assert!(stored.contains(&vault::hex_encode(&SECRET)));
    assert!(stored.contains("\"consent\""));
    let mut back: OtpSession = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.wrong_tries(), 1);
    assert_eq!(back.verify(&code, now + secs(2)), Ok(()));
    assert!(serde_json::from_str::<OtpSession>("{\"phone\": 1}").is_err());
}

#[test]
fn custom_policy() {
    let kiosk = Policy {
        code_valid_secs: 30,
        max_wrong_tries: 1,
        lock_secs: 10,
        resend_cooldown_secs: 0,
        max_codes_per_hour: 5,
    };
    let now = t("2026-05-04T10:00:00Z");
    let mut s = OtpSession::new(PHONE, Purpose::Signing, DIGEST, SECRET, kiosk);
    assert_eq!(s.policy(), kiosk);
    let c = s.issue(now).unwrap();
    assert_eq!(c.expires_at, now + secs(30));
    assert_eq!(s.verify(&wrong(&c.code), now), Err(OtpError::Locked { until: now + secs(10) }));
    let c2 = s.issue(now + secs(10)).unwrap();
    // No cooldown: resend at once.
    let c3 = s.resend(now + secs(10)).unwrap();
    assert_ne!(c2.code, c3.code);
    assert_eq!(s.verify(&c3.code, now + secs(11)), Ok(()));
}

#[test]
fn random_sessions_differ() {
    let a = OtpSession::new_random(PHONE, Purpose::Signing, DIGEST, Policy::PORTAL).unwrap();
    let b = OtpSession::new_random(PHONE, Purpose::Signing, DIGEST, Policy::PORTAL).unwrap();
    assert_ne!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
}

#[test]
fn otp_error_codes() {
    let now = t("2026-05-04T10:00:00Z");
    let all = [
        OtpError::Malformed,
        OtpError::Expired { expired_at: now },
        OtpError::WrongCode { tries_left: 1 },
        OtpError::Locked { until: now },
        OtpError::NoCodeIssued,
        OtpError::AlreadyUsed,
        OtpError::Cooldown { until: now },
        OtpError::Random(RandomUnavailable),
        OtpError::TooManyCodes { until: now },
        OtpError::NotVerified,
        OtpError::DocumentChanged,
    ];
    let codes: HashSet<_> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|e| !e.to_string().is_empty()));
}

#[test]
fn extreme_instants_do_not_panic() {
    let mut s = session();
    let end = DateTime::<Utc>::MAX_UTC;
    let issued = s.issue(end).unwrap();
    assert_eq!(issued.expires_at, end);
    assert!(matches!(s.verify(&issued.code, end), Err(OtpError::Expired { .. })));
    let _ = s.seconds_until_resend(DateTime::<Utc>::MIN_UTC);
}

proptest! {
    #[test]
    fn verify_never_panics(input in "\\PC{0,12}", offset in -10_000i64..10_000) {
        let now = t("2026-05-04T10:00:00Z");
        let mut s = session();
        s.issue(now).unwrap();
        let _ = s.verify(&input, now + secs(offset));
    }
}

// ===========================================================================
// Vault

#[test]
fn pbkdf2_sha256_rfc7914_vectors() {
    let k: [u8; 64] = vault::pbkdf2_sha256(b"passwd", b"salt", 1);
    assert_eq!(
        k.to_vec(),
        unhex(
            "55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05
             f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc
             49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31
             7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83"
        )
    );
    let k: [u8; 64] = vault::pbkdf2_sha256(b"Password", b"NaCl", 80_000);
    assert_eq!(
        k.to_vec(),
        unhex(
            "4d dc d8 f6 0b 98 be 21 83 0c ee 5e f2 27 01 f9
             64 1a 44 18 d0 4c 04 14 ae ff 08 87 6b 34 ab 56
             a1 d4 25 a1 22 58 33 54 9a db 84 1b 51 c9 b3 17
             6a 27 2b de bb a1 d0 78 47 8f 62 b3 97 f3 3c 8d"
        )
    );
}

#[test]
fn derive_key_is_pbkdf2() {
    let salt = [7u8; 16];
    let want: [u8; 32] = vault::pbkdf2_sha256(b"1234", &salt, 10);
    assert_eq!(vault::derive_key("1234", salt, 10), want);
    assert_eq!(VaultKey::derive("1234", salt, 10).iterations(), 10);
    assert_eq!(VaultKey::derive("1234", salt, 10).salt(), salt);
}

const SALT: [u8; 16] = [1; 16];
const NONCE: [u8; 12] = [2; 12];
const FAST: u32 = 1000;

#[test]
fn seal_open_round_trip() {
    let msg = "Әйгерім's attestat, ЖОБ 0123456".as_bytes();
    let sealed = vault::seal("correct horse", msg, SALT, NONCE, FAST);
    assert_eq!(sealed.kdf, vault::KDF);
    assert_eq!(sealed.iterations, FAST);
    assert_eq!(sealed.salt_hex, vault::hex_encode(&SALT));
    assert_eq!(sealed.nonce_hex, vault::hex_encode(&NONCE));
    assert_eq!(sealed.ciphertext_hex.len(), (msg.len() + 16) * 2);
    assert_eq!(vault::open("correct horse", &sealed).unwrap(), msg);
    let empty = vault::seal("p", b"", SALT, NONCE, FAST);
    assert_eq!(vault::open("p", &empty).unwrap(), b"");
}

#[test]
fn default_iterations_round_trip() {
    // OWASP's figure for PBKDF2-HMAC-SHA256 (issue 12, item 8).
    assert_eq!(vault::DEFAULT_ITERATIONS, 600_000);
    let sealed = vault::seal("pw", b"x", SALT, NONCE, vault::DEFAULT_ITERATIONS);
    assert_eq!(sealed.iterations, 600_000);
    assert_eq!(vault::open("pw", &sealed).unwrap(), b"x");
    // What the first releases sealed (100 000) still opens.
    let old = vault::seal("pw", b"x", SALT, NONCE, 100_000);
    assert_eq!(vault::open("pw", &old).unwrap(), b"x");
}

#[test]
fn wrong_password_fails() {
    let sealed = vault::seal("correct horse", b"secret", SALT, NONCE, FAST);
    assert_eq!(vault::open("correct hors", &sealed), Err(VaultError::WrongPassword));
    assert_eq!(vault::open("", &sealed), Err(VaultError::WrongPassword));
}

#[test]
fn tampering_fails() {
    let sealed = vault::seal("pw", b"sixteen byte msg", SALT, NONCE, FAST);
    let ct = vault::hex_decode(&sealed.ciphertext_hex).unwrap();
    for i in 0..ct.len() {
        let mut bad = ct.clone();
        bad[i] ^= 0x01;
        let s = Sealed { ciphertext_hex: vault::hex_encode(&bad), ..sealed.clone() };
        assert_eq!(vault::open("pw", &s), Err(VaultError::WrongPassword), "byte {i}");
    }
    let s = Sealed { nonce_hex: vault::hex_encode(&[3u8; 12]), ..sealed.clone() };
    assert_eq!(vault::open("pw", &s), Err(VaultError::WrongPassword));
    let s = Sealed { salt_hex: vault::hex_encode(&[9u8; 16]), ..sealed.clone() };
    assert_eq!(vault::open("pw", &s), Err(VaultError::WrongPassword));
    let s = Sealed { iterations: FAST + 1, ..sealed.clone() };
    assert_eq!(vault::open("pw", &s), Err(VaultError::WrongPassword));
}

#[test]
fn salt_and_nonce_change_the_ciphertext() {
    let a = vault::seal("pw", b"same message", SALT, NONCE, FAST);
    let b = vault::seal("pw", b"same message", [5; 16], NONCE, FAST);
    let c = vault::seal("pw", b"same message", SALT, [6; 12], FAST);
    assert_ne!(a.ciphertext_hex, b.ciphertext_hex);
    assert_ne!(a.ciphertext_hex, c.ciphertext_hex);
    assert_ne!(b.ciphertext_hex, c.ciphertext_hex);
    // Deterministic for equal inputs.
    assert_eq!(a, vault::seal("pw", b"same message", SALT, NONCE, FAST));
}

#[test]
fn malformed_records() {
    let good = vault::seal("pw", b"data", SALT, NONCE, FAST);
    assert_eq!(good.check(), Ok(()));
    let cases = [
        (
            Sealed { kdf: "scrypt".into(), ..good.clone() },
            VaultError::UnsupportedKdf { kdf: "scrypt".into() },
        ),
        (Sealed { iterations: 0, ..good.clone() }, VaultError::BadIterations { iterations: 0 }),
        (
            Sealed { iterations: u32::MAX, ..good.clone() },
            VaultError::BadIterations { iterations: u32::MAX },
        ),
        (Sealed { salt_hex: "zz".repeat(16), ..good.clone() }, VaultError::Corrupt),
        (Sealed { salt_hex: "00".repeat(15), ..good.clone() }, VaultError::Corrupt),
        (Sealed { nonce_hex: "0".repeat(23), ..good.clone() }, VaultError::Corrupt),
        (Sealed { ciphertext_hex: "00".repeat(15), ..good.clone() }, VaultError::Corrupt),
        (Sealed { ciphertext_hex: "é".into(), ..good.clone() }, VaultError::Corrupt),
    ];
    for (s, want) in cases {
        assert_eq!(vault::open("pw", &s), Err(want.clone()), "{s:?}");
        assert_eq!(s.check(), Err(want));
    }
}

#[test]
fn iterations_are_clamped_when_sealing() {
    let s = vault::seal("pw", b"x", SALT, NONCE, 0);
    assert_eq!(s.iterations, 1);
    assert_eq!(vault::open("pw", &s).unwrap(), b"x");
}

#[test]
fn operator_key_mode() {
    let key = VaultKey::derive("4821", SALT, FAST);
    let r1 = vault::seal_with_key(&key, b"record one", [1; 12]);
    let r2 = vault::seal_with_key(&key, b"record two", [2; 12]);
    assert_eq!(vault::open_with_key(&key, &r1).unwrap(), b"record one");
    assert_eq!(vault::open_with_key(&key, &r2).unwrap(), b"record two");
    // The record names its salt and iterations: the PIN alone opens it too.
    assert_eq!(vault::open("4821", &r1).unwrap(), b"record one");
    // A key from another PIN, same salt: the tag fails.
    let other_pin = VaultKey::derive("4822", SALT, FAST);
    assert_eq!(vault::open_with_key(&other_pin, &r1), Err(VaultError::WrongPassword));
    // A record sealed under another salt or iteration count.
    let other_salt = vault::seal("4821", b"r", [9; 16], NONCE, FAST);
    assert_eq!(vault::open_with_key(&key, &other_salt), Err(VaultError::OtherKey));
    let other_iter = vault::seal("4821", b"r", SALT, NONCE, FAST + 1);
    assert_eq!(vault::open_with_key(&key, &other_iter), Err(VaultError::OtherKey));
    // Same as `seal` with the password.
    assert_eq!(
        vault::seal_with_key(&key, b"x", NONCE),
        vault::seal("4821", b"x", SALT, NONCE, FAST)
    );
}

#[test]
fn vault_key_debug_hides_the_key() {
    let key = VaultKey::derive("4821", SALT, 1);
    let raw = vault::hex_encode(&vault::derive_key("4821", SALT, 1));
    let dbg = format!("{key:?}");
    assert!(!dbg.contains(&raw));
    assert!(dbg.contains("iterations"));
}

#[test]
fn sealed_json_shape() {
    let s = vault::seal("pw", b"x", SALT, NONCE, FAST);
    let v: Value = serde_json::to_value(&s).unwrap();
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    for k in ["kdf", "iterations", "salt_hex", "nonce_hex", "ciphertext_hex"] {
        assert!(keys.iter().any(|x| x == k), "{k}");
    }
    assert_eq!(v["kdf"], "pbkdf2-sha256");
    let back: Sealed = serde_json::from_value(v).unwrap();
    assert_eq!(back, s);
}

#[test]
fn hex_helpers() {
    assert_eq!(vault::hex_encode(&[0, 0xab, 0xff]), "00abff");
    assert_eq!(vault::hex_decode("00ABff"), Some(vec![0, 0xab, 0xff]));
    assert_eq!(vault::hex_decode("0"), None);
    assert_eq!(vault::hex_decode("0g"), None);
    assert_eq!(vault::hex_decode(""), Some(vec![]));
    assert_eq!(vault::hex_decode_array::<2>("0102"), Some([1, 2]));
    assert_eq!(vault::hex_decode_array::<2>("010203"), None);
}

#[test]
fn random_bytes_differ() {
    let a: [u8; 32] = vault::random_bytes().unwrap();
    let b: [u8; 32] = vault::random_bytes().unwrap();
    assert_ne!(a, b);
}

#[test]
fn vault_error_codes() {
    let all = [
        VaultError::WrongPassword,
        VaultError::UnsupportedKdf { kdf: "x".into() },
        VaultError::BadIterations { iterations: 0 },
        VaultError::Corrupt,
        VaultError::OtherKey,
    ];
    let codes: HashSet<_> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|e| !e.to_string().is_empty()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn vault_round_trips(
        pw in "\\PC{0,16}", msg in proptest::collection::vec(any::<u8>(), 0..200),
        salt in any::<[u8; 16]>(), nonce in any::<[u8; 12]>(),
    ) {
        let s = vault::seal(&pw, &msg, salt, nonce, 2);
        prop_assert_eq!(vault::open(&pw, &s).unwrap(), msg);
    }

    #[test]
    fn open_never_panics(
        kdf in prop_oneof![Just("pbkdf2-sha256".to_string()), "\\PC{0,8}"],
        iterations in prop_oneof![Just(0u32), 1u32..4, Just(u32::MAX), Just(20_000_000u32)],
        salt in "[0-9a-fA-Fx]{0,34}", nonce in "[0-9a-f]{0,26}", ct in "[0-9a-fz]{0,80}",
    ) {
        let s = Sealed { kdf, iterations, salt_hex: salt, nonce_hex: nonce, ciphertext_hex: ct };
        let _ = vault::open("pw", &s);
    }
}

// ===========================================================================
// Demo EDS

const OWNER_NAME: &str = "Сұлтанова Әйгерім Нұрланқызы";
const PASSWORD: &str = "Qujat-demo-1";

fn now() -> DateTime<Utc> {
    t("2026-05-04T10:00:00Z")
}

fn key_file_for(iin: &str, seed: u8) -> KeyFile {
    KeyFile::create_with_iterations(
        iin,
        OWNER_NAME,
        PASSWORD,
        now(),
        365,
        ([seed; 32], [seed; 16], [seed; 12]),
        FAST,
    )
    .unwrap()
}

fn key_file() -> KeyFile {
    key_file_for(OWNER, 42)
}

/// `kf` signs [`application`] as its owner at `at`.
fn sign_application(
    kf: &KeyFile, password: &str, at: DateTime<Utc>,
) -> Result<SignedDocument, SignError> {
    signature::sign(kf, password, OWNER, &application(), at)
}

fn application() -> Value {
    json!({
        "service": "S1",
        "applicant": { "iin": OWNER, "name": OWNER_NAME },
        "document": { "kind": "general-secondary-attestat", "number": "ЖОБ 0123456" },
        "reason": "loss",
        "copies": 1,
    })
}

#[test]
fn canonical_json_sorts_and_compacts() {
    let v: Value = serde_json::from_str(
        r#"{ "b": 1, "a": { "z": [3, {"y": null, "x": true}], "c": "é\n\"" }, "A": -0.5 }"#,
    )
    .unwrap();
    assert_eq!(
        canonical_json(&v),
        r#"{"A":-0.5,"a":{"c":"é\n\"","z":[3,{"x":true,"y":null}]},"b":1}"#
    );
    let reordered: Value = serde_json::from_str(
        r#"{"A": -0.5, "a": {"c": "é\n\"", "z": [3, {"x": true, "y": null}]}, "b": 1}"#,
    )
    .unwrap();
    assert_eq!(canonical_json(&v), canonical_json(&reordered));
    assert_eq!(canonical_json(&json!([])), "[]");
    assert_eq!(canonical_json(&json!({})), "{}");
    assert_eq!(canonical_json(&json!(u64::MAX)), "18446744073709551615");
    assert_eq!(canonical_json(&json!(1.0e300)), serde_json::to_string(&1.0e300).unwrap());
    assert_eq!(canonical_json(&json!("\u{1}\u{1f}\u{7f}")), "\"\\u0001\\u001f\u{7f}\"");
}

proptest! {
    #[test]
    fn canonical_strings_match_serde_json(s in "\\PC{0,40}|[\\x00-\\x20\"\\\\]{0,10}") {
        prop_assert_eq!(canonical_json(&Value::String(s.clone())), serde_json::to_string(&s).unwrap());
    }

    #[test]
    // Integers only: serde_json's default float parsing is not exact, which
    // is about parsing, not about this serialisation.
    fn canonical_json_parses_back_to_the_same_value(
        keys in proptest::collection::vec("\\PC{0,6}", 0..8), n in any::<i64>(), b in any::<bool>(),
    ) {
        let mut m = serde_json::Map::new();
        for (i, k) in keys.iter().enumerate() {
            m.insert(k.clone(), if i % 2 == 0 { json!(n) } else { json!([b, k, null, {"k": k, "n": n}]) });
        }
        let v = Value::Object(m);
        let c = canonical_json(&v);
        let back: Value = serde_json::from_str(&c).unwrap();
        prop_assert_eq!(&back, &v);
        prop_assert_eq!(canonical_json(&back), c);
    }
}

#[test]
fn create_sign_verify() {
    let kf = key_file();
    let cert = &kf.certificate;
    assert_eq!(cert.owner_iin, OWNER);
    assert_eq!(cert.owner_name, OWNER_NAME);
    assert_eq!(cert.issuer, ISSUER);
    assert_eq!(cert.not_before, now());
    assert_eq!(cert.not_after, now() + TimeDelta::days(365));
    assert_eq!(cert.serial.len(), 16);
    assert!(cert.is_authentic());
    let signed = sign_application(&kf, PASSWORD, now()).unwrap();
    assert_eq!(signed.signature_hex.len(), 128);
    assert_eq!(signed.document, application());
    assert_eq!(signature::verify(&signed, OWNER, now() + secs(60)), Ok(()));
    // Spaces in the IIN are fine.
    assert_eq!(signature::verify(&signed, "850314 401018", now()), Ok(()));
}

#[test]
fn signatures_are_over_the_canonical_form() {
    let kf = key_file();
    let doc = application();
    let reordered: Value =
        serde_json::from_str(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let a = signature::sign(&kf, PASSWORD, OWNER, &doc, now()).unwrap();
    let b = signature::sign(&kf, PASSWORD, OWNER, &reordered, now()).unwrap();
    assert_eq!(a.signature_hex, b.signature_hex, "Ed25519 is deterministic");
    // A verifier that rebuilds the document with other key order still verifies.
    let mut moved = a.clone();
    let mut m = serde_json::Map::new();
    for (k, v) in doc.as_object().unwrap().iter().rev() {
        m.insert(k.clone(), v.clone());
    }
    moved.document = Value::Object(m);
    assert_eq!(signature::verify(&moved, OWNER, now()), Ok(()));
}

#[test]
fn key_creation_is_deterministic_and_seeded() {
    assert_eq!(key_file(), key_file());
    assert_ne!(key_file().certificate.public_key, key_file_for(OWNER, 43).certificate.public_key);
    // Sub-second precision is dropped from the validity period.
    let kf = KeyFile::create_with_iterations(
        OWNER,
        OWNER_NAME,
        PASSWORD,
        now() + TimeDelta::milliseconds(750),
        1,
        ([1; 32], SALT, NONCE),
        FAST,
    )
    .unwrap();
    assert_eq!(kf.certificate.not_before, now());
    assert_eq!(kf.certificate.not_after, now() + TimeDelta::days(1));
}

#[test]
fn create_with_default_iterations() {
    let kf = KeyFile::create(OWNER, OWNER_NAME, PASSWORD, now(), 30, [9; 32], SALT, NONCE).unwrap();
    assert_eq!(kf.encrypted_private_key.iterations, vault::DEFAULT_ITERATIONS);
    sign_application(&kf, PASSWORD, now()).unwrap();
}

#[test]
fn create_random_works() {
    let a = KeyFile::create_random(OWNER, OWNER_NAME, PASSWORD, now(), 30).unwrap();
    assert!(a.certificate.is_authentic());
    let signed = sign_application(&a, PASSWORD, now()).unwrap();
    assert_eq!(signature::verify(&signed, OWNER, now()), Ok(()));
}

#[test]
fn create_refuses_bad_input() {
    let mk = |iin: &str, pw: &str, days: u32, at: DateTime<Utc>| {
        KeyFile::create_with_iterations(iin, OWNER_NAME, pw, at, days, ([1; 32], SALT, NONCE), FAST)
    };
    assert!(matches!(mk("850314401017", PASSWORD, 30, now()), Err(SignError::InvalidIin(_))));
    assert_eq!(mk(OWNER, "", 30, now()), Err(SignError::EmptyPassword));
    assert_eq!(mk(OWNER, PASSWORD, 0, now()), Err(SignError::BadValidity));
    assert_eq!(
        mk(OWNER, PASSWORD, u32::MAX, DateTime::<Utc>::MAX_UTC - TimeDelta::days(10)),
        Err(SignError::BadValidity)
    );
}

#[test]
fn wrong_password() {
    assert_eq!(sign_application(&key_file(), "qujat-demo-1", now()), Err(SignError::WrongPassword));
}

#[test]
fn an_empty_password_is_missing_not_wrong() {
    assert_eq!(sign_application(&key_file(), "", now()), Err(SignError::EmptyPassword));
}

#[test]
fn certificate_validity_window() {
    let kf = key_file();
    let not_after = kf.certificate.not_after;
    let not_before = kf.certificate.not_before;
    // Both ends are inclusive.
    assert!(sign_application(&kf, PASSWORD, not_after).is_ok());
    assert!(sign_application(&kf, PASSWORD, not_before).is_ok());
    assert_eq!(
        sign_application(&kf, PASSWORD, not_after + secs(1)),
        Err(SignError::CertificateExpired { not_after })
    );
    assert_eq!(
        sign_application(&kf, PASSWORD, not_before - secs(1)),
        Err(SignError::CertificateNotYetValid { not_before })
    );
    // A signature carries its signing time and the certificate is checked
    // then, not at "now" (issue 12, item 6): still valid after expiry.
    let signed = sign_application(&kf, PASSWORD, now()).unwrap();
    assert_eq!(signed.signed_at, Some(now()));
    assert_eq!(signature::verify(&signed, OWNER, not_after + TimeDelta::days(1)), Ok(()));
    // A signing time outside the certificate's window does not verify (and
    // it cannot be moved there: it is signed).
    let mut moved = signed.clone();
    moved.signed_at = Some(not_after + secs(1));
    assert_eq!(signature::verify(&moved, OWNER, now()), Err(SignError::Tampered));
    // Handed in at submission, the signing time must be the time now.
    assert_eq!(signature::verify_new(&signed, OWNER, now()), Ok(()));
    assert_eq!(
        signature::verify_new(&signed, OWNER, now() + TimeDelta::days(1)),
        Err(SignError::SigningTime { signed_at: now() })
    );
}

#[test]
fn wrong_owner() {
    let kf = key_file();
    assert_eq!(
        signature::sign(&kf, PASSWORD, OTHER, &application(), now()),
        Err(SignError::WrongOwner { cert_iin: OWNER.into() })
    );
    let signed = sign_application(&kf, PASSWORD, now()).unwrap();
    assert_eq!(
        signature::verify(&signed, OTHER, now()),
        Err(SignError::WrongOwner { cert_iin: OWNER.into() })
    );
    assert!(matches!(
        signature::sign(&kf, PASSWORD, "not an iin", &application(), now()),
        Err(SignError::InvalidIin(_))
    ));
    assert!(matches!(signature::verify(&signed, "", now()), Err(SignError::InvalidIin(_))));
}

#[test]
fn tampered_document() {
    let kf = key_file();
    let signed = sign_application(&kf, PASSWORD, now()).unwrap();
    let mut changed = signed.clone();
    changed.document["copies"] = json!(2);
    assert_eq!(signature::verify(&changed, OWNER, now()), Err(SignError::Tampered));
    let mut added = signed.clone();
    added.document["extra"] = json!(null);
    assert_eq!(signature::verify(&added, OWNER, now()), Err(SignError::Tampered));
    // A flipped signature bit.
    let mut sig = vault::hex_decode(&signed.signature_hex).unwrap();
    sig[5] ^= 0x10;
    let flipped = SignedDocument { signature_hex: vault::hex_encode(&sig), ..signed.clone() };
    assert_eq!(signature::verify(&flipped, OWNER, now()), Err(SignError::Tampered));
    // Another person's valid signature with their certificate swapped in.
    let other = key_file_for(OWNER, 7);
    let other_signed = sign_application(&other, PASSWORD, now()).unwrap();
    let swapped = SignedDocument { certificate: other_signed.certificate, ..signed };
    assert_eq!(signature::verify(&swapped, OWNER, now()), Err(SignError::Tampered));
}

#[test]
fn bad_certificate() {
    let kf = key_file();
    let signed = sign_application(&kf, PASSWORD, now()).unwrap();
    let edits: [fn(&mut Certificate); 6] = [
        |c| c.not_after += TimeDelta::days(3650),
        |c| c.owner_name.push('!'),
        |c| c.owner_iin = OTHER.into(),
        |c| c.public_key[0] ^= 1,
        |c| c.issuer = "Another CA".into(),
        |c| c.signature = "00".repeat(64),
    ];
    for (i, edit) in edits.iter().enumerate() {
        let mut s = signed.clone();
        edit(&mut s.certificate);
        assert_eq!(signature::verify(&s, OWNER, now()), Err(SignError::BadCertificate), "edit {i}");
        let mut k = kf.clone();
        edit(&mut k.certificate);
        assert_eq!(
            sign_application(&k, PASSWORD, now()),
            Err(SignError::BadCertificate),
            "edit {i}"
        );
    }
    // An undecodable CA signature is simply not authentic.
    let mut forged = kf.certificate.clone();
    forged.signature = "zz".into();
    assert!(!forged.is_authentic());
}

#[test]
fn key_mismatch() {
    // The certificate of one key file with the sealed key of another.
    let a = key_file();
    let b = key_file_for(OWNER, 7);
    let franken = KeyFile {
        certificate: a.certificate.clone(),
        encrypted_private_key: b.encrypted_private_key.clone(),
    };
    assert_eq!(sign_application(&franken, PASSWORD, now()), Err(SignError::KeyMismatch));
}

#[test]
fn export_and_import() {
    let kf = key_file();
    let text = kf.to_file_string();
    assert!(text.contains("\"certificate\""));
    assert!(text.contains("\"encrypted_private_key\""));
    assert!(text.contains(ISSUER));
    assert!(!text.contains(&vault::hex_encode(&[42u8; 32])), "no private key in clear");
    let back = KeyFile::from_file_string(&text).unwrap();
    assert_eq!(back, kf);
    let signed = sign_application(&back, PASSWORD, now()).unwrap();
    assert_eq!(signature::verify(&signed, OWNER, now()), Ok(()));
    // The signed document is plain JSON too.
    let json = serde_json::to_string(&signed).unwrap();
    let again: SignedDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(signature::verify(&again, OWNER, now()), Ok(()));
}

#[test]
fn corrupt_imports() {
    let text = key_file().to_file_string();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let bad_hex = {
        let mut v = v.clone();
        v["encrypted_private_key"]["salt_hex"] = json!("nothex");
        v.to_string()
    };
    let bad_key = {
        let mut v = v.clone();
        v["certificate"]["public_key"] = json!("abcd");
        v.to_string()
    };
    for s in [
        "",
        "garbage",
        "{}",
        "null",
        "[]",
        &text[..text.len() / 2],
        &bad_hex,
        &bad_key,
        "{\"certificate\": 5, \"encrypted_private_key\": {}}",
    ] {
        assert_eq!(KeyFile::from_file_string(s), Err(SignError::Corrupt), "{s}");
    }
    v["certificate"]["owner_name"] = json!("Someone Else");
    assert_eq!(KeyFile::from_file_string(&v.to_string()), Err(SignError::BadCertificate));
    // A sealed key that is well formed but decrypts to the wrong length.
    let mut kf = key_file();
    kf.encrypted_private_key = vault::seal(PASSWORD, b"short", SALT, NONCE, FAST);
    assert_eq!(sign_application(&kf, PASSWORD, now()), Err(SignError::Corrupt));
    // An undecodable signature on a signed document.
    let signed = sign_application(&key_file(), PASSWORD, now()).unwrap();
    let bad = SignedDocument { signature_hex: "xyz".into(), ..signed };
    assert_eq!(signature::verify(&bad, OWNER, now()), Err(SignError::Corrupt));
}

#[test]
fn demo_ca_key_is_pinned() {
    // Changing the demo CA seed would invalidate every downloaded key file.
    assert_eq!(vault::hex_encode(&signature::demo_ca_public_key()), DEMO_CA_PUBLIC_KEY);
}

const DEMO_CA_PUBLIC_KEY: &str = "561843db79cbbd74dd09e0c72aea9e33eb541364729f716bdc50930ff3e25e82";

#[test]
fn sign_error_codes() {
    let all = [
        SignError::WrongPassword,
        SignError::CertificateExpired { not_after: now() },
        SignError::CertificateNotYetValid { not_before: now() },
        SignError::WrongOwner { cert_iin: OWNER.into() },
        SignError::Tampered,
        SignError::BadCertificate,
        SignError::Corrupt,
        SignError::KeyMismatch,
        SignError::InvalidIin(qujat::engine::identity::iin::IinError::Empty),
        SignError::EmptyPassword,
        SignError::BadValidity,
        SignError::Random(RandomUnavailable),
    ];
    let codes: HashSet<_> = all.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|e| !e.to_string().is_empty()));
}

/// One signed application, shared by the property tests (signing in a
/// debug build is slow enough to matter over hundreds of cases).
static SIGNED: LazyLock<SignedDocument> =
    LazyLock::new(|| sign_application(&key_file(), PASSWORD, now()).unwrap());

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn import_never_panics(s in "\\PC{0,200}") {
        let _ = KeyFile::from_file_string(&s);
    }
}

proptest! {
    // Each case verifies two Ed25519 signatures, slow in a debug build.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_document_change_is_detected(key in "[a-z]{1,8}", val in any::<i64>()) {
        let signed = &*SIGNED;
        let mut changed = signed.clone();
        changed.document[key.as_str()] = json!(val);
        prop_assume!(changed.document != signed.document);
        prop_assert_eq!(signature::verify(&changed, OWNER, now()), Err(SignError::Tampered));
    }
}
