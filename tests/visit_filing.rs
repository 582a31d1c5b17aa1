//! Issue 13 §3: a package accepted on a home visit becomes, once
//! delivered, an application that the citizen and the provider follow, on
//! its own service's life cycle, with the receipt's deadline.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use qujat::engine::lifecycle::{self, Ctx, Details, LifecycleError, Role, State, Transition};
use qujat::engine::service::ServiceId;
use qujat::engine::submission::{IntegrityError, Outcome, SignatureRecord, Submission};
use qujat::engine::term::Channel;
use qujat::engine::visit::{
    self, Consent, ConsentStep, OperatorData, Visit, VisitOutcome, delivered_applications,
};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// 10:00 in Almaty on the visit day.
fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h - 5, 0, 0).unwrap()
}

/// Walks visit `i` to its end at `now`, ticking every document when
/// `complete`, else all but the last.
fn finish(v: &mut Visit, complete: bool, now: DateTime<Utc>) -> VisitOutcome {
    v.confirm_identity();
    match v.consent_step() {
        ConsentStep::None => {}
        ConsentStep::Notice(_) => v.give_consent(Consent::Notice { given_at: now }).unwrap(),
        ConsentStep::Collect(_) => v.give_consent(Consent::Otp { verified_at: now }).unwrap(),
    }
    let mut ids: Vec<String> = v.required().iter().map(|d| d.id.clone()).collect();
    if !complete {
        ids.pop();
    }
    for id in ids {
        v.set_checked(&id, true);
    }
    v.finish(now).unwrap()
}

fn first_of(data: &mut OperatorData, service: ServiceId) -> &mut Visit {
    data.visits
        .iter_mut()
        .find(|v| v.service == service && v.step == visit::Step::Identify)
        .unwrap()
}

fn accepted_and_delivered() -> (OperatorData, Vec<Submission>) {
    let mut data = OperatorData { visits: visit::seed_visits(day()) };
    for s in [ServiceId::S1, ServiceId::S2, ServiceId::S3] {
        assert_eq!(finish(first_of(&mut data, s), true, at(10)), VisitOutcome::Accepted);
    }
    assert!(
        delivered_applications(&data).is_empty(),
        "a package on the tablet is no application yet"
    );
    assert_eq!(visit::sync(&mut data, true, at(16)).unwrap(), 3);
    let apps = delivered_applications(&data);
    (data, apps)
}

#[test]
fn every_delivered_acceptance_is_an_application_with_the_receipts_deadline() {
    let (data, apps) = accepted_and_delivered();
    assert_eq!(apps.len(), 3);
    for app in &apps {
        let v = data
            .visits
            .iter()
            .find(|v| v.receipt.as_ref().map(|r| &r.number) == Some(&app.reference))
            .expect("the reference is the receipt number");
        let receipt = v.receipt.as_ref().unwrap();
        assert_eq!(app.service, v.service);
        assert_eq!(app.channel, Channel::StateCorporation);
        assert_eq!(app.applicant_iin, v.iin);
        assert_eq!(app.subject_iin, v.iin);
        // The term counts from the hand-in, not from the delivery at 16:00.
        assert_eq!(app.submitted_at, at(10));
        let Outcome::Accepted { due, .. } = app.outcome else { panic!("accepted") };
        assert_eq!(Some(due), receipt.due, "{}: the receipt's deadline", app.service);
        assert_eq!(app.deadline().unwrap().deadline.due, due);
        assert!(!app.deadline().unwrap().recomputed);
        assert_eq!(app.verify(), Ok(()), "{}", app.service);
        assert_eq!(app.lifecycle.state, State::Delivered);
        assert!(matches!(
            &app.signature,
            SignatureRecord::Receipt { number, .. } if *number == receipt.number
        ));
        let reason = app.answers.reason.map(|r| r.situation());
        assert!(reason.is_none_or(|s| v.situations.contains(&s)));
    }
    // Filing again gives the same records: the UI files after every sync.
    assert_eq!(delivered_applications(&data), apps);
}

