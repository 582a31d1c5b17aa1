//! Every stored collection's migration chain (issue 12, item 3): a stored
//! example of every past version (`tests/fixtures/stored/<name>.v<n>.json`,
//! written by the release that used that version) is read by this release,
//! upgraded, and written back in the current version; data from a newer
//! release is recognised and never misread.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use qujat::engine::application::Draft;
use qujat::engine::complaint::{Complaint, ComplaintDraft};
use qujat::engine::queue::{Hall, TicketState, Tickets};
use qujat::engine::signing::eds::KeyFile;
use qujat::engine::signing::otp::OtpBook;
use qujat::engine::signing::vault::{self, VaultKey};
use qujat::engine::store::{self, Format, LoadError, formats};
use qujat::engine::submission::Submission;
use qujat::engine::visit::{OperatorData, OperatorStore};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn fixture(name: &str, v: u32) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stored")
        .join(format!("{name}.v{v}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads every past version of `name` as `T`, checks it survives a write in
/// the current version unchanged, and returns the data read from each.
fn upgrade_all<T>(name: &str, format: &Format) -> Vec<T>
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    (1..format.version)
        .chain([format.version])
        .filter(|&v| v < format.version || has_fixture(name, v))
        .map(|v| {
            let raw = fixture(name, v);
            let env: store::Envelope<T> =
                store::decode(&raw, format).unwrap_or_else(|e| panic!("{name} v{v}: {e}"));
            assert_eq!(env.v, format.version);
            let again = store::encode(env.rev, &env.data, format);
            let back: store::Envelope<T> = store::decode(&again, format).unwrap();
            assert_eq!(back, env, "{name} v{v}: written and read back");
            env.data
        })
        .collect()
}

fn has_fixture(name: &str, v: u32) -> bool {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/stored/{name}.v{v}.json"))
        .exists()
}

#[test]
fn every_format_has_one_step_per_past_version_and_a_fixture_for_each() {
    for (name, format) in formats::ALL {
        assert_eq!(format.steps.len() as u32 + 1, format.version, "{name}");
        for v in 1..format.version {
            assert!(has_fixture(name, v), "{name}: no stored example of version {v}");
        }
        // Every collection has an example of its first version at least.
        assert!(has_fixture(name, 1), "{name}: no stored example of version 1");
    }
}

#[test]
fn data_from_a_newer_release_is_refused_for_every_collection() {
    for (name, format) in formats::ALL {
        let newer = format!(r#"{{"v":{},"rev":1,"data":{{"new":"shape"}}}}"#, format.version + 1);
        assert_eq!(
            store::decode::<serde_json::Value>(&newer, format).map(|_| ()),
            Err(LoadError::FromTheFuture(format.version + 1)),
            "{name}"
        );
    }
}

#[test]
fn drafts() {
    let all = upgrade_all::<BTreeMap<String, Draft>>("drafts", &formats::DRAFTS);
    assert_eq!(all[0]["3f2a9c1b7d4e6a80"].answers.school, "Гимназия № 25 <b>");
}

#[test]
fn applications_keep_verifying_after_the_upgrade() {
    let all = upgrade_all::<BTreeMap<String, Submission>>("applications", &formats::APPLICATIONS);
    for apps in &all {
        assert_eq!(apps.len(), 2);
        for s in apps.values() {
            assert_eq!(s.verify(), Ok(()), "{}", s.reference);
        }
    }
}

#[test]
fn tickets_keep_their_revision_and_history() {
    let all = upgrade_all::<Tickets>("tickets", &formats::TICKETS);
    let t = &all[0];
    assert_eq!(t.tickets.len(), 2);
    assert!(t.tickets[0].is_live());
    assert!(!t.tickets[1].is_live(), "a cancelled ticket is kept");
    assert!(t.rev >= 3, "the revision that guards the last place");
    assert!(t.tickets[0].expected.is_some(), "hand-in: the result date to expect");
}

#[test]
fn counter_visits_keep_their_office_and_application() {
    let all = upgrade_all::<OperatorData>("counter", &formats::COUNTER);
    let v = &all[0].visits[0];
    assert_eq!(v.office.as_deref(), Some("almaty-medeu"));
    assert!(v.is_at_counter());
    let app = v.application().expect("an accepted, delivered package");
    assert_eq!(app.verify(), Ok(()));
}

#[test]
fn eds_keys() {
    let all = upgrade_all::<Vec<KeyFile>>("eds-keys", &formats::EDS_KEYS);
    assert!(all[0][0].certificate.is_authentic());
}

#[test]
fn otp_sessions_become_a_book() {
    let all = upgrade_all::<OtpBook>("otp", &formats::OTP);
    assert!(all[0].is_empty());
    assert!(all[0].locked_until("+77015550101", common::utc("2026-05-04T10:00:00Z")).is_some());
}

#[test]
fn complaints_and_their_drafts() {
    let all = upgrade_all::<BTreeMap<String, Complaint>>("complaints", &formats::COMPLAINTS);
    assert_eq!(all[0].len(), 1);
    upgrade_all::<BTreeMap<String, ComplaintDraft>>("complaint-drafts", &formats::COMPLAINT_DRAFTS);
}

/// The simulated SMS as the UI stores and reads it.
#[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
struct Sms {
    id: u64,
    phone: String,
    code: String,
    #[serde(deserialize_with = "qujat::engine::json::date::utc")]
    sent_at: chrono::DateTime<chrono::Utc>,
}

#[test]
fn small_collections() {
    upgrade_all::<Vec<Sms>>("sms", &formats::SMS);
    upgrade_all::<BTreeMap<String, usize>>("seen", &formats::SEEN);
    let halls = upgrade_all::<BTreeMap<String, Hall>>("halls", &formats::HALLS);
    let hall = &halls[0]["almaty-medeu/2026-11-24"];
    assert_eq!((hall.tickets.len(), hall.rev), (3, 4));
    assert_eq!(
        hall.tickets.iter().map(|t| t.state()).collect::<Vec<_>>(),
        [TicketState::Served, TicketState::Absent, TicketState::Waiting]
    );
    assert_eq!(
        upgrade_all::<Option<String>>("session", &formats::SESSION)[0].as_deref().map(str::len),
        Some(12)
    );
    assert_eq!(upgrade_all::<i64>("clock", &formats::CLOCK), [3_600_000]);
    assert_eq!(upgrade_all::<String>("staff-role", &formats::STAFF_ROLE), ["head"]);
}

#[test]
fn the_operator_blob_gets_a_guard_and_still_opens_with_its_pin() {
    let all = upgrade_all::<OperatorStore>("operator", &formats::OPERATOR);
    let store = &all[0];
    assert_eq!(store.guard.failures(), 0);
    let sealed = store.sealed.as_ref().unwrap();
    let (salt, iterations) = sealed.kdf_input().unwrap();
    let key = VaultKey::derive("270419", salt, iterations);
    let plain = vault::open_with_key(&key, sealed).unwrap();
    // The plaintext of version 1 is the data itself, without an envelope.
    let env: store::Envelope<OperatorData> =
        store::decode(std::str::from_utf8(&plain).unwrap(), &formats::OPERATOR_DATA).unwrap();
    assert!(!env.data.visits.is_empty());
    assert_eq!(
        vault::open_with_key(&VaultKey::derive("270418", salt, iterations), sealed),
        Err(vault::VaultError::WrongPassword)
    );
}

#[test]
fn operator_data_before_it_had_an_envelope() {
    let all = upgrade_all::<OperatorData>("operator-data", &formats::OPERATOR_DATA);
    assert!(!all[0].visits.is_empty());
}

mod common;
