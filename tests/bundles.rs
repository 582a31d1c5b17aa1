//! Which bundle serves an address, and where the pages that moved to a
//! bundle of their own now are (`ui::app::Bundle::of`, `ui::paths::moved`): a link to another bundle is a page load,
//! so a wrong answer here is a page that never loads.

use qujat::ui::Bundle;
use qujat::ui::paths::{self, moved, signing_moved};

#[test]
fn every_address_of_the_cabinet_is_served_by_the_cabinet_bundle() {
    for p in [
        paths::CABINET.to_string(),
        paths::BOOK.into(),
        paths::DATA.into(),
        paths::NOTIFICATIONS.into(),
        paths::SIGN_OUT.into(),
        paths::VERIFY.into(),
        paths::COMPLAINT_FORM.into(),
        paths::COMPLAINT_SIGN.into(),
        paths::application("S2-261120-ABCDEF"),
        paths::ticket("Q-1"),
        paths::move_ticket("Q-1"),
        paths::complaint_about(Some("S2-261120-ABCDEF")),
        paths::complaint_question("text", true),
        paths::escalation_of("complaint-1"),
        paths::complaint_filed("complaint-1"),
        paths::complaint("complaint-1"),
        paths::verify_code("QJ1.x"),
    ] {
        assert_eq!(Bundle::of(&p), Bundle::Cabinet, "{p}");
    }
}

#[test]
fn applying_is_the_apply_bundle_signing_the_sign_bundle_and_the_rest_where_it_was() {
    assert_eq!(Bundle::of(&paths::apply_start()), Bundle::Apply);
    for p in [paths::sign("0f3a9c"), paths::receipt("S2-261120-ABCDEF"), paths::KEYS.into()] {
        assert_eq!(Bundle::of(&p), Bundle::Sign, "{p}");
    }
    // Only the whole first segment: signing in is the portal's.
    assert_eq!(Bundle::of("/signin?next=/sign/keys"), Bundle::Portal);
    assert_eq!(Bundle::of(paths::HOME), Bundle::Portal);
    assert_eq!(Bundle::of(paths::SIGN_IN), Bundle::Portal);
    assert_eq!(Bundle::of("/services/S2"), Bundle::Services);
    assert_eq!(Bundle::of(paths::STAFF), Bundle::Staff);
    assert_eq!(Bundle::of(paths::COMPLAINT_DESK), Bundle::Staff);
    assert_eq!(Bundle::of(&paths::staff_application("S2-1")), Bundle::Staff);
    assert_eq!(Bundle::of(&paths::staff_complaint("complaint-1")), Bundle::Staff);
    for p in [
        paths::HALL.to_string(),
        paths::COUNTER.into(),
        paths::counter_visit("v1"),
        paths::OPERATOR.into(),
        paths::visit("v1"),
    ] {
        assert_eq!(Bundle::of(&p), Bundle::Corporation, "{p}");
    }
    // Only the whole first segment counts.
    assert_eq!(Bundle::of("/cabinetx"), Bundle::Portal);
    assert_eq!(Bundle::of("/cabinet?x=1"), Bundle::Cabinet);
}

#[test]
fn an_old_address_of_a_moved_page_leads_to_its_new_bundle_with_its_query() {
    for (old, new) in [
        ("/apply/cabinet", "/cabinet"),
        ("/apply/cabinet?x=1#top", "/cabinet?x=1#top"),
        ("/apply/verify?code=QJ1.a%2Bb", "/cabinet/verify?code=QJ1.a%2Bb"),
        ("/apply/applications/S2-261120-ABCDEF", "/cabinet/applications/S2-261120-ABCDEF"),
        ("/apply/complaint?app=S2-1", "/cabinet/complaint?app=S2-1"),
        ("/apply/complaint/text?change=1", "/cabinet/complaint/text?change=1"),
        ("/apply/complaints/complaint-1", "/cabinet/complaints/complaint-1"),
        ("/apply/notifications", "/cabinet/notifications"),
        ("/apply/signout", "/cabinet/signout"),
        ("/apply/book?move=Q-1", "/cabinet/book?move=Q-1"),
        ("/apply/tickets/Q-1", "/cabinet/tickets/Q-1"),
        ("/apply/data", "/cabinet/data"),
        ("/staff/hall", "/corporation/hall"),
        ("/staff/operator", "/corporation/operator"),
        ("/staff/operator/visits/v1?x=1", "/corporation/operator/visits/v1?x=1"),
        ("/staff/counter/visits/v1", "/corporation/counter/visits/v1"),
        ("/apply/receipt/S2-1", "/sign/receipt/S2-1"),
        ("/apply/keys", "/sign/keys"),
        ("/apply/keys#import", "/sign/keys#import"),
    ] {
        let to = moved(old);
        assert_eq!(to.as_deref(), Some(new), "{old}");
        assert_ne!(Bundle::of(new), Bundle::of(old), "{new}");
    }
    for stays in [
        "/apply/S2",
        "/apply/S2/0f3a/check",
        // Signing's old address is the applying bundle's own route.
        "/apply/S2/0f3a/sign",
        "/apply/receiptx",
        "/apply/keysx",
        "/sign/S2/0f3a",
        "/sign/keys",
        "/apply/verifyx",
        "/apply/",
        "/apply",
        "/cabinet/verify",
        "/staff/complaints/1",
        "/staff",
        "/staff/applications/S2-1",
        "/staff/hallx",
        "/corporation/hall",
        "/apply/hall",
        "/staff/cabinet",
    ] {
        assert_eq!(moved(stays), None, "{stays}");
    }
}

#[test]
fn signing_s_old_address_leads_to_the_signing_bundle_with_its_query() {
    assert_eq!(signing_moved("0f3a9c", "").as_deref(), Some("/sign/S2/0f3a9c"));
    assert_eq!(signing_moved("0f3a9c", "?x=1#top").as_deref(), Some("/sign/S2/0f3a9c?x=1#top"));
    assert_eq!(Bundle::of(&signing_moved("0f3a9c", "").unwrap()), Bundle::Sign);
    for not_an_id in ["", "0f/3a", "..", "a?b", "a#b", "0f3a%2F", "ә"] {
        assert_eq!(signing_moved(not_an_id, ""), None, "{not_an_id:?}");
    }
}
