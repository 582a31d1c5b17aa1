//! The complaint procedure: the draft's checks, filing, the four marks in
//! order, the 5 and 15 working-day terms, escalation only after an answer,
//! the court notice, and the basis shown for S2 and S3 (by analogy, C-36).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;

use qujat::engine::complaint::{
    self, Action, ActionKind, Addressee, AnswerKind, Complaint, ComplaintDraft, ComplaintError,
    ComplaintFieldError, ComplaintStatus, EscalationProblem, Field, MarkKind, Problem,
    Registration, Subject,
};
use qujat::engine::deadline::{self, ComplaintAuthority};
use qujat::engine::service::ServiceId;
use qujat::engine::source::{Seed, Status};
use qujat::engine::store::Revisioned;

mod common;
use common::{at, cal, d, sid};

fn draft(service: &str) -> ComplaintDraft {
    ComplaintDraft {
        service: sid(service),
        application_ref: Some("S2-250320-ABCDEF".into()),
        addressee: Addressee::ProviderHead,
        subject: Subject::Inaction,
        text: "The duplicate was not ready on the due date.".into(),
        surname: "Ахметова".into(),
        name: "Айгерім".into(),
        patronymic: Some("Болатқызы".into()),
        postal_address: "Өскемен қ., Абай даңғылы, 10-12".into(),
        phone: "+7 701 234 56 78".into(),
    }
}

fn errors_of(d: &ComplaintDraft) -> Vec<(Field, Problem)> {
    complaint::validate(d)
        .into_iter()
        .map(|ComplaintFieldError { field, problem }| (field, problem))
        .collect()
}

fn sig() -> serde_json::Value {
    json!({"method": "otp", "phone": "+77012345678", "digest_hex": "00"})
}

const FILED: &str = "2025-03-20T09:30:00+05:00";

fn filed(service: &str) -> Complaint {
    complaint::file(draft(service), sig(), at(FILED), [0x7B, 0, 0, 0, 1, 2, 3, 4], None).unwrap()
}

fn registration() -> Registration {
    Registration {
        incoming_number: "Ж-2025-000123".into(),
        registered_by: complaint::surname_and_initials("Серікова", "Дана", Some("Маратқызы")),
        place: "Кеңсе, 12-бөлме / Канцелярия, каб. 12".into(),
    }
}

/// Registers `c` at `when` with [`registration`]; panics if refused.
fn register(c: &mut Complaint, when: DateTime<Utc>) {
    c.apply(Action::Register(registration()), when, cal()).unwrap();
}

fn answer() -> Action {
    Action::Answer {
        kind: AnswerKind::OnMerits,
        text: "The duplicate is ready; we apologise for the delay.".into(),
    }
}

/// A complaint registered at `reg`, executed and answered an hour apart.
fn answered(service: &str, reg: &str) -> Complaint {
    let mut c = filed(service);
    let t = at(reg);
    register(&mut c, t);
    c.apply(Action::Execute, t + TimeDelta::hours(1), cal()).unwrap();
    c.apply(answer(), t + TimeDelta::hours(2), cal()).unwrap();
    c
}

// ---------------------------------------------------------------------------
// Validation

#[test]
fn a_complete_draft_has_no_problems() {
    assert_eq!(errors_of(&draft("S1")), []);
    let mut no_patronymic = draft("S2");
    no_patronymic.patronymic = None;
    no_patronymic.application_ref = None;
    assert_eq!(errors_of(&no_patronymic), []);
}

