//! The complaint procedure (F000 «Порядок обжалования», L43–L52): a draft
//! and its checks, filing, the four portal marks, the review term, the
//! escalation to the quality-control authority and the court notice.
//!
//! Only F000 (S1) has a procedure. For S2 and S3 it applies by analogy
//! (C-36): [`basis`] gives the C-36 assumption as their basis, never F000.
//!
//! Marks (F000 L51): delivered (on filing) → registered (stamp, incoming
//! number, date, who registered it, where and by when to collect the answer;
//! L46) → executed → answered (on the merits, or a refusal to consider).
//! The answer is due 5 working days after registration, 15 at the
//! quality-control authority (L48, L50; [`deadline::complaint_due`]).
//!
//! Text from the citizen is kept verbatim: it is plain text, never markup,
//! and the UI escapes it when showing it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::catalog::{self, Item};
use super::deadline::{self, ComplaintAuthority, Milestone, ServiceKey};
use super::kztime;
use super::source::{Provenance, Text};

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
#[serde(rename_all = "kebab-case")]
pub enum Addressee {
    /// The head of the provider (L45).
    ProviderHead,
    /// The head of the Ministry or the person acting for them (L44).
    Ministry,
    /// The head of the local executive body (L45).
    LocalExecutiveBody,
    /// The State Corporation, for complaints about its staff (C-42; L46, L48).
    StateCorporation,
    /// The authority for evaluation and control of the quality of state
    /// services: only as an escalation after an answer (L49–50).
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

    /// The catalogue id: an addressee item, or (quality control) the review item.
    pub fn catalogue_id(self) -> &'static str {
        match self {
            Addressee::ProviderHead => "provider-head",
            Addressee::Ministry => "ministry",
            Addressee::LocalExecutiveBody => "local-executive",
            Addressee::StateCorporation => "state-corporation",
            Addressee::QualityControl => "quality-control",
        }
    }

    /// Which review term applies. L48 names the Ministry, the provider and
    /// the State Corporation; the local executive body is not named there,
    /// so its 5 days are a reading by analogy ([`Self::review_term_stated`]).
    pub fn authority(self) -> ComplaintAuthority {
        match self {
            Addressee::QualityControl => ComplaintAuthority::QualityControl,
            _ => ComplaintAuthority::MinistryProviderOrStateCorporation,
        }
    }

    /// False when F000 states no review term for this addressee.
    pub fn review_term_stated(self) -> bool {
        self != Addressee::LocalExecutiveBody
    }

    /// Allowed only as an escalation of an answered complaint.
    pub fn escalation_only(self) -> bool {
        self == Addressee::QualityControl
    }

    /// Where the catalogue grounds this addressee for `service`.
    pub fn provenance(self, service: &str) -> Option<&'static Provenance> {
        let p = catalog::complaint(service)?.procedure;
        let id = self.catalogue_id();
        match self {
            Addressee::QualityControl => {
                p.reviews.iter().find(|r| r.id == id).map(|r| &r.provenance)
            }
            _ => p
                .addressees
                .iter()
                .find(|a| a.id == id)
                .map(|a| &a.provenance),
        }
    }
}

/// What is complained about (F000 L43).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    Decision,
    Action,
    Inaction,
}

/// A complaint being written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDraft {
    /// "S1", "S2" or "S3".
    pub service: String,
    /// The application complained about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_ref: Option<String>,
    pub addressee: Addressee,
    pub subject: Subject,
    pub text: String,
    pub surname: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    pub postal_address: String,
    pub phone: String,
}

