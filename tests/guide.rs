//! Passports that start with what to do (`engine::guide`): for every
//! service and every situation it offers (alone, and each reason with each
//! other situation), where to go, what to bring, how long and with what
//! date, the cost and the result, all held to the catalogue, the queue's
//! booking rules and the deadline engine.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};

use qujat::engine::catalog::{self, Situation};
use qujat::engine::deadline::{self, Step};
use qujat::engine::guide::{self, Guide, GuideError, Way};
use qujat::engine::queue::{self, ProviderPlace, Purpose};
use qujat::engine::service::ServiceId;
use qujat::engine::source::Status;
use qujat::engine::term::{Channel, Location};

mod common;
use common::{at, cal};

fn now() -> DateTime<Utc> {
    at("2025-03-19T11:00:00+05:00")
}

/// Every situation set the picker can make: none, each one alone, and
/// each reason with each other situation.
fn situation_sets(service: ServiceId) -> Vec<Vec<Situation>> {
    let all = guide::situations(service);
    let reasons = guide::reasons(service);
    let mut sets = vec![vec![]];
    sets.extend(all.iter().map(|s| vec![*s]));
    for r in &reasons {
        for s in all.iter().filter(|s| !reasons.contains(s)) {
            sets.push(vec![*r, *s]);
        }
    }
    let others: Vec<Situation> = all.iter().filter(|s| !reasons.contains(s)).copied().collect();
    if others.len() > 1 {
        sets.push(others);
    }
    sets
}

fn ways(g: &Guide) -> Vec<&Way> {
    g.routes.iter().map(|r| &r.way).collect()
}

#[test]
fn each_service_offers_the_situations_its_catalogue_knows() {
    use Situation::*;
    assert_eq!(
        guide::situations(ServiceId::S1),
        [Loss, NameChange, Damage, FillingErrors, Liquidated]
    );
    assert_eq!(guide::reasons(ServiceId::S1), [Loss, NameChange, Damage, FillingErrors]);
    let s2 = guide::situations(ServiceId::S2);
    assert_eq!(&s2[..3], [Loss, Damage, NameChange]);
    assert_eq!(s2.len(), 5);
    assert!(s2.contains(&Minor) && s2.contains(&DigitalDocument));
    // S3 is a certificate, not a duplicate: no reasons.
    assert!(guide::reasons(ServiceId::S3).is_empty());
    let s3 = guide::situations(ServiceId::S3);
    assert_eq!(s3.len(), 2);
    assert!(s3.contains(&Minor) && s3.contains(&DigitalDocument));
}

