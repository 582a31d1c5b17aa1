//! index.html's static shell repeats the home page's heading and lead so
//! that they paint before the wasm arrives: they must stay the app's texts.

use qujat::engine::source::Lang;
use qujat::i18n::tr;

const INDEX: &str = include_str!("../index.html");

#[test]
fn the_static_home_heading_and_lead_are_the_apps_in_every_language() {
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let code = lang.code();
        for (what, text) in [("title", tr::home_title(lang)), ("lead", tr::home_lead(lang))] {
            let tagged = format!(r#"<span data-l="{code}" lang="{code}">{text}</span>"#);
            assert!(
                INDEX.contains(&tagged),
                "index.html lacks the {code} home {what} as the app shows it: {text}"
            );
        }
    }
}

/// The pages' Content Security Policy (`.ci/csp.mjs`) allows no inline
/// script or style but trunk's loader: the shell's own start-up code is
/// `public/boot.js`, and nothing in the shell is styled inline.
#[test]
fn the_shell_has_no_inline_script_style_or_event_handler() {
    let mut rest = INDEX;
    while let Some(i) = rest.find("<script") {
        let tag_end = rest[i..].find('>').expect("a <script> tag ends") + i;
        let tag = &rest[i..=tag_end];
        assert!(
            tag.contains(" src=\""),
            "index.html has an inline script ({tag}): move it into public/"
        );
        rest = &rest[tag_end..];
    }
    assert!(INDEX.contains(r#"<script src="/public/boot.js"></script>"#));
    assert!(!INDEX.contains("<style"), "index.html has a <style> element");
    assert!(!INDEX.contains(" style="), "index.html has a style attribute");
    for handler in [" onload=", " onerror=", " onclick="] {
        assert!(!INDEX.contains(handler), "index.html has {handler}");
    }
    let boot = include_str!("../public/boot.js");
    assert!(boot.contains("static-at-home"), "boot.js shows the static home heading");
}

/// `.ci/shells.mjs` makes the other bundles' pages from index.html: each
/// portal-only part is closed, and the bundles have their heading.
#[test]
fn the_shell_template_markers_are_balanced() {
    let open = INDEX.matches("<!-- shell:portal -->").count();
    let close = INDEX.matches("<!-- /shell:portal -->").count();
    assert!(open > 0, "index.html marks its portal-only parts");
    assert_eq!(open, close, "every shell:portal part is closed");
    assert!(INDEX.contains("<!-- shell:bundle <h1>Qujat</h1> -->"));
    assert_eq!(INDEX.matches(r#"<link data-trunk rel="rust" data-bin="qujat""#).count(), 1);
}

/// The crash notice (shown by `public/boot.js` when the wasm traps after
/// the app started) is outside the part the app replaces, hidden until
/// then, and says what to do in each language, with the contact centre.
#[test]
fn the_crash_notice_is_kept_hidden_in_every_language() {
    let at = INDEX
        .find(r#"<div id="app-crashed" class="page" hidden>"#)
        .expect("index.html has the crash notice, hidden");
    assert!(
        at > INDEX.find(r#"<div id="static-shell">"#).unwrap(),
        "after the static shell, which the app removes"
    );
    let notice = &INDEX[at..INDEX[at..].find("</body>").unwrap() + at];
    for code in ["kk", "ru", "en"] {
        let p = format!(r#"<p data-l="{code}" lang="{code}">"#);
        let text = notice[notice.find(&p).expect(code)..].split("</p>").next().unwrap();
        assert!(text.contains("1414"), "{code}: the contact centre");
    }
    assert!(notice.contains(r#"id="app-reload""#), "a Reload button");
    let boot = include_str!("../public/boot.js");
    assert!(boot.contains("WebAssembly.RuntimeError") && boot.contains("app-crashed"));
    // The app asks boot.js for the same notice (a bundle whose texts
    // cannot be had) by an event, rather than hiding the page itself.
    let mount = include_str!("../src/ui/app/mount.rs");
    assert!(
        mount.contains(r#"Event::new("qujat-stopped")"#)
            && boot.contains("addEventListener('qujat-stopped', stopped)"),
        "the app's event and boot.js's listener have the same name"
    );
}
