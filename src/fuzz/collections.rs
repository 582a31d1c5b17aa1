//! Stored collections as fuzz targets: real stored examples to start from,
//! what the app does with each collection once decoded, and the target that
//! feeds mutated texts through both.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::engine::application::{self, Answers, Context, Draft, Step};
use crate::engine::complaint::{self, Complaint, ComplaintDraft};
use crate::engine::demo_clock;
use crate::engine::identity::{iin, registry};
use crate::engine::kztime;
use crate::engine::lifecycle::{self, Ctx};
use crate::engine::queue::{Hall, Tickets};
use crate::engine::signing::eds::{self, KeyFile};
use crate::engine::signing::otp::{OtpBook, Policy, Purpose};
use crate::engine::signing::vault::{self, VaultKey};
use crate::engine::store::{self, Format, MemoryStorage, RawStorage, formats};
use crate::engine::submission::{self, Submission};
use crate::engine::visit::{self, OperatorData, OperatorStore};

use super::queue::{use_counter, use_halls, use_operator_data, use_tickets};
use super::{Gen, Target, decode};

// ---------------------------------------------------------------------------
// Real examples to start from.

/// What main stored in each collection (version 1), by collection name.
pub fn stored_examples() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("drafts", include_str!("../../tests/fixtures/stored/drafts.v1.json")),
        ("applications", include_str!("../../tests/fixtures/stored/applications.v1.json")),
        ("eds-keys", include_str!("../../tests/fixtures/stored/eds-keys.v1.json")),
        ("otp", include_str!("../../tests/fixtures/stored/otp.v1.json")),
        ("sms", include_str!("../../tests/fixtures/stored/sms.v1.json")),
        ("complaints", include_str!("../../tests/fixtures/stored/complaints.v1.json")),
        ("complaint-drafts", include_str!("../../tests/fixtures/stored/complaint-drafts.v1.json")),
        ("seen", include_str!("../../tests/fixtures/stored/seen.v1.json")),
        ("halls", include_str!("../../tests/fixtures/stored/halls.v1.json")),
        ("tickets", include_str!("../../tests/fixtures/stored/tickets.v1.json")),
        ("counter", include_str!("../../tests/fixtures/stored/counter.v1.json")),
        ("session", include_str!("../../tests/fixtures/stored/session.v1.json")),
        ("clock", include_str!("../../tests/fixtures/stored/clock.v1.json")),
        ("staff-role", include_str!("../../tests/fixtures/stored/staff-role.v1.json")),
        ("operator", include_str!("../../tests/fixtures/stored/operator.v1.json")),
        ("operator-data", include_str!("../../tests/fixtures/stored/operator-data.v1.json")),
    ])
}

/// Examples of each collection: the stored version 1 and the same data
/// written in this release's version.
fn seeds(name: &str, format: &Format, exercise: &Exerciser) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(v1) = stored_examples().get(name) {
        out.push(v1.trim().to_string());
        if let Some(current) = (exercise.upgrade)(v1, format) {
            out.push(current);
        }
    }
    out.extend((exercise.extra)());
    out
}

// ---------------------------------------------------------------------------
// What the app does with each collection once decoded.

/// Decodes a stored text of one collection and uses the data as the app
/// would; `None` when it did not decode.
type Use = fn(&str, &Format, &mut Gen) -> Option<()>;
type Upgrade = fn(&str, &Format) -> Option<String>;
type Extra = fn() -> Vec<String>;

struct Exerciser {
    use_it: Use,
    /// Re-encodes a stored text in the current version (for seeds).
    upgrade: Upgrade,
    /// More valid examples.
    extra: Extra,
}

fn upgrade<T: Serialize + DeserializeOwned>(raw: &str, format: &Format) -> Option<String> {
    let env: store::Envelope<T> = store::decode(raw, format).ok()?;
    Some(store::encode(env.rev, &env.data, format))
}

fn no_extra() -> Vec<String> {
    Vec::new()
}

fn today(g: &mut Gen) -> chrono::NaiveDate {
    let t = g.instant();
    kztime::local_date(t).unwrap_or_else(|_| t.date_naive())
}

fn use_drafts(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let drafts = decode::<BTreeMap<String, Draft>>(raw, f)?;
    for d in drafts.values() {
        let ctx = Context {
            minor_children: registry::children_of(&d.applicant_iin)
                .iter()
                .map(|p| p.iin.clone())
                .collect(),
            has_digital_document: g.chance(50),
            has_phone: g.chance(50),
            subject_birth_year: registry::find(d.subject_iin()).map(|p| {
                use chrono::Datelike;
                p.birth_date.year()
            }),
            office_ids: registry::offices().iter().map(|o| o.id.clone()).collect(),
        };
        use_answers(&d.answers, &ctx, today(g));
        let doc = submission::document_of(d);
        let _ = submission::digest_hex(&doc);
        let _ = application::complete(&d.answers);
    }
    Some(())
}