#[test]
fn every_required_field_is_required() {
    // F000 L47: surname, name, postal address, telephone; and the text.
    type Blank = fn(&mut ComplaintDraft);
    let cases: [(Field, Blank); 5] = [
        (Field::Text, |d| d.text = "  \n\t ".into()),
        (Field::Surname, |d| d.surname = String::new()),
        (Field::Name, |d| d.name = " ".into()),
        (Field::PostalAddress, |d| d.postal_address = String::new()),
        (Field::Phone, |d| d.phone = String::new()),
    ];
    for service in ["S1", "S2", "S3"] {
        for (field, blank) in cases {
            let mut dr = draft(service);
            blank(&mut dr);
            assert_eq!(errors_of(&dr), [(field, Problem::Required)], "{service} {field:?}");
        }
        // The patronymic only if any (F000 L47 «при наличии»).
        let mut dr = draft(service);
        dr.patronymic = Some("   ".into());
        assert_eq!(errors_of(&dr), []);
    }
    // The catalogue's required fields are the ones checked.
    let fields = &complaint_view("S1").procedure.fields;
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.id.as_str()).collect();
    assert_eq!(required, ["surname", "given-name", "postal-address", "phone"]);
    for id in required {
        assert!(Field::from_id(id).is_some(), "{id}");
    }
    let mut all_blank = draft("S1");
    all_blank.text.clear();
    all_blank.surname.clear();
    all_blank.name.clear();
    all_blank.postal_address.clear();
    all_blank.phone.clear();
    assert_eq!(complaint::validate(&all_blank).len(), 5);
}

fn complaint_view(service: &str) -> qujat::engine::catalog::ComplaintView<'static> {
    qujat::engine::catalog::complaint(sid(service)).unwrap()
}

#[test]
fn lengths_are_limited_in_characters_not_bytes() {
    let mut dr = draft("S1");
    dr.text = "ж".repeat(5000);
    dr.surname = "Ә".repeat(100);
    dr.name = "ө".repeat(100);
    dr.patronymic = Some("ү".repeat(100));
    dr.postal_address = "қ".repeat(300);
    assert_eq!(errors_of(&dr), [], "at the limits, multi-byte letters");
    dr.text.push('ж');
    dr.surname.push('Ә');
    dr.name.push('ө');
    dr.patronymic.as_mut().unwrap().push('ү');
    dr.postal_address.push('қ');
    dr.application_ref = Some("x".repeat(101));
    assert_eq!(
        errors_of(&dr),
        [
            (Field::ApplicationRef, Problem::TooLong { max: 100 }),
            (Field::Text, Problem::TooLong { max: 5000 }),
            (Field::Surname, Problem::TooLong { max: 100 }),
            (Field::Name, Problem::TooLong { max: 100 }),
            (Field::Patronymic, Problem::TooLong { max: 100 }),
            (Field::PostalAddress, Problem::TooLong { max: 300 }),
        ]
    );
}

#[test]
fn kazakhstan_phone_numbers_in_their_usual_spellings() {
    for ok in [
        "+7 701 234 56 78",
        "+77012345678",
        "+7 (701) 234-56-78",
        "+7-701-234-56-78",
        "8 701 234 56 78",
        "87012345678",
        "8 (777) 123 45 67",
        "  +7 747 000 00 00  ",
    ] {
        let mut dr = draft("S1");
        dr.phone = ok.into();
        assert_eq!(errors_of(&dr), [], "{ok}");
    }
    assert_eq!(complaint::normalize_phone("8 (701) 234-56-78").as_deref(), Some("+77012345678"));
    for bad in [
        "77012345678",          // neither +7 nor 8
        "+7 601 234 56 78",     // not 7XX
        "+7 701 234 56 7",      // too short
        "+7 701 234 56 789",    // too long
        "+1 701 234 56 78",     // another country
        "+7 (701 234 56 78",    // unbalanced bracket
        "+7 )701( 234 56 78",   // brackets the wrong way
        "+7 701 234 56 78 ext", // letters
        "+7 701 234 56 7８",    // a full-width digit
        "7+7012345678",         // a plus inside
        "8 701.234.56.78",      // dots
    ] {
        let mut dr = draft("S1");
        dr.phone = bad.into();
        assert_eq!(errors_of(&dr), [(Field::Phone, Problem::PhoneFormat)], "{bad}");
    }
}

#[test]
fn an_unknown_service_is_a_problem() {
    // A draft always names one of the three services; a form's text that
    // names none is the service field's problem.
    assert_eq!(
        complaint::parse_service("S9"),
        Err(ComplaintFieldError { field: Field::Service, problem: Problem::UnknownService })
    );
    // Stored data naming another service does not load, so it cannot be filed.
    let mut stored = serde_json::to_value(draft("S2")).unwrap();
    stored["service"] = json!("S9");
    assert!(serde_json::from_value::<ComplaintDraft>(stored).is_err());
}

