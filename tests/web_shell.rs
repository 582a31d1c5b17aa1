//! The app shell in a real browser (wasm-bindgen-test, headless Chromium via
//! ChromeDriver): it mounts with its landmarks, the language switch changes
//! the text, `<html lang>` and localStorage, and a fresh mount remembers the
//! choice.
//!
//! Run alone: see docs/testing.md ("wasm-bindgen-test").
#![cfg(target_arch = "wasm32")]

use std::any::Any;

use leptos::mount::mount_to;
use qujat::engine::source::Lang;
use qujat::i18n::tr;
use qujat::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const LANG_KEY: &str = "qujat.lang";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn html_lang() -> String {
    document().document_element().unwrap().get_attribute("lang").unwrap_or_default()
}

/// The app mounted in its own container at `/`; unmounted and removed on drop.
struct Mounted {
    container: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Mounted {
    async fn new() -> Self {
        let window = web_sys::window().unwrap();
        window
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
            .unwrap();
        let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&container).unwrap();
        let handle = mount_to(container.clone(), App);
        let mounted = Mounted { container, handle: Some(Box::new(handle)) };
        mounted.until("the page heading", |m| m.find("main h1").is_some()).await;
        mounted
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.container.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches `{selector}`"))
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default().trim().to_string()
    }

    fn pressed(&self) -> [String; 3] {
        Lang::ALL.map(|l| {
            self.get(&format!("header button[lang={}]", l.code()))
                .get_attribute("aria-pressed")
                .unwrap_or_default()
        })
    }

    fn click_language(&self, lang: Lang) {
        self.get(&format!("header button[lang={}]", lang.code()))
            .unchecked_into::<HtmlElement>()
            .click();
    }

    /// Lets the reactive system run (`tick`) until `cond` holds; one or two
    /// ticks are enough today, the bound only keeps a broken app from hanging.
    async fn until(&self, what: &str, cond: impl Fn(&Self) -> bool) {
        for _ in 0..100 {
            leptos::task::tick().await;
            if cond(self) {
                return;
            }
        }
        panic!("gave up waiting for {what}");
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Unmount first (drops the reactive owner), then remove the container.
        drop(self.handle.take());
        self.container.remove();
    }
}

fn pressed_only(lang: Lang) -> [String; 3] {
    Lang::ALL.map(|l| (l == lang).to_string())
}

#[wasm_bindgen_test]
async fn shell_mounts_with_header_main_and_footer() {
    storage().clear().unwrap();
    let app = Mounted::new().await;

    // Kazakh, the state language, is the default.
    assert_eq!(html_lang(), "kk");
    assert_eq!(document().title(), tr::app_name(Lang::Kk));
    assert_eq!(app.text("main h1"), tr::home_title(Lang::Kk));
    assert_eq!(app.pressed(), pressed_only(Lang::Kk));
    assert_eq!(storage().get_item(LANG_KEY).unwrap(), None, "nothing stored before a choice");

    // Skip link first, pointing at the focusable main landmark.
    let skip = app.get("a.skip-link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main"));
    assert_eq!(app.text("a.skip-link"), tr::shell_skip_link(Lang::Kk));
    let main = app.get("main#main");
    assert_eq!(main.get_attribute("tabindex").as_deref(), Some("-1"));

    // Header with the language switch, named in the current language.
    let header = app.get("header");
    assert!(header.text_content().unwrap().contains(tr::app_name(Lang::Kk)));
    let group = app.get("header [role=group]");
    assert_eq!(group.get_attribute("aria-label").as_deref(), Some(tr::shell_language(Lang::Kk)));
    for lang in Lang::ALL {
        let button = app.get(&format!("header [role=group] button[lang={}]", lang.code()));
        assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    }
    assert_eq!(app.text("header button[lang=kk]"), "қазақша");
    assert_eq!(app.text("header button[lang=ru]"), "русский");
    assert_eq!(app.text("header button[lang=en]"), "English");

    // Footer with the unified contact centre.
    let footer = app.text("footer");
    assert!(footer.contains("1414"), "footer: {footer}");
    assert!(footer.contains(tr::shell_footer_contact(Lang::Kk)), "footer: {footer}");
    assert!(app.find("footer a[href='tel:1414']").is_some());

    // Document order: skip link, header, main, footer (other parts, such as
    // panels, may sit between them).
    let order: Vec<String> =
        std::iter::successors(app.container.first_element_child(), |e| e.next_element_sibling())
            .map(|e| e.tag_name().to_lowercase())
            .filter(|t| ["a", "header", "main", "footer"].contains(&t.as_str()))
            .collect();
    assert_eq!(order, ["a", "header", "main", "footer"]);
    let first = app.container.first_element_child().unwrap();
    assert_eq!(first.class_name(), "skip-link", "the skip link comes first");
}

