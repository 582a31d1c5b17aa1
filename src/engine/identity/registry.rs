//! A simulated state registry of individuals (ГБД ФЛ / ЖТ МДБ), with the
//! State Corporation offices and the schools and colleges the demo refers to.
//!
//! DEMONSTRATION DATA. Every person, IIN, phone number, document number,
//! address and organisation here is invented for the demo (IINs are built
//! with [`super::iin::make`] so they validate). Nothing is queried from a
//! real state system. The data lives in `src/engine/data/registry.toml`;
//! `tests/identity.rs` checks it (valid IINs, symmetric family links, and
//! the cases the portal must exercise).

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::iin::Sex;
use crate::engine::json;
use crate::engine::source::{Lang, Text};
use crate::engine::term::Location;

crate::engine::json::names!(IdKind, EducationKind, OrganisationKind);

/// The registry's people and the schools and colleges they went to; its
/// places (settlements, offices) apart, so that signing in reads no more
/// than people (`src/build.rs` splits `registry.toml`).
const PEOPLE_JSON: &str = crate::engine::embedded::embedded_data!("registry-people");
const PLACES_JSON: &str = crate::engine::embedded::embedded_data!("registry-places");

/// A name in one script: surname, given name, optional patronymic.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullName {
    pub surname: String,
    pub given: String,
    pub patronymic: Option<String>,
}

impl FullName {
    /// "Surname Given Patronymic", the order of Kazakhstan documents.
    pub fn full(&self) -> String {
        [Some(self.surname.as_str()), Some(self.given.as_str()), self.patronymic.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A person's name as the registry keeps it: Kazakh and Russian as in the
/// documents, and a Latin transliteration (as in the passport) for English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    pub kk: FullName,
    pub ru: FullName,
    pub en: FullName,
}

impl PersonName {
    pub fn get(&self, lang: Lang) -> &FullName {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// Kind of identity document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum IdKind {
    IdCard,
    Passport,
    /// What a child has before the ID card (issued from 16).
    BirthCertificate,
}

/// The identity document the registry knows for a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdDocument {
    pub kind: IdKind,
    pub number: String,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub issued: NaiveDate,
    /// Last day of validity; `None` for a document that does not expire
    /// (a birth certificate).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::engine::json::date::naive_opt"
    )]
    pub valid_until: Option<NaiveDate>,
}

impl IdDocument {
    /// Issued on or before `date` and not expired on it (the last day counts).
    /// An expired document is a ground to refuse a service.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.issued <= date && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// Kind of education document (the three services concern these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum EducationKind {
    /// Certificate of basic secondary education (after grade 9):
    /// негізгі орта білім туралы куәлік / свидетельство об основном среднем образовании.
    BasicSecondaryCertificate,
    /// Attestat of general secondary education (after grade 11):
    /// жалпы орта білім туралы аттестат / аттестат об общем среднем образовании.
    GeneralSecondaryAttestat,
    /// Diploma of technical and vocational education (TVE, a college).
    TveDiploma,
}

impl EducationKind {
    /// Stable machine code, as serde writes it.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// An education document a person holds. The data names the organisation by
/// id; its name, settlement and liquidation are filled in on load so the UI
/// need not look them up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EducationDocument {
    pub kind: EducationKind,
    pub number: String,
    /// Year of issue (of graduation).
    pub year: i32,
    /// Id of the issuing [`Organisation`].
    pub organisation: String,
    /// Whether the document is in the digital-documents service, so the
    /// holder can identify with it instead of an ID card.
    #[serde(default)]
    pub in_digital_documents: bool,
    /// Filled from the organisation on load.
    #[serde(default)]
    pub organisation_name: Text,
    /// Settlement id, filled from the organisation on load.
    #[serde(default)]
    pub settlement: String,
    /// True when the school or college no longer exists (S1's archive route).
    /// Filled from the organisation on load.
    #[serde(default)]
    pub organisation_liquidated: bool,
}

impl EducationDocument {
    pub fn organisation(&self) -> Option<&'static Organisation> {
        organisations().iter().find(|o| o.id == self.organisation)
    }
}

/// One person in the demo registry.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub iin: String,
    pub name: PersonName,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub birth_date: NaiveDate,
    pub sex: Sex,
    /// Registered address.
    pub address: Text,
    /// The settlement of the registered address (a [`Settlement`] id): where
    /// a home visit happens, and whose clock it keeps.
    pub settlement: String,
    /// Registered mobile number, `+7 7XX XXX XX XX`; without one, SMS
    /// confirmation is impossible.
    pub phone: Option<String>,
    pub id_document: IdDocument,
    #[serde(default)]
    pub education: Vec<EducationDocument>,
    /// IINs of parents in the registry.
    #[serde(default)]
    pub parents: Vec<String>,
    /// IINs of children in the registry.
    #[serde(default)]
    pub children: Vec<String>,
}

/// Age of majority in Kazakhstan (Civil Code art. 17).
pub const MAJORITY_AGE: i32 = 18;

impl Person {
    /// Full years on `date`. Someone born on 29 February has a birthday on
    /// 1 March in common years.
    pub fn age_on(&self, date: NaiveDate) -> i32 {
        let before_birthday =
            (date.month(), date.day()) < (self.birth_date.month(), self.birth_date.day());
        date.year() - self.birth_date.year() - i32::from(before_birthday)
    }

    /// Under 18 on `date`: a parent applies on their behalf.
    pub fn is_minor_on(&self, date: NaiveDate) -> bool {
        self.age_on(date) < MAJORITY_AGE
    }

    /// "Surname Given Patronymic" in the language's script (Latin for `En`).
    pub fn display_name(&self, lang: Lang) -> String {
        self.name.get(lang).full()
    }
}

