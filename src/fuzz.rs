//! A fuzz harness for everything the app reads from storage or from a
//! user (issue 12, item 10): every stored collection's decoder, followed by
//! what the app then does with the data, and every parser of typed or
//! imported input. Inputs are generated from a seed (reproducible), mostly
//! by mutating real stored examples (`tests/fixtures/stored`) so that they
//! get past the first checks, and counted; a panic is caught, counted and
//! its first message kept.
//!
//! `qujat-rules fuzz --inputs N [--seed S]` runs it (the `fuzz` stage of
//! `.ci/test` with a million inputs, built in the `fuzz` profile, which
//! unwinds on panic and checks arithmetic overflow); `tests/fuzz.rs` runs a
//! small number in every `cargo test`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::engine::application::{self, Answers, Context, Draft, Step};
use crate::engine::caret;
use crate::engine::complaint::{self, Complaint, ComplaintDraft};
use crate::engine::demo_clock;
use crate::engine::identity::{iin, registry};
use crate::engine::kztime;
use crate::engine::lifecycle::{self, Ctx};
use crate::engine::signing::eds::{self, KeyFile, SignedDocument};
use crate::engine::signing::otp::{self, OtpBook, OtpSession, Policy, Purpose};
use crate::engine::signing::vault::{self, Sealed, VaultKey};
use crate::engine::store::{self, Format, MemoryStorage, RawStorage, formats};
use crate::engine::submission::{self, Submission};
use crate::engine::visit::{self, OperatorData, OperatorStore};

// ---------------------------------------------------------------------------
// Randomness: SplitMix64, seeded, so a failure can be reproduced.