/// A field of the draft; `id()` is the catalogue's field id where F000 L47 names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Service,
    ApplicationRef,
    Text,
    Surname,
    Name,
    Patronymic,
    PostalAddress,
    Phone,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Service => "service",
            Field::ApplicationRef => "application-ref",
            Field::Text => "text",
            Field::Surname => "surname",
            Field::Name => "given-name",
            Field::Patronymic => "patronymic",
            Field::PostalAddress => "postal-address",
            Field::Phone => "phone",
        }
    }

    pub fn from_id(id: &str) -> Option<Field> {
        [
            Field::Service,
            Field::ApplicationRef,
            Field::Text,
            Field::Surname,
            Field::Name,
            Field::Patronymic,
            Field::PostalAddress,
            Field::Phone,
        ]
        .into_iter()
        .find(|f| f.id() == id)
    }

    fn value(self, d: &ComplaintDraft) -> Option<&str> {
        match self {
            Field::Service => Some(&d.service),
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

/// What is wrong with a field. `code()` is stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// Empty or only whitespace.
    Required,
    /// More than `max` characters.
    TooLong {
        max: usize,
    },
    /// Not a Kazakhstan number +7 7XX XXX XX XX.
    PhoneFormat,
    UnknownService,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "complaint-required",
            Problem::TooLong { .. } => "complaint-too-long",
            Problem::PhoneFormat => "complaint-phone-format",
            Problem::UnknownService => "complaint-unknown-service",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintFieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The required fields: those the catalogue's complaint form marks required
/// (F000 L47: surname, name, postal address, telephone; the patronymic only
/// if any), plus the text. Without a catalogue procedure, the same list.
fn required_fields(service: &str) -> Vec<Field> {
    let mut out = vec![Field::Text];
    let from_catalogue: Vec<Field> = catalog::complaint(service)
        .or_else(|| catalog::complaint("S1"))
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
        out.extend([
            Field::Surname,
            Field::Name,
            Field::PostalAddress,
            Field::Phone,
        ]);
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
    if catalog::service(&d.service).is_none() {
        push(Field::Service, Problem::UnknownService);
    }
    let required = required_fields(&d.service);
    for field in [
        Field::ApplicationRef,
        Field::Text,
        Field::Surname,
        Field::Name,
        Field::Patronymic,
        Field::PostalAddress,
        Field::Phone,
    ] {
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
    let national = if s.starts_with('+') {
        digits.strip_prefix('7')?
    } else {
        digits.strip_prefix('8')?
    };
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

// ---------------------------------------------------------------------------
// A filed complaint

/// The signature as the UI made it (a `submission::SignatureRecord` as
/// JSON), kept opaque here.
pub type SignatureRecordRef = serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    /// A motivated answer on the merits (L48).
    OnMerits,
    /// A refusal to consider (L51).
    RefusalToConsider,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub kind: AnswerKind,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// The portal marks of F000 L51, in their only order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mark", rename_all = "kebab-case")]
pub enum MarkKind {
    Delivered,
    /// The registration stamp (L46): incoming number, who registered it
    /// (surname and initials), where to collect the answer and by when.
    Registered {
        incoming_number: String,
        registered_by: String,
        place: String,
        collect_by: NaiveDate,
    },
    Executed,
    Answered {
        kind: AnswerKind,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub at: DateTime<Utc>,
    pub kind: MarkKind,
}

/// The last mark, as a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ComplaintStatus {
    Delivered,
    Registered,
    Executed,
    Answered,
}

/// A back-office step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Register(Registration),
    Execute,
    Answer { kind: AnswerKind, text: String },
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Register(_) => ActionKind::Register,
            Action::Execute => ActionKind::Execute,
            Action::Answer { .. } => ActionKind::Answer,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    Register,
    Execute,
    Answer,
}

/// What the registering office writes (F000 L46).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub incoming_number: String,
    /// Surname and initials ([`surname_and_initials`]).
    pub registered_by: String,
    /// Where the answer can be collected.
    pub place: String,
}

/// Why an escalation or a quality-control filing is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EscalationProblem {
    /// The complaint has no answer yet.
    NotAnswered,
    /// Already at the quality-control authority: the next step is the court.
    AlreadyAtQualityControl,
    /// A quality-control complaint without the answered complaint it escalates.
    NoEarlierComplaint,
    /// The earlier complaint is about another service.
    OtherService,
    /// An escalation must be addressed to the quality-control authority.
    NotQualityControl,
}

/// Why a complaint could not be filed or advanced. `code()` is stable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComplaintError {
    Invalid(Vec<ComplaintFieldError>),
    IllegalTransition {
        from: ComplaintStatus,
        action: ActionKind,
    },
    TimeGoesBackwards {
        last: DateTime<Utc>,
        at: DateTime<Utc>,
    },
    StaleRevision {
        expected: u64,
        found: u64,
    },
    /// A registration field empty or too long ("incoming-number", "registered-by", "place").
    BadRegistration {
        field: &'static str,
    },
    /// An answer without text, or longer than [`TEXT_MAX`].
    BadAnswer,
    Escalation(EscalationProblem),
    UnknownService(String),
    Deadline(String),
}

impl ComplaintError {
    pub fn code(&self) -> &'static str {
        match self {
            ComplaintError::Invalid(_) => "complaint-invalid",
            ComplaintError::IllegalTransition { .. } => "complaint-illegal-transition",
            ComplaintError::TimeGoesBackwards { .. } => "complaint-time-goes-backwards",
            ComplaintError::StaleRevision { .. } => "complaint-stale-revision",
            ComplaintError::BadRegistration { .. } => "complaint-bad-registration",
            ComplaintError::BadAnswer => "complaint-bad-answer",
            ComplaintError::Escalation(_) => "complaint-escalation-not-allowed",
            ComplaintError::UnknownService(_) => "complaint-unknown-service",
            ComplaintError::Deadline(_) => "complaint-deadline",
        }
    }
}

