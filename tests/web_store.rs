//! Browser storage in a real browser: unreadable data is set aside and
//! reported while everything else loads; a write is applied on top of what
//! another tab wrote meanwhile, never over it; a write the browser refuses
//! (or the change itself refuses) changes nothing and says so; a record is
//! changed at a known revision or not at all; and the domain transactions
//! keep the draft when the application could not be stored.
#![cfg(target_arch = "wasm32")]

#[path = "web/mount.rs"]
mod mount;

use std::collections::BTreeMap;

use leptos::prelude::*;
use mount::{refuse_to_store, storage, storage_works_again};
use qujat::engine::store::Format;
use qujat::engine::store::{self, Revisioned};
use qujat::ui::state::store::{
    Collection, NotSaved, Refused, StoreNotice, StoreNotices, Stored, StoredRecord,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type Map = BTreeMap<String, String>;

/// Maps of texts, each kept under a key of its own (one per test), as the
/// app's stored types each name theirs.
macro_rules! test_maps {
    ($($name:ident => $key:literal;)*) => {$(
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(transparent)]
        struct $name(Map);
        impl std::ops::Deref for $name {
            type Target = Map;
            fn deref(&self) -> &Map {
                &self.0
            }
        }
        impl std::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut Map {
                &mut self.0
            }
        }
        impl Stored for $name {
            const KEY: &'static str = $key;
            const FORMAT: &'static Format = &Format::FIRST;
        }
    )*};
}

test_maps! {
    Bad => "qujat.test.bad";
    Good => "qujat.test.good";
    Future => "qujat.test.future";
    Shared => "qujat.test.shared";
    Synced => "qujat.test.sync";
    Full => "qujat.test.full";
    Rule => "qujat.test.rule";
}

/// Runs `f` over an empty storage, in a reactive owner of its own as a
/// page's code runs in.
fn in_empty_storage(f: impl FnOnce()) {
    storage().clear().unwrap();
    Owner::new().with(f)
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
    storage().set_item("qujat.test.good", &store::encode(5, &good, &store::Format::FIRST)).unwrap();

    Owner::new().with(|| {
        let n = notices();
        let bad = Collection::<Bad>::open(n);
        let ok = Collection::<Good>::open(n);
        assert!(bad.with_untracked(|m| m.is_empty()));
        assert_eq!(ok.with_untracked(|m| m.get("a").cloned()), Some("kept".to_string()));
        assert_eq!(
            n.0.get_untracked(),
            vec![StoreNotice::SetAside { key: "qujat.test.bad".into() }]
        );
    });
    // The original text is kept aside, verbatim, and no longer read.
    assert_eq!(storage().get_item("qujat.test.bad").unwrap(), None);
    assert_eq!(
        storage().get_item("qujat.quarantine.qujat.test.bad").unwrap().as_deref(),
        Some(raw)
    );
}

