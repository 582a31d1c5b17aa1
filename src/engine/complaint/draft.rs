//! A complaint being written: to whom, about what, and the citizen's own
//! details, with the checks F000 L47 asks for. Text is kept verbatim.

use serde::{Deserialize, Serialize};

use crate::engine::catalog;
use crate::engine::deadline::ComplaintAuthority;
use crate::engine::json::tagged;
use crate::engine::service::ServiceId;
use crate::engine::source::Provenance;

crate::engine::json::names!(Addressee, Subject, Field);

/// Longest complaint text, in characters.
pub const TEXT_MAX: usize = 5000;
/// Longest surname, name or patronymic, in characters.
pub const NAME_MAX: usize = 100;
/// Longest postal address, in characters.
pub const ADDRESS_MAX: usize = 300;
/// Longest application reference, registration field or answer place.
pub const REF_MAX: usize = 100;

/// To whom the complaint is addressed (F000 L44–45; C-42; L49–50).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Addressee {
    /// The head of the provider (L45).
    ProviderHead,
    /// The head of the Ministry or the person acting for them (L44).
    Ministry,
    /// The head of the local executive body (L45).
    #[strum(serialize = "local-executive")]
    LocalExecutiveBody,
    /// The State Corporation, for complaints about its staff (C-42; L46, L48).
    StateCorporation,
    /// The authority for evaluation and control of the quality of state
    /// services, on disagreement with the result (L49–50): as a first
    /// complaint, or after an answer (an escalation). L49 sets no condition
    /// of an earlier complaint (S1-C9).
    QualityControl,
}

impl Addressee {
    pub const ALL: [Addressee; 5] = [
        Addressee::ProviderHead,
        Addressee::Ministry,
        Addressee::LocalExecutiveBody,
        Addressee::StateCorporation,
        Addressee::QualityControl,
    ];

    /// The id of its catalogue addressee item.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab
    /// case, or its `#[strum(serialize)]`.
    pub fn catalogue_id(self) -> &'static str {
        self.into()
    }

    /// Which review term applies: 5 working days for those F000 L48 names,
    /// 15 at quality control (L50), and for the local executive body, which
    /// L48 does not name, 5 as an assumption.
    pub fn authority(self) -> ComplaintAuthority {
        match self {
            Addressee::QualityControl => ComplaintAuthority::QualityControl,
            Addressee::LocalExecutiveBody => ComplaintAuthority::LocalExecutiveBody,
            _ => ComplaintAuthority::MinistryProviderOrStateCorporation,
        }
    }

    /// False when F000 states no review term for this addressee.
    pub fn review_term_stated(self) -> bool {
        self.authority().term_stated()
    }

    /// Where the catalogue grounds this addressee for `service`: F000's own
    /// item for S1; for S2 and S3 the same item applied by analogy, as the
    /// C-36 assumption (F000 only the source of the analogy, never their
    /// law).
    pub fn provenance(self, service: ServiceId) -> Option<Provenance> {
        let view = catalog::complaint(service)?;
        let item = view.procedure.addressees.iter().find(|a| a.id == self.catalogue_id())?;
        Some(if view.by_analogy {
            Provenance { cites: item.provenance.cites.clone(), ..view.basis.clone() }
        } else {
            item.provenance.clone()
        })
    }
}

/// The addressees a complaint about `service` may go to, in the
/// catalogue's order: every one it lists, quality control included (F000
/// L49 makes it no escalation only).
pub fn addressees(service: ServiceId) -> Vec<Addressee> {
    let Some(view) = catalog::complaint(service) else {
        return Vec::new();
    };
    view.procedure
        .addressees
        .iter()
        .filter_map(|i| Addressee::ALL.into_iter().find(|a| a.catalogue_id() == i.id))
        .collect()
}

/// What is complained about (F000 L43).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Subject {
    Decision,
    Action,
    Inaction,
}

/// A complaint being written.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDraft {
    pub service: ServiceId,
    /// The application complained about, if any.
    pub application_ref: Option<String>,
    pub addressee: Addressee,
    pub subject: Subject,
    pub text: String,
    pub surname: String,
    pub name: String,
    pub patronymic: Option<String>,
    pub postal_address: String,
    pub phone: String,
}

/// A field of the draft; `id()` is the catalogue's field id where F000 L47 names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Field {
    Service,
    ApplicationRef,
    Text,
    Surname,
    #[strum(serialize = "given-name")]
    Name,
    Patronymic,
    PostalAddress,
    Phone,
}

impl Field {
    /// In the order of the form.
    pub const ALL: [Field; 8] = [
        Field::Service,
        Field::ApplicationRef,
        Field::Text,
        Field::Surname,
        Field::Name,
        Field::Patronymic,
        Field::PostalAddress,
        Field::Phone,
    ];

    /// Written by the `IntoStaticStr` derive: the variant's name in kebab
    /// case, or its `#[strum(serialize)]`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    fn value(self, d: &ComplaintDraft) -> Option<&str> {
        match self {
            Field::Service => Some(d.service.as_str()),
            Field::ApplicationRef => d.application_ref.as_deref(),
            Field::Text => Some(&d.text),
            Field::Surname => Some(&d.surname),
            Field::Name => Some(&d.name),
            Field::Patronymic => d.patronymic.as_deref(),
            Field::PostalAddress => Some(&d.postal_address),
            Field::Phone => Some(&d.phone),
        }
    }
}