#[test]
fn hostile_text_is_accepted_and_kept_verbatim() {
    let hostile = "<script>alert(\"x\")</script>\u{202E}'; DROP TABLE complaints;--\
                   \u{0}\r\n{{7*7}} ${jndi:ldap://x} <img src=x onerror=alert(1)> 🙂";
    let mut dr = draft("S2");
    dr.text = hostile.into();
    dr.surname = "<b>O'Brien</b>".into();
    dr.postal_address = "\"; rm -rf / #".into();
    assert_eq!(errors_of(&dr), []);
    let c = complaint::file(dr.clone(), sig(), at(FILED), [9; 8], None).unwrap();
    assert_eq!(c.draft.text, hostile);
    assert_eq!(c.draft.surname, "<b>O'Brien</b>");
    assert_eq!(c.draft, dr);
    let back: Complaint = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.draft.text, hostile);
}

#[test]
fn problem_codes_are_stable() {
    assert_eq!(Problem::Required.code(), "complaint-required");
    assert_eq!(Problem::TooLong { max: 1 }.code(), "complaint-too-long");
    assert_eq!(Problem::PhoneFormat.code(), "complaint-phone-format");
    assert_eq!(Problem::UnknownService.code(), "complaint-unknown-service");
    assert_eq!(Field::Name.id(), "given-name");
    assert_eq!(Field::PostalAddress.id(), "postal-address");
    let e = serde_json::to_value(ComplaintFieldError {
        field: Field::Phone,
        problem: Problem::TooLong { max: 100 },
    })
    .unwrap();
    assert_eq!(e, json!({"field": "phone", "problem": {"problem": "too-long", "max": 100}}));
}

// ---------------------------------------------------------------------------
// Filing and marks

#[test]
fn filing_marks_the_complaint_delivered_with_a_reference() {
    let c = filed("S1");
    assert_eq!(c.reference, "Ж-2025-000123");
    assert_eq!(c.id, "complaint-7b00000001020304");
    assert_eq!(c.filed_at, at(FILED));
    assert_eq!(c.signature, sig());
    assert_eq!(c.status(), ComplaintStatus::Delivered);
    assert_eq!(c.marks.len(), 1);
    assert_eq!(c.marks[0].at, at(FILED));
    assert_eq!(c.marks[0].kind, MarkKind::Delivered);
    assert_eq!(c.due, None);
    assert_eq!(c.rev, 0);
    // The reference year is Kazakhstan's: 23:30 UTC on 31 Dec is 1 Jan there.
    let c = complaint::file(
        draft("S1"),
        sig(),
        at("2025-12-31T23:30:00Z"),
        [0x3F, 0x42, 0x0F, 0, 0, 0, 0, 0],
        None,
    )
    .unwrap();
    // 0x000F423F = 999 999.
    assert_eq!(c.reference, "Ж-2026-999999");
}

#[test]
fn marks_follow_the_seed_order_delivered_registered_executed_answered() {
    let mut c = filed("S1");
    let reg_at = at("2025-03-20T10:00:00+05:00");
    register(&mut c, reg_at);
    assert_eq!(c.status(), ComplaintStatus::Registered);
    assert_eq!(
        c.marks[1].kind,
        MarkKind::Registered {
            incoming_number: "Ж-2025-000123".into(),
            registered_by: "Серікова Д. М.".into(),
            place: "Кеңсе, 12-бөлме / Канцелярия, каб. 12".into(),
            collect_by: d("2025-04-01"),
        }
    );
    c.apply(Action::Execute, at("2025-03-27T10:00:00+05:00"), cal()).unwrap();
    assert_eq!(c.status(), ComplaintStatus::Executed);
    c.apply(
        Action::Answer {
            kind: AnswerKind::RefusalToConsider,
            text: "Not a matter of this service.".into(),
        },
        at("2025-03-27T11:00:00+05:00"),
        cal(),
    )
    .unwrap();
    assert_eq!(c.status(), ComplaintStatus::Answered);
    let kinds: Vec<&str> = c
        .marks
        .iter()
        .map(|m| match m.kind {
            MarkKind::Delivered => "delivered",
            MarkKind::Registered { .. } => "registered",
            MarkKind::Executed => "executed",
            MarkKind::Answered { .. } => "answered",
        })
        .collect();
    assert_eq!(kinds, ["delivered", "registered", "executed", "answered"]);
    let a = c.answer.as_ref().unwrap();
    assert_eq!(a.kind, AnswerKind::RefusalToConsider);
    assert_eq!(a.at, at("2025-03-27T11:00:00+05:00"));
    assert_eq!(c.rev, 3);
    // The catalogue's statuses are these four, in this order (F000 L51).
    let ids: Vec<&str> =
        complaint_view("S1").procedure.statuses.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["delivered", "registered", "executed", "answered"]);
}