impl std::fmt::Display for ComplaintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ComplaintError::Invalid(errors) => {
                write!(f, "the complaint has {} problem(s)", errors.len())
            }
            ComplaintError::IllegalTransition { from, action } => {
                write!(f, "{action:?} is not allowed after {from:?}")
            }
            ComplaintError::TimeGoesBackwards { last, at } => {
                write!(f, "{at} is earlier than the last mark at {last}")
            }
            ComplaintError::StaleRevision { expected, found } => write!(
                f,
                "the complaint changed elsewhere (expected revision {expected}, found {found})"
            ),
            ComplaintError::BadRegistration { field } => {
                write!(f, "registration field {field} is empty or too long")
            }
            ComplaintError::BadAnswer => f.write_str("the answer needs a text"),
            ComplaintError::Escalation(p) => write!(f, "escalation not allowed: {p:?}"),
            ComplaintError::UnknownService(s) => write!(f, "unknown service {s:?}"),
            ComplaintError::Deadline(e) => write!(f, "deadline: {e}"),
        }
    }
}

impl std::error::Error for ComplaintError {}

/// A filed complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: String,
    /// The portal's number for it, e.g. "Ж-2026-000123".
    pub reference: String,
    pub draft: ComplaintDraft,
    pub filed_at: DateTime<Utc>,
    pub signature: SignatureRecordRef,
    pub marks: Vec<Mark>,
    /// When the answer is due; set at registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Milestone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The id of the answered complaint this one escalates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_from: Option<String>,
    #[serde(default)]
    pub rev: u64,
}

