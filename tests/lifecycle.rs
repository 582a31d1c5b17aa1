//! The application life cycle: every transition, the refused ones, roles,
//! time order, optimistic revisions, regulation targets on the working-day
//! calendar, storage and return, the demo autoplay and the public status.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, TimeDelta, Utc};

use qujat::engine::application::Reason;
use qujat::engine::calendar::{self, DayKind};
use qujat::engine::catalog::{self, Service};
use qujat::engine::deadline;
use qujat::engine::kztime;
use qujat::engine::lifecycle::{
    self, Ctx, Details, LEGAL_DEADLINE, Lifecycle, LifecycleError, PROVIDER_DELIVERY, PublicStatus,
    Role, State, Target, TargetInput, Transition,
};
use qujat::engine::service::ServiceId;
use qujat::engine::source::Status;
use qujat::engine::store::Revisioned;
use qujat::engine::submission::{self, Outcome};
use qujat::engine::term::{Channel, Hours};

/// Short names for the step tables of `record`.
use qujat::engine::lifecycle::{Role as R, Transition as T};

mod common;
use common::{at, d, otp_signature, s2_draft, sid};

/// A record's context. The regional regulations apply only in their
/// region, so S2 here is a school in East Kazakhstan (F002) and S3 a
/// college in Almaty (F004, history); `ctx_in` picks another region.
fn ctx(service: &str, channel: Channel) -> Ctx<'static> {
    let region = match service {
        "S2" => Some("east-kazakhstan"),
        "S3" => Some("almaty-city"),
        _ => None,
    };
    ctx_in(service, channel, region)
}

fn ctx_in(service: &str, channel: Channel, region: Option<&'static str>) -> Ctx<'static> {
    Ctx::embedded(sid(service), channel).unwrap().in_region(region)
}

fn s2() -> &'static Service {
    catalog::service(ServiceId::S2)
}

fn s2_hours() -> &'static Hours {
    lifecycle::provider_hours(s2()).unwrap()
}

const S2_REFUSAL: &str = "decision-grounds-not-listed";

/// The role the test expects for a legal transition (independent of the
/// library's table).
fn expected_roles(from: State, t: Transition) -> Vec<Role> {
    use Role::*;
    match t {
        Transition::Register => vec![Clerk],
        Transition::Assign | Transition::Sign | Transition::Refuse => vec![Head],
        Transition::Prepare => vec![Executor],
        Transition::DeliverToStateCorporation => vec![Clerk, StateCorporation],
        Transition::Issue if from == State::Signed => vec![Clerk],
        Transition::Issue => vec![StateCorporation],
        Transition::HandToProvider => vec![StateCorporation, System],
        Transition::RequestReturn => vec![Citizen, StateCorporation],
        Transition::Return => vec![Clerk],
        Transition::Accept | Transition::RefuseAtAcceptance => vec![System],
    }
}

fn details_for(t: Transition) -> Details {
    if t == Transition::Refuse {
        Details::refusal(S2_REFUSAL, "The archive holds no record of this attestat.")
    } else {
        Details::default()
    }
}

/// The provider's steps up to the head's signature (F002 actions 1–4).
const TO_SIGNED: [Transition; 4] =
    [Transition::Register, Transition::Assign, Transition::Prepare, Transition::Sign];

/// Then the signed result is delivered to the State Corporation.
const TO_READY: [Transition; 5] = [
    Transition::Register,
    Transition::Assign,
    Transition::Prepare,
    Transition::Sign,
    Transition::DeliverToStateCorporation,
];

/// Plays `path` from a fresh record, one hour apart from `start`.
fn play(c: &Ctx<'_>, start: DateTime<Utc>, path: &[Transition]) -> Lifecycle {
    let mut lc = Lifecycle::new(start);
    let mut t = start;
    for &tr in path {
        t += TimeDelta::hours(1);
        let role = expected_roles(lc.state, tr)[0];
        lc.apply(c, tr, role, t, details_for(tr))
            .unwrap_or_else(|e| panic!("{tr:?} from {:?}: {e}", lc.state));
    }
    lc
}

/// Records each (transition, role, instant) in turn with no details;
/// panics if one is refused.
fn record(lc: &mut Lifecycle, c: &Ctx<'_>, steps: &[(Transition, Role, &str)]) {
    for &(transition, role, when) in steps {
        lc.apply(c, transition, role, at(when), Details::default())
            .unwrap_or_else(|e| panic!("{transition:?} at {when}: {e}"));
    }
}

/// A record in `state`, reached by the shortest legal path.
fn reach(c: &Ctx<'_>, state: State) -> Lifecycle {
    use Transition as T;
    let start = at("2025-04-01T10:00:00+05:00");
    let happy = TO_SIGNED;
    let path: Vec<T> = match state {
        State::Delivered => vec![],
        State::Registered => happy[..1].to_vec(),
        State::Assigned => happy[..2].to_vec(),
        State::InPreparation => happy[..3].to_vec(),
        State::Signed => happy.to_vec(),
        State::ReadyAtStateCorporation => TO_READY.to_vec(),
        State::Issued => [&TO_READY[..], &[T::Issue]].concat(),
        State::Refused => vec![T::Register, T::Refuse],
        State::RefusedAtAcceptance => return Lifecycle::refused_at_acceptance(start),
        State::HandedToProvider | State::ReturnRequested => {
            let mut lc = play(c, start, &TO_READY);
            record(&mut lc, c, &[(T::HandToProvider, R::System, "2025-05-10T00:00:00+05:00")]);
            if state == State::ReturnRequested {
                record(&mut lc, c, &[(T::RequestReturn, R::Citizen, "2025-05-12T10:00:00+05:00")]);
            }
            return lc;
        }
    };
    play(c, start, &path)
}

// ---------------------------------------------------------------------------
// Transitions

#[test]
fn every_state_is_reachable_and_the_helpers_agree() {
    let c = ctx("S2", Channel::Portal);
    for s in State::ALL {
        assert_eq!(reach(&c, s).state, s);
    }
}

