//! The shape of a service's data: every item the portal shows, each with
//! its [`Provenance`]. The data is read strictly
//! ([`json::from_str_strict`](crate::engine::json::from_str_strict)), so a
//! misspelt key is a load error instead of a silently missing rule (the
//! `deny_unknown_fields` on these types says the same to serde_json read
//! directly).
//!
//! The structs read from the build-time data declare their fields in the
//! order of their keys, which the build writes sorted: the data is read in
//! that order (`json::in_order`), each value once, where it is; a field
//! declared out of place fails tests/data_order.rs.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Seed, SeedLang, Status, Text};
use crate::engine::term::{Channel, Hours, Term};

crate::engine::json::names!(
    Situation,
    ConsentBy,
    ConsentHow,
    Stage,
    Place,
    TimeKind,
    Day,
    Purpose,
    Actor,
    FieldKind,
    ReceiptKind,
    AppendixOf,
    ReceiptField
);

/// A piece of text the portal shows, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
}

/// A seed act a service relies on, with what is known of its validity.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// Where the dates come from; an assumption when the seed lacks them.
    pub dates_provenance: Option<Provenance>,
    /// National, regional or lost force (never an assumption).
    pub level: Status,
    pub provenance: Provenance,
    /// A regional act: the [`region`](crate::engine::region) it was made
    /// for (F002: East Kazakhstan; F004: Almaty), named in its provenance.
    /// Its procedures apply only to providers there (LS-2).
    pub region: Option<String>,
    pub seed: Seed,
    /// The act's title or description.
    pub text: Text,
    /// First day in force; `None` when the seeds do not say.
    #[serde(deserialize_with = "crate::engine::json::date::naive_opt")]
    pub valid_from: Option<NaiveDate>,
    /// First day no longer in force; `None` when the seeds do not say.
    #[serde(deserialize_with = "crate::engine::json::date::naive_opt")]
    pub valid_until: Option<NaiveDate>,
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
    pub provenance: Provenance,
    pub text: Text,
}

/// A situation of the applicant that changes which documents are needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    pub channels: Vec<Channel>,
    /// The rule is a consent step: who obtains it and how, as the
    /// service's own source says (C-29: never merged across services).
    pub consent: Option<ConsentSpec>,
    pub id: String,
    /// Not a document to hand in but a rule about it (consent, a ban, a gap).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub info: bool,
    pub provenance: Provenance,
    pub text: Text,
    /// Does not apply when any of these holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<Situation>,
    /// Applies when any of these holds; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Situation>,
}

/// Who obtains a consent (C-29, C-44: as each service's text says).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ConsentBy {
    /// The provider (S1, F000 L33): not the State Corporation's employee.
    Provider,
    /// The State Corporation's employee (S3, F003 L46).
    StateCorporation,
    /// The document's owner, through their registered number (S2, F001 L26).
    Owner,
}

/// How a consent is given, where the source says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ConsentHow {
    /// In writing, on a form the State Corporation provides (F000 L33).
    WrittenForm,
    /// By passing on a one-time password or by an SMS reply (F001 L26).
    OtpOrSms,
    /// The source does not say how (F003 L46).
    NotStated,
}

/// A consent step: who and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentSpec {
    pub by: ConsentBy,
    pub how: ConsentHow,
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
#[serde(remote = "Self", rename_all = "kebab-case")]
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
    /// The source gives no ground at all (S1, F000): the item only says so,
    /// and nothing can be refused on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
    /// Where it can apply; empty: every channel of the service. F001 §9's
    /// grounds are the desk's (the State Corporation or school employee), so
    /// not the portal's (C-13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    pub id: String,
    pub provenance: Provenance,
    pub stage: Stage,
    pub text: Text,
}

impl RefusalGround {
    /// A ground that exists and can apply on `channel`.
    pub fn applies_on(&self, channel: Channel) -> bool {
        !self.absent && (self.channels.is_empty() || self.channels.contains(&channel))
    }
}