/// The invariants every guide keeps, for every service × situation.
#[test]
fn every_service_and_situation_gets_a_guide_held_to_the_catalogue() {
    let mut checked = 0;
    for service in ServiceId::ALL {
        let svc = catalog::service(service);
        for sits in situation_sets(service) {
            let g = guide::guide(service, &sits, None, now())
                .unwrap_or_else(|e| panic!("{service} {sits:?}: {e}"));
            let what = format!("{service} {sits:?}");
            assert_eq!(g.service, service);
            assert_eq!(g.situations, sits);
            if sits.contains(&Situation::Liquidated) {
                checked += 1;
                continue; // its own test below
            }
            // Where to go, in this order: online, booking, offices, home.
            let w = ways(&g);
            assert_eq!(w.contains(&&Way::ApplyOnline), svc.has_channel(Channel::Portal), "{what}");
            assert_eq!(w.first() == Some(&&Way::ApplyOnline), service == ServiceId::S2);
            for c in [Channel::Provider, Channel::StateCorporation] {
                assert_eq!(w.contains(&&Way::Office { channel: c }), svc.has_channel(c), "{what}");
            }
            assert_eq!(w.last(), Some(&&Way::HomeVisit), "{what}: every service");
            let home = g.routes.last().unwrap();
            assert_eq!(home.channel, Some(Channel::StateCorporation));
            assert!(home.text.unwrap().ru.contains("1414"), "{what}: through 1414");
            let bookings: Vec<&Way> =
                w.iter().copied().filter(|w| matches!(w, Way::BookSlot { .. })).collect();
            let expected_bookings: Vec<Way> = queue::data()
                .booking
                .iter()
                .filter(|b| b.service == service)
                .map(|b| Way::BookSlot { purpose: b.purpose, region: b.provider_region.clone() })
                .collect();
            assert_eq!(bookings, expected_bookings.iter().collect::<Vec<_>>(), "{what}");
            for r in &g.routes {
                assert!(r.channel.is_none_or(|c| svc.has_channel(c)), "{what}: {:?}", r.way);
            }
            // What to bring and how long, per channel of the service.
            let channels: Vec<Channel> = g.channels.iter().map(|c| c.channel).collect();
            let expected: Vec<Channel> =
                Channel::ALL.into_iter().filter(|c| svc.has_channel(*c)).collect();
            assert_eq!(channels, expected, "{what}");
            for cg in &g.channels {
                let docs = catalog::documents(service, cg.channel, &sits);
                let bring: Vec<&str> =
                    docs.iter().filter(|d| !d.info).map(|d| d.id.as_str()).collect();
                let notes: Vec<&str> =
                    docs.iter().filter(|d| d.info).map(|d| d.id.as_str()).collect();
                let got_bring: Vec<&str> = cg.bring.iter().map(|d| d.id.as_str()).collect();
                let got_notes: Vec<&str> = cg.notes.iter().map(|d| d.id.as_str()).collect();
                assert_eq!(got_bring, bring, "{what} {:?}", cg.channel);
                assert_eq!(got_notes, notes, "{what} {:?}", cg.channel);
                assert_eq!(cg.terms.len(), svc.terms_for(cg.channel).count());
                assert!(!cg.terms.is_empty(), "{what}: a term for {:?}", cg.channel);
                for t in &cg.terms {
                    let due = t.due.as_ref().unwrap();
                    // The deadline engine's own answer, and its explanation.
                    assert_eq!(due, &deadline::compute(t.term, now(), cal()).unwrap());
                    assert_eq!(due.explanation.steps.last(), Some(&Step::Due { date: due.due }));
                    assert!(due.due > now().date_naive());
                }
            }
            // Cost and result, as the catalogue has them, without history.
            assert_eq!(g.cost, Some(&svc.cost), "{what}");
            assert!(!g.results.is_empty());
            assert!(g.results.iter().all(|r| r.provenance.status != Status::LostForce));
            assert_eq!(
                g.results.len(),
                svc.results.iter().filter(|r| r.provenance.status != Status::LostForce).count()
            );
            // Assumptions stay marked.
            for p in g.assumptions() {
                assert_eq!(p.status, Status::Assumption);
                assert!(p.rule.is_some(), "{what}: an assumption names its rule");
            }
            checked += 1;
        }
    }
    assert!(checked >= 25, "{checked} guides");
}

#[test]
fn s2_an_original_for_a_damaged_or_renamed_certificate_not_for_a_lost_one() {
    for (reason, original) in
        [(Situation::Loss, false), (Situation::Damage, true), (Situation::NameChange, true)]
    {
        let g = guide::guide(ServiceId::S2, &[reason], None, now()).unwrap();
        for c in [Channel::Provider, Channel::StateCorporation] {
            let has = g.channel(c).unwrap().bring.iter().any(|d| d.id == "original");
            assert_eq!(has, original, "{reason:?} {c:?}");
        }
        let portal = g.channel(Channel::Portal).unwrap();
        assert_eq!(
            portal.bring.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["portal-application"]
        );
        assert_eq!(portal.notes.iter().any(|d| d.id == "portal-original"), original, "{reason:?}");
    }
}

#[test]
fn a_minor_and_a_digital_document_add_their_notes() {
    let s2 = guide::guide(
        ServiceId::S2,
        &[Situation::Loss, Situation::Minor, Situation::DigitalDocument],
        None,
        now(),
    );
    // Two non-reasons and a reason: fine.
    let s2 = s2.unwrap();
    for cg in &s2.channels {
        assert!(cg.notes.iter().any(|d| d.id == "parent-identity-gap"), "{:?}", cg.channel);
    }
    let sc = s2.channel(Channel::StateCorporation).unwrap();
    assert!(sc.notes.iter().any(|d| d.id == "digital-consent"));
    assert!(sc.notes.iter().any(|d| d.id == "digital-app"));

    let s3 = guide::guide(ServiceId::S3, &[Situation::Minor], None, now()).unwrap();
    assert!(
        s3.channels
            .iter()
            .all(|c| { c.notes.iter().any(|d| d.id == "representative-identity-gap") })
    );
    let s3 = guide::guide(ServiceId::S3, &[Situation::DigitalDocument], None, now()).unwrap();
    assert!(s3.channels.iter().all(|c| c.notes.iter().any(|d| d.id == "digital-consent-gap")));
    // Gaps in the sources are assumptions and say so.
    assert!(!s3.assumptions().is_empty());
}

