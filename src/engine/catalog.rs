//! The service catalogue: S1, S2 and S3 as data.
//!
//! Each service is one file, `src/engine/data/s{1,2,3}.toml`, which the build
//! turns into JSON that is embedded here and parsed once. Every item carries a
//! [`Provenance`], so the portal can always answer "says who?", and
//! `tests/catalog.rs` checks each citation against its seed line.

use std::sync::OnceLock;

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::source::{Provenance, Seed, SeedLang, Status, Text};
use super::term::{Channel, Hours, Term};

const S1_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/s1.json"));
const S2_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/s2.json"));
const S3_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/s3.json"));

/// A piece of text the portal shows, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub provenance: Provenance,
}

/// A seed act a service relies on, with what is known of its validity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    pub seed: Seed,
    /// National, regional or lost force (never an assumption).
    pub level: Status,
    /// The act's title or description.
    pub text: Text,
    /// First day in force; `None` when the seeds do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// First day no longer in force; `None` when the seeds do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    pub provenance: Provenance,
    /// Where the dates come from; an assumption when the seed lacks them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates_provenance: Option<Provenance>,
}

impl Act {
    /// Unknown bounds count as open: the seeds give no validity for the
    /// national acts, and the portal must still show them.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| date >= f) && self.valid_until.is_none_or(|u| date < u)
    }
}

/// A channel through which the application is handed in and the result collected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelItem {
    pub channel: Channel,
    pub text: Text,
    pub provenance: Provenance,
}

/// A situation of the applicant that changes which documents are needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Situation {
    Loss,
    Damage,
    NameChange,
    FillingErrors,
    /// A parent or legal representative applies for a minor.
    Minor,
    /// Identification by a document from the digital-documents service.
    DigitalDocument,
    /// The education organisation has been liquidated (S1).
    Liquidated,
}

/// One rule of the document list, for some channels and situations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    pub id: String,
    pub channels: Vec<Channel>,
    /// Applies when any of these holds; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Situation>,
    /// Does not apply when any of these holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<Situation>,
    /// Not a document to hand in but a rule about it (consent, a ban, a gap).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub info: bool,
    pub text: Text,
    pub provenance: Provenance,
}

impl DocumentRule {
    pub fn applies(&self, channel: Channel, situations: &[Situation]) -> bool {
        self.channels.contains(&channel)
            && (self.when.is_empty() || self.when.iter().any(|s| situations.contains(s)))
            && !self.unless.iter().any(|s| situations.contains(s))
    }
}

/// When a refusal happens: at the desk, or as the provider's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Refusal to accept the application (the engine can pre-check these).
    Acceptance,
    /// Refusal to render the service (a provider decision the engine cannot predict, C-12).
    Decision,
}

/// A ground for refusal; the id is stable because the engine checks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalGround {
    pub id: String,
    pub stage: Stage,
    pub text: Text,
    pub provenance: Provenance,
}

/// A place with its own hours and time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    Provider,
    StateCorporation,
    /// The State Corporation's duty departments (S3, longer hours).
    StateCorporationDuty,
    Portal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeKind {
    /// Maximum waiting time before handing in the documents.
    Waiting,
    /// Maximum time of serving the applicant.
    Service,
}

/// A maximum waiting or service time at one place, in minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    pub id: String,
    pub place: Place,
    pub kind: TimeKind,
    pub minutes: u32,
    pub provenance: Provenance,
}

/// A day of the week, spelled as in `calendar.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub fn weekday(self) -> Weekday {
        match self {
            Day::Mon => Weekday::Mon,
            Day::Tue => Weekday::Tue,
            Day::Wed => Weekday::Wed,
            Day::Thu => Weekday::Thu,
            Day::Fri => Weekday::Fri,
            Day::Sat => Weekday::Sat,
            Day::Sun => Weekday::Sun,
        }
    }
}

/// What a schedule's hours are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// The place's working hours.
    #[default]
    Office,
    /// Only the window in which applications are accepted and results issued.
    Acceptance,
}

/// Opening hours of one place, per service (C-33: never one global schedule).
///
/// `days` empty: not specified in the source. `days` set and `hours` `None`:
/// around the clock (the portal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub id: String,
    pub place: Place,
    #[serde(default)]
    pub purpose: Purpose,
    /// The language version quoted, when RU and KZ differ (C-01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<SeedLang>,
    /// The window the engine uses when the versions differ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    #[serde(default)]
    pub days: Vec<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    pub text: Text,
    pub provenance: Provenance,
}

