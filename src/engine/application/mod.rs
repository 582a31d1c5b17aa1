//! An S2 application on the portal: the wizard's answers, which question
//! comes next, and how each answer is validated.
//!
//! The portal refuses nothing at acceptance: F001 §9 describes a refusal by
//! the State Corporation or school employee at the desk, with a receipt
//! (Appendix 4); on the portal an incomplete form simply cannot be sent
//! (C-13), the only document is the electronic application itself (F001
//! §8, L27), so no original is asked for, and the applicant's identity comes
//! from the registry, not from a document that could have expired.
//!
//! The wizard asks one question per page. Answers are kept exactly as typed
//! (free text is never rewritten), so a reload or an error never loses input;
//! validation turns them into typed values only when they are used.
//!
//! Here: the answers and which page comes next. The checks of each page are
//! in `check` ([`validate`]); the saved [`Draft`] and its signed document in
//! `draft`. The reasons offered come from the catalogue ([`reasons`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::catalog::{self, FormField, Item, Situation};
use crate::engine::identity::registry;
use crate::engine::service::ServiceId;

mod check;
mod draft;

pub use check::{
    Field, FieldError, Problem, SCHOOL_MAX_CHARS, complete, parse_year, validate, withdrawn,
};
pub use draft::{Draft, Refusal, reference, signing_document};

crate::engine::json::names!(Who, Reason, DocKind, Step);

/// The service the wizard applies for: S2, the only one with a portal
/// channel (F001 §2(3)).
pub const SERVICE: ServiceId = ServiceId::S2;

/// Who fills in the application (F001 §8(1): the former student, or the
/// parent or legal representative of a minor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Who {
    Myself,
    ParentOfMinor,
}

/// Why a duplicate is needed. Which reasons a service has is data: the
/// options of its catalogue form field `reason` ([`reasons`]): S2 has loss,
/// damage and a change of name (F001 §8, L23, L25); errors in filling in are
/// S1's (F000 L21) and are kept here only so that drafts saved before that
/// was corrected still load (and say the answer is no longer offered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Reason {
    Lost,
    Damaged,
    NameChanged,
    FillingErrors,
}

impl Reason {
    pub const ALL: [Reason; 4] =
        [Reason::Lost, Reason::Damaged, Reason::NameChanged, Reason::FillingErrors];

    /// The id of the catalogue option ("loss", "damage", "name-change",
    /// "filling-errors").
    pub fn option_id(self) -> &'static str {
        match self {
            Reason::Lost => "loss",
            Reason::Damaged => "damage",
            Reason::NameChanged => "name-change",
            Reason::FillingErrors => "filling-errors",
        }
    }

    pub fn from_option_id(id: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.option_id() == id)
    }

    /// The catalogue situation the reason puts the applicant in.
    pub fn situation(self) -> Situation {
        match self {
            Reason::Lost => Situation::Loss,
            Reason::Damaged => Situation::Damage,
            Reason::NameChanged => Situation::NameChange,
            Reason::FillingErrors => Situation::FillingErrors,
        }
    }

    /// The reason a situation stands for, if it is one (a package accepted
    /// at the State Corporation names its situation, not a reason).
    pub fn from_situation(s: Situation) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.situation() == s)
    }
}

/// The catalogue's `reason` field of a service: its options are the reasons
/// offered, each with its citation.
pub fn reason_field(service: ServiceId) -> Option<&'static FormField> {
    catalog::service(service).form_fields.iter().find(|f| f.id == "reason")
}

/// The reasons a service offers, in the catalogue's order (S2: loss,
/// damage, name change; S1 also errors in filling in; S3 none).
pub fn reasons(service: ServiceId) -> Vec<Reason> {
    reason_field(service)
        .map(|f| f.options.iter().filter_map(|o| Reason::from_option_id(&o.id)).collect())
        .unwrap_or_default()
}

/// The catalogue option for a reason of a service (its text and citation),
/// if the service offers it.
pub fn reason_option(service: ServiceId, reason: Reason) -> Option<&'static Item> {
    reason_field(service)?.options.iter().find(|o| o.id == reason.option_id())
}

