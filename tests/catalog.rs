#![cfg(not(target_arch = "wasm32"))]
//! The catalogue is law as data, so these tests hold it to its sources:
//! every item has a provenance, every citation's quote is on the cited line
//! of the seed in the cited language, every assumption names a RULES.md §6
//! entry, and lost-force text is never presented as current.

use std::collections::BTreeSet;

use qujat::engine::catalog::{
    self, AppendixOf, Duration, FieldKind, Place, Purpose, ReceiptField, ReceiptKind, Service,
    Situation, Stage, notes,
};
use qujat::engine::service::ServiceId;
use qujat::engine::source::{Lang, QUOTES_TXT, Seed, Status};
use qujat::engine::term::{Channel, ClockTime, EndRule, Location, StartRule, Unit};
use serde_json::{Map, Value};

mod common;
use common::provenance::{VALID_RULES, line_lang, norm, seed_lines};
use common::{d, sid};

fn seed_of(s: &str) -> Seed {
    serde_json::from_value(Value::String(s.to_string())).unwrap_or_else(|_| panic!("seed {s}"))
}

fn status_of(s: &str) -> Status {
    serde_json::from_value(Value::String(s.to_string())).unwrap_or_else(|_| panic!("status {s}"))
}

/// The seeds a service's own (non-assumption) items may cite.
fn own_seeds(service: &str) -> &'static [Seed] {
    match service {
        "S1" => &[Seed::F000],
        "S2" => &[Seed::F001, Seed::F002],
        _ => &[Seed::F003, Seed::F004],
    }
}

struct Walker<'a> {
    service: &'a Service,
    seeds: [Vec<String>; 5],
    errors: Vec<String>,
    provenances: usize,
    texts: usize,
}

impl Walker<'_> {
    fn line(&self, seed: Seed, line: u32) -> Option<&String> {
        let i = Seed::ALL.iter().position(|s| *s == seed).unwrap();
        self.seeds[i].get((line as usize).checked_sub(1)?)
    }

    fn err(&mut self, path: &str, msg: String) {
        self.errors.push(format!("{} {path}: {msg}", self.service.id));
    }

    fn walk(&mut self, v: &Value, path: &str) {
        match v {
            Value::Object(o) => self.object(o, path),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    self.walk(x, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    fn object(&mut self, o: &Map<String, Value>, path: &str) {
        let here = match o.get("id").and_then(Value::as_str) {
            Some(id) => format!("{path}<{id}>"),
            None => path.to_string(),
        };
        for (k, v) in o {
            if (k == "provenance" || k.ends_with("_provenance")) && !v.is_null() {
                self.provenance(v, &format!("{here}.{k}"));
            }
        }
        if let Some(text) = o.get("text") {
            match o.get("provenance") {
                None => self.err(&here, "has a text but no sibling provenance".into()),
                Some(p) => self.text(text, p, &format!("{here}.text")),
            }
        }
        for (k, v) in o {
            self.walk(v, &format!("{here}.{k}"));
        }
    }

    /// kk, ru, en non-empty; en always ours; a kk or ru text not marked
    /// working must be verbatim on a line its provenance cites.
    fn text(&mut self, t: &Value, provenance: &Value, path: &str) {
        self.texts += 1;
        let working: Vec<&str> = t["working"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for lang in ["kk", "ru", "en"] {
            let s = t[lang].as_str().unwrap_or("");
            if s.trim().is_empty() {
                self.err(path, format!("empty {lang} text"));
            }
        }
        if !working.contains(&"en") {
            self.err(path, "English must be listed as working".into());
        }
        for lang in ["kk", "ru"] {
            if working.contains(&lang) {
                continue;
            }
            let ours = norm(t[lang].as_str().unwrap_or(""));
            let ours = ours.trim_matches(|c: char| "«»\"“” .;:".contains(c)).to_lowercase();
            let found = provenance["cites"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| c["lang"] == lang)
                .any(|c| {
                    let seed = seed_of(c["seed"].as_str().unwrap_or(""));
                    let line = c["line"].as_u64().unwrap_or(0) as u32;
                    self.line(seed, line).is_some_and(|l| norm(l).to_lowercase().contains(&ours))
                });
            if !found {
                self.err(
                    path,
                    format!("{lang} is presented as official but is not verbatim on a cited {lang} line: {ours:?}"),
                );
            }
        }
    }

    fn provenance(&mut self, p: &Value, path: &str) {
        self.provenances += 1;
        let status = status_of(p["status"].as_str().unwrap_or("?"));
        let rule = p["rule"].as_str();
        let cites = p["cites"].as_array().cloned().unwrap_or_default();
        if status != Status::Assumption && cites.is_empty() {
            self.err(path, "a non-assumption item needs a citation".into());
        }
        if status == Status::Assumption {
            if rule.is_none() {
                self.err(path, "an assumption must name its RULES.md §6 rule".into());
            }
            if p["note"].is_null() {
                self.err(path, "an assumption needs a kk/ru/en note".into());
            }
        }
        if let Some(r) = rule {
            // Issue 11 item 12: a value that follows a §6 resolution is an
            // interpretation and says so; a seed's own value names no rule.
            if status != Status::Assumption {
                self.err(path, format!("follows {r} but is {status:?}, not an assumption"));
            }
            if !VALID_RULES.contains(&r) {
                self.err(path, format!("rule {r} is not a RULES.md §6 heading"));
            }
            if self.service.assumption(r).is_none() {
                self.err(path, format!("rule {r} is not in the service's assumptions list"));
            }
        }
        if !p["note"].is_null() {
            self.text(&p["note"], p, &format!("{path}.note"));
        }
        for c in &cites {
            let seed = seed_of(c["seed"].as_str().unwrap_or(""));
            let line = c["line"].as_u64().unwrap_or(0) as u32;
            let quote = c["quote"].as_str().unwrap_or("");
            let at = format!("{path} {seed:?} L{line}");
            if c["clause"].as_str().is_none_or(|s| s.trim().is_empty()) {
                self.err(&at, "empty clause".into());
            }
            match self.line(seed, line) {
                None => self.err(&at, "no such line".into()),
                Some(text) => {
                    if quote.trim().is_empty() || !norm(text).contains(&norm(quote)) {
                        self.err(&at, format!("line does not contain {quote:?}"));
                    }
                }
            }
            if let Some(e) = numbered_wrongly(c, quote) {
                self.err(&at, e);
            }
            match line_lang(seed, line) {
                Some(l) if c["lang"] == l => {}
                l => self.err(&at, format!("lang {} but the line is {l:?}", c["lang"])),
            }
            // Lost-force text is history or the source of an assumption, never current law.
            if seed == Seed::F004 && !matches!(status, Status::LostForce | Status::Assumption) {
                self.err(&at, format!("cites F004 under status {status:?}"));
            }
            if status != Status::Assumption {
                if seed.status() != status {
                    self.err(&at, format!("{seed:?} is {:?}, item says {status:?}", seed.status()));
                }
                if !own_seeds(self.service.id.as_str()).contains(&seed) {
                    self.err(&at, format!("{seed:?} is not a source of this service"));
                }
            }
            // C-36: F000 is never the basis of an S2/S3 item, only the source of an analogy.
            if seed == Seed::F000 && self.service.id != ServiceId::S1 && rule != Some("C-36") {
                self.err(&at, "cites F000 outside the C-36 analogy".into());
            }
        }
    }
}

fn walk(service: &Service) -> Walker<'_> {
    let mut w = Walker {
        service,
        seeds: Seed::ALL.map(seed_lines),
        errors: Vec::new(),
        provenances: 0,
        texts: 0,
    };
    let v = serde_json::to_value(service).unwrap();
    w.walk(&v, "");
    w
}

fn svc(id: &str) -> &'static Service {
    catalog::find(id).unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

// ---------------------------------------------------------------------------
// 1. The embedded data parses.

#[test]
fn embedded_data_parses_in_order() {
    let parsed = catalog::try_all().unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = parsed.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["S1", "S2", "S3"]);
    let ids: Vec<&str> = catalog::all().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["S1", "S2", "S3"]);
    assert!(catalog::find("S4").is_none());
    assert!(catalog::parse_service(ServiceId::S2, catalog::embedded()[0].1).is_err());
}