fn use_answers(a: &Answers, ctx: &Context, today: chrono::NaiveDate) {
    for step in application::steps(a, ctx) {
        let _ = application::validate(step, a, ctx, today);
        let _ = application::next(step, a, ctx);
        let _ = application::previous(step, a, ctx);
    }
    let _ = application::first_incomplete(a, ctx, today);
    let _ = application::situations(a);
    let _ = application::validate(Step::Check, a, ctx, today);
}

fn use_applications(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let apps = decode::<BTreeMap<String, Submission>>(raw, f)?;
    for s in apps.values() {
        let _ = s.verify();
        let _ = s.signed_answers();
        let _ = s.deadline();
        let now = g.instant();
        let _ = lifecycle::public_status(&s.lifecycle);
        if let Ok(targets) = s.targets(now, g.chance(50)) {
            let _ = lifecycle::overdue(&targets, now);
            let _ = lifecycle::next_target(&targets, now);
            if let Ok(ctx) = Ctx::embedded(s.service, s.channel) {
                let _ = lifecycle::next_automatic(
                    &s.lifecycle,
                    &ctx,
                    &targets,
                    lifecycle::provider_hours(ctx.service),
                );
                let _ = lifecycle::storage(&s.lifecycle, &ctx);
            }
        }
    }
    Some(())
}

fn use_keys(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let keys = decode::<Vec<KeyFile>>(raw, f)?;
    for k in &keys {
        let _ = k.certificate.is_authentic();
        let _ = k.certificate.check_validity(g.instant());
        let _ = k.kdf_input();
        let _ = eds::check_before_unlock(k, &k.certificate.owner_iin, g.instant());
        // Never derive (a stored count may be huge); a fixed key fails fast.
        let key = VaultKey::from_derived([7; 32], [1; 16], k.encrypted_private_key.iterations);
        let _ = eds::sign_with_key(k, &key, &k.certificate.owner_iin, &json!({}), g.instant());
    }
    Some(())
}

fn use_otp(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let mut book = decode::<OtpBook>(raw, f)?;
    let phone = ["+77015550101", "+7 701 555 01 01", "", "é"];
    for _ in 0..3 {
        let now = g.instant();
        let flow = g.pick(&["sign:3f2a9c1b7d4e6a80", "consent:3f2a9c1b7d4e6a80", "x"]).to_string();
        let p = *g.pick(&phone);
        match g.below(6) {
            0 => {
                let _ =
                    book.send(&flow, p, Purpose::Signing, "d", Policy::PORTAL, now, || Ok([1; 20]));
            }
            1 => {
                let typed = g.text(8);
                let _ = book.verify(&flow, &typed, now);
            }
            2 => {
                let _ = book.confirm(&flow, "d");
            }
            3 => book.prune(now),
            4 => {
                let _ = book.seconds_until_send(&flow, p, Policy::PORTAL, now);
                let _ = book.locked_until(p, now);
            }
            _ => {
                let _ = book.forget_unless_for(&flow, "e");
            }
        }
    }
    Some(())
}

fn use_complaints(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let cs = decode::<BTreeMap<String, Complaint>>(raw, f)?;
    for c in cs.values() {
        let _ = c.status();
        let _ = c.registration();
        let _ = c.is_overdue(g.instant());
        let _ = c.court_notice();
        let _ = complaint::escalate(c, g.text(20));
        let _ = complaint::validate(&c.draft);
    }
    Some(())
}

fn use_complaint_drafts(raw: &str, f: &Format, _: &mut Gen) -> Option<()> {
    let ds = decode::<BTreeMap<String, ComplaintDraft>>(raw, f)?;
    for d in ds.values() {
        let _ = complaint::validate(d);
        let _ = complaint::normalize_phone(&d.phone);
        let _ = complaint::surname_and_initials(&d.surname, &d.name, d.patronymic.as_deref());
    }
    Some(())
}

/// A collection the app only reads as JSON.
fn use_value(raw: &str, f: &Format, _: &mut Gen) -> Option<()> {
    decode::<Value>(raw, f).map(drop)
}

fn use_session(raw: &str, f: &Format, _: &mut Gen) -> Option<()> {
    let iin = decode::<Option<String>>(raw, f)?;
    if let Some(i) = iin {
        let _ = registry::find(&i);
        let _ = registry::children_of(&i);
        let _ = iin::validate(&i);
    }
    Some(())
}

fn use_clock(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let offset = decode::<i64>(raw, f)?;
    let real = g.instant();
    let now = demo_clock::demo_now(real, offset);
    let _ = demo_clock::offset(offset);
    let _ = demo_clock::advanced(offset, now.signed_duration_since(real));
    let _ = kztime::local_date(now);
    Some(())
}