/// What is wrong with a field. `code()` is stable. serde writes it; it is
/// read in one pass (`json::tagged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(tag = "problem", rename_all = "kebab-case")]
#[strum(prefix = "complaint-", serialize_all = "kebab-case")]
pub enum Problem {
    /// Empty or only whitespace.
    #[error("required")]
    Required,
    /// More than `max` characters.
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    /// Not a Kazakhstan number +7 7XX XXX XX XX.
    #[error("not a Kazakhstan number +7 7XX XXX XX XX")]
    PhoneFormat,
    #[error("not one of the services S1, S2, S3")]
    UnknownService,
}

tagged::reader! {
    Problem, tag = "problem";
    variants {
        Required {}
        TooLong { max }
        PhoneFormat {}
        UnknownService {}
    }
    fields {
        usize: max;
    }
}

impl Problem {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `complaint-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// A problem at one field of a complaint draft; the UI shows its message
/// next to the field with id [`Field::id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}: {problem}", .field.id())]
pub struct ComplaintFieldError {
    pub field: Field,
    #[source]
    pub problem: Problem,
}

/// The service a complaint form names, or the problem to show at its field
/// when it names none of the three (a [`ComplaintDraft`] always holds one).
pub fn parse_service(s: &str) -> Result<ServiceId, ComplaintFieldError> {
    ServiceId::parse(s).map_err(|_| ComplaintFieldError {
        field: Field::Service,
        problem: Problem::UnknownService,
    })
}

/// The required fields: those the catalogue's complaint form marks required
/// (F000 L47: surname, name, postal address, telephone; the patronymic only
/// if any), plus the text. Without a catalogue procedure, the same list.
fn required_fields(service: ServiceId) -> Vec<Field> {
    let mut out = vec![Field::Text];
    let from_catalogue: Vec<Field> = catalog::complaint(service)
        .or_else(|| catalog::complaint(ServiceId::S1))
        .map(|v| {
            v.procedure
                .fields
                .iter()
                .filter(|f| f.required)
                .filter_map(|f| Field::from_id(&f.id))
                .collect()
        })
        .unwrap_or_default();
    if from_catalogue.is_empty() {
        out.extend([Field::Surname, Field::Name, Field::PostalAddress, Field::Phone]);
    } else {
        out.extend(from_catalogue);
    }
    out
}

fn max_len(field: Field) -> usize {
    match field {
        Field::Text => TEXT_MAX,
        Field::Surname | Field::Name | Field::Patronymic => NAME_MAX,
        Field::PostalAddress => ADDRESS_MAX,
        Field::Service | Field::ApplicationRef | Field::Phone => REF_MAX,
    }
}

/// Every problem of a draft, in field order; empty when it can be filed.
/// Text is never cleaned or rejected for its content: markup, quotes and
/// any script are kept verbatim as plain text.
pub fn validate(d: &ComplaintDraft) -> Vec<ComplaintFieldError> {
    let mut errors = Vec::new();
    let mut push = |field, problem| errors.push(ComplaintFieldError { field, problem });
    let required = required_fields(d.service);
    // The service is a `ServiceId`: nothing to check there.
    for field in Field::ALL.into_iter().filter(|&f| f != Field::Service) {
        let value = field.value(d).unwrap_or("");
        if value.trim().is_empty() {
            if required.contains(&field) {
                push(field, Problem::Required);
            }
            continue;
        }
        let max = max_len(field);
        if value.chars().count() > max {
            push(field, Problem::TooLong { max });
        } else if field == Field::Phone && normalize_phone(value).is_none() {
            push(field, Problem::PhoneFormat);
        }
    }
    errors
}

/// A Kazakhstan number as "+77XXXXXXXXX", from "+7 7XX XXX XX XX" written
/// with spaces, hyphens, one pair of brackets, or a leading 8 for +7.
pub fn normalize_phone(s: &str) -> Option<String> {
    let s = s.trim();
    let (open, close) = (s.find('('), s.find(')'));
    match (open, close) {
        (None, None) => {}
        (Some(o), Some(c))
            if o < c && s.matches('(').count() == 1 && s.matches(')').count() == 1 => {}
        _ => return None,
    }
    let mut digits = String::with_capacity(12);
    for (i, ch) in s.char_indices() {
        match ch {
            '+' if i == 0 => {}
            ' ' | '-' | '(' | ')' => {}
            c if c.is_ascii_digit() => digits.push(c),
            _ => return None,
        }
    }
    let national =
        if s.starts_with('+') { digits.strip_prefix('7')? } else { digits.strip_prefix('8')? };
    (national.len() == 10 && national.starts_with('7')).then(|| format!("+7{national}"))
}

/// "Surname N. P." for the registration stamp (F000 L46).
pub fn surname_and_initials(surname: &str, name: &str, patronymic: Option<&str>) -> String {
    let mut out = surname.trim().to_string();
    for part in [Some(name), patronymic].into_iter().flatten() {
        if let Some(c) = part.trim().chars().next() {
            out.push(' ');
            out.extend(c.to_uppercase());
            out.push('.');
        }
    }
    out
}
