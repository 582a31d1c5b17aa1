//! The reader's language's texts, for the bundles that fetch them
//! (`lang-packs`, see `crate::i18n::pack`): before the app starts, and
//! before it switches language. Bundles that carry their texts have
//! nothing to fetch.

use super::fetch;
use crate::i18n::{Lang, pack};

/// Whether `lang`'s texts can be shown now, without fetching.
pub fn ready(lang: Lang) -> bool {
    !pack::FETCHED || pack::is_installed(lang)
}

/// Makes `lang`'s texts available: at once where they are (in the code, or
/// installed earlier), otherwise from the bundle's pack, which its page
/// names (`<meta name="qujat-texts" content="/apply/texts-{lang}-<hash>.txt">`,
/// written by `.ci/packs.mjs`; the service worker's copy offline). The
/// error says why, for the console.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    if ready(lang) {
        return Ok(());
    }
    let url = url(lang).ok_or("the page names no texts (<meta name=\"qujat-texts\">)")?;
    let text = fetch::text(&url).await?;
    pack::install(lang, &text).map_err(|e| format!("{url}: {e}"))
}

/// Logs a text the bundle's pack left out (see `pack::on_missing`).
pub fn report_missing_texts() {
    pack::on_missing(|lang, slot| {
        leptos::logging::error!("texts: slot {slot} of {lang:?} is not in this bundle's pack");
    });
}

/// Where the page says `lang`'s pack is.
fn url(lang: Lang) -> Option<String> {
    let template = web_sys::window()?
        .document()?
        .query_selector("meta[name=qujat-texts]")
        .ok()??
        .get_attribute("content")?;
    Some(template.replace("{lang}", lang.code()))
}