/// A small deterministic generator.
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Characters that break naive code: multi-byte, astral, combining,
    /// bidi controls, NUL and other controls, quotes and markup.
    const NASTY: &'static [char] = &[
        'é',
        'ə',
        'Ә',
        'і',
        'ж',
        '😀',
        '\u{301}',
        '\u{202E}',
        '\u{200F}',
        '\u{FEFF}',
        '\0',
        '\u{7}',
        '\t',
        '\n',
        '\r',
        '"',
        '\\',
        '<',
        '>',
        '&',
        '%',
        '/',
        ' ',
        '\u{a0}',
        '-',
        '+',
        '0',
        '1',
        '5',
        '9',
        'a',
        'Z',
        '\u{10FFFF}',
        '\u{D7FF}',
        '\u{E000}',
    ];

    /// A short string of digits, letters and nasty characters.
    pub fn text(&mut self, max: u64) -> String {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| match self.below(4) {
                0 => char::from(b'0' + self.below(10) as u8),
                1 => char::from(b'a' + self.below(26) as u8),
                2 => *self.pick(Gen::NASTY),
                _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('?'),
            })
            .collect()
    }

    /// An instant anywhere, often near the real present or at the ends of time.
    pub fn instant(&mut self) -> DateTime<Utc> {
        let base = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        match self.below(6) {
            0 => DateTime::<Utc>::MIN_UTC,
            1 => DateTime::<Utc>::MAX_UTC,
            2 => DateTime::<Utc>::UNIX_EPOCH,
            3 => {
                let secs = self.next_u64() as i64 % 8_000_000_000_000;
                DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or(base)
            }
            _ => base
                .checked_add_signed(TimeDelta::seconds(
                    self.below(400 * 86_400) as i64 - 200 * 86_400,
                ))
                .unwrap_or(base),
        }
    }

    /// A number that breaks arithmetic: extremes, off-by-ones, huge, negative.
    pub fn number(&mut self) -> Value {
        match self.below(10) {
            0 => json!(u64::MAX),
            1 => json!(i64::MIN),
            2 => json!(-1),
            3 => json!(0),
            4 => json!(1.5e300),
            5 => json!(-0.0),
            6 => json!(u32::MAX),
            7 => json!(i64::MAX),
            _ => json!(self.next_u64() as i64 >> self.below(64)),
        }
    }

    /// Any JSON value, `depth` levels deep at most.
    pub fn value(&mut self, depth: u32) -> Value {
        match self.below(if depth == 0 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.chance(50)),
            2 => self.number(),
            3 => Value::String(self.text(24)),
            4 => Value::String(self.instant().to_rfc3339()),
            5 => Value::Array((0..self.below(4)).map(|_| self.value(depth - 1)).collect()),
            _ => {
                let mut m = Map::new();
                for _ in 0..self.below(4) {
                    m.insert(self.text(8), self.value(depth - 1));
                }
                Value::Object(m)
            }
        }
    }

    /// `v` with a few nodes replaced, removed, retyped or duplicated; half
    /// the time only leaves are changed, each to a value of its own type
    /// (so the result usually still decodes, with hostile contents).
    pub fn mutate(&mut self, v: &Value) -> Value {
        let mut out = v.clone();
        let keep_types = self.chance(50);
        for _ in 0..=self.below(3) {
            if keep_types {
                self.mutate_leaf(&mut out, 0);
            } else {
                self.mutate_once(&mut out, 0);
            }
        }
        out
    }

    fn mutate_leaf(&mut self, v: &mut Value, depth: u32) {
        match v {
            Value::Object(m) if !m.is_empty() && depth < 16 => {
                let keys: Vec<String> = m.keys().cloned().collect();
                let k = self.pick(&keys).clone();
                if let Some(child) = m.get_mut(&k) {
                    self.mutate_leaf(child, depth + 1);
                }
            }
            Value::Array(a) if !a.is_empty() && depth < 16 => {
                let i = self.below(a.len() as u64) as usize;
                match self.below(8) {
                    0 => {
                        let copy = a[i].clone();
                        a.insert(i, copy);
                    }
                    1 => {
                        a.remove(i);
                    }
                    _ => self.mutate_leaf(&mut a[i], depth + 1),
                }
            }
            Value::String(s) => {
                *s = match self.below(4) {
                    0 => self.instant().to_rfc3339(),
                    1 => self.text(30),
                    _ => self.mutate_text(s),
                }
            }
            Value::Number(n) => {
                *v = if self.chance(50) {
                    self.number()
                } else {
                    let x = n.as_i64().unwrap_or(0);
                    json!(x.wrapping_add(self.below(5) as i64 - 2))
                }
            }
            Value::Bool(b) => *b = !*b,
            Value::Null => *v = self.value(1),
            _ => {}
        }
    }

    fn mutate_once(&mut self, v: &mut Value, depth: u32) {
        let descend = depth < 12 && self.chance(if depth < 3 { 95 } else { 75 });
        match v {
            Value::Object(m) if descend && !m.is_empty() => {
                let keys: Vec<String> = m.keys().cloned().collect();
                let k = self.pick(&keys).clone();
                match self.below(8) {
                    0 => {
                        m.remove(&k);
                    }
                    1 => {
                        let copy = m.get(&k).cloned().unwrap_or(Value::Null);
                        m.insert(self.text(6), copy);
                    }
                    _ => {
                        if let Some(child) = m.get_mut(&k) {
                            self.mutate_once(child, depth + 1);
                        }
                    }
                }
            }
            Value::Array(a) if descend && !a.is_empty() => {
                let i = self.below(a.len() as u64) as usize;
                match self.below(6) {
                    0 => {
                        a.remove(i);
                    }
                    1 => {
                        let copy = a[i].clone();
                        a.push(copy);
                    }
                    _ => self.mutate_once(&mut a[i], depth + 1),
                }
            }
            Value::String(s) if self.chance(50) => *s = self.mutate_text(s),
            _ => {
                *v = match self.below(4) {
                    0 => self.number(),
                    1 => Value::String(self.instant().to_rfc3339()),
                    _ => self.value(2),
                }
            }
        }
    }

    /// `s` with characters inserted, removed, replaced, or cut short.
    pub fn mutate_text(&mut self, s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        for _ in 0..=self.below(4) {
            let len = chars.len() as u64;
            match self.below(5) {
                0 if len > 0 => {
                    chars.remove(self.below(len) as usize);
                }
                1 => {
                    let c = *self.pick(Gen::NASTY);
                    chars.insert(self.below(len + 1) as usize, c);
                }
                2 if len > 0 => {
                    let i = self.below(len) as usize;
                    chars[i] = *self.pick(Gen::NASTY);
                }
                3 => chars.truncate(self.below(len + 1) as usize),
                _ => {
                    let extra: Vec<char> = self.text(6).chars().collect();
                    let at = self.below(len + 1) as usize;
                    chars.splice(at..at, extra);
                }
            }
        }
        chars.into_iter().collect()
    }
}

