//! Checking answers: which field a problem belongs to, what the problem is,
//! and the checks of each page. Answers are never rewritten; a check only
//! reads them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Answers, Context, SERVICE, Step, Who, reasons, steps};

crate::engine::json::names!(Field, Problem);

/// Which answer a validation message belongs to; the UI links the error
/// summary to the field with this id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Field {
    Who,
    Child,
    Reason,
    Document,
    School,
    Year,
    Office,
    #[strum(serialize = "digital")]
    DigitalDocument,
}

impl Field {
    /// The HTML id of the first input of this field.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab
    /// case, or its `#[strum(serialize)]`.
    pub fn html_id(self) -> &'static str {
        self.into()
    }
}

/// Why an answer is not accepted. The UI has a message for each, per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Problem {
    #[error("no answer given")]
    Missing,
    #[error("the answer is too long")]
    TooLong,
    #[error("not a four-digit year")]
    NotAYear,
    #[error("a year in the future")]
    FutureYear,
    #[error("a year before the person was born")]
    BeforeBirth,
    #[error("not one of the choices offered")]
    UnknownChoice,
    #[error("the registry lists no minor children")]
    NoChildren,
    /// Consent was chosen but not yet confirmed by a one-time code.
    #[error("the consent is not confirmed by a one-time code")]
    NotConfirmed,
    /// An answer saved earlier that the service does not offer (any more):
    /// a draft that holds "errors in filling in", which is S1's reason, not
    /// S2's (F001 §8 names three). The applicant chooses again.
    #[error("an earlier answer the service does not offer")]
    NoLongerOffered,
}

/// A problem with one answer; the UI links its message to the field with
/// id [`Field::html_id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}: {problem}", .field.html_id())]
pub struct FieldError {
    pub field: Field,
    #[source]
    pub problem: Problem,
}

/// Longest school name accepted (the longest official school names run to
/// about 150 characters).
pub const SCHOOL_MAX_CHARS: usize = 200;
/// Validates the answer a step asks for. `today` is the local date, for the
/// "no future year" rule.
pub fn validate(step: Step, a: &Answers, ctx: &Context, today: NaiveDate) -> Vec<FieldError> {
    let err = |field, problem| vec![FieldError { field, problem }];
    match step {
        Step::Who if a.who.is_none() => err(Field::Who, Problem::Missing),
        Step::Who if a.who == Some(Who::ParentOfMinor) && ctx.minor_children.is_empty() => {
            err(Field::Who, Problem::NoChildren)
        }
        Step::Child => match &a.child_iin {
            None => err(Field::Child, Problem::Missing),
            Some(iin) if !ctx.minor_children.contains(iin) => {
                err(Field::Child, Problem::UnknownChoice)
            }
            Some(_) => vec![],
        },
        Step::Reason => match a.reason {
            None => err(Field::Reason, Problem::Missing),
            Some(r) if !reasons(SERVICE).contains(&r) => {
                err(Field::Reason, Problem::NoLongerOffered)
            }
            Some(_) => vec![],
        },
        Step::Document if a.document.is_none() => err(Field::Document, Problem::Missing),
        Step::School => {
            let school = a.school.trim();
            if school.is_empty() {
                err(Field::School, Problem::Missing)
            } else if school.chars().count() > SCHOOL_MAX_CHARS {
                err(Field::School, Problem::TooLong)
            } else {
                vec![]
            }
        }
        Step::Year => match parse_year(&a.year) {
            Err(p) => err(Field::Year, p),
            Ok(y) if y > today.year() => err(Field::Year, Problem::FutureYear),
            Ok(y) if ctx.subject_birth_year.is_some_and(|b| y <= b) => {
                err(Field::Year, Problem::BeforeBirth)
            }
            Ok(_) => vec![],
        },
        Step::Office => match &a.office {
            None => err(Field::Office, Problem::Missing),
            Some(o) if !ctx.office_ids.contains(o) => err(Field::Office, Problem::UnknownChoice),
            Some(_) => vec![],
        },
        Step::Consent => match a.use_digital_document {
            None => err(Field::DigitalDocument, Problem::Missing),
            Some(true) if !a.digital_consent_confirmed => {
                err(Field::DigitalDocument, Problem::NotConfirmed)
            }
            Some(_) => vec![],
        },
        Step::Check => steps(a, ctx)
            .into_iter()
            .filter(|s| *s != Step::Check)
            .flat_map(|s| validate(s, a, ctx, today))
            .collect(),
        _ => vec![],
    }
}

/// Whether the answers are complete enough to file, as far as can be told
/// without the registry (the wizard's own checks, [`validate`] of
/// [`Step::Check`], also look at the registry): a form that is not is
/// blocked, never refused (C-13).
pub fn complete(a: &Answers) -> bool {
    let ctx_free = [Step::Who, Step::Reason, Step::Document, Step::School, Step::Office];
    let none = Context {
        minor_children: a.child_iin.iter().cloned().collect(),
        office_ids: a.office.iter().cloned().collect(),
        ..Context::default()
    };
    let today = chrono::NaiveDate::MAX;
    ctx_free.iter().all(|s| validate(*s, a, &none, today).is_empty())
        && parse_year(&a.year).is_ok()
        && (a.who != Some(Who::ParentOfMinor) || a.child_iin.is_some())
}

/// Answers saved earlier that the service no longer offers (an S2 draft
/// holding "errors in filling in"): the wizard says so and asks again. Each
/// also fails [`validate`] with [`Problem::NoLongerOffered`], so "resume"
/// goes to its question.
pub fn withdrawn(a: &Answers) -> Vec<FieldError> {
    match a.reason {
        Some(r) if !reasons(SERVICE).contains(&r) => {
            vec![FieldError { field: Field::Reason, problem: Problem::NoLongerOffered }]
        }
        _ => vec![],
    }
}

/// A year as typed: digits only (spaces around are fine), four of them.
pub fn parse_year(s: &str) -> Result<i32, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Missing);
    }
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotAYear);
    }
    s.parse().map_err(|_| Problem::NotAYear)
}