/// Runs `f` for every transition from every state, each state reached on
/// the portal (S2).
fn from_every_state(mut f: impl FnMut(&Ctx<'_>, &Lifecycle, State, Transition)) {
    let c = ctx("S2", Channel::Portal);
    for from in State::ALL {
        let base = reach(&c, from);
        for t in Transition::ALL {
            f(&c, &base, from, t);
        }
    }
}

/// A time after every step of [`reach`], to try the next one at.
fn late() -> DateTime<Utc> {
    at("2025-12-01T10:00:00+05:00")
}

#[test]
fn exactly_the_legal_transitions_succeed_from_every_state() {
    use State as S;
    use Transition as T;
    // The table this test holds the engine to: each state's ways out.
    let legal: &[(S, &[(T, S)])] = &[
        (S::Delivered, &[(T::Register, S::Registered)]),
        (S::Registered, &[(T::Assign, S::Assigned), (T::Refuse, S::Refused)]),
        (S::Assigned, &[(T::Prepare, S::InPreparation), (T::Refuse, S::Refused)]),
        (S::InPreparation, &[(T::Sign, S::Signed), (T::Refuse, S::Refused)]),
        (S::Signed, &[(T::DeliverToStateCorporation, S::ReadyAtStateCorporation)]),
        (
            S::ReadyAtStateCorporation,
            &[(T::Issue, S::Issued), (T::HandToProvider, S::HandedToProvider)],
        ),
        (S::HandedToProvider, &[(T::RequestReturn, S::ReturnRequested)]),
        (S::ReturnRequested, &[(T::Return, S::ReadyAtStateCorporation)]),
    ];
    let exits = |from: State| legal.iter().find(|(f, _)| *f == from).map_or(&[][..], |(_, e)| *e);
    let mut successes = 0;
    from_every_state(|c, base, from, t| {
        let mut lc = base.clone();
        let role = expected_roles(from, t)[0];
        let result = lc.apply(c, t, role, late(), details_for(t));
        match exits(from).iter().find(|(tr, _)| *tr == t) {
            Some((_, to)) => {
                assert_eq!(result, Ok(()), "{from:?} --{t:?}-->");
                assert_eq!(lc.state, *to, "{from:?} --{t:?}-->");
                assert_eq!(lc.rev, base.rev + 1);
                assert_eq!(lc.events.len(), base.events.len() + 1);
                let e = lc.events.last().unwrap();
                assert_eq!((e.transition, e.actor, e.at), (t, role, late()));
                successes += 1;
            }
            None => {
                assert_eq!(
                    result,
                    Err(LifecycleError::IllegalTransition { from, transition: t }),
                    "{from:?} --{t:?}--> must be refused"
                );
                assert_eq!(lc, *base, "a refused transition changes nothing");
            }
        }
    });
    assert_eq!(successes, legal.iter().map(|(_, e)| e.len()).sum::<usize>());
    assert_eq!(successes, 12);
    assert_eq!(State::ALL.len() * Transition::ALL.len(), 132);
}

#[test]
fn issuing_at_the_office_straight_after_signing_is_for_the_provider_channel_only() {
    let portal = ctx("S2", Channel::Portal);
    let office = ctx("S2", Channel::Provider);
    let t = at("2025-12-01T10:00:00+05:00");
    let mut lc = reach(&portal, State::Signed);
    assert!(matches!(
        lc.clone().apply(&portal, Transition::Issue, Role::Clerk, t, Details::default()),
        Err(LifecycleError::IllegalTransition { .. })
    ));
    lc.apply(&office, Transition::Issue, Role::Clerk, t, Details::default()).unwrap();
    assert_eq!(lc.state, State::Issued);
    // F002 action 5 ("issue") is the step it completes.
    assert_eq!(lc.events.last().unwrap().step_id.as_deref(), Some("issue"));
}

#[test]
fn initial_transitions_cannot_be_applied() {
    let c = ctx("S2", Channel::Portal);
    for t in [Transition::Accept, Transition::RefuseAtAcceptance] {
        let mut lc = Lifecycle::default();
        assert_eq!(
            lc.apply(&c, t, Role::System, at("2025-04-01T10:00:00Z"), Details::default()),
            Err(LifecycleError::IllegalTransition { from: State::Delivered, transition: t })
        );
    }
    let refused = Lifecycle::refused_at_acceptance(at("2025-04-01T10:00:00Z"));
    assert_eq!(refused.state, State::RefusedAtAcceptance);
    assert!(refused.state.is_terminal());
    assert_eq!(refused.events[0].transition, Transition::RefuseAtAcceptance);
}

#[test]
fn wrong_roles_are_refused_for_every_legal_transition() {
    let mut refused = 0;
    from_every_state(|c, base, from, t| {
        if lifecycle::next_state(from, t, Channel::Portal).is_none() {
            return;
        }
        let allowed = expected_roles(from, t);
        assert_eq!(lifecycle::roles(from, t), allowed.as_slice());
        for role in Role::ALL {
            let mut lc = base.clone();
            let r = lc.apply(c, t, role, late(), details_for(t));
            if allowed.contains(&role) {
                assert_eq!(r, Ok(()), "{role:?} {t:?} from {from:?}");
            } else {
                assert_eq!(
                    r,
                    Err(LifecycleError::WrongRole {
                        transition: t,
                        actor: role,
                        allowed: allowed.clone()
                    }),
                    "{role:?} {t:?} from {from:?}"
                );
                assert_eq!(lc, *base);
                refused += 1;
            }
        }
    });
    // 12 legal transitions × 6 roles − 15 allowed (transition, role) pairs
    // (delivery, handover and the return request allow two roles each).
    assert_eq!(refused, 12 * 6 - 15);
}

#[test]
fn only_the_head_signs_and_only_the_clerk_registers() {
    let c = ctx("S2", Channel::Portal);
    let t = at("2025-04-01T11:00:00+05:00");
    let mut lc = Lifecycle::new(at("2025-04-01T10:00:00+05:00"));
    let e = lc.apply(&c, Transition::Register, Role::Head, t, Details::default()).unwrap_err();
    assert_eq!(e.code(), "lifecycle-wrong-role");
    let mut lc = reach(&c, State::InPreparation);
    let e = lc
        .apply(&c, Transition::Sign, Role::Executor, at("2025-12-01T10:00:00Z"), Details::default())
        .unwrap_err();
    assert!(matches!(e, LifecycleError::WrongRole { actor: Role::Executor, .. }));
}

#[test]
fn time_cannot_go_backwards_but_may_stand_still() {
    let c = ctx("S2", Channel::Portal);
    let mut lc = reach(&c, State::Registered);
    let last = lc.last_at().unwrap();
    let before = last - TimeDelta::seconds(1);
    assert_eq!(
        lc.apply(&c, Transition::Assign, Role::Head, before, Details::default()),
        Err(LifecycleError::TimeGoesBackwards { last, at: before })
    );
    assert_eq!(lc.state, State::Registered);
    lc.apply(&c, Transition::Assign, Role::Head, last, Details::default()).unwrap();
    assert_eq!(lc.state, State::Assigned);
}

#[test]
fn a_stale_revision_from_another_tab_is_refused() {
    let c = ctx("S2", Channel::Portal);
    let mut stored = Lifecycle::new(at("2025-04-01T10:00:00+05:00"));
    let seen_by_both = stored.rev;
    assert_eq!(seen_by_both, 0);
    stored
        .change_at_rev(seen_by_both, |lc| {
            lc.apply(
                &c,
                Transition::Register,
                Role::Clerk,
                at("2025-04-01T10:10:00+05:00"),
                Details::default(),
            )
        })
        .unwrap();
    assert_eq!(stored.rev, 1);
    let before = stored.clone();
    assert_eq!(
        stored.change_at_rev(seen_by_both, |lc| lc.apply(
            &c,
            Transition::Assign,
            Role::Head,
            at("2025-04-01T11:00:00+05:00"),
            Details::default()
        )),
        Err(LifecycleError::StaleRevision { expected: 0, found: 1 })
    );
    assert_eq!(stored, before);
    stored
        .change_at_rev(1, |lc| {
            lc.apply(
                &c,
                Transition::Assign,
                Role::Head,
                at("2025-04-01T11:00:00+05:00"),
                Details::default(),
            )
        })
        .unwrap();
    assert_eq!((stored.state, stored.rev), (State::Assigned, 2));
}

#[test]
fn a_refusal_needs_a_decision_ground_and_its_motivation() {
    let c = ctx("S2", Channel::Portal);
    let t = at("2025-12-01T10:00:00Z");
    let base = reach(&c, State::Assigned);
    let try_refuse = |details: Details| {
        let mut lc = base.clone();
        lc.apply(&c, Transition::Refuse, Role::Head, t, details).map(|()| lc)
    };
    assert_eq!(try_refuse(Details::default()).unwrap_err(), LifecycleError::MissingReason);
    assert_eq!(
        try_refuse(Details { note: Some("no such record".into()), reason_id: None }).unwrap_err(),
        LifecycleError::MissingReason
    );
    assert_eq!(
        try_refuse(Details::refusal(S2_REFUSAL, "   ")).unwrap_err(),
        LifecycleError::MissingReason
    );
    // An acceptance ground (F001 §9) is not a decision ground.
    assert_eq!(
        try_refuse(Details::refusal("incomplete-package", "x")).unwrap_err(),
        LifecycleError::UnknownReason { reason_id: "incomplete-package".into() }
    );
    let lc = try_refuse(Details::refusal(S2_REFUSAL, "No record in the archive.")).unwrap();
    let e = lc.events.last().unwrap();
    assert_eq!(lc.state, State::Refused);
    assert_eq!(e.reason_id.as_deref(), Some(S2_REFUSAL));
    assert_eq!(e.note.as_deref(), Some("No record in the archive."));
    assert_eq!(e.rule_id.as_deref(), Some("refusal_grounds/decision-grounds-not-listed"));
    assert_eq!(e.provenance.as_ref().unwrap().rule.as_deref(), Some("C-12"));
    assert_eq!(lifecycle::public_status(&lc), PublicStatus::Refused);

    // S3 lists four decision grounds (F003 row [9]).
    let c3 = ctx("S3", Channel::Provider);
    let mut lc = play(&c3, at("2025-04-01T10:00:00+05:00"), &[Transition::Register]);
    lc.apply(
        &c3,
        Transition::Refuse,
        Role::Head,
        t,
        Details::refusal("false-data", "The transcript was forged."),
    )
    .unwrap();
    let p = lc.events.last().unwrap().provenance.clone().unwrap();
    assert_eq!(p.cites[0].line, 51);
}

#[test]
fn events_record_the_step_or_rule_they_follow() {
    let c = ctx("S2", Channel::Portal);
    let lc = reach(&c, State::Issued);
    let steps: Vec<Option<&str>> = lc.events.iter().map(|e| e.step_id.as_deref()).collect();
    assert_eq!(
        steps,
        [
            None,
            Some("register"),
            Some("head-review"),
            Some("prepare"),
            Some("sign"),
            Some("issue"),
            None
        ]
    );
    for e in &lc.events[1..6] {
        let p = e.provenance.as_ref().unwrap();
        // F002's value, used as a non-binding milestone: an interpretation (C-21).
        assert_eq!(p.status, Status::Assumption);
        assert_eq!(p.rule.as_deref(), Some("C-21"));
        assert!(p.cites.iter().all(|c| c.seed.status() == Status::Regional));
    }
    // A portal result is collected at the chosen State Corporation office (C-06).
    let issue = lc.events.last().unwrap();
    assert_eq!(issue.rule_id.as_deref(), Some("issuance/portal-pickup"));
    assert_eq!(issue.provenance.as_ref().unwrap().rule.as_deref(), Some("C-06"));

    let held = reach(&c, State::ReturnRequested);
    let rules: Vec<Option<&str>> = held.events[6..].iter().map(|e| e.rule_id.as_deref()).collect();
    assert_eq!(rules, [Some("storage/held"), Some("storage/send-back")]);

    // S3: the F004 steps lost force and are never recorded as followed.
    let c3 = ctx("S3", Channel::StateCorporation);
    let lc3 =
        play(&c3, at("2025-04-01T10:00:00+05:00"), &[&TO_READY[..], &[Transition::Issue]].concat());
    assert!(lc3.events.iter().all(|e| e.step_id.is_none()));
    let deliver = &lc3.events[5];
    assert_eq!(deliver.rule_id.as_deref(), Some("issuance/delivery-to-state-corporation"));
    assert_eq!(lc3.events[6].rule_id.as_deref(), Some("issuance/receipt-and-identity"));
    assert!(
        lc3.events
            .iter()
            .filter_map(|e| e.provenance.as_ref())
            .all(|p| p.status != Status::LostForce)
    );
}

#[test]
fn every_catalogue_step_maps_to_a_transition() {
    for id in [ServiceId::S2, ServiceId::S3] {
        let s = catalog::service(id);
        assert!(!s.steps.is_empty());
        for step in &s.steps {
            for &ch in &step.channels {
                assert!(
                    lifecycle::step_transition(id, &step.id, ch).is_some(),
                    "{id} step {} ({ch:?}) has no transition",
                    step.id
                );
            }
        }
    }
    assert!(catalog::service(ServiceId::S1).steps.is_empty());
}

// ---------------------------------------------------------------------------
// Targets

/// The targets' input for an application accepted at `accepted_at`,
/// counted from `accepted_on` to `due`, as read at that moment.
fn accepted_input(
    accepted_at: DateTime<Utc>, accepted_on: &str, due: &str, hours: Option<&'static Hours>,
) -> TargetInput<'static> {
    TargetInput {
        accepted_at,
        accepted_on: d(accepted_on),
        due: d(due),
        hours,
        now: accepted_at,
        include_historical: false,
    }
}