impl Schedule {
    pub fn is_specified(&self) -> bool {
        !self.days.is_empty()
    }

    pub fn around_the_clock(&self) -> bool {
        self.is_specified() && self.hours.is_none()
    }
}

/// A length of time in the unit the source uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duration {
    Minutes(u32),
    WorkingDays(u32),
    Months(u32),
}

/// A rule with a length of time (storage at the State Corporation, sending back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedRule {
    pub id: String,
    pub duration: Duration,
    pub text: Text,
    pub provenance: Provenance,
}

/// A rule that holds for some channels (issuance of the result).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRule {
    pub id: String,
    pub channels: Vec<Channel>,
    pub text: Text,
    pub provenance: Provenance,
}

/// Who performs an internal procedure step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// The provider's office clerk (S3: the academic-department employee).
    Clerk,
    Head,
    /// The employee or responsible person who prepares the result.
    Executor,
    StateCorporation,
    Courier,
}

/// A step of a regional regulation: a non-binding milestone (C-21) or, for
/// S3, history (F004 lost force).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureStep {
    pub id: String,
    pub channels: Vec<Channel>,
    pub actor: Actor,
    pub duration: Duration,
    pub text: Text,
    pub provenance: Provenance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    Choice,
    Year,
    /// A person's name, filled from the identity document where possible.
    Person,
    /// A State Corporation office.
    Office,
    Phone,
    Address,
    /// A consent checkbox.
    Consent,
    /// A paper document handed in with the application.
    Attachment,
}

/// A field of an application or complaint form. The forms themselves are not
/// in the seeds, so fields are derived from what the clauses require.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    pub id: String,
    pub kind: FieldKind,
    pub required: bool,
    /// Empty: every channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Shown when any of these holds; empty: always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Situation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Item>,
    pub text: Text,
    pub provenance: Provenance,
}

impl FormField {
    pub fn shown(&self, channel: Channel, situations: &[Situation]) -> bool {
        (self.channels.is_empty() || self.channels.contains(&channel))
            && (self.when.is_empty() || self.when.iter().any(|s| situations.contains(s)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReceiptKind {
    Acceptance,
    Refusal,
}

/// Which act an appendix belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppendixOf {
    Standard,
    Rules,
}

/// An official form: "Appendix N to the standard / the Rules".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormRef {
    pub appendix: u8,
    pub of: AppendixOf,
}

/// What a receipt shows (F000 L23).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReceiptField {
    /// Surname and initials of the person who accepted.
    AcceptedBy,
    Stamp,
    IncomingNumber,
    Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    pub id: String,
    pub kind: ReceiptKind,
    pub channels: Vec<Channel>,
    /// `None`: no form is named (never invent one, C-13, C-27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ReceiptField>,
    pub text: Text,
    pub provenance: Provenance,
}

/// A fact for the citizen with an optional value (a website, a phone number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Info {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub text: Text,
    pub provenance: Provenance,
}

/// A complaint review term, counted in working days from registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: String,
    pub working_days: u32,
    pub text: Text,
    pub provenance: Provenance,
}

/// The complaint procedure as a seed states it (only F000 does, for S1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintProcedure {
    pub subject: Item,
    /// How a complaint may be filed (in writing; through the portal, C-41).
    pub channels: Vec<Item>,
    pub addressees: Vec<Item>,
    pub fields: Vec<FormField>,
    pub registration: Item,
    pub reviews: Vec<Review>,
    pub statuses: Vec<Item>,
    pub court: Item,
}

/// How a service's complaints work. For S2 and S3 no seed has a procedure,
/// so the S1 one applies by analogy (C-36): then `procedure` is `None`,
/// `by_analogy` is true and `provenance` is the assumption, which is the
/// only basis the portal may show (never F000).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_analogy: bool,
    /// The service whose procedure applies by analogy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analogy_of: Option<String>,
    pub text: Text,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ComplaintProcedure>,
}