// ---------------------------------------------------------------------------
// Real examples to start from.

/// What main stored in each collection (version 1), by collection name.
pub fn stored_examples() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        (
            "drafts",
            include_str!("../tests/fixtures/stored/drafts.v1.json"),
        ),
        (
            "applications",
            include_str!("../tests/fixtures/stored/applications.v1.json"),
        ),
        (
            "eds-keys",
            include_str!("../tests/fixtures/stored/eds-keys.v1.json"),
        ),
        ("otp", include_str!("../tests/fixtures/stored/otp.v1.json")),
        ("sms", include_str!("../tests/fixtures/stored/sms.v1.json")),
        (
            "complaints",
            include_str!("../tests/fixtures/stored/complaints.v1.json"),
        ),
        (
            "complaint-drafts",
            include_str!("../tests/fixtures/stored/complaint-drafts.v1.json"),
        ),
        (
            "seen",
            include_str!("../tests/fixtures/stored/seen.v1.json"),
        ),
        (
            "session",
            include_str!("../tests/fixtures/stored/session.v1.json"),
        ),
        (
            "clock",
            include_str!("../tests/fixtures/stored/clock.v1.json"),
        ),
        (
            "staff-role",
            include_str!("../tests/fixtures/stored/staff-role.v1.json"),
        ),
        (
            "operator",
            include_str!("../tests/fixtures/stored/operator.v1.json"),
        ),
        (
            "operator-data",
            include_str!("../tests/fixtures/stored/operator-data.v1.json"),
        ),
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
/// would; returns whether it decoded.
type Use = fn(&str, &Format, &mut Gen) -> bool;
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

fn decode<T: DeserializeOwned>(raw: &str, format: &Format) -> Option<T> {
    store::decode::<T>(raw, format).ok().map(|e| e.data)
}

fn no_extra() -> Vec<String> {
    Vec::new()
}

fn today(g: &mut Gen) -> chrono::NaiveDate {
    let t = g.instant();
    kztime::local_date(t).unwrap_or_else(|_| t.date_naive())
}

