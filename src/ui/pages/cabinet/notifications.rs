//! `/cabinet/notifications`: every change to one of my applications, newest
//! first, with unread marks; mark all as read; allow browser notifications.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t, ts};
use crate::ui::modes::kiosk::use_kiosk;
use crate::ui::paths;
use crate::ui::state::db::use_db;
use crate::ui::state::notify::{notes, use_seen};
use crate::ui::state::prefs::use_lang;
use crate::ui::state::session::use_session;
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::page_heading::PageHeading;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let lang = use_lang();
    let (db, seen, session) = (use_db(), use_seen(), use_session());
    let permission_note = RwSignal::new(None::<&'static str>);
    let list = Memo::new(move |_| notes(db, seen, session.iin()));
    let mark_read = move |_| {
        let _ = seen.mark_all_read(db);
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
            <PageHeading text=ts(tr::notify_title) />
            <Show when=move || !list.get().is_empty() fallback=move || view! { <p>{t(tr::notify_empty)}</p> }>
                <ul class="notes">
                    <For each=move || list.get() key=|n| (n.reference.clone(), n.at, n.transition as u8, n.unread) let(n)>
                        <li class="notes__item" class:notes__item--unread=n.unread>
                            <time datetime=n.at.to_rfc3339()>{format::date_time(n.at)}</time>
                            " · "
                            <A href=paths::application(&n.reference)>
                                {tr::notify_item(lang, &n.reference, n.transition.label(lang))}
                            </A>
                            {n.unread.then(|| view! { " " <span class="badge">{tr::notify_new_badge(lang)}</span> })}
                        </li>
                    </For>
                </ul>
                <Button look=Look::Secondary on_click=mark_read>{t(tr::notify_mark_read)}</Button>
            </Show>
            // A kiosk shows no browser notification (the next visitor
            // would read them), so it does not offer them.
            {(!use_kiosk().enabled).then(|| view! {
                <p>
                    <Button look=Look::Secondary on_click=allow>{t(tr::notify_allow)}</Button>
                </p>
                <p role="status" aria-live="polite">{move || permission_note.get()}</p>
            })}
        </div>
    }
}
