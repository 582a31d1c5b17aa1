//! Browser storage in a real browser: unreadable data is set aside and
//! reported while everything else loads, and a write is applied on top of
//! what another tab wrote meanwhile, never over it.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use leptos::prelude::*;
use qujat::engine::store;
use qujat::ui::store::{Collection, StoreNotice, StoreNotices};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type Map = BTreeMap<String, String>;

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn notices() -> StoreNotices {
    StoreNotices(RwSignal::new(Vec::new()))
}

#[wasm_bindgen_test]
async fn unreadable_data_is_set_aside_reported_and_the_rest_loads() {
    storage().clear().unwrap();
    let raw = "{\"v\":1,\"rev\":3,\"data\":[\"not a map\"";
    storage().set_item("qujat.test.bad", raw).unwrap();
    let mut good = Map::new();
    good.insert("a".into(), "kept".into());
    storage()
        .set_item(
            "qujat.test.good",
            &store::encode(5, &good, &store::Format::FIRST),
        )
        .unwrap();

    let owner = Owner::new();
    owner.with(|| {
        let n = notices();
        let bad = Collection::<Map>::open("qujat.test.bad", n);
        let ok = Collection::<Map>::open("qujat.test.good", n);
        assert!(bad.with_untracked(|m| m.is_empty()));
        assert_eq!(
            ok.with_untracked(|m| m.get("a").cloned()),
            Some("kept".to_string())
        );
        assert_eq!(
            n.0.get_untracked(),
            vec![StoreNotice::SetAside {
                key: "qujat.test.bad".into()
            }]
        );
    });
    // The original text is kept aside, verbatim, and no longer read.
    assert_eq!(storage().get_item("qujat.test.bad").unwrap(), None);
    assert_eq!(
        storage()
            .get_item("qujat.quarantine.qujat.test.bad")
            .unwrap()
            .as_deref(),
        Some(raw)
    );
}

#[wasm_bindgen_test]
async fn data_from_a_newer_release_is_set_aside_not_misread() {
    storage().clear().unwrap();
    storage()
        .set_item("qujat.test.future", "{\"v\":999,\"rev\":1,\"data\":{}}")
        .unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let n = notices();
        let c = Collection::<Map>::open("qujat.test.future", n);
        assert!(c.with_untracked(|m| m.is_empty()));
        assert_eq!(n.0.get_untracked().len(), 1);
    });
}

#[wasm_bindgen_test]
async fn a_write_lands_on_top_of_another_tabs_write() {
    storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let c = Collection::<Map>::open("qujat.test.shared", notices());
        c.update(|m| {
            m.insert("mine".into(), "1".into());
        });
        // Another tab writes its own record (revision 2) behind our back.
        let mut theirs = Map::new();
        theirs.insert("mine".into(), "1".into());
        theirs.insert("theirs".into(), "2".into());
        storage()
            .set_item(
                "qujat.test.shared",
                &store::encode(2, &theirs, &store::Format::FIRST),
            )
            .unwrap();
        // Our next change is applied to their version, not to our stale copy.
        c.update(|m| {
            m.insert("later".into(), "3".into());
        });
        let stored: store::Envelope<Map> = store::decode(
            &storage().get_item("qujat.test.shared").unwrap().unwrap(),
            &store::Format::FIRST,
        )
        .unwrap();
        assert_eq!(stored.rev, 3);
        assert_eq!(
            stored.data.keys().cloned().collect::<Vec<_>>(),
            vec!["later", "mine", "theirs"]
        );
        assert_eq!(c.with_untracked(|m| m.len()), 3);
    });
}

#[wasm_bindgen_test]
async fn reload_picks_up_another_tabs_write_and_clear_forgets() {
    storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let c = Collection::<Map>::open("qujat.test.sync", notices());
        let mut theirs = Map::new();
        theirs.insert("x".into(), "<script>alert(1)</script>".into());
        storage()
            .set_item(
                "qujat.test.sync",
                &store::encode(1, &theirs, &store::Format::FIRST),
            )
            .unwrap();
        c.reload();
        assert_eq!(
            c.with_untracked(|m| m.get("x").cloned()).as_deref(),
            Some("<script>alert(1)</script>")
        );
        c.clear();
        assert!(c.with_untracked(|m| m.is_empty()));
        assert_eq!(storage().get_item("qujat.test.sync").unwrap(), None);
    });
}