/// The procedure to follow for a service's complaint, and its basis.
#[derive(Clone, Copy, Debug)]
pub struct ComplaintView<'a> {
    pub by_analogy: bool,
    /// The legal basis to show: the procedure's own for S1, the C-36
    /// assumption for S2 and S3.
    pub basis: &'a Provenance,
    /// With `by_analogy`, the item provenances inside cite F000 as the source
    /// of the analogy only.
    pub procedure: &'a ComplaintProcedure,
}

/// A state service as the catalogue describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// "S1", "S2" or "S3".
    pub id: String,
    pub name: Item,
    pub summary: Item,
    pub results: Vec<Item>,
    /// The legal basis: each seed used.
    pub acts: Vec<Act>,
    pub provider: Vec<Item>,
    pub recipients: Vec<Item>,
    pub cost: Item,
    pub channels: Vec<ChannelItem>,
    /// How to apply when there is no portal channel (S1, S3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_apply: Option<Item>,
    /// Form of the service (paper / electronic), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_form: Option<Item>,
    pub documents: Vec<DocumentRule>,
    pub refusal_grounds: Vec<RefusalGround>,
    pub terms: Vec<Term>,
    pub times: Vec<TimeLimit>,
    pub schedules: Vec<Schedule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queue: Vec<Item>,
    pub storage: Vec<TimedRule>,
    pub issuance: Vec<ChannelRule>,
    pub complaint: Complaint,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<ProcedureStep>,
    pub form_fields: Vec<FormField>,
    pub receipts: Vec<Receipt>,
    pub accessibility: Vec<Item>,
    pub info: Vec<Info>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signing: Vec<Item>,
    /// Every RULES.md §6 resolution the service relies on; `id` is the rule.
    pub assumptions: Vec<Item>,
}

/// One provenance-bearing thing of a service, for generic walks (legal-basis
/// view, validity on a date, tests).
#[derive(Clone, Copy, Debug)]
pub struct ItemRef<'a> {
    /// The field of [`Service`] it sits in, e.g. "documents", "terms.start".
    pub section: &'static str,
    pub id: &'a str,
    pub text: Option<&'a Text>,
    pub provenance: &'a Provenance,
}

/// An item of some service that applied on a date.
#[derive(Clone, Copy, Debug)]
pub struct RuleRef<'a> {
    pub service: &'a str,
    pub item: ItemRef<'a>,
}

impl Service {
    /// The document rules for this channel and situation.
    pub fn documents(&self, channel: Channel, situations: &[Situation]) -> Vec<&DocumentRule> {
        self.documents
            .iter()
            .filter(|d| d.applies(channel, situations))
            .collect()
    }

    pub fn has_channel(&self, channel: Channel) -> bool {
        self.channels.iter().any(|c| c.channel == channel)
    }