/// The bundles that fetch their texts embed the services' packed copies
/// (`engine::embedded::embedded_data!`): each text
/// a slot in the language packs instead of its three languages. Read
/// through the installed packs, every service is the full data, field for
/// field and text for text; and without the packs, a slotted text is
/// empty rather than another text.
#[test]
fn the_packed_services_read_through_the_packs_are_the_full_services() {
    use qujat::i18n::pack;
    let full = catalog::try_all().unwrap_or_else(|e| panic!("{e}"));
    let packed: Vec<Service> =
        [("s1", ServiceId::S1), ("s2", ServiceId::S2), ("s3", ServiceId::S3)]
            .into_iter()
            .map(|(name, id)| {
                let (_, json) = common::packs::copies(name);
                catalog::parse_service(id, json).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect();
    let first = packed[0].name.text.slot.expect("S1's name is in the packs") as usize;
    assert!(first >= pack::MESSAGE_SLOTS, "a service text in a message's slot");
    assert_eq!(packed[0].name.text.get(Lang::Ru), "", "read before any pack is installed");
    common::packs::install_all();
    // Every text of the packed data, resolved through the packs.
    let mut slots = Vec::new();
    for (f, p) in full.iter().zip(&packed) {
        slots.extend(common::packs::assert_same(p, f, f.id.as_str()));
        assert_eq!(p.name.text.get(Lang::Kk), f.name.text.get(Lang::Kk));
    }
    // Each text its own slot, after the messages' (that the data files'
    // slots together are exactly the packs' after the messages is
    // `tests/packs.rs`'s to check).
    let count = slots.len();
    slots.sort_unstable();
    slots.dedup();
    assert_eq!(slots.len(), count, "two service texts share a slot");
    assert!(slots.iter().all(|&s| (pack::MESSAGE_SLOTS..pack::SLOTS).contains(&s)));
    assert!(count > 300, "only {count} service texts");
}

/// `catalog::act` looks first at the services already read (a passport
/// reads only its own file), which gives the same answer in any order
/// only if each act is listed by one service: checked here.
#[test]
fn each_act_is_listed_by_one_service() {
    let parsed = catalog::try_all().unwrap_or_else(|e| panic!("{e}"));
    let mut seen = BTreeSet::new();
    for s in &parsed {
        for a in &s.acts {
            assert!(
                seen.insert(format!("{:?}", a.seed)),
                "{:?} is listed twice ({})",
                a.seed,
                s.id
            );
            let found = catalog::act(a.seed).expect("act() finds every listed act");
            assert_eq!(found.seed, a.seed);
            assert_eq!(found, a, "{:?}: act() gives {}'s record", a.seed, s.id);
        }
    }
    assert_eq!(seen.len(), 5, "the five seeds' acts: {seen:?}");
}

/// Every key and value of `raw` is in `out` (arrays of the same length).
fn subset_of(raw: &Value, out: &Value, path: &str, errs: &mut Vec<String>) {
    match (raw, out) {
        (Value::Object(r), Value::Object(o)) => {
            for (k, v) in r {
                match o.get(k) {
                    Some(w) => subset_of(v, w, &format!("{path}.{k}"), errs),
                    None => errs.push(format!("{path}.{k} is dropped")),
                }
            }
        }
        (Value::Array(r), Value::Array(o)) if r.len() == o.len() => {
            for (i, (a, b)) in r.iter().zip(o).enumerate() {
                subset_of(a, b, &format!("{path}[{i}]"), errs);
            }
        }
        (a, b) if a == b => {}
        (a, b) => errs.push(format!("{path}: {a} became {b}")),
    }
}

/// serde drops unknown keys inside `Text` and `Provenance`; a misspelt
/// `cites` or `note` would vanish silently. Every key and value of the data
/// must come back out of the model.
#[test]
fn nothing_in_the_data_is_dropped_by_the_model() {
    let mut errs = Vec::new();
    for (id, json) in catalog::embedded() {
        let raw: Value = serde_json::from_str(json).unwrap();
        let out = serde_json::to_value(catalog::parse_service(id, json).unwrap()).unwrap();
        subset_of(&raw, &out, id.as_str(), &mut errs);
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

/// The same for the engine's own provenance (`engine.toml`).
#[test]
fn nothing_in_the_engine_notes_is_dropped_by_the_model() {
    let raw: Value = serde_json::from_str(notes::notes_embedded()).unwrap();
    let out = serde_json::to_value(notes::parse_notes(notes::notes_embedded()).unwrap()).unwrap();
    let mut errs = Vec::new();
    subset_of(&raw, &out, "engine", &mut errs);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    assert_eq!(&out, &serde_json::to_value(catalog::notes()).unwrap());
}

/// Every citation and note the engine applies itself (moved out of the
/// deadline and life-cycle code into `engine.toml`) is held to the same
/// standard as the catalogue: each quote on its cited line, in the cited
/// language, with a clause; each assumption naming its RULES.md rule (a §6
/// entry, or a section such as "§5.2") with a kk/ru/en note; a cited item
/// with the status of its seed.
#[test]
fn every_engine_note_is_sourced_and_every_quote_is_on_its_line() {
    fn walk(
        v: &Value, path: &str, seeds: &[Vec<String>; 5], found: &mut usize, errs: &mut Vec<String>,
    ) {
        let Value::Object(o) = v else {
            if let Value::Array(a) = v {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), seeds, found, errs);
                }
            }
            return;
        };
        if o.contains_key("quote") {
            *found += 1;
            let seed = seed_of(o["seed"].as_str().unwrap_or(""));
            let line = o["line"].as_u64().unwrap_or(0) as u32;
            let quote = o["quote"].as_str().unwrap_or("");
            let text = usize::try_from(line)
                .ok()
                .and_then(|l| l.checked_sub(1))
                .and_then(|i| seeds[seed as usize].get(i));
            match text {
                Some(text) if !quote.trim().is_empty() && norm(text).contains(&norm(quote)) => {}
                _ => errs.push(format!("{path}: {seed:?} L{line} does not contain {quote:?}")),
            }
            if let Some(e) = numbered_wrongly(v, quote) {
                errs.push(format!("{path}: {e}"));
            }
            if line_lang(seed, line) != o["lang"].as_str() {
                errs.push(format!(
                    "{path}: lang {} but the line is {:?}",
                    o["lang"],
                    line_lang(seed, line)
                ));
            }
            if o["clause"].as_str().is_none_or(|c| c.trim().is_empty()) {
                errs.push(format!("{path}: empty clause"));
            }
        }
        if let Some(status) = o.get("status").and_then(Value::as_str) {
            let status = status_of(status);
            let rule = o.get("rule").and_then(Value::as_str);
            if status == Status::Assumption {
                if !rule.is_some_and(|r| VALID_RULES.contains(&r) || r.starts_with('§')) {
                    errs.push(format!("{path}: an assumption must name its rule, not {rule:?}"));
                }
                if o.get("note").is_none_or(Value::is_null) {
                    errs.push(format!("{path}: an assumption needs a kk/ru/en note"));
                }
            } else {
                if let Some(r) = rule {
                    errs.push(format!("{path}: follows {r} but is {status:?}, not an assumption"));
                }
                let cites = o["cites"].as_array().cloned().unwrap_or_default();
                if cites.is_empty() {
                    errs.push(format!("{path}: a non-assumption item needs a citation"));
                }
                for c in cites {
                    let seed = seed_of(c["seed"].as_str().unwrap_or(""));
                    if seed.status() != status {
                        errs.push(format!(
                            "{path}: {seed:?} is {:?}, item says {status:?}",
                            seed.status()
                        ));
                    }
                }
            }
        }
        if o.contains_key("kk") {
            for lang in ["kk", "ru", "en"] {
                if o[lang].as_str().is_none_or(|s| s.trim().is_empty()) {
                    errs.push(format!("{path}: empty {lang} text"));
                }
            }
            if !o["working"].as_array().is_some_and(|w| w.contains(&Value::from("en"))) {
                errs.push(format!("{path}: English must be listed as working"));
            }
        }
        for (k, x) in o {
            walk(x, &format!("{path}.{k}"), seeds, found, errs);
        }
    }
    let seeds = Seed::ALL.map(seed_lines);
    let (mut found, mut errs) = (0, Vec::new());
    walk(&serde_json::to_value(catalog::notes()).unwrap(), "engine", &seeds, &mut found, &mut errs);
    assert!(found >= 10, "walked only {found} citations");
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    // And the walk notices a wrong quote (not on its line, not the words
    // its number gives), a wrong number, and an assumption without a rule.
    let mut broken = serde_json::to_value(catalog::notes()).unwrap();
    broken["provider_delivery"]["cites"][0]["quote"] = "not in the seed".into();
    broken["location_assumption"]["cites"][0]["q"] = 0.into();
    broken["storage"]["start"]["rule"] = Value::Null;
    let (mut found, mut errs) = (0, Vec::new());
    walk(&broken, "broken", &seeds, &mut found, &mut errs);
    assert_eq!(errs.len(), 4, "{errs:?}");
    assert_eq!(errs.iter().filter(|e| e.contains("quote number")).count(), 2, "{errs:?}");
}

/// The web build shows a citation's quote by its number in the list of
/// quotes (`src/build.rs`, step 3): that line must be the citation's seed,
/// line and quote.
fn numbered_wrongly(cite: &Value, quote: &str) -> Option<String> {
    let Some(n) = cite.get("q").and_then(Value::as_u64) else {
        return Some(format!("{quote:?} has no quote number"));
    };
    let want = format!("{}\t{}\t{quote}", cite["seed"].as_str().unwrap_or(""), cite["line"]);
    match QUOTES_TXT.lines().nth(n as usize + 1) {
        Some(entry) if entry == want => None,
        entry => Some(format!("quote number {n} is {entry:?}, not {want:?}")),
    }
}

#[test]
fn the_list_of_quotes_is_each_quote_once_under_a_header_that_counts_them() {
    let mut lines = QUOTES_TXT.lines();
    let header = lines.next().unwrap();
    let quotes: Vec<&str> = lines.collect();
    let parts: Vec<&str> = header.split(' ').collect();
    assert_eq!(parts[0], "qujat-quotes");
    assert_eq!(parts[1].parse::<usize>().unwrap(), quotes.len());
    assert!(quotes.len() > 300, "{} quotes", quotes.len());
    let unique: BTreeSet<&str> = quotes.iter().copied().collect();
    assert_eq!(unique.len(), quotes.len(), "each quote once");
    for q in &quotes {
        let parts: Vec<&str> = q.split('\t').collect();
        assert_eq!(parts.len(), 3, "seed, line, words: {q:?}");
        assert!(parts[0].starts_with('F') && parts[1].parse::<u32>().is_ok(), "{q:?}");
        assert!(!parts[2].trim().is_empty(), "{q:?}");
    }
}

// ---------------------------------------------------------------------------
// 2. Every item, every citation.

#[test]
fn every_item_is_sourced_and_every_quote_is_on_its_line() {
    let mut errors = Vec::new();
    for s in catalog::all() {
        let w = walk(s);
        assert!(w.provenances > 50, "{}: walked only {}", s.id, w.provenances);
        assert!(w.texts > 50, "{}: walked only {} texts", s.id, w.texts);
        // The typed walk (`Service::items`, used by `rules_on`) must see every
        // provenance the JSON has, so no field escapes the validity check.
        if s.items().len() != w.provenances {
            errors.push(format!(
                "{}: Service::items() has {} provenances, the data {}: a field is missed",
                s.id,
                s.items().len(),
                w.provenances
            ));
        }
        errors.extend(w.errors);
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_walker_catches_broken_data() {
    let mut s = svc("S2").clone();
    s.name.provenance.cites[0].quote = "not in the seed".into();
    s.cost.provenance.cites[0].lang = serde_json::from_str("\"kk\"").unwrap();
    s.documents[0].provenance.rule = Some("C-99".into());
    s.provider[1].provenance.cites[0].seed = Seed::F004;
    s.recipients[0].provenance.rule = Some("C-04".into());
    s.results[0].text.ru.push_str(" (ours)");
    s.provider[0].text.working.clear();
    let errors = walk(&s).errors.join("\n");
    for want in [
        "does not contain",
        "lang",
        "C-99",
        "cites F004 under status Regional",
        "follows C-04 but is National, not an assumption",
        "ru is presented as official",
        "English must be listed",
    ] {
        assert!(errors.contains(want), "missing {want:?} in:\n{errors}");
    }
}

#[test]
fn assumption_lists_name_real_rules() {
    for s in catalog::all() {
        let mut seen = BTreeSet::new();
        for a in &s.assumptions {
            assert!(VALID_RULES.contains(&a.id.as_str()), "{} {}", s.id, a.id);
            assert_eq!(a.provenance.status, Status::Assumption, "{} {}", s.id, a.id);
            assert_eq!(a.provenance.rule.as_deref(), Some(a.id.as_str()));
            assert!(seen.insert(a.id.clone()), "{} lists {} twice", s.id, a.id);
        }
    }
}

#[test]
fn ids_are_unique_within_each_section() {
    for s in catalog::all() {
        let mut seen = BTreeSet::new();
        for i in s.items() {
            assert!(seen.insert((i.section, i.id)), "{}: {}/{} twice", s.id, i.section, i.id);
        }
    }
}

// ---------------------------------------------------------------------------
// 3. Status and validity.

#[test]
fn f004_lost_force_on_29_september_2020_as_an_assumption() {
    let f004 = catalog::act(Seed::F004).unwrap();
    assert_eq!(f004.level, Status::LostForce);
    assert_eq!(f004.valid_until, Some(d("2020-09-29")));
    let dates = f004.dates_provenance.as_ref().unwrap();
    assert_eq!(dates.status, Status::Assumption);
    assert!(dates.note.is_some());
    for seed in [Seed::F000, Seed::F001, Seed::F003] {
        assert_eq!(catalog::act(seed).unwrap().level, Status::National);
    }
    assert_eq!(catalog::act(Seed::F002).unwrap().level, Status::Regional);
}

fn cites_f004(i: &catalog::ItemRef<'_>) -> bool {
    i.provenance.cites.iter().any(|c| c.seed == Seed::F004)
}

#[test]
fn no_f004_item_is_current_after_it_lost_force() {
    for day in [d("2020-09-29"), d("2021-01-01"), d("2026-06-01")] {
        let current = catalog::rules_on(day);
        assert!(!current.is_empty());
        let bad: Vec<_> = current
            .iter()
            .filter(|r| cites_f004(&r.item) || r.item.provenance.status == Status::LostForce)
            .map(|r| format!("{} {}/{}", r.service, r.item.section, r.item.id))
            .collect();
        assert!(bad.is_empty(), "{day}: {bad:?}");
        // National items are still there.
        assert!(current.iter().any(|r| r.service == ServiceId::S3 && r.item.id == "false-data"));
    }
}

#[test]
fn f004_items_applied_while_it_was_in_force() {
    let then = catalog::rules_on(d("2020-03-02"));
    let historical: Vec<_> =
        then.iter().filter(|r| r.item.provenance.status == Status::LostForce).collect();
    assert!(historical.iter().any(|r| r.item.id == "provider-register"));
    assert!(historical.iter().any(|r| r.item.id == "sc-issue"));
    // Before resolution 3/499 could have entered into force: not yet.
    let before = catalog::rules_on(d("2019-08-01"));
    assert!(!before.iter().any(|r| cites_f004(&r.item)));
    // Every lost-force item cites F004 only.
    for s in catalog::all() {
        for i in s.items() {
            if i.provenance.status == Status::LostForce {
                assert!(i.provenance.cites.iter().all(|c| c.seed == Seed::F004));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 4. Content spot checks.

#[test]
fn terms_per_service_and_channel() {
    let s1 = svc("S1");
    assert_eq!(s1.terms.len(), 2);
    for t in &s1.terms {
        assert_eq!((t.amount, t.unit), (20, Unit::CalendarDays));
        assert_eq!(t.start, StartRule::DayAfterHandIn);
        assert_eq!(t.end, EndRule::AsCounted);
        let end = t.end_provenance.as_ref().unwrap();
        assert_eq!(end.status, Status::Assumption);
    }

    let s2 = svc("S2");
    let portal: Vec<_> = s2.terms_for(Channel::Portal).collect();
    assert_eq!(portal.len(), 1);
    assert_eq!((portal[0].amount, portal[0].unit), (15, Unit::WorkingDays));
    assert_eq!(portal[0].start, StartRule::NextWorkingDayAfterCutoff { cutoff: "18:00".into() });
    assert_eq!(portal[0].start_provenance.rule.as_deref(), Some("C-05"));
    assert_eq!(portal[0].provenance.rule.as_deref(), Some("C-04"));
    for c in [Channel::Provider, Channel::StateCorporation] {
        let t: Vec<_> = s2.terms_for(c).collect();
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].amount, t[0].unit), (15, Unit::WorkingDays));
        assert_eq!(t[0].start, StartRule::DayAfterHandIn);
        assert_eq!(t[0].end, EndRule::AsCounted);
    }

    let s3 = svc("S3");
    let p: Vec<_> = s3.terms_for(Channel::Provider).collect();
    assert_eq!((p.len(), p[0].amount, p[0].location), (1, 3, None));
    assert_eq!(p[0].start_provenance.status, Status::Assumption);
    let sc: Vec<_> = s3.terms_for(Channel::StateCorporation).collect();
    let by = |l| sc.iter().find(|t| t.location == Some(l)).unwrap();
    assert_eq!(by(Location::Same).amount, 3);
    assert_eq!(by(Location::Other).amount, 8);
    // Explicit in F003 L14 for the State Corporation: not an assumption.
    assert_eq!(by(Location::Other).start_provenance.status, Status::National);
}

#[test]
fn only_s2_has_a_portal() {
    assert!(svc("S2").has_channel(Channel::Portal));
    for id in ["S1", "S3"] {
        let s = svc(id);
        assert!(!s.has_channel(Channel::Portal), "{id}");
        assert!(s.terms_for(Channel::Portal).next().is_none(), "{id}");
        assert!(s.how_to_apply.is_some(), "{id} explains how to apply instead");
        assert!(s.has_channel(Channel::Provider) && s.has_channel(Channel::StateCorporation));
    }
    assert!(svc("S2").how_to_apply.is_none());
}

#[test]
fn refusal_grounds_have_stable_ids() {
    let s2 = svc("S2");
    for id in ["incomplete-package", "expired-documents"] {
        assert_eq!(s2.refusal_ground(id).unwrap().stage, Stage::Acceptance, "{id}");
    }
    let s3 = svc("S3");
    for id in ["false-data", "non-compliance", "court-ban", "no-consent"] {
        let g = s3.refusal_ground(id).unwrap();
        assert_eq!((g.stage, g.provenance.status), (Stage::Decision, Status::National));
    }
    assert_eq!(
        s3.refusal_ground("incomplete-package").unwrap().provenance.rule.as_deref(),
        Some("C-27")
    );
    let s1 = svc("S1");
    assert_eq!(s1.refusal_grounds.len(), 1);
    assert_eq!(s1.refusal_grounds[0].provenance.status, Status::Assumption);
}

fn doc_ids(id: &str, channel: Channel, situations: &[Situation]) -> Vec<&'static str> {
    catalog::documents(sid(id), channel, situations).into_iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn s2_original_on_name_change_or_damage_not_on_loss() {
    for c in [Channel::Provider, Channel::StateCorporation] {
        assert!(doc_ids("S2", c, &[Situation::NameChange]).contains(&"original"));
        assert!(doc_ids("S2", c, &[Situation::Damage]).contains(&"original"));
        let loss = doc_ids("S2", c, &[Situation::Loss]);
        assert!(!loss.contains(&"original"), "{loss:?}");
        assert!(loss.contains(&"application") && loss.contains(&"identity"));
    }
    let original = svc("S2").documents.iter().find(|d| d.id == "original").unwrap();
    let quotes: Vec<&str> = original.provenance.cites.iter().map(|c| c.quote.as_str()).collect();
    assert!(quotes.iter().any(|q| q.contains("и (или)")));
    assert!(quotes.iter().any(|q| q.contains("және")));
    assert_eq!(original.provenance.rule.as_deref(), Some("C-08"));
    // The portal takes only the electronic application.
    let portal = doc_ids("S2", Channel::Portal, &[Situation::NameChange]);
    assert!(portal.contains(&"portal-application") && !portal.contains(&"original"));
    assert!(doc_ids("S2", Channel::Provider, &[Situation::Minor]).contains(&"parent-identity-gap"));
    assert!(
        doc_ids("S2", Channel::Provider, &[Situation::DigitalDocument])
            .contains(&"digital-consent")
    );
}

#[test]
fn s1_documents_by_situation() {
    let name_change = doc_ids("S1", Channel::Provider, &[Situation::NameChange]);
    assert!(name_change.contains(&"application") && !name_change.contains(&"original"));
    assert!(doc_ids("S1", Channel::StateCorporation, &[]).contains(&"application-to-head"));
    let liquidated = doc_ids("S1", Channel::Provider, &[Situation::Liquidated]);
    assert!(liquidated.contains(&"archive"));
    assert!(!liquidated.contains(&"application"));
    assert!(doc_ids("S1", Channel::Provider, &[]).contains(&"no-demand"));
}

#[test]
fn complaints_s1_own_s2_s3_by_analogy() {
    let s1 = catalog::complaint(ServiceId::S1).unwrap();
    assert!(!s1.by_analogy);
    assert_eq!(s1.basis.status, Status::National);
    let p = s1.procedure;
    let addressees: Vec<_> = p.addressees.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        addressees,
        ["ministry", "provider-head", "local-executive", "state-corporation", "quality-control"]
    );
    let fields: Vec<_> = p.fields.iter().map(|f| (f.id.as_str(), f.required)).collect();
    assert_eq!(
        fields,
        [
            ("surname", true),
            ("given-name", true),
            ("patronymic", false),
            ("postal-address", true),
            ("phone", true)
        ]
    );
    let reviews: Vec<_> = p.reviews.iter().map(|r| r.working_days).collect();
    assert_eq!(reviews, [5, 15]);
    let statuses: Vec<_> = p.statuses.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(statuses, ["delivered", "registered", "executed", "answered"]);
    for id in ["S2", "S3"] {
        let c = catalog::complaint(sid(id)).unwrap();
        assert!(c.by_analogy);
        assert_eq!(c.basis.status, Status::Assumption);
        assert_eq!(c.basis.rule.as_deref(), Some("C-36"));
        let note = c.basis.note.as_ref().unwrap();
        assert!(
            note.get(Lang::En)
                .contains("applied by analogy; not stated in the sources for this service")
        );
        assert!(std::ptr::eq(c.procedure, p));
        assert!(svc(id).complaint.procedure.is_none(), "{id} must not copy F000 items");
    }
}

#[test]
fn schedules_per_service() {
    let s1 = svc("S1");
    assert!(s1.schedules.iter().all(|s| !s.is_specified() && s.hours.is_none()));
    let s2 = svc("S2");
    let provider: Vec<_> = s2.schedules_for(Place::Provider).collect();
    let t = |s| ClockTime::parse(s).unwrap();
    let ru =
        provider.iter().find(|s| s.version.map(|l| format!("{l:?}")) == Some("Ru".into())).unwrap();
    let kk =
        provider.iter().find(|s| s.version.map(|l| format!("{l:?}")) == Some("Kk".into())).unwrap();
    assert_eq!(ru.hours.as_ref().unwrap().close, t("18:30"));
    assert_eq!(kk.hours.as_ref().unwrap().close, t("18:00"));
    let resolved = provider.iter().find(|s| s.resolved).unwrap();
    assert_eq!(resolved.purpose, Purpose::Acceptance);
    let h = resolved.hours.as_ref().unwrap();
    assert_eq!(
        (h.open, h.close, h.breaks.clone()),
        (t("09:00"), t("17:30"), vec![[t("13:00"), t("14:30")]])
    );
    assert_eq!(resolved.provenance.rule.as_deref(), Some("C-01"));
    assert!(s2.schedules_for(Place::Portal).next().unwrap().around_the_clock());
    // C-33: State Corporation hours differ per service and are never shared.
    let sc2 = s2.schedules_for(Place::StateCorporation).next().unwrap();
    let sc3 = svc("S3").schedules_for(Place::StateCorporation).next().unwrap();
    assert_eq!(sc2.days.len(), 6);
    assert_eq!(sc3.days.len(), 5);
    assert_ne!(sc2.hours, sc3.hours);
    assert_eq!(svc("S3").schedules_for(Place::StateCorporationDuty).count(), 2);
}

#[test]
fn times_match_section_7() {
    use catalog::TimeKind::{Service as Serve, Waiting};
    let want: [(&str, Place, catalog::TimeKind, u32); 10] = [
        ("S1", Place::Provider, Waiting, 10),
        ("S1", Place::StateCorporation, Waiting, 15),
        ("S1", Place::Provider, Serve, 30),
        ("S1", Place::StateCorporation, Serve, 20),
        ("S2", Place::StateCorporation, Waiting, 15),
        ("S2", Place::StateCorporation, Serve, 15),
        ("S3", Place::Provider, Waiting, 20),
        ("S3", Place::StateCorporation, Waiting, 15),
        ("S3", Place::Provider, Serve, 30),
        ("S3", Place::StateCorporation, Serve, 15),
    ];
    for (id, place, kind, minutes) in want {
        let t = svc(id).times.iter().find(|t| t.place == place && t.kind == kind).unwrap();
        assert_eq!(t.minutes, minutes, "{id} {place:?} {kind:?}");
    }
    assert_eq!(svc("S2").times.len(), 2, "S2 gives no provider times");
}

#[test]
fn storage_one_month_then_one_working_day() {
    for s in catalog::all() {
        let d: Vec<_> = s.storage.iter().map(|r| r.duration).collect();
        assert_eq!(d, [Duration::Months(1), Duration::WorkingDays(1)], "{}", s.id);
    }
    assert_eq!(svc("S2").storage[0].provenance.rule.as_deref(), Some("C-07"));
}

#[test]
fn receipts_name_only_current_forms() {
    let s1 = svc("S1");
    let acc = s1.receipts.iter().find(|r| r.id == "acceptance-provider").unwrap();
    assert_eq!(acc.form.map(|f| (f.appendix, f.of)), Some((2, AppendixOf::Standard)));
    assert_eq!(
        acc.fields,
        [
            ReceiptField::AcceptedBy,
            ReceiptField::Stamp,
            ReceiptField::IncomingNumber,
            ReceiptField::Date
        ]
    );
    let s2 = svc("S2");
    let refusal = s2.receipts.iter().find(|r| r.id == "refusal").unwrap();
    assert_eq!(refusal.form.map(|f| (f.appendix, f.of)), Some((4, AppendixOf::Rules)));
    let s3 = svc("S3");
    let r3: Vec<_> = s3.receipts.iter().filter(|r| r.kind == ReceiptKind::Refusal).collect();
    assert!(r3.iter().all(|r| r.form.is_none()), "C-27: no refusal form for S3");
    for s in catalog::all() {
        for r in &s.receipts {
            if r.form.is_some() {
                assert!(
                    r.provenance.cites.iter().all(|c| c.seed != Seed::F002 && c.seed != Seed::F004)
                );
            }
        }
    }
}

#[test]
fn forms_and_signing() {
    let s2 = svc("S2");
    let office = s2.form_fields.iter().find(|f| f.id == "collection-office").unwrap();
    assert_eq!((office.kind, office.required), (FieldKind::Office, true));
    assert!(office.shown(Channel::Portal, &[]) && !office.shown(Channel::Provider, &[]));
    let student = s2.form_fields.iter().find(|f| f.id == "student").unwrap();
    assert!(student.shown(Channel::Provider, &[Situation::Minor]));
    assert!(!student.shown(Channel::Provider, &[]));
    let doc = s2.form_fields.iter().find(|f| f.id == "document-type").unwrap();
    assert_eq!(doc.options.len(), 2);
    for s in catalog::all() {
        assert!(!s.form_fields.is_empty());
        for f in &s.form_fields {
            assert_eq!(
                f.provenance.status,
                Status::Assumption,
                "{} {}: Appendix 1 is a gap",
                s.id,
                f.id
            );
        }
    }
    assert_eq!(s2.signing[0].provenance.rule.as_deref(), Some("C-11"));
    assert!(svc("S1").signing.is_empty() && svc("S3").signing.is_empty());
    // S3's Russian name exists only in the lost-force F004: ours, and said so.
    let name = &svc("S3").name;
    assert!(name.text.is_working(Lang::Ru) && !name.text.is_working(Lang::Kk));
    assert_eq!(name.provenance.rule.as_deref(), Some("C-30"));
    assert!(svc("S1").name.text.is_working(Lang::Kk));
    assert!(!svc("S2").name.text.is_working(Lang::Kk) && !svc("S2").name.text.is_working(Lang::Ru));
}

// ---------------------------------------------------------------------------
// 5. Coverage of RULES.md §2–§4 rows a citizen or operator sees.

/// RULES.md rows a citizen or operator sees, one per line: the row (its
/// service is the row's prefix), then the catalogue items that implement it
/// as "section/id". Rows left out are listed in `LEFT_OUT` with the reason.
const COVERED: &str = "
S1-P1    | provider/provider
S1-P2    | documents/archive
S1-P3    | recipients/individuals
S1-P4    | cost/free
S1 §2.3  | channels/provider channels/state-corporation how_to_apply/in-person
S1-T1    | terms/provider terms/state-corporation
S1-T2    | times/waiting-provider times/waiting-state-corporation
S1-T3    | times/service-provider times/service-state-corporation
S1-T4    | storage/held
S1-T5    | storage/send-back
S1-T6    | terms.end/provider
S1 §2.5  | schedules/provider-not-specified schedules/state-corporation-not-specified
S1-D1    | documents/application documents/identity
S1-D2    | documents/application-to-head
S1-D3    | documents/no-original
S1-D4    | documents/identity-from-systems
S1-D5    | documents/consent
S1-D6    | documents/no-demand
S1-R1    | refusal_grounds/none-in-source
S1-R2    | receipts/acceptance-provider
S1-R3    | receipts/acceptance-state-corporation
S1-R4    | receipts/refusal-none
S1-O1    | results/duplicate
S1-O2    | issuance/identity
S1-O3    | storage/held
S1-C1    | complaint.subject/subject complaint.channels/in-writing
S1-C2    | complaint.addressees/ministry complaint.addressees/provider-head complaint.addressees/local-executive
S1-C3    | complaint.registration/registration
S1-C4    | complaint.fields/surname complaint.fields/patronymic complaint.fields/postal-address complaint.fields/phone
S1-C5    | complaint.reviews/provider-ministry-state-corporation
S1-C6    | complaint.reviews/quality-control
S1-C7    | complaint.statuses/delivered complaint.statuses/answered
S1-C8    | complaint.court/court
S1-A1    | accessibility/home-visit
S1-A2    | info/ministry-site info/state-corporation-site
S1-A3    | info/status
S1-A4    | info/helpline info/contact-centre
S2 §3.1  | name/name results/document-types
S2-P1    | provider/provider
S2-P2    | provider/regional-scope
S2-P3    | recipients/individuals cost/free
S2-P4    | recipients/applicant
S2 §3.3  | channels/portal service_form/electronic-or-paper
S2-T1    | terms/provider terms/state-corporation terms/portal
S2-T2    | assumptions/C-21
S2-T3    | times/waiting-state-corporation
S2-T4    | times/service-state-corporation
S2-T5    | steps/register
S2-T7    | terms.start/portal
S2-T8    | storage/held storage/send-back
S2-W1    | schedules/provider-ru
S2-W2    | schedules/provider-kk
S2-W3    | schedules/provider-ru
S2-W4    | schedules/provider-acceptance
S2-W5    | queue/provider-queue
S2-W6    | schedules/state-corporation
S2-W7    | schedules/portal
S2-W8    | info/ministry-site info/portal-site
S2-D1    | documents/application
S2-D2    | documents/identity
S2-D3    | documents/original
S2-D4    | documents/application
S2-D5    | documents/identity-from-systems
S2-D6    | documents/digital-consent
S2-D7    | documents/digital-app
S2-D8    | documents/portal-application documents/portal-original
S2-D9    | documents/parent-identity-gap
S2-S1    | signing/eds-or-otp
S2-S2    | assumptions/C-11
S2-R1    | refusal_grounds/incomplete-package refusal_grounds/expired-documents receipts/refusal
S2-R2    | refusal_grounds/decision-grounds-not-listed
S2-R3    | receipts/acceptance-not-stated
S2-R4    | assumptions/C-15
S2-R6    | steps/issue
S2-O1    | results/duplicate-or-refusal results/paper
S2-O2    | issuance/identity-or-proxy
S2-O3    | issuance/portal-pickup form_fields/collection-office
S2-O4    | storage/held
S2-O5    | queue/collection-queue
S2-O6    | steps/issue
S2 §3.10 | steps/head-review steps/prepare steps/sign
S2 §3.11 | complaint/complaint
S2-A1    | accessibility/home-visit
S2-A2    | info/status
S2-A3    | info/helpline
S2-A4    | info/state-corporation-site
S3 §4.1  | name/name results/certificate assumptions/C-30
S3-P1    | provider/provider
S3-P3    | recipients/persons
S3-P4    | recipients/representative
S3-P5    | cost/free
S3-P6    | steps/provider-register
S3 §4.3  | channels/provider channels/state-corporation how_to_apply/in-person service_form/paper
S3-T1    | terms/provider terms/state-corporation/same
S3-T2    | terms/state-corporation/other
S3-T3    | terms.start/state-corporation/same
S3-T4    | issuance/delivery-to-state-corporation
S3-T5    | times/waiting-provider times/waiting-state-corporation
S3-T6    | times/service-provider times/service-state-corporation
S3-T7    | storage/held storage/send-back
S3-T8    | steps/sc-prepare
S3-W1    | schedules/provider
S3-W2    | schedules/state-corporation
S3-W3    | schedules/state-corporation-duty schedules/state-corporation-duty-saturday
S3-W4    | queue/electronic-queue
S3-W5    | info/ministry-site info/state-corporation-site
S3-D1    | documents/application documents/identity
S3-D2    | documents/identity
S3-D3    | documents/identity-from-systems
S3-D4    | documents/consent
S3-D6    | documents/representative-identity-gap
S3-D7    | documents/digital-consent-gap
S3-R1    | refusal_grounds/false-data
S3-R2    | refusal_grounds/non-compliance
S3-R3    | refusal_grounds/court-ban
S3-R4    | refusal_grounds/no-consent
S3-R5    | receipts/acceptance-state-corporation
S3-R6    | receipts/refusal-none
S3-R7    | steps/sc-check
S3-O1    | results/certificate results/paper
S3-O2    | issuance/receipt-and-identity
S3-O3    | storage/held
S3-O4    | steps/sc-issue
S3-O5    | steps/provider-issue
S3 §4.10 | steps/sc-hand-in results/form-289-historical
S3 §4.11 | complaint/complaint
S3-A1    | accessibility/home-visit
S3-A2    | info/status
S3-A3    | info/helpline
";

/// `COVERED` as (row, service, section, item id).
fn covered() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for line in COVERED.lines().filter(|l| !l.trim().is_empty()) {
        let (row, items) = line.split_once('|').unwrap();
        let row = row.trim();
        for item in items.split_whitespace() {
            let (section, id) = item.split_once('/').unwrap();
            out.push((row, &row[..2], section, id));
        }
    }
    out
}

const LEFT_OUT: &[(&str, &str)] = &[
    ("S1-P5", "gap: minors / representatives not addressed; no §6 rule to follow"),
    ("S1-D7", "gap: no minor, digital-document or OTP rule in F000"),
    ("S1-O4", "gap: provider-side issuance not stated"),
    ("S1-C9", "inference about exhaustion; not a rule a citizen sees"),
    ("S2-T6", "F002 ЦОН processing 15 min: superseded by F001 §3(3) (C-17)"),
    ("S2-T9", "absence of S3-only rules; nothing to show"),
    ("S2-D10", "inference: no explicit prohibition in F001"),
    ("S2-D11", "F002 para 9 of Standard No. 179: not in the seeds (C-20)"),
    ("S2-R5", "F002 internal ЦОН barcode step"),
    ("S2-O7", "gap: provider-side issuance not stated"),
    ("S3-P2", "RU provider name from the lost-force F004 only"),
    ("S3-D5", "not applicable to a certificate"),
    ("S3-D8", "inference: no explicit prohibition in F003"),
    ("S3-D9", "F004 para 9 of Standard No. 627: not in the seeds"),
];

#[test]
fn rules_md_rows_are_covered() {
    let covered = covered();
    let mut missing = Vec::new();
    for &(row, id, section, item) in &covered {
        if svc(id).item(section, item).is_none() {
            missing.push(format!("{row}: {id} {section}/{item}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    let rows: BTreeSet<&str> = covered.iter().map(|c| c.0).collect();
    for (row, _) in LEFT_OUT {
        assert!(!rows.contains(row), "{row} is both covered and left out");
    }
    // Every service appears; the row list is not empty by accident.
    for id in ["S1", "S2", "S3"] {
        assert!(covered.iter().filter(|c| c.1 == id).count() > 30, "{id}");
    }
}

// ---------------------------------------------------------------------------
// 6. Clause labels name places that exist in the seeds.

/// F000's section headings (it has no paragraph numbers, RULES.md §0.2):
/// the heading text and its line. Checked against the seed below.
const F000_HEADINGS: [(&str, u32); 8] = [
    ("Место предоставления услуги", 3),
    ("Получатели услуги", 9),
    ("Сроки оказания услуги", 12),
    ("Необходимые документы", 18),
    ("Стоимость услуги", 36),
    ("Результат государственной услуги", 39),
    ("Порядок обжалования", 42),
    ("Иные требования", 54),
];

/// Every citation in the data (catalogue and engine notes), as (where, seed,
/// clause, line).
fn all_cites() -> Vec<(String, Seed, String, u32)> {
    fn walk(v: &Value, path: &str, out: &mut Vec<(String, Seed, String, u32)>) {
        match v {
            Value::Object(o) => {
                if let (Some(seed), Some(clause), Some(line)) = (
                    o.get("seed").and_then(Value::as_str),
                    o.get("clause").and_then(Value::as_str),
                    o.get("line").and_then(Value::as_u64),
                ) {
                    out.push((path.into(), seed_of(seed), clause.into(), line as u32));
                }
                for (k, x) in o {
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in catalog::all() {
        walk(&serde_json::to_value(s).unwrap(), s.id.as_str(), &mut out);
    }
    walk(&serde_json::to_value(catalog::notes()).unwrap(), "engine", &mut out);
    out
}

/// The sub-item a label names at its end: "1)" in "«Сроки оказания услуги»
/// 1)", "б)" in "§9 «б)»", "1" in "§3(1)".
fn sub_item(clause: &str) -> Option<String> {
    let c = clause.trim().trim_end_matches('»');
    if let Some(inner) = c.strip_suffix(')') {
        let start = inner
            .char_indices()
            .rfind(|(_, ch)| matches!(ch, '(' | ' ' | '«'))
            .map_or(0, |(i, ch)| i + ch.len_utf8());
        let item = &inner[start..];
        return (!item.is_empty()).then(|| format!("{item})"));
    }
    None
}

/// The sub-item marker a line starts with ("1)", "б)"), after any
/// indentation or list dash.
fn marker(text: &str) -> Option<&str> {
    let t = text.trim_start().trim_start_matches("- ").trim_start();
    let end = t.find(')')?;
    let m = &t[..end];
    (!m.is_empty() && m.chars().count() <= 2 && m.chars().all(char::is_alphanumeric))
        .then(|| &t[..end + 1])
}

/// Whether line `line` belongs to sub-item `item`: the line names it, or the
/// nearest sub-item started above it (in the same paragraph) is `item`.
fn under_sub_item(lines: &[String], line: u32, item: &str) -> bool {
    let text = &lines[(line - 1) as usize];
    if text.contains(item) {
        return true;
    }
    for l in (line.saturating_sub(12).max(1)..line).rev() {
        let t = &lines[(l - 1) as usize];
        if let Some(m) = marker(t) {
            return m == item;
        }
        let para = t.trim_start().split_once(". ").map(|(n, _)| n);
        if para.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) {
            return false;
        }
    }
    false
}

/// The numbered paragraph a label names ("§9 2)" → 9), for the seeds whose
/// paragraphs start a line with "N.".
fn paragraph(clause: &str) -> Option<u32> {
    let rest = clause.strip_prefix('§')?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Lines `[first, last]` of paragraph `n` in a block of a seed whose
/// paragraphs start with "N." (F001 RU 1–29, KZ 36–65; F004's regulation
/// from L40).
fn paragraph_lines(lines: &[String], block: (u32, u32), n: u32) -> Option<(u32, u32)> {
    let starts = |k: u32| {
        (block.0..=block.1)
            .find(|&l| lines[(l - 1) as usize].trim_start().starts_with(&format!("{k}. ")))
    };
    let first = starts(n)?;
    let last = starts(n + 1).map_or(block.1, |l| l - 1);
    Some((first, last))
}

#[test]
fn clause_labels_name_real_headings_and_items() {
    let seeds = Seed::ALL.map(seed_lines);
    let line_of = |seed: Seed, l: u32| seeds[seed as usize][(l - 1) as usize].as_str();
    // The headings are where the list says.
    for (h, l) in F000_HEADINGS {
        assert!(line_of(Seed::F000, l).contains(h), "F000 L{l} is not «{h}»");
    }
    let mut errs = Vec::new();
    let cites = all_cites();
    assert!(cites.len() > 300, "walked only {} citations", cites.len());
    for (path, seed, clause, line) in &cites {
        let (seed, line) = (*seed, *line);
        let at = format!("{path}: {seed:?} {clause:?} L{line}");
        if let Some(item) = sub_item(clause)
            && !under_sub_item(&seeds[seed as usize], line, &item)
        {
            errs.push(format!("{at}: the line is not under {item}"));
        }
        match seed {
            Seed::F000 if clause == "title" && line > 2 => {
                errs.push(format!("{at}: the title is on lines 1–2"));
            }
            Seed::F000 if clause == "title" => {}
            Seed::F000 => {
                let heading =
                    clause.strip_prefix('«').and_then(|c| c.split_once('»')).map(|(h, _)| h);
                let section = F000_HEADINGS.iter().position(|(h, _)| Some(*h) == heading);
                match section {
                    None => errs.push(format!("{at}: not one of F000's headings")),
                    Some(i) => {
                        let first = F000_HEADINGS[i].1;
                        let next = F000_HEADINGS.get(i + 1).map_or(u32::MAX, |h| h.1);
                        if !(first..next).contains(&line) {
                            errs.push(format!("{at}: the line is not under that heading"));
                        }
                    }
                }
            }
            Seed::F001 | Seed::F004 => {
                let Some(n) = paragraph(clause) else { continue };
                let block = match (seed, line) {
                    (Seed::F001, 1..=29) => (1, 29),
                    (Seed::F001, _) => (36, 65),
                    _ => (40, 131),
                };
                match paragraph_lines(&seeds[seed as usize], block, n) {
                    Some((a, b)) if (a..=b).contains(&line) => {}
                    found => errs.push(format!("{at}: §{n} is at {found:?}")),
                }
            }
            _ => {}
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    // The check notices the labels it is meant to catch.
    assert_eq!(sub_item("§9 6)").as_deref(), Some("6)"));
    assert!(!under_sub_item(&seeds[Seed::F004 as usize], 125, "6)"));
    assert!(under_sub_item(&seeds[Seed::F004 as usize], 113, "2)"));
    assert_eq!(sub_item("§9 «б)»").as_deref(), Some("б)"));
    assert_eq!(sub_item("§3(1)").as_deref(), Some("1)"));
    assert!(!F000_HEADINGS.iter().any(|(h, _)| *h == "Порядок выдачи"));
}

// ---------------------------------------------------------------------------
// 7. The RULES.md §6 audit (issue 11, item 12).

/// Items whose value follows a §6 resolution: each is an assumption naming
/// it, so the portal marks it as an interpretation wherever it shows it.
const FOLLOW_A_RESOLUTION: &[(&str, &str, &str, &str)] = &[
    ("S1", "terms", "provider", "C-43"),
    ("S1", "terms", "state-corporation", "C-43"),
    ("S1", "terms.start", "provider", "C-25"),
    ("S2", "channels", "state-corporation", "C-17"),
    ("S2", "service_form", "electronic-or-paper", "C-18"),
    ("S2", "refusal_grounds", "expired-documents", "C-16"),
    ("S2", "terms", "portal", "C-04"),
    ("S2", "terms.start", "portal", "C-05"),
    ("S2", "schedules", "state-corporation", "C-03"),
    ("S2", "queue", "provider-queue", "C-02"),
    ("S2", "queue", "collection-queue", "C-22"),
    ("S2", "storage", "held", "C-07"),
    ("S2", "storage", "send-back", "C-07"),
    ("S2", "steps", "register", "C-21"),
    ("S2", "steps", "issue", "C-21"),
    ("S2", "receipts", "refusal", "C-15"),
    ("S2", "signing", "eds-or-otp", "C-11"),
    ("S3", "name", "name", "C-30"),
    ("S3", "terms", "state-corporation/same", "C-24"),
    ("S3", "terms", "state-corporation/other", "C-24"),
    ("S3", "issuance", "delivery-to-state-corporation", "C-26"),
];

/// Items that once named a §6 rule but whose value is a seed's own, with
/// no competing current reading: they keep the seed's status and their note,
/// and name no rule.
const SEED_OWN_VALUE: &[(&str, &str, &str, &str)] = &[
    // C-45 is a gap (para 14's addresses), not a reading of L44.
    ("S1", "complaint.addressees", "ministry", "national"),
    // C-31: history only; the lost-force status says so.
    ("S3", "results", "form-289-historical", "lost-force"),
    // C-29 keeps consent per service; F003 L46 states S3's own.
    ("S3", "documents", "consent", "national"),
    // C-33 keeps hours per service; F003 L33 states S3's own.
    ("S3", "schedules", "state-corporation", "national"),
    // C-28: F004 lost force, so F003 L48 is the only current text.
    ("S3", "issuance", "receipt-and-identity", "national"),
    // C-10: a typographical normalisation "with no rule impact".
    ("S3", "info", "state-corporation-site", "national"),
    ("S3", "info", "helpline", "national"),
];

#[test]
fn values_that_follow_a_resolution_are_assumptions() {
    let find = |s: &str, section: &str, id: &str| {
        svc(s)
            .items()
            .into_iter()
            .find(|i| i.section == section && i.id == id)
            .unwrap_or_else(|| panic!("{s} {section}/{id}"))
            .provenance
            .clone()
    };
    for &(s, section, id, rule) in FOLLOW_A_RESOLUTION {
        let p = find(s, section, id);
        assert_eq!(p.status, Status::Assumption, "{s} {section}/{id}");
        assert_eq!(p.rule.as_deref(), Some(rule), "{s} {section}/{id}");
        assert!(p.note.is_some(), "{s} {section}/{id}: the reasoning");
    }
    for &(s, section, id, status) in SEED_OWN_VALUE {
        let p = find(s, section, id);
        assert_eq!(p.status, status_of(status), "{s} {section}/{id}");
        assert_eq!(p.rule, None, "{s} {section}/{id}");
    }
    // The engine's own: C-07 (who sends back after storage, S2), C-24, C-26.
    let n = notes();
    assert_eq!(n.return_after_storage.s2.rule.as_deref(), Some("C-07"));
    assert_eq!(n.return_after_storage.s2.status, Status::Assumption);
    assert_eq!(n.location_assumption.rule.as_deref(), Some("C-24"));
    assert_eq!(n.provider_delivery.rule.as_deref(), Some("C-26"));
    // The month itself is stated alike in RU and KZ: national.
    assert_eq!(n.storage.s2.status, Status::National);
}