fn s2_input(lc_now: DateTime<Utc>, accepted_at: DateTime<Utc>) -> TargetInput<'static> {
    TargetInput {
        accepted_at,
        accepted_on: kztime::local_date(accepted_at).unwrap(),
        due: calendar::add_working_days(kztime::local_date(accepted_at).unwrap(), 15).unwrap(),
        hours: Some(s2_hours()),
        now: lc_now,
        include_historical: false,
    }
}

/// When the target `id` is due.
fn due_of(ts: &[Target], id: &str) -> DateTime<Utc> {
    by_id(ts, id).due
}

fn by_id<'a>(ts: &'a [Target], id: &str) -> &'a Target {
    ts.iter().find(|t| t.step_id == id).unwrap()
}

#[test]
fn s2_uses_the_resolved_acceptance_window_for_working_time() {
    let s = lifecycle::provider_schedule(s2()).unwrap();
    assert_eq!(s.id, "provider-acceptance");
    assert!(s.resolved);
    let h = s.hours.as_ref().unwrap();
    assert_eq!((h.open.to_string(), h.close.to_string()), ("09:00".into(), "17:30".into()));
    assert_eq!(
        lifecycle::provider_schedule(catalog::service(ServiceId::S3)).unwrap().id,
        "provider"
    );
    assert!(lifecycle::provider_schedule(catalog::service(ServiceId::S1)).is_none());
}