    pub fn terms_for(&self, channel: Channel) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.channel == channel)
    }

    pub fn refusal_ground(&self, id: &str) -> Option<&RefusalGround> {
        self.refusal_grounds.iter().find(|g| g.id == id)
    }

    pub fn schedules_for(&self, place: Place) -> impl Iterator<Item = &Schedule> {
        self.schedules.iter().filter(move |s| s.place == place)
    }

    /// The assumption item for a RULES.md §6 rule ("C-05").
    pub fn assumption(&self, rule: &str) -> Option<&Item> {
        self.assumptions.iter().find(|a| a.id == rule)
    }

    /// The complaint procedure, resolving "by analogy" to the S1 procedure.
    pub fn complaint(&self) -> Option<ComplaintView<'_>> {
        let c = &self.complaint;
        let procedure = match (&c.procedure, &c.analogy_of) {
            (Some(p), _) => p,
            (None, Some(of)) => service(of)?.complaint.procedure.as_ref()?,
            (None, None) => return None,
        };
        Some(ComplaintView {
            by_analogy: c.by_analogy,
            basis: &c.provenance,
            procedure,
        })
    }

    /// Every provenance of the service, each with its section and id. Terms
    /// have no id; theirs is the channel slug, plus "/same" or "/other".
    pub fn items(&self) -> Vec<ItemRef<'_>> {
        let mut all: Vec<Row<'_>> = Vec::new();
        for (section, item) in [
            ("name", &self.name),
            ("summary", &self.summary),
            ("cost", &self.cost),
        ] {
            all.push((section, &item.id, Some(&item.text), &item.provenance));
        }
        for (section, item) in [
            ("how_to_apply", &self.how_to_apply),
            ("service_form", &self.service_form),
        ] {
            if let Some(i) = item {
                all.push((section, &i.id, Some(&i.text), &i.provenance));
            }
        }
        all.extend(items("results", &self.results));
        all.extend(items("provider", &self.provider));
        all.extend(items("recipients", &self.recipients));
        all.extend(items("queue", &self.queue));
        all.extend(items("accessibility", &self.accessibility));
        all.extend(items("signing", &self.signing));
        all.extend(items("assumptions", &self.assumptions));
        for a in &self.acts {
            let id = seed_id(a.seed);
            all.push(("acts", id, Some(&a.text), &a.provenance));
            if let Some(p) = &a.dates_provenance {
                all.push(("acts.dates", id, None, p));
            }
        }
        for c in &self.channels {
            all.push(("channels", c.channel.slug(), Some(&c.text), &c.provenance));
        }
        for d in &self.documents {
            all.push(("documents", &d.id, Some(&d.text), &d.provenance));
        }
        for g in &self.refusal_grounds {
            all.push(("refusal_grounds", &g.id, Some(&g.text), &g.provenance));
        }
        for t in &self.terms {
            let id = term_id(t);
            all.push(("terms", id, None, &t.provenance));
            all.push(("terms.start", id, None, &t.start_provenance));
            if let Some(p) = &t.end_provenance {
                all.push(("terms.end", id, None, p));
            }
        }
        for t in &self.times {
            all.push(("times", &t.id, None, &t.provenance));
        }
        for s in &self.schedules {
            all.push(("schedules", &s.id, Some(&s.text), &s.provenance));
        }
        for s in &self.storage {
            all.push(("storage", &s.id, Some(&s.text), &s.provenance));
        }
        for r in &self.issuance {
            all.push(("issuance", &r.id, Some(&r.text), &r.provenance));
        }
        all.push((
            "complaint",
            "complaint",
            Some(&self.complaint.text),
            &self.complaint.provenance,
        ));
        if let Some(p) = &self.complaint.procedure {
            all.push((
                "complaint.subject",
                &p.subject.id,
                Some(&p.subject.text),
                &p.subject.provenance,
            ));
            all.extend(items("complaint.channels", &p.channels));
            all.extend(items("complaint.addressees", &p.addressees));
            fields(&mut all, "complaint.fields", &p.fields);
            all.push((
                "complaint.registration",
                &p.registration.id,
                Some(&p.registration.text),
                &p.registration.provenance,
            ));
            for r in &p.reviews {
                all.push(("complaint.reviews", &r.id, Some(&r.text), &r.provenance));
            }
            all.extend(items("complaint.statuses", &p.statuses));
            all.push((
                "complaint.court",
                &p.court.id,
                Some(&p.court.text),
                &p.court.provenance,
            ));
        }
        for s in &self.steps {
            all.push(("steps", &s.id, Some(&s.text), &s.provenance));
        }
        fields(&mut all, "form_fields", &self.form_fields);
        for r in &self.receipts {
            all.push(("receipts", &r.id, Some(&r.text), &r.provenance));
        }
        for i in &self.info {
            all.push(("info", &i.id, Some(&i.text), &i.provenance));
        }
        all.into_iter()
            .map(|(section, id, text, provenance)| ItemRef {
                section,
                id,
                text,
                provenance,
            })
            .collect()
    }

    /// The item with this section and id.
    pub fn item(&self, section: &str, id: &str) -> Option<ItemRef<'_>> {
        self.items()
            .into_iter()
            .find(|i| i.section == section && i.id == id)
    }

    /// The items whose legal basis was in force on `date` (see [`in_force_on`]).
    pub fn rules_on(&self, date: NaiveDate) -> Vec<ItemRef<'_>> {
        self.items()
            .into_iter()
            .filter(|i| in_force_on(i.provenance, date))
            .collect()
    }
}

/// (section, id, text, provenance): an [`ItemRef`] under construction.
type Row<'a> = (&'static str, &'a str, Option<&'a Text>, &'a Provenance);

fn items<'a>(section: &'static str, list: &'a [Item]) -> impl Iterator<Item = Row<'a>> {
    list.iter()
        .map(move |i| (section, i.id.as_str(), Some(&i.text), &i.provenance))
}

