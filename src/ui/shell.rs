//! The frame every page shares: skip link, header with the language switch,
//! and the footer with the unified contact centre.

use leptos::prelude::*;
use leptos_router::components::A;

use super::session::use_session;

use super::prefs::{Prefs, use_lang};
use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::text::t;

#[component]
pub fn SkipLink() -> impl IntoView {
    // The router would treat "#main" as a navigation and only scroll, so
    // the link moves focus itself.
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                crate::ui::components::focus_by_id("main");
            }
        >
            {t(tr::shell_skip_link)}
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{t(tr::app_name)}</span>
                    <span class="site-header__tagline">{t(tr::app_tagline)}</span>
                </A>
                <LangSwitch />
            </div>
            <UserNav />
            <crate::ui::access::AccessBar />
            <p class="demo-banner">{t(tr::shell_demo_banner)}</p>
        </header>
    }
}

/// Kazakh first, as the state language. Each name is written in its own
/// language and marked with `lang`, so a screen reader pronounces it right.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let lang = use_lang();
    let button = move |l: Lang, name: fn(Lang) -> &'static str| {
        view! {
            <button
                type="button"
                class="lang-switch__button"
                lang=l.code()
                aria-pressed=(lang == l).to_string()
                on:click=move |_| prefs.set_lang(l)
            >
                {name(l)}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr::shell_language(lang)>
            {button(Lang::Kk, tr::lang_name_kk)}
            {button(Lang::Ru, tr::lang_name_ru)}
            {button(Lang::En, tr::lang_name_en)}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
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
            </div>
        </footer>
    }
}

/// Who is signed in, with links to the cabinet and to sign out.
#[component]
pub fn UserNav() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = crate::ui::navigator();
    view! {
        <nav class="user-nav" aria-label=tr::shell_nav_label(lang)>
            <div class="user-nav__inner">
                <A href="/">{t(tr::shell_nav_home)}</A>
                {move || match session.person() {
                    Some(p) => {
                        let navigate = navigate.clone();
                        view! {
                            <A href="/apply/cabinet">{t(tr::cabinet_nav)}</A>
                            <crate::ui::notify::NotificationsLink />
                            <span class="user-nav__who">{tr::signin_signed_in_as(lang, &p.display_name(lang))}</span>
                            <button type="button" class="link-button" on:click=move |_| {
                                session.sign_out();
                                navigate("/");
                            }>{t(tr::signin_sign_out)}</button>
                        }
                        .into_any()
                    }
                    None => view! { <A href="/signin">{t(tr::signin_title)}</A> }.into_any(),
                }}
            </div>
        </nav>
    }
}

/// Tells the user when stored data could not be read (it was set aside) or
/// could not be saved, in their language, without blocking anything else.
#[component]
pub fn StorageNotices() -> impl IntoView {
    use super::store::{StoreNotice, StoreNotices};
    let notices = expect_context::<StoreNotices>();
    let set_aside = move || {
        notices
            .0
            .with(|v| v.iter().any(|n| matches!(n, StoreNotice::SetAside { .. })))
    };
    let not_saved = move || {
        notices
            .0
            .with(|v| v.iter().any(|n| matches!(n, StoreNotice::NotSaved { .. })))
    };
    view! {
        <Show when=move || set_aside() || not_saved()>
            <div class="notice notice--warning storage-notice" role="alert">
                <Show when=set_aside>
                    <p>{t(tr::common_storage_set_aside)}</p>
                </Show>
                <Show when=not_saved>
                    <p>{t(tr::common_storage_not_saved)}</p>
                </Show>
                <button type="button" class="button button--secondary" on:click=move |_| notices.0.set(Vec::new())>
                    {t(tr::common_dismiss)}
                </button>
            </div>
        </Show>
    }
}