/// A place with its own hours and time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Place {
    Provider,
    StateCorporation,
    /// The State Corporation's duty departments (S3, longer hours).
    StateCorporationDuty,
    Portal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
    pub kind: TimeKind,
    pub minutes: u32,
    pub place: Place,
    pub provenance: Provenance,
}

/// A day of the week, spelled as in `calendar.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "lowercase")]
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
#[serde(remote = "Self", rename_all = "kebab-case")]
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
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub days: Vec<Day>,
    pub hours: Option<Hours>,
    pub id: String,
    pub place: Place,
    pub provenance: Provenance,
    #[serde(default)]
    pub purpose: Purpose,
    /// The window the engine uses when the versions differ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    pub text: Text,
    /// The language version quoted, when RU and KZ differ (C-01).
    pub version: Option<SeedLang>,
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
    /// The channels whose results it concerns; empty: every channel. The
    /// State Corporation's storage concerns results collected there (the
    /// State Corporation channel, and S2's portal, C-06).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    pub duration: Duration,
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
}

/// A rule that holds for some channels (issuance of the result).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRule {
    pub channels: Vec<Channel>,
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
}

/// Who performs an internal procedure step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
    pub actor: Actor,
    pub channels: Vec<Channel>,
    pub duration: Duration,
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
    /// Empty: every channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    pub id: String,
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Item>,
    pub provenance: Provenance,
    pub required: bool,
    pub text: Text,
    /// Shown when any of these holds; empty: always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Situation>,
}

impl FormField {
    pub fn shown(&self, channel: Channel, situations: &[Situation]) -> bool {
        (self.channels.is_empty() || self.channels.contains(&channel))
            && (self.when.is_empty() || self.when.iter().any(|s| situations.contains(s)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ReceiptKind {
    Acceptance,
    Refusal,
}

/// Which act an appendix belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
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
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ReceiptField {
    /// Surname and initials of the person who accepted.
    AcceptedBy,
    Stamp,
    IncomingNumber,
    Date,
}

#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The source provides no receipt of this kind on these channels; the
    /// item only says so (S1 and S3 name no refusal receipt; the portal
    /// issues none of its own, C-13). Which receipts exist is data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ReceiptField>,
    /// `None`: no form is named (never invent one, C-13, C-27).
    pub form: Option<FormRef>,
    pub id: String,
    pub kind: ReceiptKind,
    pub provenance: Provenance,
    pub text: Text,
}

/// A fact for the citizen with an optional value (a website, a phone number).
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Info {
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
    pub value: Option<String>,
}

/// A complaint review term, counted in working days from registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: String,
    pub provenance: Provenance,
    pub text: Text,
    pub working_days: u32,
}

/// The complaint procedure as a seed states it (only F000 does, for S1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintProcedure {
    pub addressees: Vec<Item>,
    /// How a complaint may be filed (in writing; through the portal, C-41).
    pub channels: Vec<Item>,
    pub court: Item,
    pub fields: Vec<FormField>,
    pub registration: Item,
    pub reviews: Vec<Review>,
    pub statuses: Vec<Item>,
    pub subject: Item,
}

/// How a service's complaints work. For S2 and S3 no seed has a procedure,
/// so the S1 one applies by analogy (C-36): then `procedure` is `None`,
/// `by_analogy` is true and `provenance` is the assumption, which is the
/// only basis the portal may show (never F000).
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The service whose procedure applies by analogy.
    pub analogy_of: Option<ServiceId>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_analogy: bool,
    pub procedure: Option<ComplaintProcedure>,
    pub provenance: Provenance,
    pub text: Text,
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
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub accessibility: Vec<Item>,
    /// The legal basis: each seed used.
    pub acts: Vec<Act>,
    /// Every RULES.md §6 resolution the service relies on; `id` is the rule.
    pub assumptions: Vec<Item>,
    pub channels: Vec<ChannelItem>,
    pub complaint: Complaint,
    pub cost: Item,
    pub documents: Vec<DocumentRule>,
    pub form_fields: Vec<FormField>,
    /// How to apply when there is no portal channel (S1, S3).
    pub how_to_apply: Option<Item>,
    pub id: ServiceId,
    pub info: Vec<Info>,
    pub issuance: Vec<ChannelRule>,
    pub name: Item,
    pub provider: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queue: Vec<Item>,
    pub receipts: Vec<Receipt>,
    pub recipients: Vec<Item>,
    pub refusal_grounds: Vec<RefusalGround>,
    pub results: Vec<Item>,
    pub schedules: Vec<Schedule>,
    /// Form of the service (paper / electronic), where stated.
    pub service_form: Option<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signing: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<ProcedureStep>,
    pub storage: Vec<TimedRule>,
    pub summary: Item,
    pub terms: Vec<Term>,
    pub times: Vec<TimeLimit>,
}

