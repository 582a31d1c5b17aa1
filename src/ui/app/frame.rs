//! The frame every page shares: skip link, header with the language switch
//! and the accessibility switch, the user's navigation, `<main>` with the
//! status notices, the simulated phone, the footer with the unified
//! contact centre; and focus after a navigation.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::engine::source::Lang;
use crate::i18n::{pack, tr};
use crate::ui::labels::t;
use crate::ui::modes::access::AccessBar;
use crate::ui::modes::keyboard::OnScreenKeyboard;
use crate::ui::modes::kiosk::{KioskConfirm, use_kiosk};
use crate::ui::modes::offline::{OfflineStatus, apply_update};
use crate::ui::modes::timeout::TimeoutWarning;
use crate::ui::paths;
use crate::ui::state::prefs::{Prefs, use_lang};
use crate::ui::state::session::use_session;
use crate::ui::state::store::{StoreNotice, StoreNotices};
use crate::ui::state::texts;
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::error_summary::focus_by_id;
use crate::ui::widgets::later::LaterOnFirstLoad;
use crate::ui::widgets::notifications_link::NotificationsLink;
use crate::ui::widgets::page_heading::focus_page_heading;
use crate::ui::widgets::phone_panel::PhonePanel;

#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let kiosk = use_kiosk().enabled.then(|| {
        view! {
            <TimeoutWarning />
            <OnScreenKeyboard />
        }
    });
    // On a first load the header, and the phone and the footer, are each
    // built in a task of their own (`LaterOnFirstLoad`), out of sight
    // under the static shell, so that a slow phone's start is several
    // short tasks rather than one long one; they are all in the page
    // before it shows (`app::mount`). After that they are built at once.
    view! {
        <RouteFocus />
        <SkipLink />
        <LaterOnFirstLoad>
            <Header />
        </LaterOnFirstLoad>
        <main id="main" tabindex="-1">
            <OfflineStatus />
            <StorageNotices />
            <KioskConfirm />
            {children()}
            {kiosk}
        </main>
        <LaterOnFirstLoad>
            <PhonePanel />
            <Footer />
        </LaterOnFirstLoad>
    }
}

/// Focus after a client-side navigation. A single-page app does not
/// reload, so a screen reader would not notice the new page: after each
/// route change (not the first load) focus moves to the page's `<h1>`.
#[component]
fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            request_animation_frame(focus_page_heading);
        }
        path
    });
}

#[component]
fn SkipLink() -> impl IntoView {
    // The router would treat "#main" as a navigation and only scroll, so
    // the link moves focus itself.
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                focus_by_id("main");
            }
        >
            {t(tr::shell_skip_link)}
        </a>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=paths::HOME attr:class="site-header__brand">
                    <span class="site-header__name">{t(tr::app_name)}</span>
                    <span class="site-header__tagline">{t(tr::app_tagline)}</span>
                </A>
                <LangSwitch />
            </div>
            <UserNav />
            <AccessBar />
            <p class="demo-banner">{t(tr::shell_demo_banner)}</p>
        </header>
    }
}