#[test]
fn exactly_the_next_mark_is_allowed() {
    use ActionKind as K;
    use ComplaintStatus as S;
    let actions = [Action::Register(registration()), Action::Execute, answer()];
    let legal =
        [(S::Delivered, K::Register), (S::Registered, K::Execute), (S::Executed, K::Answer)];
    let t0 = at("2025-03-20T10:00:00+05:00");
    let states: Vec<Complaint> = (0..4)
        .map(|n| {
            let mut c = filed("S1");
            for (i, a) in actions.iter().take(n).enumerate() {
                c.apply(a.clone(), t0 + TimeDelta::hours(i as i64), cal()).unwrap();
            }
            c
        })
        .collect();
    let mut ok = 0;
    for base in &states {
        for a in &actions {
            let mut c = base.clone();
            let from = c.status();
            let r = c.apply(a.clone(), at("2025-06-01T10:00:00+05:00"), cal());
            if legal.contains(&(from, a.kind())) {
                assert_eq!(r, Ok(()), "{from:?} {:?}", a.kind());
                ok += 1;
            } else {
                assert_eq!(
                    r,
                    Err(ComplaintError::IllegalTransition { from, action: a.kind() }),
                    "{from:?} {:?}",
                    a.kind()
                );
                assert_eq!(&c, base);
            }
        }
    }
    assert_eq!(ok, 3);
}

#[test]
fn registration_and_answer_fields_are_checked() {
    let t = at("2025-03-20T10:00:00+05:00");
    for (field, reg) in [
        ("incoming-number", Registration { incoming_number: " ".into(), ..registration() }),
        ("registered-by", Registration { registered_by: String::new(), ..registration() }),
        ("place", Registration { place: "x".repeat(101), ..registration() }),
    ] {
        let mut c = filed("S1");
        assert_eq!(
            c.apply(Action::Register(reg), t, cal()),
            Err(ComplaintError::BadRegistration { field })
        );
        assert_eq!(c.status(), ComplaintStatus::Delivered);
        assert_eq!(c.due, None);
    }
    let mut c = filed("S1");
    register(&mut c, t);
    c.apply(Action::Execute, t, cal()).unwrap();
    assert_eq!(
        c.apply(Action::Answer { kind: AnswerKind::OnMerits, text: "  ".into() }, t, cal()),
        Err(ComplaintError::BadAnswer)
    );
    assert_eq!(c.answer, None);
}

#[test]
fn marks_cannot_go_back_in_time_and_a_stale_tab_is_refused() {
    let mut c = filed("S1");
    let before = at(FILED) - TimeDelta::minutes(1);
    assert_eq!(
        c.apply(Action::Register(registration()), before, cal()),
        Err(ComplaintError::TimeGoesBackwards { last: at(FILED), at: before })
    );
    c.change_at_rev(0, |c| c.apply(Action::Register(registration()), at(FILED), cal())).unwrap();
    assert_eq!(c.rev, 1);
    let snapshot = c.clone();
    assert_eq!(
        c.change_at_rev(0, |c| c.apply(Action::Execute, at(FILED), cal())),
        Err(ComplaintError::StaleRevision { expected: 0, found: 1 })
    );
    assert_eq!(c, snapshot);
    assert_eq!(
        ComplaintError::StaleRevision { expected: 0, found: 1 }.code(),
        "complaint-stale-revision"
    );
}