/// "Ж-YYYY-NNNNNN": the filing year (Kazakhstan time) and six digits from `random`.
pub fn reference(local_date: NaiveDate, random: [u8; 8]) -> String {
    use chrono::Datelike;
    let n = u32::from_le_bytes([random[0], random[1], random[2], random[3]]) % 1_000_000;
    format!("Ж-{}-{n:06}", local_date.year())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn key(service: &str) -> Result<ServiceKey, ComplaintError> {
    ServiceKey::from_id(service).ok_or_else(|| ComplaintError::UnknownService(service.to_string()))
}

/// Files a draft: checks it, and marks it delivered at `filed_at`. A
/// quality-control complaint must name the answered complaint it escalates
/// (`escalates`), and only such a complaint may name one.
pub fn file(
    draft: ComplaintDraft,
    signature: SignatureRecordRef,
    filed_at: DateTime<Utc>,
    random: [u8; 8],
    escalates: Option<&Complaint>,
) -> Result<Complaint, ComplaintError> {
    let errors = validate(&draft);
    if !errors.is_empty() {
        return Err(ComplaintError::Invalid(errors));
    }
    key(&draft.service)?;
    match (draft.addressee.escalation_only(), escalates) {
        (false, None) => {}
        (false, Some(_)) => {
            return Err(ComplaintError::Escalation(
                EscalationProblem::NotQualityControl,
            ));
        }
        (true, None) => {
            return Err(ComplaintError::Escalation(
                EscalationProblem::NoEarlierComplaint,
            ));
        }
        (true, Some(parent)) => {
            check_escalable(parent)?;
            if parent.draft.service != draft.service {
                return Err(ComplaintError::Escalation(EscalationProblem::OtherService));
            }
        }
    }
    let local = kztime::local_date(filed_at).unwrap_or_else(|_| filed_at.date_naive());
    Ok(Complaint {
        id: format!("complaint-{}", hex(&random)),
        reference: reference(local, random),
        draft,
        filed_at,
        signature,
        marks: vec![Mark {
            at: filed_at,
            kind: MarkKind::Delivered,
        }],
        due: None,
        answer: None,
        escalated_from: escalates.map(|p| p.id.clone()),
        rev: 0,
    })
}

fn check_escalable(c: &Complaint) -> Result<(), ComplaintError> {
    if c.draft.addressee == Addressee::QualityControl {
        return Err(ComplaintError::Escalation(
            EscalationProblem::AlreadyAtQualityControl,
        ));
    }
    if c.answer.is_none() {
        return Err(ComplaintError::Escalation(EscalationProblem::NotAnswered));
    }
    Ok(())
}

/// A draft to the quality-control authority about an answered complaint
/// (F000 L49–50), with the same person and application and the new `text`.
/// File it with [`file`], passing the answered complaint as `escalates`.
pub fn escalate(c: &Complaint, text: String) -> Result<ComplaintDraft, ComplaintError> {
    check_escalable(c)?;
    Ok(ComplaintDraft {
        addressee: Addressee::QualityControl,
        text,
        ..c.draft.clone()
    })
}

fn check_field(value: &str, field: &'static str) -> Result<(), ComplaintError> {
    if value.trim().is_empty() || value.chars().count() > REF_MAX {
        Err(ComplaintError::BadRegistration { field })
    } else {
        Ok(())
    }
}

impl Complaint {
    pub fn status(&self) -> ComplaintStatus {
        match self.marks.last().map(|m| &m.kind) {
            None | Some(MarkKind::Delivered) => ComplaintStatus::Delivered,
            Some(MarkKind::Registered { .. }) => ComplaintStatus::Registered,
            Some(MarkKind::Executed) => ComplaintStatus::Executed,
            Some(MarkKind::Answered { .. }) => ComplaintStatus::Answered,
        }
    }

    /// The registration mark, if registered.
    pub fn registration(&self) -> Option<&Mark> {
        self.marks
            .iter()
            .find(|m| matches!(m.kind, MarkKind::Registered { .. }))
    }

    /// Records a back-office step at `at`; on error nothing changes.
    /// Registration sets `due` (5 working days, 15 at quality control).
    pub fn apply(
        &mut self,
        action: Action,
        at: DateTime<Utc>,
        cal: &Calendar,
    ) -> Result<(), ComplaintError> {
        let from = self.status();
        let legal = matches!(
            (from, action.kind()),
            (ComplaintStatus::Delivered, ActionKind::Register)
                | (ComplaintStatus::Registered, ActionKind::Execute)
                | (ComplaintStatus::Executed, ActionKind::Answer)
        );
        if !legal {
            return Err(ComplaintError::IllegalTransition {
                from,
                action: action.kind(),
            });
        }
        if let Some(last) = self.marks.last().map(|m| m.at)
            && at < last
        {
            return Err(ComplaintError::TimeGoesBackwards { last, at });
        }
        let kind = match action {
            Action::Register(r) => {
                check_field(&r.incoming_number, "incoming-number")?;
                check_field(&r.registered_by, "registered-by")?;
                check_field(&r.place, "place")?;
                let day =
                    kztime::local_date(at).map_err(|e| ComplaintError::Deadline(e.to_string()))?;
                let due = deadline::complaint_due(
                    key(&self.draft.service)?,
                    day,
                    self.draft.addressee.authority(),
                    cal,
                )
                .map_err(|e| ComplaintError::Deadline(e.to_string()))?;
                let collect_by = due.date;
                self.due = Some(due);
                MarkKind::Registered {
                    incoming_number: r.incoming_number,
                    registered_by: r.registered_by,
                    place: r.place,
                    collect_by,
                }
            }
            Action::Execute => MarkKind::Executed,
            Action::Answer { kind, text } => {
                if text.trim().is_empty() || text.chars().count() > TEXT_MAX {
                    return Err(ComplaintError::BadAnswer);
                }
                self.answer = Some(Answer { kind, text, at });
                MarkKind::Answered { kind }
            }
        };
        self.marks.push(Mark { at, kind });
        self.rev += 1;
        Ok(())
    }

    /// [`apply`](Self::apply), only if nobody advanced the complaint since `expected_rev`.
    pub fn apply_at_rev(
        &mut self,
        expected_rev: u64,
        action: Action,
        at: DateTime<Utc>,
        cal: &Calendar,
    ) -> Result<(), ComplaintError> {
        if self.rev != expected_rev {
            return Err(ComplaintError::StaleRevision {
                expected: expected_rev,
                found: self.rev,
            });
        }
        self.apply(action, at, cal)
    }

    /// Registered, not answered, and the due day (Kazakhstan time) has passed.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        let today = kztime::local_date(now).unwrap_or_else(|_| now.date_naive());
        self.answer.is_none() && self.due.as_ref().is_some_and(|d| today > d.date)
    }

    /// The right to go to court (F000 L52), shown once there is an answer.
    pub fn court_notice(&self) -> Option<&'static Item> {
        self.answer.as_ref()?;
        court_notice(&self.draft.service)
    }
}

/// The catalogue's court item for a service (by analogy for S2, S3).
pub fn court_notice(service: &str) -> Option<&'static Item> {
    catalog::complaint(service).map(|v| &v.procedure.court)
}

/// The basis to show for a service's complaint procedure.
#[derive(Clone, Copy, Debug)]
pub struct Basis {
    /// True for S2 and S3: "procedure for S1 applied by analogy".
    pub by_analogy: bool,
    /// The service whose procedure applies ("S1").
    pub analogy_of: Option<&'static str>,
    /// The text to show with the basis.
    pub text: &'static Text,
    /// S1: F000; S2, S3: the C-36 assumption, never F000 itself.
    pub provenance: &'static Provenance,
}

pub fn basis(service: &str) -> Option<Basis> {
    let s = catalog::service(service)?;
    let view = s.complaint()?;
    Some(Basis {
        by_analogy: view.by_analogy,
        analogy_of: s.complaint.analogy_of.as_deref(),
        text: &s.complaint.text,
        provenance: view.basis,
    })
}