/// The document to duplicate (the S2 service name: basic secondary or
/// general secondary education).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum DocKind {
    BasicSecondaryCertificate,
    GeneralSecondaryAttestat,
}

impl DocKind {
    pub const ALL: [DocKind; 2] =
        [DocKind::BasicSecondaryCertificate, DocKind::GeneralSecondaryAttestat];
}

/// The wizard's answers, as given. Free text stays a `String` as typed.
/// Every answer may be missing in storage (older drafts, unanswered pages).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub who: Option<Who>,
    /// The minor's IIN, chosen from the registry's children of the applicant.
    pub child_iin: Option<String>,
    pub reason: Option<Reason>,
    pub document: Option<DocKind>,
    pub school: String,
    /// The school as the registry knows it (an organisation id), when the
    /// applicant picked it from the list: its region decides whose clock
    /// reads the submission and whether a regional regulation applies.
    /// `None` for a school typed by hand: the region is then unknown.
    pub school_id: Option<String>,
    pub year: String,
    /// The State Corporation office where the result is collected (C-06).
    pub office: Option<String>,
    /// Whether to use the document held in the digital-documents service
    /// (F001 §8; needs the owner's consent by one-time password).
    pub use_digital_document: Option<bool>,
    /// Set when the consent was confirmed by a one-time password.
    pub digital_consent_confirmed: bool,
}

/// The wizard's pages, in order. Some are skipped depending on answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Step {
    Who,
    Child,
    Reason,
    Document,
    School,
    Year,
    Office,
    Documents,
    Consent,
    Check,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Who,
        Step::Child,
        Step::Reason,
        Step::Document,
        Step::School,
        Step::Year,
        Step::Office,
        Step::Documents,
        Step::Consent,
        Step::Check,
    ];

    /// The URL segment.
    /// Written by the `IntoStaticStr` derive: the variant's name in kebab case.
    pub fn slug(self) -> &'static str {
        self.into()
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|st| st.slug() == s)
    }
}

/// The facts the wizard needs from the registry about the applicant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// IINs of the applicant's minor children (for the "child" question).
    pub minor_children: Vec<String>,
    /// Whether the subject's document is held in the digital-documents service.
    pub has_digital_document: bool,
    /// Whether a mobile number is registered (needed for OTP consent).
    pub has_phone: bool,
    /// Year of birth of the person the document belongs to.
    pub subject_birth_year: Option<i32>,
    /// Offices the user may pick from.
    pub office_ids: Vec<String>,
}

/// The region of the chosen school on `date` (a [`region`](crate::engine::region)
/// id), when it was picked from the registry.
pub fn school_region(a: &Answers, date: NaiveDate) -> Option<&'static str> {
    registry::organisation(a.school_id.as_deref()?)?.region_on(date)
}

/// Whether a step is asked, given the answers so far.
pub fn applies(step: Step, a: &Answers, ctx: &Context) -> bool {
    match step {
        Step::Child => a.who == Some(Who::ParentOfMinor),
        Step::Consent => ctx.has_digital_document,
        _ => true,
    }
}

/// The steps asked for these answers, in order.
pub fn steps(a: &Answers, ctx: &Context) -> Vec<Step> {
    Step::ALL.into_iter().filter(|s| applies(*s, a, ctx)).collect()
}

pub fn next(step: Step, a: &Answers, ctx: &Context) -> Option<Step> {
    let all = steps(a, ctx);
    let i = all.iter().position(|s| *s == step)?;
    all.get(i + 1).copied()
}

pub fn previous(step: Step, a: &Answers, ctx: &Context) -> Option<Step> {
    let all = steps(a, ctx);
    let i = all.iter().position(|s| *s == step)?;
    i.checked_sub(1).map(|j| all[j])
}

/// The first step whose answer is missing or invalid: where "resume" goes.
pub fn first_incomplete(a: &Answers, ctx: &Context, today: NaiveDate) -> Step {
    steps(a, ctx)
        .into_iter()
        .find(|s| *s != Step::Check && !validate(*s, a, ctx, today).is_empty())
        .unwrap_or(Step::Check)
}