/// The same rule through the trait: a failing step is rolled back and the
/// revision moves by exactly one per accepted change.
#[test]
fn a_complaint_changes_only_at_the_revision_seen() {
    let mut c = filed("S2");
    assert_eq!(Revisioned::rev(&c), 0);
    let before = c.clone();
    assert_eq!(
        c.change_at_rev(0, |c| c.apply(Action::Execute, at(FILED), cal())),
        Err(ComplaintError::IllegalTransition {
            from: ComplaintStatus::Delivered,
            action: ActionKind::Execute
        })
    );
    assert_eq!(c, before);
    c.change_at_rev(0, |c| c.apply(Action::Register(registration()), at(FILED), cal())).unwrap();
    assert_eq!((c.status(), c.rev), (ComplaintStatus::Registered, 1));
    assert_eq!(
        c.change_at_rev(0, |c| c.apply(Action::Execute, at(FILED), cal())),
        Err(ComplaintError::StaleRevision { expected: 0, found: 1 })
    );
    assert_eq!(c.status(), ComplaintStatus::Registered);
}

// ---------------------------------------------------------------------------
// Terms

#[test]
fn five_working_days_from_registration_fifteen_at_quality_control() {
    // Registered on Thursday 20 March 2025; Nauryz (21–25 March) is skipped.
    let reg = "2025-03-20T16:00:00+05:00";
    let c = answered("S1", reg);
    let due = c.due.as_ref().unwrap();
    assert_eq!(due.date, d("2025-04-01"));
    assert_eq!(
        Addressee::ProviderHead.authority(),
        ComplaintAuthority::MinistryProviderOrStateCorporation
    );

    let qc_draft = complaint::escalate(&c, "I disagree with the answer.".into()).unwrap();
    let mut qc =
        complaint::file(qc_draft, sig(), at(reg) + TimeDelta::hours(3), [5; 8], Some(&c)).unwrap();
    register(&mut qc, at("2025-03-20T20:00:00+05:00"));
    assert_eq!(qc.due.as_ref().unwrap().date, d("2025-04-15"));
    for a in [Addressee::Ministry, Addressee::StateCorporation, Addressee::LocalExecutiveBody] {
        let mut dr = draft("S1");
        dr.addressee = a;
        let mut c = complaint::file(dr, sig(), at(FILED), [1; 8], None).unwrap();
        register(&mut c, at(reg));
        assert_eq!(c.due.as_ref().unwrap().date, d("2025-04-01"), "{a:?}");
    }
    assert!(!Addressee::LocalExecutiveBody.review_term_stated());
    assert!(Addressee::StateCorporation.review_term_stated());
}

#[test]
fn overdue_only_after_the_due_day_and_until_answered() {
    let mut c = filed("S2");
    assert!(!c.is_overdue(at("2026-01-01T00:00:00Z")), "no term before registration");
    register(&mut c, at("2025-03-20T10:00:00+05:00"));
    assert_eq!(c.due.as_ref().unwrap().date, d("2025-04-01"));
    assert!(!c.is_overdue(at("2025-04-01T23:59:00+05:00")));
    // 20:00 UTC on 1 April is already 2 April in Kazakhstan.
    assert!(c.is_overdue(at("2025-04-01T20:00:00Z")));
    c.apply(Action::Execute, at("2025-04-02T09:00:00+05:00"), cal()).unwrap();
    assert!(c.is_overdue(at("2025-04-02T10:00:00+05:00")));
    c.apply(answer(), at("2025-04-02T11:00:00+05:00"), cal()).unwrap();
    assert!(!c.is_overdue(at("2025-04-10T10:00:00+05:00")));
}

// ---------------------------------------------------------------------------
// Escalation and court