#[test]
fn s1_a_liquidated_college_sends_the_citizen_to_the_archive() {
    for sits in [vec![Situation::Liquidated], vec![Situation::Loss, Situation::Liquidated]] {
        let g = guide::guide(ServiceId::S1, &sits, None, now()).unwrap();
        assert_eq!(ways(&g), [&Way::Archive]);
        let r = &g.routes[0];
        assert_eq!(r.id, "archive");
        assert_eq!(r.channel, None);
        assert_eq!(r.provenance.status, Status::National);
        assert_eq!(r.provenance.cites[0].line, 27);
        // The seeds give this route nothing else: no made-up term or cost.
        assert!(g.channels.is_empty());
        assert_eq!(g.cost, None);
        assert!(g.results.is_empty());
    }
}

#[test]
fn s1_filling_errors_are_a_reason_of_s1_only() {
    let g = guide::guide(ServiceId::S1, &[Situation::FillingErrors], None, now()).unwrap();
    let sc = g.channel(Channel::StateCorporation).unwrap();
    assert_eq!(
        sc.bring.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["application-to-head", "identity"]
    );
    assert_eq!(
        guide::guide(ServiceId::S2, &[Situation::FillingErrors], None, now()),
        Err(GuideError::NotForService {
            service: ServiceId::S2,
            situation: Situation::FillingErrors
        })
    );
}

#[test]
fn situations_a_service_does_not_know_and_two_reasons_are_refused() {
    // What each service's law does not know.
    let unknown: [(ServiceId, &[Situation]); 3] = [
        (ServiceId::S3, &[Situation::Loss, Situation::Damage, Situation::Liquidated]),
        (ServiceId::S2, &[Situation::Liquidated]),
        (ServiceId::S1, &[Situation::Minor, Situation::DigitalDocument]),
    ];
    for (service, situations) in unknown {
        for &s in situations {
            let e = guide::guide(service, &[s], None, now()).unwrap_err();
            assert_eq!(e, GuideError::NotForService { service, situation: s });
            assert!(!e.to_string().is_empty());
        }
    }
    let e = guide::guide(ServiceId::S1, &[Situation::Loss, Situation::Damage], None, now());
    assert_eq!(e, Err(GuideError::TwoReasons(Situation::Loss, Situation::Damage)));
    // The same reason twice is one reason.
    let g = guide::guide(ServiceId::S1, &[Situation::Loss, Situation::Loss], None, now()).unwrap();
    assert_eq!(g.situations, [Situation::Loss]);
}

#[test]
fn booking_where_the_queue_has_it_and_for_s2_only_in_its_region() {
    let s3 = guide::guide(ServiceId::S3, &[], None, now()).unwrap();
    assert!(ways(&s3).contains(&&Way::BookSlot { purpose: Purpose::HandIn, region: None }));
    let s1 = guide::guide(ServiceId::S1, &[], None, now()).unwrap();
    assert!(!ways(&s1).iter().any(|w| matches!(w, Way::BookSlot { .. })));
    // S2: collection can be booked in East Kazakhstan only (F002).
    let region = queue::data()
        .booking
        .iter()
        .find(|b| b.service == ServiceId::S2)
        .and_then(|b| b.provider_region.clone())
        .unwrap();
    let unknown = guide::guide(ServiceId::S2, &[], None, now()).unwrap();
    assert!(
        ways(&unknown)
            .contains(&&Way::BookSlot { purpose: Purpose::Collect, region: Some(region.clone()) })
    );
    let east = ProviderPlace {
        organisation: Some("oskemen-school-gymnasium-3".into()),
        settlement: "oskemen".into(),
        region: Some(region),
    };
    let there = guide::guide(ServiceId::S2, &[], Some(&east), now()).unwrap();
    assert!(ways(&there).contains(&&Way::BookSlot { purpose: Purpose::Collect, region: None }));
    let south = ProviderPlace {
        organisation: None,
        settlement: "shymkent".into(),
        region: Some("turkistan".into()),
    };
    let elsewhere = guide::guide(ServiceId::S2, &[], Some(&south), now()).unwrap();
    assert!(!ways(&elsewhere).iter().any(|w| matches!(w, Way::BookSlot { .. })));
}