/// The catalogue situations these answers put the applicant in, which
/// select the document rules that apply.
pub fn situations(a: &Answers) -> Vec<Situation> {
    let mut out: Vec<Situation> = a.reason.map(Reason::situation).into_iter().collect();
    if a.who == Some(Who::ParentOfMinor) {
        out.push(Situation::Minor);
    }
    if a.use_digital_document == Some(true) {
        out.push(Situation::DigitalDocument);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::service::ServiceId;

    fn ctx() -> Context {
        Context {
            minor_children: vec!["100101600003".into()],
            has_digital_document: false,
            has_phone: true,
            subject_birth_year: Some(2000),
            office_ids: vec!["office-1".into()],
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn complete() -> Answers {
        Answers {
            who: Some(Who::Myself),
            reason: Some(Reason::Lost),
            document: Some(DocKind::GeneralSecondaryAttestat),
            school: "School No. 1".into(),
            year: "2017".into(),
            office: Some("office-1".into()),
            ..Answers::default()
        }
    }

    #[test]
    fn the_child_question_is_asked_only_of_a_parent() {
        let mut a = complete();
        assert!(!steps(&a, &ctx()).contains(&Step::Child));
        a.who = Some(Who::ParentOfMinor);
        assert_eq!(next(Step::Who, &a, &ctx()), Some(Step::Child));
        assert_eq!(previous(Step::Reason, &a, &ctx()), Some(Step::Child));
    }

    #[test]
    fn a_change_that_opens_a_question_leads_to_it_not_to_the_summary() {
        let mut a = complete();
        let mut c = ctx();
        assert_eq!(first_incomplete(&a, &c, today()), Step::Check);
        a.who = Some(Who::ParentOfMinor);
        assert_eq!(first_incomplete(&a, &c, today()), Step::Child);
        a.child_iin = Some("100101600003".into());
        assert_eq!(first_incomplete(&a, &c, today()), Step::Check);
        a.who = Some(Who::Myself);
        c.has_digital_document = true;
        assert_eq!(first_incomplete(&a, &c, today()), Step::Consent);
        // Damage opens no question on the portal: no original is asked for.
        a.reason = Some(Reason::Damaged);
        assert_eq!(first_incomplete(&a, &c, today()), Step::Consent);
    }

    #[test]
    fn consent_is_asked_only_when_a_digital_document_exists() {
        let a = complete();
        let mut c = ctx();
        assert!(!steps(&a, &c).contains(&Step::Consent));
        c.has_digital_document = true;
        assert_eq!(next(Step::Documents, &a, &c), Some(Step::Consent));
    }

    #[test]
    fn years_are_checked_for_form_future_and_birth() {
        let mut a = complete();
        let check = |a: &Answers| validate(Step::Year, a, &ctx(), today());
        for (typed, problem) in [
            ("", Problem::Missing),
            ("20l7", Problem::NotAYear),
            ("17", Problem::NotAYear),
            ("2027", Problem::FutureYear),
            ("1999", Problem::BeforeBirth),
        ] {
            a.year = typed.into();
            assert_eq!(check(&a), vec![FieldError { field: Field::Year, problem }], "{typed:?}");
        }
        a.year = " 2026 ".into();
        assert!(check(&a).is_empty());
    }

    #[test]
    fn school_names_are_required_and_bounded_but_kept_as_typed() {
        let mut a = complete();
        a.school = "   ".into();
        assert_eq!(validate(Step::School, &a, &ctx(), today())[0].problem, Problem::Missing);
        a.school = "ш".repeat(SCHOOL_MAX_CHARS + 1);
        assert_eq!(validate(Step::School, &a, &ctx(), today())[0].problem, Problem::TooLong);
        a.school = "<script>alert(1)</script> \u{202E}мектеп 🎓".into();
        assert!(validate(Step::School, &a, &ctx(), today()).is_empty());
    }

    #[test]
    fn a_child_not_in_the_registry_is_refused() {
        let mut a = complete();
        a.who = Some(Who::ParentOfMinor);
        a.child_iin = Some("999999999999".into());
        assert_eq!(validate(Step::Child, &a, &ctx(), today())[0].problem, Problem::UnknownChoice);
        let mut no_kids = ctx();
        no_kids.minor_children.clear();
        assert_eq!(validate(Step::Who, &a, &no_kids, today())[0].problem, Problem::NoChildren);
    }

    #[test]
    fn check_collects_every_problem_and_resume_finds_the_first() {
        let a = Answers { reason: Some(Reason::Damaged), ..Answers::default() };
        let errs = validate(Step::Check, &a, &ctx(), today());
        let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![Field::Who, Field::Document, Field::School, Field::Year, Field::Office,]
        );
        assert_eq!(first_incomplete(&a, &ctx(), today()), Step::Who);
        assert_eq!(first_incomplete(&complete(), &ctx(), today()), Step::Check);
    }

    #[test]
    fn consent_must_be_confirmed_by_code_before_moving_on() {
        let mut c = ctx();
        c.has_digital_document = true;
        let mut a = complete();
        let check = |a: &Answers| validate(Step::Consent, a, &c, today());
        assert_eq!(check(&a)[0].problem, Problem::Missing);
        a.use_digital_document = Some(true);
        assert_eq!(check(&a)[0].problem, Problem::NotConfirmed);
        a.digital_consent_confirmed = true;
        assert!(check(&a).is_empty());
        a.use_digital_document = Some(false);
        assert!(check(&a).is_empty());
    }

    #[test]
    fn the_portal_asks_for_no_original() {
        // F001 §8 L27: on the portal the application is the only document.
        for reason in reasons(SERVICE) {
            let mut a = complete();
            a.reason = Some(reason);
            assert!(validate(Step::Documents, &a, &ctx(), today()).is_empty());
            let docs: Vec<&str> =
                catalog::documents(SERVICE, crate::engine::term::Channel::Portal, &situations(&a))
                    .into_iter()
                    .filter(|d| !d.info)
                    .map(|d| d.id.as_str())
                    .collect();
            assert_eq!(docs, ["portal-application"], "{reason:?}");
        }
    }

    #[test]
    fn s2_offers_three_reasons_from_the_data_and_old_drafts_choose_again() {
        assert_eq!(reasons(SERVICE), [Reason::Lost, Reason::Damaged, Reason::NameChanged]);
        assert_eq!(reasons(ServiceId::S1).len(), 4, "F000 L21 has four");
        assert!(reasons(ServiceId::S1).contains(&Reason::FillingErrors));
        let cite = &reason_option(SERVICE, Reason::NameChanged).unwrap().provenance.cites[0];
        assert_eq!((cite.seed, cite.line), (crate::engine::source::Seed::F001, 25));
        assert!(reason_option(SERVICE, Reason::FillingErrors).is_none());
        // A draft saved with S1's reason still loads, and says so.
        let old: Answers = serde_json::from_str(
            r#"{"who":"myself","reason":"filling-errors","original":true,"school":"No. 1"}"#,
        )
        .unwrap();
        assert_eq!(old.reason, Some(Reason::FillingErrors));
        let gone = FieldError { field: Field::Reason, problem: Problem::NoLongerOffered };
        assert_eq!(withdrawn(&old), [gone]);
        assert_eq!(validate(Step::Reason, &old, &ctx(), today()), [gone]);
        assert_eq!(first_incomplete(&old, &ctx(), today()), Step::Reason);
        assert!(withdrawn(&complete()).is_empty());
    }

    #[test]
    fn references_are_readable_and_stable() {
        let r = reference(ServiceId::S2, today(), [0, 1, 29, 30, 255, 7]);
        assert_eq!(r, "S2-261123-23Y2H9");
        assert!(!r.contains('0') && !r.contains('O') && !r.contains('I'));
    }

    #[test]
    fn answers_survive_a_round_trip_through_storage() {
        let mut a = complete();
        a.school = "\"quoted\" \\ back</script>".into();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
        // Older drafts without newer fields still load.
        let old: Answers = serde_json::from_str(r#"{"who":"myself"}"#).unwrap();
        assert_eq!(old.who, Some(Who::Myself));
    }
}