#[wasm_bindgen_test]
async fn data_from_a_newer_release_is_left_untouched_and_read_only() {
    storage().clear().unwrap();
    let future = "{\"v\":999,\"rev\":1,\"data\":{\"theirs\":\"kept\"}}";
    storage().set_item("qujat.test.future", future).unwrap();
    Owner::new().with(|| {
        let n = notices();
        let c = Collection::<Future>::open(n);
        // Not misread as this release's data: shown empty, and reported.
        assert!(c.with_untracked(|m| m.is_empty()));
        assert_eq!(
            n.0.get_untracked(),
            vec![StoreNotice::Newer { key: "qujat.test.future".into() }]
        );
        // Read-only: a write is refused and stores nothing.
        assert_eq!(
            c.update(|m| {
                m.insert("mine".into(), "1".into());
            }),
            Err(NotSaved)
        );
    });
    // The newer release's data is exactly as it was, and not set aside.
    assert_eq!(storage().get_item("qujat.test.future").unwrap().as_deref(), Some(future));
    assert_eq!(storage().get_item("qujat.quarantine.qujat.test.future").unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_second_unreadable_value_never_overwrites_the_first_copy() {
    storage().clear().unwrap();
    storage().set_item("qujat.quarantine.qujat.test.bad", "first copy").unwrap();
    storage().set_item("qujat.test.bad", "second [").unwrap();
    Owner::new().with(|| {
        let c = Collection::<Bad>::open(notices());
        assert!(c.with_untracked(|m| m.is_empty()));
    });
    assert_eq!(
        storage().get_item("qujat.quarantine.qujat.test.bad").unwrap().as_deref(),
        Some("first copy")
    );
    assert_eq!(
        storage().get_item("qujat.quarantine.qujat.test.bad~2").unwrap().as_deref(),
        Some("second [")
    );
    assert_eq!(storage().get_item("qujat.test.bad").unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_write_lands_on_top_of_another_tabs_write() {
    in_empty_storage(|| {
        let c = Collection::<Shared>::open(notices());
        assert_eq!(
            c.update(|m| {
                m.insert("mine".into(), "1".into());
            }),
            Ok(())
        );
        // Another tab writes its own record (revision 2) behind our back.
        let mut theirs = Map::new();
        theirs.insert("mine".into(), "1".into());
        theirs.insert("theirs".into(), "2".into());
        storage()
            .set_item("qujat.test.shared", &store::encode(2, &theirs, &store::Format::FIRST))
            .unwrap();
        // Our next change is applied to their version, not to our stale copy.
        assert_eq!(
            c.update(|m| {
                m.insert("later".into(), "3".into());
            }),
            Ok(())
        );
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
    in_empty_storage(|| {
        let c = Collection::<Synced>::open(notices());
        let mut theirs = Map::new();
        theirs.insert("x".into(), "<script>alert(1)</script>".into());
        storage()
            .set_item("qujat.test.sync", &store::encode(1, &theirs, &store::Format::FIRST))
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

#[wasm_bindgen_test]
async fn a_refused_write_changes_nothing_and_says_not_saved() {
    in_empty_storage(|| {
        let n = notices();
        let c = Collection::<Full>::open(n);
        c.update(|m| {
            m.insert("kept".into(), "1".into());
        })
        .unwrap();
        let before = storage().get_item("qujat.test.full").unwrap();

        refuse_to_store("qujat.test.full");
        let r = c.update(|m| {
            m.insert("lost".into(), "2".into());
            "returned"
        });
        storage_works_again();

        assert_eq!(r, Err(NotSaved), "the caller learns it was not saved");
        assert_eq!(
            c.with_untracked(|m| m.keys().cloned().collect::<Vec<_>>()),
            vec!["kept"],
            "memory does not pretend it was saved"
        );
        assert_eq!(storage().get_item("qujat.test.full").unwrap(), before);
        assert_eq!(
            n.0.get_untracked(),
            vec![StoreNotice::NotSaved { key: "qujat.test.full".into() }],
            "the shell's notice is raised"
        );
        // Storage works again: the next write goes through.
        c.update(|m| {
            m.insert("later".into(), "3".into());
        })
        .unwrap();
        assert_eq!(c.with_untracked(|m| m.len()), 2);
    });
}

#[wasm_bindgen_test]
async fn a_change_that_says_no_writes_nothing() {
    in_empty_storage(|| {
        let c = Collection::<Rule>::open(notices());
        c.update(|m| {
            m.insert("a".into(), "1".into());
        })
        .unwrap();
        let before = storage().get_item("qujat.test.rule").unwrap();
        let r: Result<(), Refused<&str>> = c.try_update(|m| {
            m.insert("half-done".into(), "x".into());
            Err("no")
        });
        assert_eq!(r, Err(Refused::Rule("no")));
        assert_eq!(storage().get_item("qujat.test.rule").unwrap(), before);
        assert_eq!(c.with_untracked(|m| m.len()), 1);
        assert_eq!(c.try_update(|m| Ok::<usize, ()>(m.len())), Ok(1));
    });
}

/// A record with a revision, as the engine's records have.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Rec {
    rev: u64,
    state: String,
}

impl StoredRecord for Rec {
    const KEY: &'static str = "qujat.test.records";
    const FORMAT: &'static Format = &Format::FIRST;
}

impl Revisioned for Rec {
    fn rev(&self) -> u64 {
        self.rev
    }
    fn set_rev(&mut self, rev: u64) {
        self.rev = rev;
    }
}

fn advance(r: &mut Rec, to: &str) -> Result<(), String> {
    if to.is_empty() {
        return Err("illegal".into());
    }
    r.state = to.into();
    r.rev += 1;
    Ok(())
}

#[wasm_bindgen_test]
async fn a_record_changes_at_the_revision_shown_or_not_at_all() {
    in_empty_storage(|| {
        let c = Collection::<BTreeMap<String, Rec>>::open(notices());
        c.update(|m| {
            m.insert("r1".into(), Rec { rev: 0, state: "new".into() });
        })
        .unwrap();
        // At the revision shown: done.
        assert_eq!(c.apply_at_rev("r1", 0, |r| advance(r, "registered")), Ok(()));
        // The same action from a tab that still shows revision 0: refused.
        assert_eq!(
            c.apply_at_rev("r1", 0, |r| advance(r, "twice")),
            Err(Refused::Stale { found: 1 })
        );
        // An engine rule that says no: nothing written.
        let stored = storage().get_item("qujat.test.records").unwrap();
        assert_eq!(
            c.apply_at_rev("r1", 1, |r| advance(r, "")),
            Err(Refused::Rule("illegal".to_string()))
        );
        assert_eq!(storage().get_item("qujat.test.records").unwrap(), stored);
        // No such record.
        assert_eq!(c.apply_at_rev("r2", 0, |r| advance(r, "x")), Err(Refused::Missing));
        // The browser refuses to store: nothing changes.
        refuse_to_store("qujat.test.records");
        let r = c.apply_at_rev("r1", 1, |r| advance(r, "executed"));
        storage_works_again();
        assert_eq!(r, Err(Refused::NotSaved));
        let now = c.with_untracked(|m| m.get("r1").cloned()).unwrap();
        assert_eq!(now, Rec { rev: 1, state: "registered".into() });
    });
}

#[wasm_bindgen_test]
async fn submitting_keeps_the_draft_when_the_application_cannot_be_stored() {
    use qujat::ui::state::applications::{SubmitFailure, submit};
    use qujat::ui::state::db::Db;

    storage().clear().unwrap();
    let draft = mount::sample_draft();
    let now = mount::sample_now();
    let signed = mount::sample_signature(&draft);
    Owner::new().with(|| {
        let db = Db::open(notices());
        db.drafts
            .update(|m| {
                m.insert("d1".into(), draft.clone());
            })
            .unwrap();

        refuse_to_store("qujat.apps");
        let r = submit(db, "d1", signed.clone(), now);
        storage_works_again();
        assert_eq!(r, Err(SubmitFailure::NotSaved));
        assert!(
            db.drafts.with_untracked(|m| m.contains_key("d1")),
            "the draft is kept to sign again"
        );
        assert!(db.apps.with_untracked(|m| m.is_empty()), "no application pretends to be filed");

        let reference = submit(db, "d1", signed, now).unwrap();
        assert!(db.apps.with_untracked(|m| m.contains_key(&reference)));
        assert!(!db.drafts.with_untracked(|m| m.contains_key("d1")), "then the draft goes");
        assert_eq!(
            submit(db, "d1", mount::sample_signature(&draft), now),
            Err(SubmitFailure::NoDraft)
        );
    });
}

/// The clock ticks every second, but its date is new only when the date
/// is: a page that shows dates (Check your answers) is not rebuilt with
/// every tick, which dropped the focus a navigation had put on its heading.
#[wasm_bindgen_test]
async fn the_clocks_date_changes_with_the_date_not_with_every_tick() {
    use qujat::ui::state::clock::use_clock;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let ticks = Arc::new(AtomicUsize::new(0));
    let days = Arc::new(AtomicUsize::new(0));
    let (t, d) = (ticks.clone(), days.clone());
    let _m = mount::Mounted::new(move || {
        let clock = use_clock();
        Effect::new(move |_| {
            clock.now();
            t.fetch_add(1, Ordering::SeqCst);
        });
        Effect::new(move |_| {
            clock.today();
            d.fetch_add(1, Ordering::SeqCst);
        });
        view! { <p>"clock"</p> }
    })
    .await;
    // Two ticks at least (the first run and two more), however slow the
    // machine: up to ten seconds.
    for _ in 0..100 {
        if ticks.load(Ordering::SeqCst) >= 3 {
            break;
        }
        mount::sleep(100).await;
    }
    assert!(
        ticks.load(Ordering::SeqCst) >= 3,
        "the clock ticked: {} runs",
        ticks.load(Ordering::SeqCst)
    );
    assert_eq!(days.load(Ordering::SeqCst), 1, "the date was read once");
}

/// What a bundle reads at start (`Db::read_*`, named in `app::routes`):
/// storage trouble in those collections is set aside and reported at once;
/// a collection the bundle's pages do not use is left exactly as it is
/// until a page reads it, which then reports it as the start would have.
#[wasm_bindgen_test]
async fn a_bundle_reports_at_start_the_trouble_of_the_collections_it_reads() {
    use qujat::ui::state::db::Db;
    use qujat::ui::state::keys::{
        APPS, COMPLAINTS, COUNTER, DRAFTS, EDS_KEYS, HALLS, OTP, SMS, TICKETS,
    };

    const GARBAGE: &str = "{not json";
    // Every collection of `Db` by key: the citizen's seven, then the State
    // Corporation's two.
    const ALL: [&str; 9] = [DRAFTS, APPS, EDS_KEYS, OTP, SMS, COMPLAINTS, TICKETS, COUNTER, HALLS];
    const CITIZEN: &[&str] = ALL.split_at(7).0;
    // Which of them each start reads.
    type Start = (&'static str, fn(Db), &'static [&'static str]);
    let starts: [Start; 5] = [
        ("portal and passports", Db::read_as_pages_use, &[]),
        ("applying", Db::read_applying, &[DRAFTS, APPS, EDS_KEYS, OTP, SMS]),
        ("cabinet", Db::read_citizen, CITIZEN),
        ("provider", Db::read_provider, &[APPS, COMPLAINTS]),
        ("State Corporation", Db::read_corporation, &[APPS, OTP, SMS, TICKETS, COUNTER, HALLS]),
    ];
    for (bundle, read_at_start, reads) in starts {
        storage().clear().unwrap();
        for key in ALL {
            storage().set_item(key, GARBAGE).unwrap();
        }
        Owner::new().with(|| {
            let n = notices();
            let db = Db::open(n);
            read_at_start(db);
            let mut reported: Vec<String> =
                n.0.get_untracked()
                    .into_iter()
                    .map(|notice| match notice {
                        StoreNotice::SetAside { key } => key,
                        other => panic!("{bundle}: unexpected {other:?}"),
                    })
                    .collect();
            reported.sort();
            let mut want: Vec<String> = reads.iter().map(|k| k.to_string()).collect();
            want.sort();
            assert_eq!(reported, want, "{bundle}: reported at start");
            for key in ALL {
                let kept = storage().get_item(key).unwrap();
                if reads.contains(&key) {
                    assert_eq!(kept, None, "{bundle}: {key} set aside");
                } else {
                    assert_eq!(kept.as_deref(), Some(GARBAGE), "{bundle}: {key} untouched");
                }
            }
            // A page that uses a collection the start left reads it then,
            // and the trouble is reported as the start would have.
            if !reads.contains(&COMPLAINTS) {
                assert!(db.complaints.with_untracked(|m| m.is_empty()));
                assert!(
                    n.0.get_untracked().contains(&StoreNotice::SetAside { key: COMPLAINTS.into() }),
                    "{bundle}: complaints reported when a page reads them"
                );
                assert_eq!(storage().get_item(COMPLAINTS).unwrap(), None);
            }
        });
    }
}