#[test]
fn s2_targets_skip_nauryz_2025_in_the_twelve_working_days() {
    let c = ctx("S2", Channel::Portal);
    // Thursday 20 March 2025, just before Nauryz (21–23 March, moved to 24–25).
    let accepted = at("2025-03-20T10:00:00+05:00");
    for day in ["2025-03-21", "2025-03-24", "2025-03-25"] {
        assert!(!calendar::is_working(d(day)).unwrap(), "{day}");
    }
    let lc = Lifecycle::new(accepted);
    let now = at("2025-03-20T10:05:00+05:00");
    let ts = lifecycle::targets(&c, &lc, &s2_input(now, accepted)).unwrap();
    let ids: Vec<&str> = ts.iter().map(|t| t.step_id.as_str()).collect();
    assert_eq!(ids, ["register", "head-review", "prepare", "sign", "issue", LEGAL_DEADLINE]);
    let due = |id| by_id(&ts, id).due;
    assert_eq!(due("register"), at("2025-03-20T10:15:00+05:00"));
    assert_eq!(due("head-review"), at("2025-03-20T12:15:00+05:00"));
    // 12 working days from Thursday 20 March: 26, 27, 28, 31 March, 1–4,
    // 7–10 April. Without the holidays it would be 7 April.
    assert_eq!(due("prepare"), at("2025-04-10T12:15:00+05:00"));
    // 1 hour from 12:15: 45 minutes to the 13:00 break, 15 after 14:30.
    assert_eq!(due("sign"), at("2025-04-10T14:45:00+05:00"));
    assert_eq!(due("issue"), at("2025-04-10T15:00:00+05:00"));
    // The legal deadline: 15 working days, to the end of Tuesday 15 April.
    let legal = by_id(&ts, LEGAL_DEADLINE);
    assert_eq!(legal.due, at("2025-04-15T23:59:59+05:00"));
    assert!(legal.binding);
    assert_eq!(legal.actor, None);
    for t in &ts[..5] {
        assert!(!t.binding, "{} is a regional milestone (C-21)", t.step_id);
        assert_eq!(t.provenance.status, Status::Assumption);
        assert_eq!(t.provenance.rule.as_deref(), Some("C-21"));
        assert!(t.done_at.is_none() && !t.late);
    }
    assert_eq!(by_id(&ts, "head-review").actor, Some(Role::Head));
    assert_eq!(by_id(&ts, "prepare").actor, Some(Role::Executor));
}

#[test]
fn an_after_hours_submission_counts_from_the_accepted_day() {
    let c = ctx("S2", Channel::Portal);
    // 19:30 on 20 March 2025: accepted on Wednesday 26 March (F001 §7(3)).
    let submitted = at("2025-03-20T19:30:00+05:00");
    let input = accepted_input(submitted, "2025-03-26", "2025-04-16", Some(s2_hours()));
    let ts = lifecycle::targets(&c, &Lifecycle::new(submitted), &input).unwrap();
    assert_eq!(due_of(&ts, "register"), at("2025-03-26T09:15:00+05:00"));
    assert_eq!(due_of(&ts, "head-review"), at("2025-03-26T11:15:00+05:00"));
}

#[test]
fn the_two_hour_step_crosses_lunch_and_closing_time() {
    let c = ctx("S2", Channel::Portal);
    let accepted = at("2025-04-11T12:00:00+05:00");
    // The targets when the clerk registers at `when`.
    let registered_at = |when: &str| {
        let mut lc = Lifecycle::new(accepted);
        record(&mut lc, &c, &[(T::Register, R::Clerk, when)]);
        lifecycle::targets(&c, &lc, &s2_input(accepted, accepted)).unwrap()
    };
    // Registered at 12:30: 30 minutes before the break, 90 after 14:30.
    let ts = registered_at("2025-04-11T12:30:00+05:00");
    assert_eq!(due_of(&ts, "register"), at("2025-04-11T12:15:00+05:00"));
    assert_eq!(by_id(&ts, "register").done_at, Some(at("2025-04-11T12:30:00+05:00")));
    assert_eq!(due_of(&ts, "head-review"), at("2025-04-11T16:00:00+05:00"));

    // Registered at 16:45 on Friday: 45 minutes to the 17:30 close, the
    // other 75 on Monday from 9:00.
    let ts = registered_at("2025-04-11T16:45:00+05:00");
    assert_eq!(due_of(&ts, "head-review"), at("2025-04-14T10:15:00+05:00"));
}

#[test]
fn late_steps_are_marked_and_the_chain_follows_actual_times() {
    let c = ctx("S2", Channel::Portal);
    let accepted = at("2025-04-01T10:00:00+05:00");
    let mut lc = Lifecycle::new(accepted);
    // Registered on time (target 10:15), assigned late (target 12:10).
    record(
        &mut lc,
        &c,
        &[
            (T::Register, R::Clerk, "2025-04-01T10:10:00+05:00"),
            (T::Assign, R::Head, "2025-04-02T09:30:00+05:00"),
        ],
    );
    let now = at("2025-04-25T09:00:00+05:00");
    let ts = lifecycle::targets(&c, &lc, &s2_input(now, accepted)).unwrap();
    let reg = by_id(&ts, "register");
    assert!(!reg.late);
    let head = by_id(&ts, "head-review");
    assert_eq!(head.due, at("2025-04-01T12:10:00+05:00"));
    assert!(head.late, "assigned the next morning");
    // The 12 days count from the actual assignment, not its target.
    let prep = by_id(&ts, "prepare");
    assert_eq!(prep.due, at("2025-04-18T09:30:00+05:00"));
    assert!(prep.late && prep.done_at.is_none(), "not done and now > due");
    let legal = by_id(&ts, LEGAL_DEADLINE);
    assert_eq!(legal.due, at("2025-04-22T23:59:59+05:00"));
    assert!(legal.late);
    assert!(lifecycle::overdue(&ts, now));
    assert!(!lifecycle::overdue(&ts, at("2025-04-22T23:00:00+05:00")));

    let (next, left) = lifecycle::next_target(&ts, now).unwrap();
    assert_eq!(next.step_id, "prepare");
    assert_eq!(left, prep.due - now);
    assert!(left < TimeDelta::zero());

    // Before the deadline nothing is late yet.
    let early = at("2025-04-01T10:05:00+05:00");
    let ts = lifecycle::targets(&c, &Lifecycle::new(accepted), &s2_input(early, accepted)).unwrap();
    assert!(ts.iter().all(|t| !t.late));
    assert!(!lifecycle::overdue(&ts, early));
    let (next, left) = lifecycle::next_target(&ts, early).unwrap();
    assert_eq!((next.step_id.as_str(), left), ("register", TimeDelta::minutes(10)));
}

