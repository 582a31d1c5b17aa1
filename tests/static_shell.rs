//! index.html's static shell repeats the home page's heading and lead so
//! that they paint before the wasm arrives: they must stay the app's texts.

use qujat::engine::source::Lang;
use qujat::i18n::tr;

const INDEX: &str = include_str!("../index.html");

#[test]
fn the_static_home_heading_and_lead_are_the_apps_in_every_language() {
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let code = lang.code();
        for (what, text) in [
            ("title", tr::home_title(lang)),
            ("lead", tr::home_lead(lang)),
        ] {
            let tagged = format!(r#"<span data-l="{code}" lang="{code}">{text}</span>"#);
            assert!(
                INDEX.contains(&tagged),
                "index.html lacks the {code} home {what} as the app shows it: {text}"
            );
        }
    }
}