impl Service {
    /// The document rules for this channel and situation.
    pub fn documents(&self, channel: Channel, situations: &[Situation]) -> Vec<&DocumentRule> {
        self.documents.iter().filter(|d| d.applies(channel, situations)).collect()
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

    /// The refusal grounds that can apply on `channel` (none for S1, whose
    /// source has none; none at acceptance on the portal).
    pub fn refusal_grounds_on(&self, channel: Channel) -> impl Iterator<Item = &RefusalGround> {
        self.refusal_grounds.iter().filter(move |g| g.applies_on(channel))
    }

    pub fn schedules_for(&self, place: Place) -> impl Iterator<Item = &Schedule> {
        self.schedules.iter().filter(move |s| s.place == place)
    }

    /// The act of a seed, as this service lists it.
    pub fn act(&self, seed: Seed) -> Option<&Act> {
        self.acts.iter().find(|a| a.seed == seed)
    }

    /// The region an item is confined to: the region of the regional act it
    /// cites, when every citation is of such an act (F002's steps and
    /// collection queue: East Kazakhstan). `None`: not confined.
    pub fn regional_scope(&self, p: &Provenance) -> Option<&str> {
        let mut scope: Option<&str> = None;
        for c in &p.cites {
            let r = self.act(c.seed)?.region.as_deref()?;
            if scope.is_some_and(|s| s != r) {
                return None;
            }
            scope = Some(r);
        }
        scope
    }

    /// Whether an item applies to a provider in `region` (an unknown
    /// region gets no regional item).
    pub fn applies_in(&self, p: &Provenance, region: Option<&str>) -> bool {
        self.regional_scope(p).is_none_or(|scope| region == Some(scope))
    }

    /// The consent step the service's source sets for a channel and
    /// situation, if any (S1: the provider's written consent; S2: the
    /// owner's, only for a digital document; S3: at the State Corporation).
    pub fn consent(&self, channel: Channel, situations: &[Situation]) -> Option<&DocumentRule> {
        self.documents(channel, situations).into_iter().find(|d| d.consent.is_some())
    }

    /// The receipt of `kind` the source provides on `channel`, if any
    /// (items that only say there is none are skipped).
    pub fn receipt(&self, kind: ReceiptKind, channel: Channel) -> Option<&Receipt> {
        self.receipts.iter().find(|r| r.kind == kind && !r.absent && r.channels.contains(&channel))
    }

    /// The item that says the source provides no receipt of `kind` on
    /// `channel`, if there is one.
    pub fn absent_receipt(&self, kind: ReceiptKind, channel: Channel) -> Option<&Receipt> {
        self.receipts.iter().find(|r| r.kind == kind && r.absent && r.channels.contains(&channel))
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
            (None, Some(of)) => super::service(*of).complaint.procedure.as_ref()?,
            (None, None) => return None,
        };
        Some(ComplaintView { by_analogy: c.by_analogy, basis: &c.provenance, procedure })
    }
}