#[test]
fn the_legal_deadline_is_met_when_the_result_is_ready_or_refused() {
    let c = ctx("S2", Channel::Portal);
    let accepted = at("2025-04-01T10:00:00+05:00");
    let ready = reach(&c, State::ReadyAtStateCorporation);
    let now = at("2025-06-01T10:00:00+05:00");
    let ts = lifecycle::targets(&c, &ready, &s2_input(now, accepted)).unwrap();
    let legal = by_id(&ts, LEGAL_DEADLINE);
    assert_eq!(legal.done_at, Some(ready.last(Transition::DeliverToStateCorporation).unwrap().at));
    assert!(!legal.late);
    assert!(!lifecycle::overdue(&ts, now));
    assert!(ts.iter().all(|t| t.done_at.is_some()));
    assert!(lifecycle::next_target(&ts, now).is_none());

    // A motivated refusal is a result: only done steps and the deadline remain.
    let refused = reach(&c, State::Refused);
    let ts = lifecycle::targets(&c, &refused, &s2_input(now, accepted)).unwrap();
    let ids: Vec<&str> = ts.iter().map(|t| t.step_id.as_str()).collect();
    assert_eq!(ids, ["register", LEGAL_DEADLINE]);
    assert_eq!(by_id(&ts, LEGAL_DEADLINE).transition, Some(Transition::Refuse));

    let none = lifecycle::targets(
        &c,
        &Lifecycle::refused_at_acceptance(accepted),
        &s2_input(now, accepted),
    )
    .unwrap();
    assert!(none.is_empty());
}

#[test]
fn s1_has_only_the_legal_deadline_and_s3_steps_only_as_history() {
    let accepted = at("2025-04-01T10:00:00+05:00");
    let input = |hours, include_historical| TargetInput {
        include_historical,
        ..accepted_input(accepted, "2025-04-01", "2025-04-04", hours)
    };
    let c1 = ctx("S1", Channel::Provider);
    let ts = lifecycle::targets(&c1, &Lifecycle::new(accepted), &input(None, true)).unwrap();
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].step_id, LEGAL_DEADLINE);

    let c3 = ctx("S3", Channel::Provider);
    let s3_hours = lifecycle::provider_hours(c3.service);
    let ts = lifecycle::targets(&c3, &Lifecycle::new(accepted), &input(s3_hours, false)).unwrap();
    assert_eq!(ts.len(), 1, "F004 lost force: not used unless asked");
    assert_eq!(ts[0].provenance.cites[0].seed, qujat::engine::source::Seed::F003);

    let ts = lifecycle::targets(&c3, &Lifecycle::new(accepted), &input(s3_hours, true)).unwrap();
    let ids: Vec<&str> = ts.iter().map(|t| t.step_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "provider-register",
            "provider-head-review",
            "provider-prepare",
            "provider-issue",
            LEGAL_DEADLINE
        ]
    );
    for t in &ts[..4] {
        assert_eq!(t.provenance.status, Status::LostForce);
        assert!(!t.binding);
    }
    // 15 + 15 minutes, then 2 and 1 working days (S3 hours 9–18, lunch 13–14).
    assert_eq!(due_of(&ts, "provider-head-review"), at("2025-04-01T10:30:00+05:00"));
    assert_eq!(due_of(&ts, "provider-prepare"), at("2025-04-03T10:30:00+05:00"));
    assert_eq!(due_of(&ts, "provider-issue"), at("2025-04-04T10:30:00+05:00"));

    // Working-time steps need the hours.
    assert_eq!(
        lifecycle::targets(&c3, &Lifecycle::new(accepted), &input(None, true)),
        Err(LifecycleError::NoHours)
    );

    // At the State Corporation, its desk steps are done at acceptance.
    let csc = ctx("S3", Channel::StateCorporation);
    let ts = lifecycle::targets(&csc, &Lifecycle::new(accepted), &input(s3_hours, true)).unwrap();
    let hand_in = by_id(&ts, "sc-hand-in");
    assert_eq!(hand_in.done_at, Some(accepted));
    assert!(!hand_in.late);
    assert_eq!(by_id(&ts, "sc-package").done_at, Some(accepted));
    assert!(by_id(&ts, "sc-provider-accept").done_at.is_none());
    assert_eq!(due_of(&ts, "sc-provider-accept"), at("2025-04-01T10:15:00+05:00"));
}

// ---------------------------------------------------------------------------
// Storage

#[test]
fn storage_lasts_a_month_then_the_provider_holds_it_and_returns_it_in_a_working_day() {
    let c = ctx("S2", Channel::Portal);
    let mut lc = play(&c, at("2025-04-07T09:00:00+05:00"), &TO_READY);
    assert_eq!(lifecycle::public_status(&lc), PublicStatus::Ready);
    let info = lifecycle::storage(&lc, &c).unwrap().unwrap();
    assert_eq!(info.ready_on, d("2025-04-07"));
    assert_eq!(info.until.date, d("2025-05-07"));
    assert!(!info.handed_over && info.return_due.is_none());

    // Not before the month is over.
    let on_last_day = at("2025-05-07T20:00:00+05:00");
    assert_eq!(
        lc.clone().apply(
            &c,
            Transition::HandToProvider,
            Role::System,
            on_last_day,
            Details::default()
        ),
        Err(LifecycleError::StorageNotExpired { until: d("2025-05-07") })
    );
    record(&mut lc, &c, &[(T::HandToProvider, R::System, "2025-05-08T00:00:00+05:00")]);
    assert_eq!(lifecycle::public_status(&lc), PublicStatus::HeldByProvider);
    let info = lifecycle::storage(&lc, &c).unwrap().unwrap();
    assert!(info.handed_over);
    assert_eq!(info.return_due, None);

    // Asked for on Thursday 8 May: due on Monday 12 May (9 May is Victory
    // Day, then the weekend).
    record(&mut lc, &c, &[(T::RequestReturn, R::Citizen, "2025-05-08T10:00:00+05:00")]);
    assert_eq!(lifecycle::public_status(&lc), PublicStatus::HeldByProvider);
    let info = lifecycle::storage(&lc, &c).unwrap().unwrap();
    let due = info.return_due.unwrap();
    assert_eq!(due.date, d("2025-05-12"));
    assert!(!calendar::is_working(d("2025-05-09")).unwrap());

    record(&mut lc, &c, &[(T::Return, R::Clerk, "2025-05-12T11:00:00+05:00")]);
    assert_eq!(lc.state, State::ReadyAtStateCorporation);
    let info = lifecycle::storage(&lc, &c).unwrap().unwrap();
    assert_eq!(info.ready_on, d("2025-05-12"));
    assert_eq!(info.until.date, d("2025-06-12"));
    assert!(!info.handed_over);

    record(&mut lc, &c, &[(T::Issue, R::StateCorporation, "2025-05-13T10:00:00+05:00")]);
    assert_eq!(lifecycle::public_status(&lc), PublicStatus::Issued);
    assert_eq!(lifecycle::storage(&lc, &c).unwrap(), None);
}