#[test]
fn escalation_only_after_an_answer() {
    let mut c = filed("S1");
    let t = at("2025-03-20T10:00:00+05:00");
    assert_eq!(
        complaint::escalate(&c, "x".into()),
        Err(ComplaintError::Escalation(EscalationProblem::NotAnswered))
    );
    register(&mut c, t);
    c.apply(Action::Execute, t, cal()).unwrap();
    assert_eq!(
        complaint::escalate(&c, "x".into()),
        Err(ComplaintError::Escalation(EscalationProblem::NotAnswered))
    );
    c.apply(answer(), t, cal()).unwrap();
    let e = complaint::escalate(&c, "The answer ignores my point.".into()).unwrap();
    assert_eq!(e.addressee, Addressee::QualityControl);
    assert_eq!(e.text, "The answer ignores my point.");
    assert_eq!(
        (&e.service, &e.surname, &e.phone, &e.application_ref),
        (&c.draft.service, &c.draft.surname, &c.draft.phone, &c.draft.application_ref)
    );

    // Quality control may also be the first addressee (F000 L49, item 3);
    // an escalation names the answered complaint…
    let first = complaint::file(e.clone(), sig(), t, [2; 8], None).unwrap();
    assert_eq!(first.escalated_from, None);
    let unanswered = filed("S1");
    assert_eq!(
        complaint::file(e.clone(), sig(), t, [2; 8], Some(&unanswered)),
        Err(ComplaintError::Escalation(EscalationProblem::NotAnswered))
    );
    // …about the same service…
    let other = answered("S3", "2025-03-20T10:00:00+05:00");
    assert_eq!(
        complaint::file(e.clone(), sig(), t, [2; 8], Some(&other)),
        Err(ComplaintError::Escalation(EscalationProblem::OtherService))
    );
    // …and only a quality-control complaint escalates.
    assert_eq!(
        complaint::file(draft("S1"), sig(), t, [2; 8], Some(&c)),
        Err(ComplaintError::Escalation(EscalationProblem::NotQualityControl))
    );
    let qc = complaint::file(e, sig(), t, [2; 8], Some(&c)).unwrap();
    assert_eq!(qc.escalated_from.as_deref(), Some(c.id.as_str()));
    assert_eq!(qc.draft.addressee, Addressee::QualityControl);

    // After quality control, the next step is the court, not another escalation.
    let mut qc = qc;
    register(&mut qc, t);
    qc.apply(Action::Execute, t, cal()).unwrap();
    qc.apply(answer(), t, cal()).unwrap();
    assert_eq!(
        complaint::escalate(&qc, "x".into()),
        Err(ComplaintError::Escalation(EscalationProblem::AlreadyAtQualityControl))
    );
    assert!(qc.court_notice().is_some());
}

/// F000 L52 sets no condition on going to court (item 4): the notice is
/// shown from filing on, not only after an answer.
#[test]
fn the_court_notice_is_not_gated_on_an_answer() {
    let c = filed("S1");
    assert_eq!(c.court_notice().map(|i| i.id.as_str()), Some("court"));
    let c = answered("S1", "2025-03-20T10:00:00+05:00");
    let court = c.court_notice().unwrap();
    assert_eq!(court.id, "court");
    let cite = &court.provenance.cites[0];
    assert_eq!((cite.seed, cite.line), (Seed::F000, 52));
    // S2 and S3 show the same notice, by analogy.
    for s in ["S2", "S3"] {
        assert_eq!(complaint::court_notice(sid(s)).unwrap().id, "court");
    }
    assert!(ServiceId::parse("S9").is_err(), "no complaint can name an unknown service");
}

#[test]
fn s2_and_s3_apply_the_s1_procedure_by_analogy_and_never_cite_f000_as_basis() {
    let b1 = complaint::basis(ServiceId::S1).unwrap();
    assert!(!b1.by_analogy);
    assert_eq!(b1.analogy_of, None);
    assert_eq!(b1.provenance.status, Status::National);
    assert_eq!(b1.provenance.cites[0].seed, Seed::F000);
    assert_eq!(b1.provenance.cites[0].line, 43);
    for s in ["S2", "S3"] {
        let b = complaint::basis(sid(s)).unwrap();
        assert!(b.by_analogy, "{s}");
        assert_eq!(b.analogy_of, Some(ServiceId::S1));
        assert_eq!(b.provenance.status, Status::Assumption, "{s}");
        assert_eq!(b.provenance.rule.as_deref(), Some("C-36"));
        assert_eq!(
            b.text.en,
            "Procedure for S1 applied by analogy; not stated in the sources for this service."
        );
    }
    assert!("S9".parse::<ServiceId>().is_err(), "unknown services have no basis to show");
    // The review term's explanation says so too.
    let c = answered("S2", "2025-03-20T10:00:00+05:00");
    let assumptions = &c.due.as_ref().unwrap().explanation.assumptions;
    assert!(assumptions.iter().any(|p| p.rule.as_deref() == Some("C-36")));
    let c1 = answered("S1", "2025-03-20T10:00:00+05:00");
    assert!(
        !c1.due
            .as_ref()
            .unwrap()
            .explanation
            .assumptions
            .iter()
            .any(|p| p.rule.as_deref() == Some("C-36"))
    );
}