#[test]
fn each_service_keeps_its_own_term() {
    let (_, apps) = accepted_and_delivered();
    let of = |s: ServiceId| apps.iter().find(|a| a.service == s).unwrap();
    let due = |a: &Submission| a.deadline().unwrap().deadline.due;
    // S1: 20 calendar days (F000 L12), counted from the hand-in.
    assert!((due(of(ServiceId::S1)) - day()).num_days() >= 20, "S1 due {}", due(of(ServiceId::S1)));
    // S3: 3 or 8 working days — well before S1's 20 calendar days.
    assert!(due(of(ServiceId::S3)) < due(of(ServiceId::S1)));
    // S3 carries the provider's delivery to the State Corporation (C-26).
    let targets = of(ServiceId::S3).targets(at(11), false).unwrap();
    assert!(
        targets.iter().any(|t| t.step_id == lifecycle::PROVIDER_DELIVERY && t.binding),
        "{targets:?}"
    );
    assert!(
        targets.iter().any(|t| t.step_id == lifecycle::LEGAL_DEADLINE),
        "the legal deadline is a target"
    );
}

#[test]
fn the_provider_moves_it_on_and_s1_cannot_be_refused() {
    let (_, apps) = accepted_and_delivered();
    for mut app in apps {
        let ctx = Ctx::embedded(app.service, app.channel).unwrap();
        app.lifecycle
            .apply(&ctx, Transition::Register, Role::Clerk, at(17), Details::default())
            .unwrap();
        assert_eq!(app.lifecycle.state, State::Registered);
        let refused = app.lifecycle.clone().apply(
            &ctx,
            Transition::Refuse,
            Role::Head,
            at(17),
            Details::refusal("any", "motivation"),
        );
        if app.service == ServiceId::S1 {
            assert!(
                matches!(refused, Err(LifecycleError::NoRefusalInSource)),
                "S1 has no refusal: {refused:?}"
            );
        }
        // Still verifies: the life cycle is not part of what was handed in.
        assert_eq!(app.verify(), Ok(()));
    }
}

#[test]
fn a_changed_record_no_longer_verifies() {
    let (_, apps) = accepted_and_delivered();
    let mut app = apps.into_iter().next().unwrap();
    app.document["documents"] = serde_json::json!([]);
    assert_eq!(app.verify(), Err(IntegrityError::ReceiptDigest));
    assert_eq!(IntegrityError::ReceiptDigest.code(), "integrity-receipt-digest");
}

#[test]
fn refusals_missing_records_and_undelivered_packages_are_no_applications() {
    let mut data = OperatorData { visits: visit::seed_visits(day()) };
    assert_eq!(
        finish(first_of(&mut data, ServiceId::S1), false, at(10)),
        VisitOutcome::MissingRecorded
    );
    assert_eq!(finish(first_of(&mut data, ServiceId::S2), false, at(10)), VisitOutcome::Refused);
    assert_eq!(visit::sync(&mut data, true, at(16)).unwrap(), 0);
    assert!(delivered_applications(&data).is_empty());
    assert_eq!(finish(first_of(&mut data, ServiceId::S3), true, at(11)), VisitOutcome::Accepted);
    assert!(delivered_applications(&data).is_empty(), "not delivered yet");
    assert!(visit::sync(&mut data, false, at(16)).is_err());
    assert!(delivered_applications(&data).is_empty(), "offline: still on the tablet");
    visit::sync(&mut data, true, at(16)).unwrap();
    assert_eq!(delivered_applications(&data).len(), 1);
}

#[test]
fn the_record_round_trips_through_storage_text() {
    let (_, apps) = accepted_and_delivered();
    for app in apps {
        let text = serde_json::to_string(&app).unwrap();
        assert!(text.contains(r#""method":"receipt""#), "{text}");
        let back: Submission = serde_json::from_str(&text).unwrap();
        assert_eq!(back, app);
        assert_eq!(back.verify(), Ok(()));
    }
}
