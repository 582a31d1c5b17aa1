//! Notifications for the citizen: every change to one of their
//! applications becomes an in-app notification (a list with unread marks,
//! shared by every tab), and, where the visitor allowed it, a browser
//! notification too. The words are in the visitor's language.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;

use super::db::use_db;
use super::format;
use super::life::transition_label;
use super::prefs::use_lang;
use super::session::use_session;
use super::store::{Collection, StoreNotices};
use super::text::{t, ts};
use crate::engine::lifecycle::Transition;
use crate::i18n::tr;

/// How many events of each application the visitor has seen.
#[derive(Clone, Copy)]
pub struct Seen(pub Collection<BTreeMap<String, usize>>);

impl Seen {
    pub fn open(notices: StoreNotices) -> Seen {
        Seen(Collection::open("qujat.seen", notices))
    }
}

/// One notification: an event of one of my applications.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub reference: String,
    pub transition: Transition,
    pub at: DateTime<Utc>,
    pub unread: bool,
}

/// My notifications, newest first (reactive).
pub fn notes() -> Vec<Note> {
    let db = use_db();
    let session = use_session();
    let seen = expect_context::<Seen>().0;
    let Some(me) = session.person().map(|p| p.iin.clone()) else {
        return Vec::new();
    };
    let seen_map = seen.get();
    let mut out: Vec<Note> = db.apps.with(|m| {
        m.values()
            .filter(|s| s.applicant_iin == me)
            .flat_map(|s| {
                let already = seen_map.get(&s.reference).copied().unwrap_or(0);
                s.lifecycle
                    .events
                    .iter()
                    .enumerate()
                    .map(move |(i, e)| Note {
                        reference: s.reference.clone(),
                        transition: e.transition,
                        at: e.at,
                        unread: i >= already,
                    })
            })
            .collect()
    });
    out.sort_by_key(|n| std::cmp::Reverse(n.at));
    out
}

/// The header link with the count of unread notifications.
#[component]
pub fn NotificationsLink() -> impl IntoView {
    let lang = use_lang();
    let unread = Memo::new(move |_| notes().iter().filter(|n| n.unread).count());
    view! {
        <a href="/apply/notifications">
            {t(tr::notify_link)}
            <Show when=move || { unread.get() > 0 }>
                " " <span class="badge">{move || tr::notify_unread(lang, &unread.get().to_string())}</span>
            </Show>
        </a>
    }
}

/// Shows a browser notification for each new event while the page is open,
/// where the visitor allowed it. Remembers what it has announced in a plain
/// stored value (not a signal), so it never feeds back into rendering.
#[component]
pub fn BrowserNotifier() -> impl IntoView {
    let lang = use_lang();
    let announced = StoredValue::new(None::<usize>);
    let all = Memo::new(move |_| notes());
    Effect::new(move |_| {
        let list = all.get();
        let total = list.len();
        let before = announced.get_value();
        announced.set_value(Some(total));
        let Some(before) = before else { return };
        if total <= before
            || web_sys::Notification::permission() != web_sys::NotificationPermission::Granted
        {
            return;
        }
        for n in list.iter().take(total - before) {
            let opts = web_sys::NotificationOptions::new();
            opts.set_body(&tr::notify_item(
                lang,
                &n.reference,
                transition_label(lang, n.transition),
            ));
            opts.set_lang(lang.code());
            let _ = web_sys::Notification::new_with_options(tr::app_name(lang), &opts);
        }
    });
}

/// `/apply/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let lang = use_lang();
    let seen = expect_context::<Seen>().0;
    let db = use_db();
    let permission_note = RwSignal::new(None::<&'static str>);
    let list = Memo::new(move |_| notes());
    let mark_read = move |_| {
        let counts: Vec<(String, usize)> = db.apps.with_untracked(|m| {
            m.values()
                .map(|s| (s.reference.clone(), s.lifecycle.events.len()))
                .collect()
        });
        seen.update(|m| m.extend(counts));
    };
    let allow = move |_| {
        let supported =
            js_sys::Reflect::has(&js_sys::global(), &"Notification".into()).unwrap_or(false);
        if !supported {
            permission_note.set(Some(tr::notify_unsupported(lang)));
            return;
        }
        let promise = web_sys::Notification::request_permission();
        if promise.is_err() {
            permission_note.set(Some(tr::notify_denied(lang)));
            return;
        }
        // The answer arrives later; read the permission when it does.
        set_timeout(
            move || {
                permission_note.set(Some(match web_sys::Notification::permission() {
                    web_sys::NotificationPermission::Granted => tr::notify_allowed(lang),
                    _ => tr::notify_denied(lang),
                }))
            },
            std::time::Duration::from_millis(800),
        );
    };
    view! {
        <div class="page page--narrow">
            <super::components::PageHeading text=ts(tr::notify_title) />
            <Show when=move || !list.get().is_empty() fallback=move || view! { <p>{t(tr::notify_empty)}</p> }>
                <ul class="notes">
                    <For each=move || list.get() key=|n| (n.reference.clone(), n.at, n.transition as u8, n.unread) let(n)>
                        <li class="notes__item" class:notes__item--unread=n.unread>
                            <time datetime=n.at.to_rfc3339()>{format::date_time(n.at)}</time>
                            " · "
                            <A href=format!("/apply/applications/{}", n.reference)>
                                {tr::notify_item(lang, &n.reference, transition_label(lang, n.transition))}
                            </A>
                            {n.unread.then(|| view! { " " <span class="badge">{tr::notify_new_badge(lang)}</span> })}
                        </li>
                    </For>
                </ul>
                <button type="button" class="button button--secondary" on:click=mark_read>{t(tr::notify_mark_read)}</button>
            </Show>
            <p>
                <button type="button" class="button button--secondary" on:click=allow>{t(tr::notify_allow)}</button>
            </p>
            <p role="status" aria-live="polite">{move || permission_note.get()}</p>
        </div>
    }
}