/// A town or city; two places are "the same location" for S3's terms when
/// they are in the same settlement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    pub id: String,
    pub name: Text,
    /// The region it is in now (a [`region`](crate::engine::region) id).
    pub region: String,
    /// The regions it was in before, oldest first (Semey: East Kazakhstan
    /// until Abai Region was formed in 2022).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierRegion>,
}

/// A region a settlement belonged to until `until` (exclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierRegion {
    pub region: String,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub until: NaiveDate,
}

impl Settlement {
    /// The region the settlement was in on `date`.
    pub fn region_on(&self, date: NaiveDate) -> &str {
        self.earlier
            .iter()
            .find(|e| date < e.until)
            .map_or(self.region.as_str(), |e| e.region.as_str())
    }
}

/// The region of settlement `id` on `date`, if both are known.
pub fn region_of_settlement(id: &str, date: NaiveDate) -> Option<&'static str> {
    settlement(id).map(|s| s.region_on(date))
}

/// A State Corporation "Government for Citizens" office where documents can
/// be handed in and collected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    pub name: Text,
    /// Settlement id.
    pub settlement: String,
    pub address: Text,
}

impl Office {
    /// The region the office was in on `date`.
    pub fn region_on(&self, date: NaiveDate) -> Option<&'static str> {
        region_of_settlement(&self.settlement, date)
    }
}

/// School or college.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum OrganisationKind {
    School,
    College,
}

/// An education organisation that issues documents.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub kind: OrganisationKind,
    pub name: Text,
    /// Settlement id.
    pub settlement: String,
    #[serde(default)]
    pub liquidated: bool,
    /// Who keeps the records of a liquidated organisation.
    pub archive: Option<Text>,
}

impl Organisation {
    /// The region the organisation was in on `date`.
    pub fn region_on(&self, date: NaiveDate) -> Option<&'static str> {
        region_of_settlement(&self.settlement, date)
    }

    /// Same or other settlement as an office (S3 has different terms).
    pub fn location_for(&self, office: &Office) -> Location {
        location(&self.settlement, &office.settlement)
    }
}

/// `Same` when both settlement ids are equal.
pub fn location(settlement_a: &str, settlement_b: &str) -> Location {
    if settlement_a == settlement_b { Location::Same } else { Location::Other }
}

/// The two parts of `registry.toml` (a table in neither fails the build,
/// `src/build.rs`, as these copy only their own).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct People {
    organisation: Vec<Organisation>,
    person: Vec<Person>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Places {
    settlement: Vec<Settlement>,
    office: Vec<Office>,
}

static PEOPLE: OnceLock<Result<People, String>> = OnceLock::new();
static PLACES: OnceLock<Result<Places, String>> = OnceLock::new();

fn load_people() -> Result<People, String> {
    let mut r: People =
        json::from_str_strict(PEOPLE_JSON).map_err(|e| format!("registry-people.json: {e}"))?;
    let orgs = &r.organisation;
    for p in &mut r.person {
        for doc in &mut p.education {
            let org = orgs
                .iter()
                .find(|o| o.id == doc.organisation)
                .ok_or_else(|| format!("{}: unknown organisation {}", p.iin, doc.organisation))?;
            doc.organisation_name = org.name.clone();
            doc.settlement = org.settlement.clone();
            doc.organisation_liquidated = org.liquidated;
        }
    }
    Ok(r)
}

fn load_places() -> Result<Places, String> {
    json::from_str_strict(PLACES_JSON).map_err(|e| format!("registry-places.json: {e}"))
}

fn people_data() -> Option<&'static People> {
    PEOPLE.get_or_init(load_people).as_ref().ok()
}

fn places() -> Option<&'static Places> {
    PLACES.get_or_init(load_places).as_ref().ok()
}

/// Why the embedded data did not load, if it did not (a build-time mistake
/// that `tests/identity.rs` catches; the accessors then return nothing
/// rather than panic): the people's reason first, each naming its file.
pub fn load_error() -> Option<&'static str> {
    let people = PEOPLE.get_or_init(load_people).as_ref().err();
    let places = PLACES.get_or_init(load_places).as_ref().err();
    people.or(places).map(String::as_str)
}

/// Everyone in the demo registry.
pub fn people() -> &'static [Person] {
    people_data().map_or(&[], |r| &r.person)
}

/// The person with this IIN (spaces around or inside are ignored).
pub fn find(iin: &str) -> Option<&'static Person> {
    let digits: String = iin.chars().filter(|c| !c.is_whitespace()).collect();
    people().iter().find(|p| p.iin == digits)
}

/// The registered children of the person with this IIN.
pub fn children_of(iin: &str) -> Vec<&'static Person> {
    find(iin).map(|p| p.children.iter().filter_map(|c| find(c)).collect()).unwrap_or_default()
}

pub fn settlements() -> &'static [Settlement] {
    places().map_or(&[], |r| &r.settlement)
}

pub fn settlement(id: &str) -> Option<&'static Settlement> {
    settlements().iter().find(|s| s.id == id)
}

/// State Corporation offices, for "where to hand in / collect".
pub fn offices() -> &'static [Office] {
    places().map_or(&[], |r| &r.office)
}

pub fn office(id: &str) -> Option<&'static Office> {
    offices().iter().find(|o| o.id == id)
}

/// Schools and colleges.
pub fn organisations() -> &'static [Organisation] {
    people_data().map_or(&[], |r| &r.organisation)
}

pub fn organisation(id: &str) -> Option<&'static Organisation> {
    organisations().iter().find(|o| o.id == id)
}
