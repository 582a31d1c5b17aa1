//! The visitor's language, remembered across visits. Changing it updates
//! `<html lang>` and the document title at once, so screen readers switch
//! voice with the text. (The other remembered choices are modes: see
//! `ui::modes`.)

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::{keys, texts};
use crate::engine::source::Lang;
use crate::i18n::tr;

#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
}

impl Prefs {
    /// The stored language ([`stored_lang`]); in a bundle that fetches its
    /// texts, a language whose texts are here if the stored one's are not.
    pub fn load() -> Self {
        let mut lang = stored_lang();
        // A bundle that fetches its texts started with the language stored
        // then; another tab may have stored another one since.
        if !texts::ready(lang) {
            lang = Lang::ALL.into_iter().find(|&l| texts::ready(l)).unwrap_or(lang);
        }
        apply_lang(lang);
        Prefs { lang: RwSignal::new(lang) }
    }

    pub fn set_lang(&self, lang: Lang) {
        // Storage may be full or disabled (private mode); the choice then
        // lasts for this visit only, which is the best we can do.
        let _ = LocalStorage::set(keys::LANG, lang.code());
        apply_lang(lang);
        // The app is rebuilt in the new language: keep the reader's place
        // and put focus back on the language button they pressed.
        let scroll = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        self.lang.set(lang);
        request_animation_frame(move || {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, scroll);
                let button = w
                    .document()
                    .and_then(|d| {
                        d.query_selector(&format!(".lang-switch button[lang='{}']", lang.code()))
                            .ok()
                            .flatten()
                    })
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(b) = button {
                    let _ = b.focus();
                }
            }
        });
    }
}

/// The stored language, or Kazakh (the state language) when none is
/// stored or the stored value is not one we know.
pub fn stored_lang() -> Lang {
    LocalStorage::get::<String>(keys::LANG)
        .ok()
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Kk)
}

/// The language the current view is rendered in. Switching language
/// rebuilds the app (like a page in another language), so components read a
/// plain value instead of a signal: translated text costs no reactive node,
/// which keeps the wasm small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurrentLang(pub Lang);

pub fn use_lang() -> Lang {
    use_context::<CurrentLang>()
        .map(|c| c.0)
        .unwrap_or_else(|| expect_context::<Prefs>().lang.get_untracked())
}

/// The page's `<html>` element, which carries its language and the
/// accessibility and kiosk marks.
pub fn html_root() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
}

/// The language the page shows (its `<html lang>`): for code that runs
/// outside the component tree, such as event listeners on the document.
pub fn page_lang() -> Lang {
    html_root()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Kk)
}

/// Sets the document title (`<title>`).
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

fn apply_lang(lang: Lang) {
    if let Some(root) = html_root() {
        let _ = root.set_attribute("lang", lang.code());
    }
    set_title(tr::app_name(lang));
}