#[test]
fn storage_months_are_calendar_months() {
    let c = ctx("S2", Channel::Portal);
    let mut lc = play(&c, at("2025-01-31T09:00:00+05:00"), &TO_READY);
    let info = lifecycle::storage(&lc, &c).unwrap().unwrap();
    assert_eq!(info.until.date, d("2025-02-28"));
    assert!(
        lc.apply(
            &c,
            Transition::HandToProvider,
            Role::StateCorporation,
            at("2025-03-01T09:00:00+05:00"),
            Details::default()
        )
        .is_ok()
    );
}

// ---------------------------------------------------------------------------
// Autoplay

#[test]
fn autoplay_plays_each_step_at_its_target_then_hands_over_after_storage() {
    let c = ctx("S2", Channel::Portal);
    let accepted = at("2025-03-20T10:00:00+05:00");
    let mut lc = Lifecycle::new(accepted);
    let input = s2_input(accepted, accepted);
    let planned = lifecycle::targets(&c, &lc, &input).unwrap();
    let mut played = Vec::new();
    for _ in 0..10 {
        let ts = lifecycle::targets(&c, &lc, &input).unwrap();
        let Some((t, role, when)) =
            lifecycle::next_automatic(&lc, &c, &ts, Some(s2_hours())).unwrap()
        else {
            break;
        };
        lc.apply(&c, t, role, when, Details::default()).unwrap();
        played.push((t, when));
    }
    let expect_step = |id: &str| by_id(&planned, id).due;
    assert_eq!(
        played,
        [
            (Transition::Register, expect_step("register")),
            (Transition::Assign, expect_step("head-review")),
            (Transition::Prepare, expect_step("prepare")),
            (Transition::Sign, expect_step("sign")),
            (Transition::DeliverToStateCorporation, expect_step("issue")),
            // Ready on 10 April; stored to 10 May; handed over the next day.
            (Transition::HandToProvider, at("2025-05-11T00:00:00+05:00")),
        ]
    );
    assert_eq!(lc.state, State::HandedToProvider);
    // The next move is the citizen's.
    let ts = lifecycle::targets(&c, &lc, &input).unwrap();
    assert_eq!(lifecycle::next_automatic(&lc, &c, &ts, Some(s2_hours())).unwrap(), None);
    // Once asked, the provider's return plays at the opening of the due day.
    record(&mut lc, &c, &[(T::RequestReturn, R::Citizen, "2025-05-15T16:00:00+05:00")]);
    let ts = lifecycle::targets(&c, &lc, &input).unwrap();
    assert_eq!(
        lifecycle::next_automatic(&lc, &c, &ts, Some(s2_hours())).unwrap(),
        Some((Transition::Return, Role::Clerk, at("2025-05-16T09:00:00+05:00")))
    );
}

#[test]
fn autoplay_without_steps_plays_at_once_and_readies_at_the_deadline() {
    let c = ctx("S1", Channel::StateCorporation);
    let accepted = at("2025-04-01T10:00:00+05:00");
    let lc = Lifecycle::new(accepted);
    let input = accepted_input(accepted, "2025-04-01", "2025-04-21", None);
    let ts = lifecycle::targets(&c, &lc, &input).unwrap();
    assert_eq!(
        lifecycle::next_automatic(&lc, &c, &ts, None).unwrap(),
        Some((Transition::Register, Role::Clerk, accepted))
    );
    let signed = play(&c, accepted, &TO_SIGNED);
    let ts = lifecycle::targets(&c, &signed, &input).unwrap();
    assert_eq!(
        lifecycle::next_automatic(&signed, &c, &ts, None).unwrap(),
        Some((Transition::DeliverToStateCorporation, Role::Clerk, at("2025-04-21T23:59:59+05:00")))
    );
    for terminal in [State::Issued, State::Refused] {
        let c2 = ctx("S2", Channel::Portal);
        let lc = reach(&c2, terminal);
        assert_eq!(lifecycle::next_automatic(&lc, &c2, &[], None).unwrap(), None);
    }
}

// ---------------------------------------------------------------------------
// Status, storage format, submission

#[test]
fn public_status_of_every_state() {
    use PublicStatus as P;
    let expected = [
        (State::Delivered, P::Delivered),
        (State::Registered, P::Registered),
        (State::Assigned, P::InProgress),
        (State::InPreparation, P::InProgress),
        (State::Signed, P::InProgress),
        (State::ReadyAtStateCorporation, P::Ready),
        (State::Issued, P::Issued),
        (State::Refused, P::Refused),
        (State::RefusedAtAcceptance, P::RefusedAtAcceptance),
        (State::HandedToProvider, P::HeldByProvider),
        (State::ReturnRequested, P::HeldByProvider),
    ];
    assert_eq!(expected.len(), State::ALL.len());
    let c = ctx("S2", Channel::Portal);
    for (state, status) in expected {
        assert_eq!(lifecycle::public_status(&reach(&c, state)), status, "{state:?}");
    }
}

#[test]
fn a_record_round_trips_and_old_records_default_to_delivered() {
    let c = ctx("S2", Channel::Portal);
    let lc = reach(&c, State::ReturnRequested);
    let json = serde_json::to_string(&lc).unwrap();
    assert!(json.contains("\"state\":\"return-requested\""));
    assert!(json.contains("\"transition\":\"hand-to-provider\""));
    let back: Lifecycle = serde_json::from_str(&json).unwrap();
    assert_eq!(back, lc);
    let empty: Lifecycle = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Lifecycle::default());
    assert_eq!(empty.state, State::Delivered);
}