#[test]
fn addressees_are_grounded_in_the_catalogue() {
    for a in Addressee::ALL {
        let p = a.provenance(ServiceId::S1).unwrap_or_else(|| panic!("{a:?}"));
        assert!(!p.cites.is_empty());
    }
    assert_eq!(
        Addressee::StateCorporation.provenance(ServiceId::S1).unwrap().rule.as_deref(),
        Some("C-42")
    );
    // Quality control is an addressee of its own (F000 L49, item 3).
    let qc = Addressee::QualityControl.provenance(ServiceId::S1).unwrap();
    assert_eq!((qc.status, qc.cites[0].line), (Status::National, 49));
    let all = |s| {
        let mut v = complaint::addressees(s);
        v.sort_by_key(|a| Addressee::ALL.iter().position(|x| x == a));
        v
    };
    assert_eq!(all(ServiceId::S1), Addressee::ALL);
    // S2 and S3: every addressee by analogy, F000 only its source (C-36).
    for s in [ServiceId::S2, ServiceId::S3] {
        assert_eq!(all(s), Addressee::ALL);
        for a in Addressee::ALL {
            let p = a.provenance(s).unwrap();
            assert_eq!(p.status, Status::Assumption, "{s} {a:?}");
            assert_eq!(p.rule.as_deref(), Some("C-36"), "{s} {a:?}");
            assert!(p.cites.iter().all(|c| c.seed == Seed::F000));
        }
    }
}

/// Item 11: F000 L48's 5 working days name the Ministry, the provider and
/// the State Corporation; the local executive body's are an assumption.
#[test]
fn review_terms_per_addressee() {
    let reg = d("2025-04-01");
    for a in Addressee::ALL {
        let due = deadline::complaint_due(ServiceId::S1, reg, a.authority(), cal()).unwrap();
        let days = if a == Addressee::QualityControl { 15 } else { 5 };
        assert_eq!(due.date, cal().add_working_days(reg, days).unwrap(), "{a:?}");
        let assumed: Vec<&str> =
            due.explanation.assumptions.iter().filter_map(|p| p.rule.as_deref()).collect();
        assert_eq!(
            assumed.contains(&"§2.11"),
            a == Addressee::LocalExecutiveBody,
            "{a:?}: {assumed:?}"
        );
        assert_eq!(a.review_term_stated(), a != Addressee::LocalExecutiveBody);
    }
    // For S2 and S3 the whole term is by analogy, the LEB one doubly so.
    let due = deadline::complaint_due(
        ServiceId::S2,
        reg,
        Addressee::LocalExecutiveBody.authority(),
        cal(),
    )
    .unwrap();
    let rules: Vec<&str> =
        due.explanation.assumptions.iter().filter_map(|p| p.rule.as_deref()).collect();
    assert!(rules.contains(&"C-36") && rules.contains(&"§2.11"), "{rules:?}");
    for s in [ServiceId::S2, ServiceId::S3] {
        let due = deadline::complaint_due(s, reg, Addressee::Ministry.authority(), cal()).unwrap();
        let counted = due
            .explanation
            .steps
            .iter()
            .find_map(|st| match st {
                deadline::Step::Counted { source, .. } => Some(source.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(counted.status, Status::Assumption, "{s}: never F000 as its own law");
        assert_eq!(counted.rule.as_deref(), Some("C-36"));
    }
}

#[test]
fn initials_for_the_registration_stamp() {
    assert_eq!(
        complaint::surname_and_initials("Ахметова", "айгерім", Some("Болатқызы")),
        "Ахметова А. Б."
    );
    assert_eq!(complaint::surname_and_initials(" Smith ", "john", None), "Smith J.");
    assert_eq!(complaint::surname_and_initials("Ли", "Ён", Some("  ")), "Ли Ё.");
}

#[test]
fn a_complaint_round_trips() {
    let c = answered("S3", "2025-03-20T10:00:00+05:00");
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["marks"][1]["kind"]["mark"], "registered");
    assert_eq!(v["marks"][3]["kind"]["kind"], "on-merits");
    assert_eq!(v["draft"]["addressee"], "provider-head");
    let back: Complaint = serde_json::from_value(v).unwrap();
    assert_eq!(back, c);
}
