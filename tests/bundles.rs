//! Which bundle serves an address, and where the pages that moved from the
//! applying bundle to the cabinet's now are (`ui::app::Bundle::of`,
//! `ui::paths::moved_from_apply`): a link to another bundle is a page load,
//! so a wrong answer here is a page that never loads.

use qujat::ui::Bundle;
use qujat::ui::paths::{self, moved_from_apply};

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
fn applying_stays_in_the_apply_bundle_and_the_rest_where_it_was() {
    for p in [
        paths::apply_start(),
        paths::receipt("S2-261120-ABCDEF"),
        paths::KEYS.into(),
    ] {
        assert_eq!(Bundle::of(&p), Bundle::Apply, "{p}");
    }
    assert_eq!(Bundle::of(paths::HOME), Bundle::Portal);
    assert_eq!(Bundle::of(paths::SIGN_IN), Bundle::Portal);
    assert_eq!(Bundle::of("/services/S2"), Bundle::Services);
    assert_eq!(Bundle::of(paths::COUNTER), Bundle::Staff);
    // Only the whole first segment counts.
    assert_eq!(Bundle::of("/cabinetx"), Bundle::Portal);
    assert_eq!(Bundle::of("/cabinet?x=1"), Bundle::Cabinet);
}

#[test]
fn an_old_address_of_a_moved_page_leads_to_its_new_one_with_its_query() {
    for (old, new) in [
        ("/apply/cabinet", "/cabinet"),
        ("/apply/cabinet?x=1#top", "/cabinet?x=1#top"),
        (
            "/apply/verify?code=QJ1.a%2Bb",
            "/cabinet/verify?code=QJ1.a%2Bb",
        ),
        (
            "/apply/applications/S2-261120-ABCDEF",
            "/cabinet/applications/S2-261120-ABCDEF",
        ),
        ("/apply/complaint?app=S2-1", "/cabinet/complaint?app=S2-1"),
        (
            "/apply/complaint/text?change=1",
            "/cabinet/complaint/text?change=1",
        ),
        (
            "/apply/complaints/complaint-1",
            "/cabinet/complaints/complaint-1",
        ),
        ("/apply/notifications", "/cabinet/notifications"),
        ("/apply/signout", "/cabinet/signout"),
        ("/apply/book?move=Q-1", "/cabinet/book?move=Q-1"),
        ("/apply/tickets/Q-1", "/cabinet/tickets/Q-1"),
        ("/apply/data", "/cabinet/data"),
    ] {
        let to = moved_from_apply(old);
        assert_eq!(to.as_deref(), Some(new), "{old}");
        assert_eq!(Bundle::of(new), Bundle::Cabinet, "{new}");
    }
    for stays in [
        "/apply/S2",
        "/apply/S2/0f3a/sign",
        "/apply/receipt/S2-1",
        "/apply/keys",
        "/apply/verifyx",
        "/apply/",
        "/apply",
        "/cabinet/verify",
        "/staff/complaints/1",
    ] {
        assert_eq!(moved_from_apply(stays), None, "{stays}");
    }
}
