//! The visitor's preferences, remembered across visits: for now the
//! language. Changing it updates `<html lang>` and the document title at
//! once, so screen readers switch voice with the text.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::engine::source::Lang;
use crate::i18n::tr;

const LANG_KEY: &str = "qujat.lang";

#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
}

impl Prefs {
    /// The stored language, or Kazakh (the state language) when none is
    /// stored or the stored value is not one we know.
    pub fn load() -> Self {
        let lang = LocalStorage::get::<String>(LANG_KEY)
            .ok()
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or(Lang::Kk);
        apply_lang(lang);
        Prefs {
            lang: RwSignal::new(lang),
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        // Storage may be full or disabled (private mode); the choice then
        // lasts for this visit only, which is the best we can do.
        let _ = LocalStorage::set(LANG_KEY, lang.code());
        apply_lang(lang);
        self.lang.set(lang);
    }
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Prefs>().lang
}

fn apply_lang(lang: Lang) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(tr::app_name(lang));
    }
}