#[test]
fn submit_starts_the_life_cycle() {
    let now = at("2025-03-20T10:00:00+05:00");
    // A school in East Kazakhstan: F002's steps are its milestones.
    let d = s2_draft(Reason::Lost, Some("oskemen-school-gymnasium-3"));
    let s = submission::submit(&d, otp_signature(&d, now), now, [1; 6]).unwrap();
    assert!(matches!(s.outcome, Outcome::Accepted { .. }));
    assert_eq!(s.provider_region.as_deref(), Some("east-kazakhstan"));
    assert_eq!(s.lifecycle, Lifecycle::new(now));
    assert_eq!(lifecycle::public_status(&s.lifecycle), PublicStatus::Delivered);

    let ts = s.targets(now, false).unwrap();
    assert_eq!(ts.len(), 6);
    assert_eq!(ts[0].due, at("2025-03-20T10:15:00+05:00"));
    assert_eq!(ts[5].due, at("2025-04-15T23:59:59+05:00"));
    // A portal application mapped onto F002's office steps: an
    // interpretation, said so on each step (C-19).
    for t in &ts[..5] {
        assert_eq!(t.mapped.as_ref().and_then(|p| p.rule.as_deref()), Some("C-19"));
    }

    // A submission stored before the life cycle existed reads as delivered.
    let mut json = serde_json::to_value(&s).unwrap();
    json.as_object_mut().unwrap().remove("lifecycle");
    let old: submission::Submission = serde_json::from_value(json).unwrap();
    assert_eq!(old.lifecycle, Lifecycle::default());

    // A school elsewhere (or typed by hand): the national term alone.
    for school in [Some("astana-school-lyceum-54"), None] {
        let d = s2_draft(Reason::Lost, school);
        let s = submission::submit(&d, otp_signature(&d, now), now, [2; 6]).unwrap();
        let ts = s.targets(now, false).unwrap();
        assert_eq!(ts.len(), 1, "{school:?}");
        assert_eq!(ts[0].step_id, LEGAL_DEADLINE);
        assert_eq!(ts[0].due, at("2025-04-15T23:59:59+05:00"));
    }
}

/// "Why this date?" of a stored application always ends on the date shown:
/// the explanation computed at acceptance is kept in the record, so a later
/// edit of the calendar data (here a decree that makes Tuesday 1 April 2025
/// a day off) does not change it. Records from before explanations were
/// stored recompute theirs and say so.
#[test]
fn a_stored_submission_keeps_its_explanation_after_a_calendar_edit() {
    let mut data: serde_json::Value = serde_json::from_str(calendar::embedded_data()).unwrap();
    let year_2025 =
        data["year"].as_array_mut().unwrap().iter_mut().find(|y| y["year"] == 2025).unwrap();
    year_2025["transfers"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "off": "2025-04-01", "work": "2025-05-03" }));
    let decreed = calendar::Calendar::from_json(&data.to_string()).unwrap();

    let now = at("2025-03-20T10:00:00+05:00");
    let dr = s2_draft(Reason::Lost, None);
    let s = submission::submit_with_calendar(&dr, otp_signature(&dr, now), now, [1; 6], &decreed)
        .unwrap();
    let Outcome::Accepted { due, .. } = s.outcome else {
        panic!("accepted");
    };
    assert_eq!(due, d("2025-04-16"), "one more day off before the due date");

    // Read back later, with the embedded (undecreed) calendar in force.
    let stored: submission::Submission =
        serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    let why = stored.deadline().unwrap();
    assert!(!why.recomputed);
    assert_eq!(why.deadline.due, due);
    assert_eq!(why.deadline.explanation.steps.last(), Some(&deadline::Step::Due { date: due }));
    assert!(why.deadline.explanation.steps.contains(&deadline::Step::Skipped {
        date: d("2025-04-01"),
        why: DayKind::TransferOff { from: d("2025-05-03") },
    }));

    // A record stored before explanations were kept: recomputed on today's
    // data, which now ends on another day, and marked as such.
    let mut old = serde_json::to_value(&s).unwrap();
    old["outcome"].as_object_mut().unwrap().remove("explanation");
    let old: submission::Submission = serde_json::from_value(old).unwrap();
    let why = old.deadline().unwrap();
    assert!(why.recomputed);
    assert_eq!(why.deadline.due, d("2025-04-15"));
    assert_ne!(why.deadline.due, due);
}

/// The one rule for changing a stored application at a known revision
/// ([`Revisioned`]): on the whole submission, whose revision is its life
/// cycle's.
#[test]
fn a_stored_application_changes_only_at_the_revision_seen() {
    let now = at("2025-03-20T10:00:00+05:00");
    let d = s2_draft(Reason::Lost, None);
    let mut rec = submission::submit(&d, otp_signature(&d, now), now, [1; 6]).unwrap();
    let c = ctx("S2", Channel::Portal);
    let t = now + TimeDelta::minutes(10);
    let act = |tr: Transition, role: Role| {
        move |r: &mut submission::Submission| r.lifecycle.apply(&c, tr, role, t, Details::default())
    };
    assert_eq!(Revisioned::rev(&rec), 0);
    rec.change_at_rev(0, act(Transition::Register, Role::Clerk)).unwrap();
    assert_eq!((Revisioned::rev(&rec), rec.lifecycle.rev), (1, 1));
    let before = rec.clone();
    assert_eq!(
        rec.change_at_rev(0, act(Transition::Assign, Role::Head)),
        Err(LifecycleError::StaleRevision { expected: 0, found: 1 })
    );
    assert_eq!(rec, before);
    assert!(matches!(
        rec.change_at_rev(1, act(Transition::Sign, Role::Head)),
        Err(LifecycleError::IllegalTransition { .. })
    ));
    assert_eq!(rec, before, "a refused transition changes nothing");
    rec.change_at_rev(1, act(Transition::Assign, Role::Head)).unwrap();
    assert_eq!((rec.lifecycle.state, rec.lifecycle.rev), (State::Assigned, 2));
}

#[test]
fn error_codes_are_stable() {
    let codes = [
        LifecycleError::IllegalTransition { from: State::Issued, transition: Transition::Sign }
            .code(),
        LifecycleError::WrongRole {
            transition: Transition::Sign,
            actor: Role::Citizen,
            allowed: vec![Role::Head],
        }
        .code(),
        LifecycleError::TimeGoesBackwards {
            last: at("2025-01-02T00:00:00Z"),
            at: at("2025-01-01T00:00:00Z"),
        }
        .code(),
        LifecycleError::MissingReason.code(),
        LifecycleError::StaleRevision { expected: 1, found: 2 }.code(),
        LifecycleError::StorageNotExpired { until: d("2025-01-01") }.code(),
    ];
    assert_eq!(
        codes,
        [
            "lifecycle-illegal-transition",
            "lifecycle-wrong-role",
            "lifecycle-time-goes-backwards",
            "lifecycle-missing-reason",
            "lifecycle-stale-revision",
            "lifecycle-storage-not-expired",
        ]
    );
    assert_eq!(
        LifecycleError::IllegalTransition { from: State::Issued, transition: Transition::Sign }
            .to_string(),
        "sign is not allowed in state issued"
    );
    // A context can only name one of the three services.
    assert!(ServiceId::parse("S9").is_err());
}

// ---------------------------------------------------------------------------
// Issue 11: S3's delivery milestone (item 8), F002 only in East Kazakhstan
// (item 10).

