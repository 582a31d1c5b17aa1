//! The legal test table (issue 11): `src/engine/data/cases.toml` states, for
//! every service × channel × situation, the documents required, the refusal
//! grounds that can apply, the consent step, the term and its unit, the
//! milestones and the receipts, each with the seed lines it comes from; the
//! engine ([`case::rules`], which the wizard, the operator's package check
//! and the counter use) must produce exactly that row.
//!
//! The combinations are generated here from what the wizard, the home visit
//! and the State Corporation counter can produce; a combination that no row
//! covers, or that two rows cover, fails.
//!
//! Item notation: `id SEED Lx,Ly` (the lines its citations name, by seed),
//! then ` [C-nn]` when the item is an assumption following that RULES.md
//! rule. `QUJAT_CASES=print cargo test --test law_cases` prints what the
//! engine produces, one line per combination, for drafting a new row.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use serde::Deserialize;

use qujat::engine::application::{self, Reason, Who};
use qujat::engine::case::{self, Case, Route, Rules};
use qujat::engine::catalog::{self, Situation};
use qujat::engine::lifecycle;
use qujat::engine::service::ServiceId;
use qujat::engine::source::{Provenance, Status};
use qujat::engine::term::{Channel, Location, Unit};
use qujat::engine::visit;

const CASES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cases.json"));

// ---------------------------------------------------------------------------
// The table.