fn use_drafts(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(drafts) = decode::<BTreeMap<String, Draft>>(raw, f) else {
        return false;
    };
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
    true
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

fn use_applications(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(apps) = decode::<BTreeMap<String, Submission>>(raw, f) else {
        return false;
    };
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
    true
}

fn use_keys(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(keys) = decode::<Vec<KeyFile>>(raw, f) else {
        return false;
    };
    for k in &keys {
        let _ = k.certificate.is_authentic();
        let _ = k.certificate.check_validity(g.instant());
        let _ = k.kdf_input();
        let _ = eds::check_before_unlock(k, &k.certificate.owner_iin, g.instant());
        // Never derive (a stored count may be huge); a fixed key fails fast.
        let key = VaultKey::from_derived([7; 32], [1; 16], k.encrypted_private_key.iterations);
        let _ = eds::sign_with_key(k, &key, &k.certificate.owner_iin, &json!({}), g.instant());
    }
    true
}

fn use_otp(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(mut book) = decode::<OtpBook>(raw, f) else {
        return false;
    };
    let phone = ["+77015550101", "+7 701 555 01 01", "", "é"];
    for _ in 0..3 {
        let now = g.instant();
        let flow = g
            .pick(&["sign:3f2a9c1b7d4e6a80", "consent:3f2a9c1b7d4e6a80", "x"])
            .to_string();
        let p = *g.pick(&phone);
        match g.below(6) {
            0 => {
                let _ = book.send(&flow, p, Purpose::Signing, "d", Policy::PORTAL, now, || {
                    Ok([1; 20])
                });
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
    true
}

fn use_complaints(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(cs) = decode::<BTreeMap<String, Complaint>>(raw, f) else {
        return false;
    };
    for c in cs.values() {
        let _ = c.status();
        let _ = c.registration();
        let _ = c.is_overdue(g.instant());
        let _ = c.court_notice();
        let _ = complaint::escalate(c, g.text(20));
        let _ = complaint::validate(&c.draft);
    }
    true
}

fn use_complaint_drafts(raw: &str, f: &Format, _: &mut Gen) -> bool {
    let Some(ds) = decode::<BTreeMap<String, ComplaintDraft>>(raw, f) else {
        return false;
    };
    for d in ds.values() {
        let _ = complaint::validate(d);
        let _ = complaint::normalize_phone(&d.phone);
        let _ = complaint::surname_and_initials(&d.surname, &d.name, d.patronymic.as_deref());
    }
    true
}

fn use_value(raw: &str, f: &Format, _: &mut Gen) -> bool {
    decode::<Value>(raw, f).is_some()
}

fn use_session(raw: &str, f: &Format, _: &mut Gen) -> bool {
    let Some(iin) = decode::<Option<String>>(raw, f) else {
        return false;
    };
    if let Some(i) = iin {
        let _ = registry::find(&i);
        let _ = registry::children_of(&i);
        let _ = iin::validate(&i);
    }
    true
}

fn use_clock(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(offset) = decode::<i64>(raw, f) else {
        return false;
    };
    let real = g.instant();
    let now = demo_clock::demo_now(real, offset);
    let _ = demo_clock::offset(offset);
    let _ = demo_clock::advanced(offset, now.signed_duration_since(real));
    let _ = kztime::local_date(now);
    true
}

fn use_operator(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(mut st) = decode::<OperatorStore>(raw, f) else {
        return false;
    };
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
    true
}

fn use_operator_data(raw: &str, f: &Format, g: &mut Gen) -> bool {
    let Some(mut data) = decode::<OperatorData>(raw, f) else {
        return false;
    };
    let _ = data.to_deliver();
    let now = g.instant();
    for v in &mut data.visits {
        let _ = v.person();
        let _ = v.required();
        let _ = v.missing();
        let _ = v.deadline();
        let _ = visit::signature_is_drawn(&v.strokes);
        if g.chance(30) {
            let _ = v.finish(now);
        }
        if let Some(s) = v.otp.as_mut() {
            let _ = s.verify(&g.text(8), now);
            let _ = s.seconds_until_resend(now);
        }
    }
    let _ = visit::sync(&mut data, g.chance(50), now);
    true
}

fn extra_otp() -> Vec<String> {
    let now = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
    let mut book = OtpBook::default();
    let _ = book.send(
        "sign:a",
        "+77015550101",
        Purpose::Signing,
        "d",
        Policy::PORTAL,
        now,
        || Ok([1; 20]),
    );
    let _ = book.send(
        "consent:a",
        "+77015550101",
        Purpose::Consent,
        "e",
        Policy::PORTAL,
        now,
        || Ok([2; 20]),
    );
    let _ = book.verify("sign:a", "000000", now);
    vec![store::encode(3, &book, &formats::OTP)]
}

fn extra_operator() -> Vec<String> {
    let mut guard = visit::PinGuard::default();
    let now = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
    for _ in 0..4 {
        guard.wrong(now);
    }
    let sealed = vault::seal_with_key(
        &VaultKey::from_derived([1; 32], [2; 16], 600_000),
        b"{}",
        [3; 12],
    );
    vec![store::encode(
        2,
        &OperatorStore {
            sealed: Some(sealed),
            guard,
        },
        &formats::OPERATOR,
    )]
}

fn exerciser(name: &str) -> Exerciser {
    let (use_it, upgrade, extra): (Use, Upgrade, Extra) = match name {
        "drafts" => (use_drafts, upgrade::<BTreeMap<String, Draft>>, no_extra),
        "applications" => (
            use_applications,
            upgrade::<BTreeMap<String, Submission>>,
            no_extra,
        ),
        "eds-keys" => (use_keys, upgrade::<Vec<KeyFile>>, no_extra),
        "otp" => (use_otp, upgrade::<OtpBook>, extra_otp),
        "complaints" => (
            use_complaints,
            upgrade::<BTreeMap<String, Complaint>>,
            no_extra,
        ),
        "complaint-drafts" => (
            use_complaint_drafts,
            upgrade::<BTreeMap<String, ComplaintDraft>>,
            no_extra,
        ),
        "session" => (use_session, upgrade::<Option<String>>, no_extra),
        "clock" => (use_clock, upgrade::<i64>, no_extra),
        "operator" => (use_operator, upgrade::<OperatorStore>, extra_operator),
        "operator-data" => (use_operator_data, upgrade::<OperatorData>, no_extra),
        _ => (use_value, upgrade::<Value>, no_extra),
    };
    Exerciser {
        use_it,
        upgrade,
        extra,
    }
}

// ---------------------------------------------------------------------------
// Targets

/// One thing fuzzed: a name, a share of the inputs, and how to make and run
/// one input.
pub struct Target {
    pub name: String,
    pub weight: u64,
    /// Makes and runs one input; true if it got past the first parser
    /// (decoded), so the report shows the inputs reach the code behind it.
    pub run: Box<dyn FnMut(&mut Gen) -> bool>,
}

/// A stored collection: mutated stored texts through its decoder, what the
/// app does with the data, and now and then the whole load (quarantine
/// included) and a write on an in-memory storage.
fn collection_target(name: &'static str, format: Format) -> Target {
    let ex = exerciser(name);
    let seeds = seeds(name, &format, &ex);
    let parsed: Vec<Value> = seeds
        .iter()
        .filter_map(|s| serde_json::from_str(s).ok())
        .collect();
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
            let decoded = (ex.use_it)(&raw, &format, g);
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

fn typed_input_targets() -> Vec<Target> {
    let key_file = stored_examples()
        .get("eds-keys")
        .and_then(|raw| store::decode::<Vec<KeyFile>>(raw, &formats::EDS_KEYS).ok())
        .and_then(|e| e.data.into_iter().next());
    let key_text = key_file
        .as_ref()
        .map(KeyFile::to_file_string)
        .unwrap_or_default();
    let key_value: Value = serde_json::from_str(&key_text).unwrap_or(Value::Null);
    let signed: Option<SignedDocument> = stored_examples()
        .get("applications")
        .and_then(|raw| {
            store::decode::<BTreeMap<String, Submission>>(raw, &formats::APPLICATIONS).ok()
        })
        .and_then(|e| {
            e.data.into_values().find_map(|s| match s.signature {
                submission::SignatureRecord::Eds { signed } => Some(signed),
                _ => None,
            })
        });
    let signed_value = serde_json::to_value(&signed).unwrap_or(Value::Null);
    let sealed_value = key_value
        .get("encrypted_private_key")
        .cloned()
        .unwrap_or(Value::Null);
    vec![
        Target {
            name: "typed SMS code".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let now = g.instant();
                let mut s = OtpSession::new(
                    "+77015550101",
                    Purpose::Signing,
                    "d",
                    [5; 20],
                    Policy::PORTAL,
                );
                let _ = s.issue(now);
                let typed = g.text(10);
                let ok = s.verify(&typed, now).is_ok();
                let _ = otp::spaced(&typed);
                let _ = s.confirmation("d");
                ok
            }),
        },
        Target {
            name: "typed IIN".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let s = if g.chance(50) {
                    g.mutate_text("850314401018")
                } else {
                    g.text(14)
                };
                let _ = registry::find(&s);
                iin::validate(&s).is_ok()
            }),
        },
        Target {
            name: "typed PIN".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let pin = if g.chance(50) {
                    (0..4 + g.below(30))
                        .map(|_| char::from(b'0' + g.below(10) as u8))
                        .collect()
                } else {
                    g.text(40)
                };
                let confirm = if g.chance(50) { pin.clone() } else { g.text(8) };
                let _ = visit::is_trivial_pin(&pin);
                visit::check_new_pin(&pin, &confirm).is_ok()
            }),
        },
        Target {
            name: "on-screen keyboard caret".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let value = g.text(12);
                let (a, b) = (g.below(30) as usize, g.below(30) as usize);
                let insert = g.text(3);
                let _ = caret::splice_utf16(&value, a, b, &insert);
                let _ = caret::backspace_utf16(&value, a, b);
                true
            }),
        },
        Target {
            name: "typed instant".into(),
            weight: 6,
            run: Box::new(|g: &mut Gen| {
                let s = if g.chance(50) {
                    g.mutate_text("2026-05-04T10:00:00+05:00")
                } else {
                    g.text(30)
                };
                kztime::parse_instant(&s).is_ok()
            }),
        },
        Target {
            name: "imported key file".into(),
            weight: 3,
            run: Box::new(move |g: &mut Gen| {
                let text = if g.chance(70) {
                    g.mutate(&key_value).to_string()
                } else {
                    g.mutate_text(&key_text)
                };
                KeyFile::from_file_string(&text).is_ok()
            }),
        },
        Target {
            name: "sealed blob".into(),
            weight: 4,
            run: Box::new(move |g: &mut Gen| {
                let v = g.mutate(&sealed_value);
                let Ok(s) = serde_json::from_value::<Sealed>(v) else {
                    return false;
                };
                let _ = s.kdf_input();
                let key = VaultKey::from_derived([9; 32], [1; 16], s.iterations);
                let _ = vault::open_with_key(&key, &s);
                s.check().is_ok()
            }),
        },
        Target {
            name: "signed document".into(),
            weight: 2,
            run: Box::new(move |g: &mut Gen| {
                let v = g.mutate(&signed_value);
                let Ok(s) = serde_json::from_value::<SignedDocument>(v) else {
                    return false;
                };
                let iin = s.certificate.owner_iin.clone();
                let _ = eds::verify_new(&s, &iin, g.instant());
                eds::verify(&s, &iin, g.instant()).is_ok()
            }),
        },
    ]
}