#[test]
fn how_long_each_term_with_its_unit_and_the_date_for_a_hand_in_now() {
    // S3 at the State Corporation: 3 working days in the provider's
    // settlement, 8 elsewhere (C-24); both shown, each with its date.
    let g = guide::guide(ServiceId::S3, &[], None, now()).unwrap();
    let sc = g.channel(Channel::StateCorporation).unwrap();
    let by_loc: Vec<(Option<Location>, u32)> =
        sc.terms.iter().map(|t| (t.term.location, t.term.amount)).collect();
    assert_eq!(by_loc, [(Some(Location::Same), 3), (Some(Location::Other), 8)]);
    // The date promised at booking is the guide's date (same engine).
    let office = queue::office("kaskelen-karasai").unwrap();
    let college = ProviderPlace::of_id("almaty-college-service").unwrap();
    let booked = queue::expected_result(ServiceId::S3, office, Some(&college), now()).unwrap();
    assert_eq!(sc.terms[1].due.as_ref().unwrap().due, booked.deadline.due);
    // S1: calendar days, moved off a day off (its end rule).
    let s1 = guide::guide(ServiceId::S1, &[Situation::Loss], None, now()).unwrap();
    let t = &s1.channel(Channel::Provider).unwrap().terms[0];
    assert_eq!(t.term.amount, 20);
    assert_eq!(t.term.unit, qujat::engine::term::Unit::CalendarDays);
    // S2 on the portal after 18:00: accepted the next working day, and the
    // explanation says why.
    let evening = at("2025-03-20T19:30:00+05:00");
    let s2 = guide::guide(ServiceId::S2, &[Situation::Loss], None, evening).unwrap();
    let portal = &s2.channel(Channel::Portal).unwrap().terms[0];
    let due = portal.due.as_ref().unwrap();
    assert_eq!(due.accepted_on.to_string(), "2025-03-26");
    assert!(due.explanation.steps.iter().any(|s| matches!(s, Step::AfterHours { .. })));
    // Past the calendar's last year: no date, the term still shown.
    let far = at("2031-06-01T10:00:00+05:00");
    let g = guide::guide(ServiceId::S2, &[], None, far).unwrap();
    assert!(g.channels.iter().all(|c| c.terms.iter().all(|t| t.due.is_none())));
}

#[test]
fn the_guide_is_small_data() {
    // The UI renders it at the top of every passport: a few routes, a few
    // documents per channel.
    for service in ServiceId::ALL {
        let g = guide::guide(service, &[], None, now()).unwrap();
        assert!(g.routes.len() <= 6);
        assert!(g.channels.iter().all(|c| c.bring.len() + c.notes.len() <= 10));
        let json = serde_json::to_string(&g).unwrap();
        assert!(json.contains("\"way\":\"home-visit\""));
    }
}

/// A booking's route carries the slot's own checklist: collecting a result
/// (S2, East Kazakhstan) brings what the issuance rules name, not the
/// hand-in's documents; handing in (S3) brings the State Corporation's
/// documents for the situation, as the ticket would list them.
#[test]
fn a_booking_brings_its_own_checklist() {
    let booking = |g: &Guide, purpose: Purpose| {
        g.routes
            .iter()
            .find(|r| matches!(&r.way, Way::BookSlot { purpose: p, .. } if *p == purpose))
            .cloned()
            .unwrap_or_else(|| panic!("{:?} has a {purpose:?} booking", g.service))
    };
    let ids = |items: &[queue::ticket::ChecklistItem]| -> Vec<String> {
        items.iter().map(|i| i.id.clone()).collect()
    };

    let s2 = guide::guide(ServiceId::S2, &[Situation::Damage], None, now()).unwrap();
    let collect = booking(&s2, Purpose::Collect);
    let got = ids(&collect.checklist);
    assert!(got.contains(&"identity-or-proxy".to_string()), "{got:?}");
    let hand_in: Vec<&str> = s2
        .channel(Channel::StateCorporation)
        .unwrap()
        .bring
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert!(
        got.iter().all(|id| !hand_in.contains(&id.as_str())),
        "collecting brings none of the hand-in's documents: {got:?} vs {hand_in:?}"
    );

    let s3 = guide::guide(ServiceId::S3, &[Situation::Minor], None, now()).unwrap();
    let hand_in = booking(&s3, Purpose::HandIn);
    let sc = s3.channel(Channel::StateCorporation).unwrap();
    let documents: Vec<String> = sc.bring.iter().chain(&sc.notes).map(|d| d.id.clone()).collect();
    let got = ids(&hand_in.checklist);
    for d in &documents {
        assert!(got.contains(d), "the S3 hand-in slot brings {d}: {got:?}");
    }
    // The other ways carry no checklist of their own.
    assert!(
        s3.routes
            .iter()
            .filter(|r| !matches!(r.way, Way::BookSlot { .. }))
            .all(|r| r.checklist.is_empty())
    );
}