/// F003 L14: the provider delivers the result to the State Corporation no
/// later than one day before the term ends; C-26 reads it as the end of the
/// working day before the deadline day. It is a target of the S3 life cycle
/// at the State Corporation, late when missed, and autoplay plays the
/// delivery then.
#[test]
fn s3_delivery_to_the_state_corporation_is_a_milestone() {
    let c = ctx_in("S3", Channel::StateCorporation, Some("karaganda"));
    let hours = lifecycle::provider_hours(c.service);
    // Accepted Tuesday 1 April 2025; 3 working days: Friday 4 April.
    let accepted = at("2025-04-01T10:00:00+05:00");
    let input =
        |now| TargetInput { now, ..accepted_input(accepted, "2025-04-01", "2025-04-04", hours) };
    let lc = Lifecycle::new(accepted);
    let ts = lifecycle::targets(&c, &lc, &input(accepted)).unwrap();
    let ids: Vec<&str> = ts.iter().map(|t| t.step_id.as_str()).collect();
    assert_eq!(ids, [PROVIDER_DELIVERY, LEGAL_DEADLINE]);
    let delivery = by_id(&ts, PROVIDER_DELIVERY);
    // The close of Thursday 3 April (S3 provider hours 9.00–18.00).
    assert_eq!(delivery.due, at("2025-04-03T18:00:00+05:00"));
    assert!(delivery.binding);
    assert_eq!(delivery.transition, Some(Transition::DeliverToStateCorporation));
    assert_eq!(delivery.provenance.rule.as_deref(), Some("C-26"));
    assert_eq!(delivery.provenance.cites[0].line, 14);
    // Not overdue yet, but late once its time has passed undelivered.
    let friday = at("2025-04-04T09:00:00+05:00");
    let ts = lifecycle::targets(&c, &lc, &input(friday)).unwrap();
    assert!(by_id(&ts, PROVIDER_DELIVERY).late);
    assert!(!lifecycle::overdue(&ts, friday), "the legal deadline holds");
    assert_eq!(lifecycle::late_count(&ts, friday), 1);
    // Autoplay: the provider's steps at once, the delivery at its milestone.
    let signed = play(&c, accepted, &TO_SIGNED);
    let ts = lifecycle::targets(&c, &signed, &input(accepted)).unwrap();
    assert_eq!(
        lifecycle::next_automatic(&signed, &c, &ts, hours).unwrap(),
        Some((Transition::DeliverToStateCorporation, Role::Clerk, at("2025-04-03T18:00:00+05:00")))
    );
    // Delivered on Friday: late for the milestone, in time for the deadline.
    let mut late = signed.clone();
    record(&mut late, &c, &[(T::DeliverToStateCorporation, R::Clerk, "2025-04-04T11:00:00+05:00")]);
    let ts = lifecycle::targets(&c, &late, &input(friday)).unwrap();
    assert!(by_id(&ts, PROVIDER_DELIVERY).late);
    assert!(!by_id(&ts, LEGAL_DEADLINE).late);
    // At the provider's office there is no such milestone, nor for S1 or S2.
    for (s, ch) in [
        ("S3", Channel::Provider),
        ("S1", Channel::StateCorporation),
        ("S2", Channel::StateCorporation),
    ] {
        let c = ctx(s, ch);
        assert!(!lifecycle::delivers_to_state_corporation(&c), "{s} {ch:?}");
    }
}

/// LS-2: F002 is East Kazakhstan's regulation. Its steps are the milestones
/// of an application to a school there; elsewhere the tracker shows the
/// national term alone and says there is no regional regulation for that
/// region in the sources.
#[test]
fn f002_applies_only_to_schools_in_east_kazakhstan() {
    use lifecycle::RegionalRegulation as RR;
    let s2 = catalog::service(ServiceId::S2);
    let accepted = at("2025-04-01T10:00:00+05:00");
    let input = accepted_input(accepted, "2025-04-01", "2025-04-22", Some(s2_hours()));
    for ch in [Channel::Provider, Channel::StateCorporation, Channel::Portal] {
        let ek = ctx_in("S2", ch, Some("east-kazakhstan"));
        let ts = lifecycle::targets(&ek, &Lifecycle::new(accepted), &input).unwrap();
        assert_eq!(ts.len(), 6, "{ch:?}");
        match lifecycle::regional_regulation(s2, ch, Some("east-kazakhstan")) {
            RR::Applies { act, mapped } => {
                assert_eq!(act.region.as_deref(), Some("east-kazakhstan"));
                assert_eq!(mapped.is_some(), ch == Channel::Portal, "{ch:?}");
            }
            other => panic!("{ch:?}: {other:?}"),
        }
        for region in [Some("astana"), Some("abai"), None] {
            let c = ctx_in("S2", ch, region);
            let ts = lifecycle::targets(&c, &Lifecycle::new(accepted), &input).unwrap();
            assert_eq!(ts.len(), 1, "{ch:?} {region:?}");
            assert_eq!(ts[0].step_id, LEGAL_DEADLINE);
            assert_eq!(
                lifecycle::regional_regulation(s2, ch, region),
                RR::NoneForRegion {
                    act: s2.act(qujat::engine::source::Seed::F002).unwrap(),
                    region: region.map(str::to_string),
                }
            );
        }
    }
    // S1 has no regional regulation; S3's only one lost force.
    for s in [ServiceId::S1, ServiceId::S3] {
        assert_eq!(
            lifecycle::regional_regulation(
                catalog::service(s),
                Channel::Provider,
                Some("almaty-city")
            ),
            RR::NotAny
        );
    }
    // The collection queue (F002 §10(3)) is East Kazakhstan's too.
    let queue = s2.queue.iter().find(|q| q.id == "collection-queue").unwrap();
    assert_eq!(s2.regional_scope(&queue.provenance), Some("east-kazakhstan"));
    assert!(!s2.applies_in(&queue.provenance, Some("astana")));
    let national = s2.queue.iter().find(|q| q.id == "provider-queue").unwrap();
    assert!(s2.applies_in(&national.provenance, None));
}

/// F000 names no refusal ground and no refusal at all (S1-R1, S1-O1): the
/// back office cannot refuse an S1 application, with or without a ground.
#[test]
fn s1_cannot_be_refused_for_its_source_has_no_refusal() {
    let c = ctx("S1", Channel::StateCorporation);
    let t = at("2025-04-01T10:00:00+05:00");
    let mut lc = play(&c, t, &[Transition::Register]);
    for reason in [None, Some("none-in-source")] {
        let details = Details {
            note: Some("No record of this diploma.".into()),
            reason_id: reason.map(str::to_string),
        };
        assert_eq!(
            lc.apply(&c, Transition::Refuse, Role::Head, t + TimeDelta::hours(2), details),
            Err(LifecycleError::NoRefusalInSource)
        );
    }
    assert_eq!(lifecycle::decision_grounds(c.service).count(), 0);
    assert_eq!(LifecycleError::NoRefusalInSource.code(), "lifecycle-no-refusal-in-source");
}