fn targets() -> Vec<Target> {
    let mut all: Vec<Target> = formats::ALL
        .iter()
        .map(|(name, format)| collection_target(name, *format))
        .collect();
    all.extend(typed_input_targets());
    all
}

// ---------------------------------------------------------------------------
// Running

/// What one target saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetReport {
    pub name: String,
    pub inputs: u64,
    /// Inputs that got past the first parser.
    pub decoded: u64,
    pub panics: u64,
}

/// The outcome of a run.
#[derive(Clone, Debug)]
pub struct Report {
    pub seed: u64,
    pub targets: Vec<TargetReport>,
    pub elapsed: Duration,
    /// The first panic's target and message, to reproduce it.
    pub first_panic: Option<String>,
}

impl Report {
    pub fn inputs(&self) -> u64 {
        self.targets.iter().map(|t| t.inputs).sum()
    }

    pub fn panics(&self) -> u64 {
        self.targets.iter().map(|t| t.panics).sum()
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `total` generated inputs, shared among the targets by weight,
/// from `seed`. Panics are caught and counted (in a build that unwinds).
pub fn run(total: u64, seed: u64) -> Report {
    run_targets(targets(), total, seed)
}

/// [`run`] on the given targets.
pub fn run_targets(mut all: Vec<Target>, total: u64, seed: u64) -> Report {
    let weights: u64 = all.iter().map(|t| t.weight).sum();
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
    let start = Instant::now();
    let mut g = Gen::new(seed);
    let mut reports = Vec::new();
    let mut first_panic = None;
    let mut given = 0;
    let count = all.len();
    for (i, t) in all.iter_mut().enumerate() {
        let n = if i + 1 == count {
            total.saturating_sub(given)
        } else {
            total * t.weight / weights
        };
        given += n;
        let (mut panics, mut decoded) = (0, 0);
        for k in 0..n {
            let input_seed = g.next_u64();
            let mut local = Gen::new(input_seed);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| (t.run)(&mut local)));
            if matches!(outcome, Ok(true)) {
                decoded += 1;
            }
            if outcome.is_err() {
                panics += 1;
                if first_panic.is_none() {
                    let msg = LAST_PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_default();
                    first_panic = Some(format!(
                        "{}: input {k} (input seed {input_seed:#x}): {msg}",
                        t.name
                    ));
                }
            }
        }
        reports.push(TargetReport {
            name: t.name.clone(),
            inputs: n,
            decoded,
            panics,
        });
    }
    panic::set_hook(previous_hook);
    Report {
        seed,
        targets: reports,
        elapsed: start.elapsed(),
        first_panic,
    }
}