/// Kazakh first, as the state language. Each name is written in its own
/// language and marked with `lang`, so a screen reader pronounces it right.
/// A bundle that fetches its texts (`crate::i18n::pack`) switches once the
/// new language's texts are here; if they cannot be fetched, it stays in
/// this language and says so.
#[component]
fn LangSwitch() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let lang = use_lang();
    let failed = RwSignal::new(false);
    // The language whose texts are on their way: only the last choice is
    // applied when its texts arrive, and a second press does not fetch twice.
    let pending = StoredValue::new(None::<Lang>);
    let switch = move |l: Lang| {
        if texts::ready(l) {
            pending.set_value(None);
            return prefs.set_lang(l);
        }
        if pending.get_value() == Some(l) {
            return;
        }
        pending.set_value(Some(l));
        failed.set(false);
        leptos::task::spawn_local(async move {
            let fetched = texts::ensure(l).await;
            // The switch may be gone by now, or another language chosen.
            if pending.try_get_value() != Some(Some(l)) {
                return;
            }
            pending.set_value(None);
            match fetched {
                Ok(()) => prefs.set_lang(l),
                Err(e) => {
                    leptos::logging::error!("texts: {e}");
                    failed.set(true);
                }
            }
        });
    };
    // The names are the same in every language's texts (each in its own),
    // so they are read in this one: the only texts a bundle that fetches
    // them surely has.
    let button = move |l: Lang, name: fn(Lang) -> &'static str| {
        view! {
            <button
                type="button"
                class="lang-switch__button"
                lang=l.code()
                aria-pressed=(lang == l).to_string()
                on:click=move |_| switch(l)
            >
                {name(lang)}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr::shell_language(lang)>
            {button(Lang::Kk, tr::lang_name_kk)}
            {button(Lang::Ru, tr::lang_name_ru)}
            {button(Lang::En, tr::lang_name_en)}
        </div>
        // Only a bundle that fetches its texts can fail to switch.
        {pack::FETCHED.then_some(move || failed.get().then(|| view! {
            <p class="lang-switch__error" role="alert">{tr::shell_language_failed(lang)}</p>
        }))}
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__contact">
                    <span>{t(tr::shell_footer_contact)}</span>
                    " "
                    <a href="tel:1414">"1414"</a>
                    ", "
                    <a href="tel:88000807777">"8 800 080 7777"</a>
                    " ("
                    {t(tr::shell_footer_contact_free)}
                    ")"
                </p>
                <p>{t(tr::shell_footer_about)}</p>
                <p>{t(tr::shell_footer_translations)}</p>
                <p><a href=paths::VERIFY>{t(tr::verify_link)}</a></p>
            </div>
        </footer>
    }
}

/// Who is signed in, with links to the cabinet and to sign out.
#[component]
fn UserNav() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    view! {
        <nav class="user-nav" aria-label=tr::shell_nav_label(lang)>
            <div class="user-nav__inner">
                <A href=paths::HOME>{t(tr::shell_nav_home)}</A>
                {move || match session.person() {
                    Some(p) => {
                        view! {
                            <A href=paths::CABINET>{t(tr::cabinet_nav)}</A>
                            <NotificationsLink />
                            <span class="user-nav__who">{tr::signin_signed_in_as(lang, &p.display_name(lang))}</span>
                            <A href=paths::SIGN_OUT>{t(tr::signin_sign_out)}</A>
                        }
                        .into_any()
                    }
                    None => view! { <A href=paths::SIGN_IN>{t(tr::signin_title)}</A> }.into_any(),
                }}
            </div>
        </nav>
    }
}

/// Tells the user when stored data could not be read (it was set aside) or
/// could not be saved, in their language, without blocking anything else.
#[component]
fn StorageNotices() -> impl IntoView {
    let notices = expect_context::<StoreNotices>();
    let any = move |pred: fn(&StoreNotice) -> bool| notices.0.with(|v| v.iter().any(pred));
    let set_aside = move || any(|n| matches!(n, StoreNotice::SetAside { .. }));
    let not_saved = move || any(|n| matches!(n, StoreNotice::NotSaved { .. }));
    let newer = move || any(|n| matches!(n, StoreNotice::Newer { .. }));
    view! {
        <Show when=move || set_aside() || not_saved() || newer()>
            <div class="notice notice--warning storage-notice" role="alert">
                <Show when=set_aside>
                    <p>{t(tr::common_storage_set_aside)}</p>
                </Show>
                <Show when=not_saved>
                    <p>{t(tr::common_storage_not_saved)}</p>
                </Show>
                <Show when=newer>
                    <p>{t(tr::common_storage_newer)}</p>
                    <Button on_click=move |_| apply_update()>{t(tr::offline_update_reload)}</Button>
                </Show>
                <Button look=Look::Secondary on_click=move |_| notices.0.set(Vec::new())>
                    {t(tr::common_dismiss)}
                </Button>
            </div>
        </Show>
    }
}
