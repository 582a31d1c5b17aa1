//! Fetching a file the app serves beside itself (a language's texts, the
//! law's quotes): one way, so that every caller meets the same failures
//! (no network and no cached copy, an HTTP error, a body that is not text)
//! and says which in the console.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of `url` as text. The error names the URL and what went wrong,
/// for the console; the caller decides what the reader sees.
pub async fn text(url: &str) -> Result<String, String> {
    // A rejected promise or a throwing call: the browser's own words.
    let refused = |e: wasm_bindgen::JsValue| format!("{url}: {e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(refused)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    JsFuture::from(response.text().map_err(refused)?)
        .await
        .map_err(refused)?
        .as_string()
        .ok_or_else(|| format!("{url}: not text"))
}
