//! Holding a law-as-data file to its sources, as JSON: every citation's
//! quote on the cited seed line in the cited language, with a clause; every
//! assumption naming its RULES.md rule (a §6 entry, or a section such as
//! "§9") with a kk/ru/en note; every cited item with the status of its
//! seeds; every kk/ru/en text complete, English marked as ours.
//!
//! The same rules `tests/catalog.rs` applies to `engine.toml`, here for
//! any data file (`tests/queue.rs` checks `queue.toml` with it).

use qujat::engine::source::{Seed, Status};
use serde_json::Value;

/// The §6 entries of RULES.md (headings `**C-01` … `**C-45`). Copied here
/// because CI has no /work/shared.
pub const VALID_RULES: [&str; 45] = [
    "C-01", "C-02", "C-03", "C-04", "C-05", "C-06", "C-07", "C-08", "C-09", "C-10", "C-11", "C-12",
    "C-13", "C-14", "C-15", "C-16", "C-17", "C-18", "C-19", "C-20", "C-21", "C-22", "C-23", "C-24",
    "C-25", "C-26", "C-27", "C-28", "C-29", "C-30", "C-31", "C-32", "C-33", "C-34", "C-35", "C-36",
    "C-37", "C-38", "C-39", "C-40", "C-41", "C-42", "C-43", "C-44", "C-45",
];

/// The lines of a seed, as `cat -n` numbers them (line n at index n − 1).
pub fn seed_lines(seed: Seed) -> Vec<String> {
    let path = format!("{}/tests/fixtures/seeds/{}", env!("CARGO_MANIFEST_DIR"), seed.file_name());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.split('\n').map(str::to_string).collect()
}

/// The language of a seed line: F001 is Russian on lines 1–29 and Kazakh on
/// 36–65 (30–35 are blank); F003 is Kazakh; the others are Russian.
pub fn line_lang(seed: Seed, line: u32) -> Option<&'static str> {
    match seed {
        Seed::F001 => match line {
            1..=29 => Some("ru"),
            36..=65 => Some("kk"),
            _ => None,
        },
        Seed::F003 => Some("kk"),
        _ => Some("ru"),
    }
}

/// A text with its runs of white space made single spaces.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed_of(s: &str) -> Option<Seed> {
    serde_json::from_value(Value::String(s.to_string())).ok()
}

fn status_of(s: &str) -> Option<Status> {
    serde_json::from_value(Value::String(s.to_string())).ok()
}

/// What a walk found: how many citations, and every problem.
#[derive(Debug, Default)]
pub struct Report {
    pub citations: usize,
    pub provenances: usize,
    pub errors: Vec<String>,
}

/// Walks `v` (a data file as JSON) and reports every breach of the rules
/// above, each with its path.
pub fn check(v: &Value, path: &str) -> Report {
    let seeds = Seed::ALL.map(seed_lines);
    let mut r = Report::default();
    walk(v, path, &seeds, &mut r);
    r
}

fn walk(v: &Value, path: &str, seeds: &[Vec<String>; 5], r: &mut Report) {
    let o = match v {
        Value::Object(o) => o,
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, &format!("{path}[{i}]"), seeds, r);
            }
            return;
        }
        _ => return,
    };
    if o.contains_key("quote") {
        r.citations += 1;
        let line = o["line"].as_u64().unwrap_or(0) as u32;
        let quote = o["quote"].as_str().unwrap_or("");
        match o["seed"].as_str().and_then(seed_of) {
            None => r.errors.push(format!("{path}: unknown seed {}", o["seed"])),
            Some(seed) => {
                let text = usize::try_from(line)
                    .ok()
                    .and_then(|l| l.checked_sub(1))
                    .and_then(|i| seeds[seed as usize].get(i));
                match text {
                    Some(text) if !quote.trim().is_empty() && norm(text).contains(&norm(quote)) => {
                    }
                    _ => r
                        .errors
                        .push(format!("{path}: {seed:?} L{line} does not contain {quote:?}")),
                }
                if line_lang(seed, line) != o["lang"].as_str() {
                    r.errors.push(format!(
                        "{path}: lang {} but the line is {:?}",
                        o["lang"],
                        line_lang(seed, line)
                    ));
                }
            }
        }
        if o["clause"].as_str().is_none_or(|c| c.trim().is_empty()) {
            r.errors.push(format!("{path}: empty clause"));
        }
    }
    if let Some(status) = o.get("status").and_then(Value::as_str) {
        r.provenances += 1;
        let rule = o.get("rule").and_then(Value::as_str);
        match status_of(status) {
            None => r.errors.push(format!("{path}: unknown status {status:?}")),
            Some(Status::Assumption) => {
                if !rule.is_some_and(|x| VALID_RULES.contains(&x) || x.starts_with('§')) {
                    r.errors
                        .push(format!("{path}: an assumption must name its rule, not {rule:?}"));
                }
                if o.get("note").is_none_or(Value::is_null) {
                    r.errors.push(format!("{path}: an assumption needs a kk/ru/en note"));
                }
            }
            Some(status) => {
                let cites = o["cites"].as_array().cloned().unwrap_or_default();
                if cites.is_empty() {
                    r.errors.push(format!("{path}: a non-assumption item needs a citation"));
                }
                for c in cites {
                    if let Some(seed) = c["seed"].as_str().and_then(seed_of)
                        && seed.status() != status
                    {
                        r.errors.push(format!(
                            "{path}: {seed:?} is {:?}, item says {status:?}",
                            seed.status()
                        ));
                    }
                }
            }
        }
    }
    if o.contains_key("kk") {
        for lang in ["kk", "ru", "en"] {
            if o[lang].as_str().is_none_or(|s| s.trim().is_empty()) {
                r.errors.push(format!("{path}: empty {lang} text"));
            }
        }
        if !o["working"].as_array().is_some_and(|w| w.contains(&Value::from("en"))) {
            r.errors.push(format!("{path}: English must be listed as working"));
        }
    }
    for (k, x) in o {
        walk(x, &format!("{path}.{k}"), seeds, r);
    }
}