/// A value a row matches: one, a list, or (key absent) any.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: PartialEq> OneOrMany<T> {
    fn contains(&self, v: &T) -> bool {
        match self {
            OneOrMany::One(x) => x == v,
            OneOrMany::Many(xs) => xs.contains(v),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    /// Why the row says what it says, for the reviewer.
    #[serde(default)]
    why: String,
    service: String,
    channel: OneOrMany<String>,
    reason: Option<OneOrMany<String>>,
    representative: Option<OneOrMany<bool>>,
    digital_document: Option<OneOrMany<bool>>,
    liquidated: Option<OneOrMany<bool>>,
    location: Option<OneOrMany<String>>,
    region: Option<OneOrMany<String>>,
    // What the law says for it.
    route: String,
    documents: Vec<String>,
    refusal_grounds: Vec<String>,
    consent: String,
    term: String,
    milestones: Vec<String>,
    receipts: Vec<String>,
    assumptions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Row>,
}

fn table() -> Table {
    serde_json::from_str(CASES_JSON).expect("cases.toml has the shape of a Row list")
}

// ---------------------------------------------------------------------------
// A combination and its keys.

/// One combination, with the row keys that select it.
#[derive(Clone, Debug)]
struct Combo {
    case: Case,
    reason: String,
    location: String,
    region: String,
    /// Who can produce it: "wizard", "visit", "counter".
    from: Vec<&'static str>,
}

fn reason_key(r: Option<Reason>) -> String {
    r.map_or("none", Reason::option_id).to_string()
}

/// The region a row names: the regional act's own, "elsewhere" (a known
/// region without one), or "unknown".
fn region_key(service: ServiceId, region: Option<&str>) -> String {
    let act_region = catalog::service(service)
        .acts
        .iter()
        .find(|a| a.region.is_some() && a.level != Status::LostForce)
        .and_then(|a| a.region.clone());
    match (region, act_region) {
        (None, _) => "unknown".into(),
        (Some(r), Some(a)) if r == a => a,
        (Some(_), _) => "elsewhere".into(),
    }
}

impl Row {
    /// What the row says, as the engine's answer is compared with it.
    fn said(&self) -> Said {
        [
            ("route", self.route.clone()),
            ("documents", list(self.documents.iter().cloned())),
            ("refusal_grounds", list(self.refusal_grounds.iter().cloned())),
            ("consent", self.consent.clone()),
            ("term", self.term.clone()),
            ("milestones", list(self.milestones.iter().cloned())),
            ("receipts", list(self.receipts.iter().cloned())),
            ("assumptions", self.assumptions.join(" ")),
        ]
    }

    fn matches(&self, c: &Combo) -> bool {
        let case = &c.case;
        self.service == case.service.as_str()
            && self.channel.contains(&case.channel.slug().to_string())
            && any(&self.reason, &c.reason)
            && any(&self.representative, &case.representative)
            && any(&self.digital_document, &case.digital_document)
            && any(&self.liquidated, &case.liquidated)
            && any(&self.location, &c.location)
            && any(&self.region, &c.region)
    }
}

/// Whether a row's key matches `v`: absent matches anything.
fn any<T: PartialEq>(key: &Option<OneOrMany<T>>, v: &T) -> bool {
    key.as_ref().is_none_or(|k| k.contains(v))
}

// ---------------------------------------------------------------------------
// The combinations the portal's three entry points produce.

/// A region per region key: the act's, one elsewhere, none.
fn regions(service: ServiceId) -> Vec<Option<String>> {
    let act = catalog::service(service)
        .acts
        .iter()
        .find(|a| a.region.is_some() && a.level != Status::LostForce)
        .and_then(|a| a.region.clone());
    match act {
        Some(r) => vec![Some(r), Some("astana".into()), None],
        None => vec![None],
    }
}

fn push(out: &mut Vec<Combo>, case: Case, from: &'static str) {
    let key = (
        case.service,
        case.channel,
        reason_key(case.reason),
        case.representative,
        case.digital_document,
        case.liquidated,
        case.location,
        case.region.clone(),
    );
    if let Some(c) = out.iter_mut().find(|c| {
        (
            c.case.service,
            c.case.channel,
            c.reason.clone(),
            c.case.representative,
            c.case.digital_document,
            c.case.liquidated,
            c.case.location,
            c.case.region.clone(),
        ) == key
    }) {
        if !c.from.contains(&from) {
            c.from.push(from);
        }
        return;
    }
    out.push(Combo {
        reason: reason_key(case.reason),
        location: match case.location {
            Some(Location::Same) => "same".into(),
            Some(Location::Other) => "other".into(),
            None => "unknown".into(),
        },
        region: region_key(case.service, case.region.as_deref()),
        case,
        from: vec![from],
    });
}

/// Every combination: the S2 wizard (its reasons, who applies, a digital
/// document or not, a school in East Kazakhstan, elsewhere or typed by
/// hand); the home visit and the counter (every service at the State
/// Corporation, the counter also at the provider's office, with every
/// reason the service offers, a representative where its form has one, a
/// digital document where its documents depend on one, a liquidated
/// organisation where they do, and the office's location where its term
/// depends on it).
fn combinations() -> Vec<Combo> {
    let mut out = Vec::new();
    // The wizard: S2 on the portal.
    for reason in application::reasons(application::SERVICE) {
        for who in [Who::Myself, Who::ParentOfMinor] {
            for digital in [false, true] {
                for region in regions(application::SERVICE) {
                    let mut c = Case::new(application::SERVICE, Channel::Portal);
                    c.reason = Some(reason);
                    c.representative = who == Who::ParentOfMinor;
                    c.digital_document = digital;
                    c.region = region;
                    push(&mut out, c, "wizard");
                }
            }
        }
    }
    // The home visit (State Corporation) and the counter (both desks).
    for service in ServiceId::ALL {
        let s = catalog::service(service);
        let reasons: Vec<Option<Reason>> = match application::reasons(service) {
            r if r.is_empty() => vec![None],
            r => r.into_iter().map(Some).collect(),
        };
        let roles =
            s.form_fields.iter().find(|f| f.id == "applicant-role").map_or(1, |f| f.options.len());
        let depends = |sit: Situation| {
            s.documents.iter().any(|d| d.when.contains(&sit) || d.unless.contains(&sit))
        };
        let bools = |on: bool| if on { vec![false, true] } else { vec![false] };
        for channel in [Channel::StateCorporation, Channel::Provider] {
            if !s.has_channel(channel) {
                continue;
            }
            let by_location = s.terms_for(channel).any(|t| t.location.is_some());
            let locations = if by_location {
                vec![Some(Location::Same), Some(Location::Other), None]
            } else {
                vec![None]
            };
            for reason in &reasons {
                for representative in bools(roles > 1) {
                    for digital in bools(depends(Situation::DigitalDocument)) {
                        for liquidated in bools(depends(Situation::Liquidated)) {
                            for location in &locations {
                                for region in regions(service) {
                                    let mut c = Case::new(service, channel);
                                    c.reason = *reason;
                                    c.representative = representative;
                                    c.digital_document = digital;
                                    c.liquidated = liquidated;
                                    c.location = *location;
                                    c.region = region;
                                    let from = if channel == Channel::StateCorporation {
                                        push(&mut out, c.clone(), "visit");
                                        "counter"
                                    } else {
                                        "counter"
                                    };
                                    push(&mut out, c, from);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// What the engine says, in the table's notation.

fn cites(p: &Provenance) -> String {
    let mut by_seed: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for c in &p.cites {
        let seed = format!("{:?}", c.seed);
        if !order.contains(&seed) {
            order.push(seed.clone());
        }
        let lines = by_seed.entry(seed).or_default();
        if !lines.contains(&c.line) {
            lines.push(c.line);
        }
    }
    let mut out: Vec<String> = order
        .iter()
        .map(|s| {
            let lines: Vec<String> = by_seed[s].iter().map(|l| format!("L{l}")).collect();
            format!("{s} {}", lines.join(","))
        })
        .collect();
    if p.status == Status::Assumption
        && let Some(r) = &p.rule
    {
        out.push(format!("[{r}]"));
    }
    out.join(" ")
}

fn item(id: &str, p: &Provenance) -> String {
    let c = cites(p);
    if c.is_empty() { id.to_string() } else { format!("{id} {c}") }
}

/// A row's answer for a combination, field by field in the table's
/// order, each as one line of the table's notation: a list's items joined
/// by ` | `, the assumptions by a space.
type Said = [(&'static str, String); 8];

/// The items of a list, in the table's notation.
fn list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(" | ")
}

/// The engine's row for a combination, in the table's notation.
fn said(r: &Rules) -> Said {
    let route = match r.route {
        Route::Service => "service".to_string(),
        Route::Archive(d) => item("archive", &d.provenance),
    };
    let consent = r.consent.map_or("none".to_string(), |d| {
        let spec = d.consent.expect("a consent rule says who and how");
        let by = serde_json::to_value(spec.by).unwrap();
        let how = serde_json::to_value(spec.how).unwrap();
        item(&format!("{} {}", by.as_str().unwrap(), how.as_str().unwrap()), &d.provenance)
    });
    let term = r.term.as_ref().map_or("none".to_string(), |t| {
        let unit = match t.term.unit {
            Unit::WorkingDays => "working-days",
            Unit::CalendarDays => "calendar-days",
        };
        let mut s = item(&format!("{} {unit}", t.term.amount), &t.term.provenance);
        if let Some(p) = &t.location_assumed {
            s.push_str(&format!(", location unknown {}", cites(p)));
        }
        s
    });
    [
        ("route", route),
        ("documents", list(r.documents.iter().map(|d| item(&d.id, &d.provenance)))),
        ("refusal_grounds", list(r.refusal_grounds.iter().map(|g| item(&g.id, &g.provenance)))),
        ("consent", consent),
        ("term", term),
        (
            "milestones",
            list(r.milestones.iter().map(|m| {
                let mut s = item(&m.id, &m.provenance);
                if let Some(p) = &m.mapped {
                    s.push_str(&format!(", mapped {}", cites(p)));
                }
                s
            })),
        ),
        ("receipts", list(r.receipts.iter().map(|x| item(&x.id, &x.provenance)))),
        ("assumptions", r.assumptions().join(" ")),
    ]
}

fn describe(c: &Combo) -> String {
    format!(
        "{} {} reason={} representative={} digital={} liquidated={} location={} region={} (from {})",
        c.case.service,
        c.case.channel.slug(),
        c.reason,
        c.case.representative,
        c.case.digital_document,
        c.case.liquidated,
        c.location,
        c.region,
        c.from.join(", ")
    )
}

// ---------------------------------------------------------------------------
// The tests.

#[test]
fn every_combination_has_exactly_one_row_and_the_engine_produces_it() {
    let table = table();
    let combos = combinations();
    if std::env::var("QUJAT_CASES").as_deref() == Ok("print") {
        for c in &combos {
            println!("{}", describe(c));
            for (what, text) in said(&case::rules(&c.case).unwrap()) {
                println!("  {what} {text}");
            }
        }
    }
    let mut errors = Vec::new();
    let mut used = vec![0usize; table.case.len()];
    for c in &combos {
        let rows: Vec<usize> =
            (0..table.case.len()).filter(|&i| table.case[i].matches(c)).collect();
        let row = match rows.as_slice() {
            [] => {
                errors.push(format!("no row for {}", describe(c)));
                continue;
            }
            [i] => &table.case[*i],
            many => {
                errors.push(format!("rows {many:?} all match {}", describe(c)));
                continue;
            }
        };
        used[rows[0]] += 1;
        let Some(rules) = case::rules(&c.case) else {
            errors.push(format!("the engine has no rules for {}", describe(c)));
            continue;
        };
        for ((what, want), (field, got)) in row.said().into_iter().zip(said(&rules)) {
            // Both lists name their fields: a reordering of one would
            // otherwise compare a table field with a different engine field.
            assert_eq!(what, field, "Row::said and said() list fields in different orders");
            if want != got {
                errors.push(format!(
                    "{}: {what}\n    table:  {want}\n    engine: {got}",
                    describe(c)
                ));
            }
        }
    }
    for (i, n) in used.iter().enumerate() {
        if *n == 0 {
            errors.push(format!(
                "row {i} ({} {:?}: {}) matches no combination",
                table.case[i].service, table.case[i].channel, table.case[i].why
            ));
        }
    }
    assert!(errors.is_empty(), "{} problem(s):\n{}", errors.len(), errors.join("\n"));
    // The table is not empty by accident, and every entry point is covered.
    assert!(combos.len() >= 100, "{} combinations", combos.len());
    for from in ["wizard", "visit", "counter"] {
        assert!(combos.iter().any(|c| c.from.contains(&from)), "{from}");
    }
    for s in ServiceId::ALL {
        assert!(combos.iter().any(|c| c.case.service == s), "{s}");
    }
}

/// Every row states why, and a reader can see from the row alone which
/// seed lines it rests on.
#[test]
fn every_row_is_explained_and_cites_its_lines() {
    for (i, row) in table().case.iter().enumerate() {
        assert!(!row.why.trim().is_empty(), "row {i} says why");
        let items = row
            .documents
            .iter()
            .chain(&row.refusal_grounds)
            .chain(&row.milestones)
            .chain(&row.receipts)
            .chain([&row.term, &row.consent]);
        for it in items {
            assert!(
                it == "none" || it.contains(" L") || it.contains("F0"),
                "row {i}: {it:?} names no seed line"
            );
        }
    }
}

/// The generator sees what the entry points offer: the wizard's reasons
/// and roles, the visit's situations (the demo requests are among the
/// combinations), and the engine uses these very rules.
#[test]
fn the_combinations_include_what_the_entry_points_produce() {
    let combos = combinations();
    let has = |c: &Case| {
        combos.iter().any(|x| {
            x.case.service == c.service
                && x.case.channel == c.channel
                && x.case.reason == c.reason
                && x.case.representative == c.representative
                && x.case.digital_document == c.digital_document
                && x.case.liquidated == c.liquidated
        })
    };
    // Each demo home visit.
    for v in visit::seed_visits(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()) {
        let c = Case::from_situations(v.service, visit::CHANNEL, &v.situations);
        assert!(has(&c), "{c:?}");
        // The visit's package check is the case's document list.
        let rules = case::rules(&c).unwrap();
        let ids: Vec<&str> = rules.documents.iter().map(|d| d.id.as_str()).collect();
        let required: Vec<String> = v.required().into_iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, required);
    }
    // The wizard's answers.
    for reason in application::reasons(application::SERVICE) {
        let mut a = application::Answers {
            reason: Some(reason),
            who: Some(Who::ParentOfMinor),
            use_digital_document: Some(true),
            ..Default::default()
        };
        let c = Case::from_situations(
            application::SERVICE,
            Channel::Portal,
            &application::situations(&a),
        );
        assert!(has(&c), "{c:?}");
        a.who = Some(Who::Myself);
        let c = Case::from_situations(
            application::SERVICE,
            Channel::Portal,
            &application::situations(&a),
        );
        assert!(has(&c), "{c:?}");
    }
    // The life cycle's milestones are the case's.
    let ctx = lifecycle::Ctx::embedded(ServiceId::S3, Channel::StateCorporation).unwrap();
    assert!(lifecycle::delivers_to_state_corporation(&ctx));
}