fn use_operator(raw: &str, f: &Format, g: &mut Gen) -> Option<()> {
    let mut st = decode::<OperatorStore>(raw, f)?;
    let now = g.instant();
    let _ = st.guard.wait_until(now);
    let _ = st.guard.tries_left();
    let _ = st.guard.wrong(now);
    if let Some(sealed) = &st.sealed {
        let _ = sealed.check();
        if let Ok((salt, iterations)) = sealed.kdf_input() {
            let key = VaultKey::from_derived([3; 32], salt, iterations);
            let _ = vault::open_with_key(&key, sealed);
        }
    }
    st.guard.right();
    Some(())
}

fn extra_otp() -> Vec<String> {
    let now = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
    let mut book = OtpBook::default();
    let _ = book
        .send("sign:a", "+77015550101", Purpose::Signing, "d", Policy::PORTAL, now, || Ok([1; 20]));
    let _ =
        book.send("consent:a", "+77015550101", Purpose::Consent, "e", Policy::PORTAL, now, || {
            Ok([2; 20])
        });
    let _ = book.verify("sign:a", "000000", now);
    vec![store::encode(3, &book, &formats::OTP)]
}

fn extra_operator() -> Vec<String> {
    let mut guard = visit::PinGuard::default();
    let now = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
    for _ in 0..4 {
        guard.wrong(now);
    }
    let sealed =
        vault::seal_with_key(&VaultKey::from_derived([1; 32], [2; 16], 600_000), b"{}", [3; 12]);
    vec![store::encode(2, &OperatorStore { sealed: Some(sealed), guard }, &formats::OPERATOR)]
}

fn exerciser(name: &str) -> Exerciser {
    let (use_it, upgrade, extra): (Use, Upgrade, Extra) = match name {
        "drafts" => (use_drafts, upgrade::<BTreeMap<String, Draft>>, no_extra),
        "applications" => (use_applications, upgrade::<BTreeMap<String, Submission>>, no_extra),
        "eds-keys" => (use_keys, upgrade::<Vec<KeyFile>>, no_extra),
        "otp" => (use_otp, upgrade::<OtpBook>, extra_otp),
        "complaints" => (use_complaints, upgrade::<BTreeMap<String, Complaint>>, no_extra),
        "complaint-drafts" => {
            (use_complaint_drafts, upgrade::<BTreeMap<String, ComplaintDraft>>, no_extra)
        }
        "halls" => (use_halls, upgrade::<BTreeMap<String, Hall>>, no_extra),
        "tickets" => (use_tickets, upgrade::<Tickets>, no_extra),
        "counter" => (use_counter, upgrade::<OperatorData>, no_extra),
        "session" => (use_session, upgrade::<Option<String>>, no_extra),
        "clock" => (use_clock, upgrade::<i64>, no_extra),
        "operator" => (use_operator, upgrade::<OperatorStore>, extra_operator),
        "operator-data" => (use_operator_data, upgrade::<OperatorData>, no_extra),
        _ => (use_value, upgrade::<Value>, no_extra),
    };
    Exerciser { use_it, upgrade, extra }
}

/// A stored collection: mutated stored texts through its decoder, what the
/// app does with the data, and now and then the whole load (quarantine
/// included) and a write on an in-memory storage.
pub(super) fn collection_target(name: &'static str, format: Format) -> Target {
    let ex = exerciser(name);
    let seeds = seeds(name, &format, &ex);
    let parsed: Vec<Value> = seeds.iter().filter_map(|s| serde_json::from_str(s).ok()).collect();
    let key = format!("qujat.{name}");
    Target {
        name: format!("stored {name}"),
        weight: 6,
        run: Box::new(move |g: &mut Gen| {
            let raw = match g.below(10) {
                0..=5 if !parsed.is_empty() => {
                    let i = g.below(parsed.len() as u64) as usize;
                    g.mutate(&parsed[i]).to_string()
                }
                6..=7 if !seeds.is_empty() => {
                    let i = g.below(seeds.len() as u64) as usize;
                    g.mutate_text(&seeds[i])
                }
                8 => json!({ "v": g.number(), "rev": g.number(), "data": g.value(3) }).to_string(),
                _ => g.text(40),
            };
            let decoded = (ex.use_it)(&raw, &format, g).is_some();
            if g.chance(5) {
                let s = MemoryStorage::with_quota(g.below(4 * raw.len() as u64 + 64) as usize);
                s.put(&key, &raw);
                let _ = store::load::<Value>(&s, &key, &format);
                let _ = store::write(&s, &key, &format, |v: &mut Value| {
                    *v = json!({ "x": 1 });
                    Ok::<(), ()>(())
                });
                let _ = s.get(&key);
            }
            decoded
        }),
    }
}