fn fields<'a>(all: &mut Vec<Row<'a>>, section: &'static str, list: &'a [FormField]) {
    let options: &'static str = if section == "form_fields" {
        "form_fields.options"
    } else {
        "complaint.fields.options"
    };
    for f in list {
        all.push((section, &f.id, Some(&f.text), &f.provenance));
        for o in &f.options {
            all.push((options, &o.id, Some(&o.text), &o.provenance));
        }
    }
}

fn seed_id(seed: Seed) -> &'static str {
    match seed {
        Seed::F000 => "F000",
        Seed::F001 => "F001",
        Seed::F002 => "F002",
        Seed::F003 => "F003",
        Seed::F004 => "F004",
    }
}

fn term_id(t: &Term) -> &'static str {
    use super::term::Location;
    match (t.channel, t.location) {
        (Channel::StateCorporation, Some(Location::Same)) => "state-corporation/same",
        (Channel::StateCorporation, Some(Location::Other)) => "state-corporation/other",
        (c, _) => c.slug(),
    }
}

/// The embedded data: (service id, JSON), in catalogue order.
pub fn embedded() -> [(&'static str, &'static str); 3] {
    [("S1", S1_JSON), ("S2", S2_JSON), ("S3", S3_JSON)]
}

/// Why a catalogue file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub service: String,
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "catalogue {}: {}", self.service, self.message)
    }
}

impl std::error::Error for CatalogError {}

/// Parses one service file, checking that it is the service it claims to be.
pub fn parse_service(expected_id: &str, json: &str) -> Result<Service, CatalogError> {
    let err = |message: String| CatalogError {
        service: expected_id.to_string(),
        message,
    };
    let s: Service = serde_json::from_str(json).map_err(|e| err(e.to_string()))?;
    if s.id != expected_id {
        return Err(err(format!("file holds service {:?}", s.id)));
    }
    Ok(s)
}

/// Parses the embedded data without caching (tests; `all` uses it once).
pub fn try_all() -> Result<Vec<Service>, CatalogError> {
    embedded()
        .into_iter()
        .map(|(id, json)| parse_service(id, json))
        .collect()
}

static CATALOG: OnceLock<Vec<Service>> = OnceLock::new();

/// S1, S2 and S3, in that order.
pub fn all() -> &'static [Service] {
    // Our own embedded data; tests/catalog.rs parses it, so this cannot fail
    // in a build that passed its tests.
    CATALOG.get_or_init(|| try_all().expect("embedded catalogue data parses (tests/catalog.rs)"))
}

/// The service with this id ("S1", "S2", "S3"), if any.
pub fn service(id: &str) -> Option<&'static Service> {
    all().iter().find(|s| s.id == id)
}

/// The document rules of service `id` for a channel and situation.
pub fn documents(
    id: &str,
    channel: Channel,
    situations: &[Situation],
) -> Vec<&'static DocumentRule> {
    service(id).map_or_else(Vec::new, |s| s.documents(channel, situations))
}

/// The complaint procedure of service `id`.
pub fn complaint(id: &str) -> Option<ComplaintView<'static>> {
    service(id)?.complaint()
}

/// The act record for a seed, from whichever service lists it.
pub fn act(seed: Seed) -> Option<&'static Act> {
    all().iter().flat_map(|s| &s.acts).find(|a| a.seed == seed)
}

/// Whether an item's legal basis was in force on `date`: every act it cites
/// was in force then, and a lost-force item is never current without a
/// dated act to place it in time. Acts with unknown validity count as in force.
pub fn in_force_on(provenance: &Provenance, date: NaiveDate) -> bool {
    if provenance.status == Status::LostForce && provenance.cites.is_empty() {
        return false;
    }
    provenance.cites.iter().all(|c| match act(c.seed) {
        Some(a) => a.in_force_on(date),
        None => c.seed.status() != Status::LostForce,
    })
}

/// Which items of all services applied on `date`. After F004 lost force
/// (29.09.2020, an assumption: the exact date is a gap) none of its items
/// is current.
pub fn rules_on(date: NaiveDate) -> Vec<RuleRef<'static>> {
    all()
        .iter()
        .flat_map(|s| {
            s.rules_on(date).into_iter().map(|item| RuleRef {
                service: s.id.as_str(),
                item,
            })
        })
        .collect()
}