#[wasm_bindgen_test]
async fn choosing_each_language_changes_text_lang_and_storage() {
    storage().clear().unwrap();
    let app = Mounted::new().await;
    assert_eq!(app.text("main h1"), tr::home_title(Lang::Kk));

    // Kazakh → Russian → English → back to Kazakh: each choice changes
    // the page's text, its `lang`, the pressed button and what is stored.
    let mut before = Lang::Kk;
    for lang in [Lang::Ru, Lang::En, Lang::Kk] {
        app.click_language(lang);
        app.until(&format!("the heading in {}", lang.code()), |a| {
            a.text("main h1") == tr::home_title(lang)
        })
        .await;

        assert_ne!(tr::home_title(lang), tr::home_title(before));
        assert_eq!(html_lang(), lang.code());
        assert_eq!(document().title(), tr::app_name(lang));
        assert_eq!(app.pressed(), pressed_only(lang));
        assert_eq!(app.text("a.skip-link"), tr::shell_skip_link(lang));
        assert!(app.text("footer").contains(tr::shell_footer_contact(lang)));
        assert_eq!(
            app.get("header [role=group]").get_attribute("aria-label").as_deref(),
            Some(tr::shell_language(lang))
        );
        // Stored as a JSON string, which index.html's inline script also reads.
        assert_eq!(
            storage().get_item(LANG_KEY).unwrap().as_deref(),
            Some(format!("\"{}\"", lang.code()).as_str())
        );
        before = lang;
    }
}

#[wasm_bindgen_test]
async fn a_fresh_mount_remembers_the_choice() {
    storage().clear().unwrap();
    {
        let first = Mounted::new().await;
        first.click_language(Lang::Ru);
        first.until("the Russian heading", |a| a.text("main h1") == tr::home_title(Lang::Ru)).await;
    } // unmounted here

    // Reset what the first mount changed on the document, so the second mount
    // has to set it itself from storage.
    document().document_element().unwrap().set_attribute("lang", "kk").unwrap();
    document().set_title("");

    let second = Mounted::new().await;
    assert_eq!(second.text("main h1"), tr::home_title(Lang::Ru));
    assert_eq!(html_lang(), "ru");
    assert_eq!(document().title(), tr::app_name(Lang::Ru));
    assert_eq!(second.pressed(), pressed_only(Lang::Ru));
}

#[wasm_bindgen_test]
async fn an_unknown_or_malformed_stored_language_falls_back_to_kazakh() {
    for stored in ["\"de\"", "ru", "", "{\"lang\":\"ru\"}"] {
        storage().clear().unwrap();
        storage().set_item(LANG_KEY, stored).unwrap();
        let app = Mounted::new().await;
        assert_eq!(app.text("main h1"), tr::home_title(Lang::Kk), "stored {stored:?}");
        assert_eq!(html_lang(), "kk", "stored {stored:?}");
        assert_eq!(app.pressed(), pressed_only(Lang::Kk), "stored {stored:?}");
    }
}

#[wasm_bindgen_test]
fn sign_in_returns_only_to_paths_of_this_app() {
    use qujat::ui::state::session::{is_app_path, safe_next};
    for ok in [
        "/",
        "/apply",
        "/cabinet",
        "/apply/S2/0f3a9c/sign?x=1#top",
        "/sign/S2/0f3a9c?x=1#top",
        "/sign/keys",
        "/cabinet",
        "/cabinet/verify?code=x",
        "/services/S3",
        "/corporation/operator",
    ] {
        assert!(is_app_path(ok), "{ok:?} is a path of the app");
        assert_eq!(safe_next(Some(ok.into())), ok);
    }
    // Known open-redirect bypasses: each would leave the site (or the app)
    // once the browser's URL parser has read it.
    for bad in [
        "//evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "\t//evil.example",
        " //evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/apply\\..\\..\\evil",
        "/\u{0}/evil.example",
        "/\u{3000}/evil.example",
        "https://evil.example/apply",
        "javascript:alert(1)",
        "/apply@evil.example",
        "/applyx/cabinet",
        "/cabinetx/verify",
        "/signx/keys",
        "/evil",
        "",
        "apply/cabinet",
    ] {
        assert!(!is_app_path(bad), "{bad:?} is refused");
        assert_eq!(safe_next(Some(bad.into())), "/cabinet");
    }
    assert_eq!(safe_next(None), "/cabinet");
}

#[wasm_bindgen_test]
fn the_return_path_is_encoded_in_the_sign_in_link() {
    use qujat::ui::paths::sign_in_then;
    assert_eq!(sign_in_then("/cabinet"), "/signin?next=/cabinet");
    assert_eq!(
        sign_in_then("/apply/a&next=//evil#x y"),
        "/signin?next=/apply/a%26next%3D//evil%23x%20y"
    );
    assert_eq!(sign_in_then("/apply/ә"), "/signin?next=/apply/%D3%99");
}
