//! A QR code of a reference number, drawn as SVG elements (one path of
//! dark modules), never as markup from a string.
//!
//! Accessibility acceptance criteria:
//! - the code is an image (`role="img"`) whose name gives the reference it
//!   encodes, so nothing is only in the picture;
//! - a signed receipt's code is also a link to check it and, in a
//!   disclosure, text that can be copied.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::paths;

/// The dark modules of the QR code of `text` as an SVG path ("M x y h1v1h-1z"
/// per module), with the code's width in modules; `None` if it cannot be
/// encoded.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == qrcode::Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    Some((d, width))
}

#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    // A quiet zone of 4 modules around the code, as the standard asks.
    let drawn = qr_path(&text).map(|(d, width)| {
        let size = width + 8;
        // At least 3 px a module, so a phone can read a signed receipt's
        // larger code from the screen.
        let px = (size * 3).max(144).to_string();
        view! {
            <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("-4 -4 {size} {size}") width=px.clone() height=px shape-rendering="crispEdges" aria-hidden="true">
                <rect x="-4" y="-4" width=size.to_string() height=size.to_string() fill="#fff" />
                <path d=d fill="#000" />
            </svg>
        }
    });
    view! { <div class="qr__image" role="img" aria-label=label>{drawn}</div> }
}

/// A receipt's signed code (`engine::receipt`) in its figure: its text for
/// the QR code and, in the caption, the link that checks it on the verify
/// page and the code itself for checking without a camera.
#[component]
pub fn SignedQr(code: String, #[prop(into)] label: String) -> impl IntoView {
    let href = paths::verify_code(&code);
    view! {
        <figure class="qr">
            <QrCode text=code.clone() label=label />
            <figcaption>
                <a href=href class="no-print">{t(tr::verify_this_receipt)}</a>
                <details class="receipt__code-box">
                    <summary>{t(tr::verify_code_heading)}</summary>
                    <p class="receipt__code"><code>{code}</code></p>
                </details>
            </figcaption>
        </figure>
    }
}

/// A receipt's or a ticket's code in its figure: the signed code
/// ([`SignedQr`]) when there is one, else the QR code of its reference.
#[component]
pub fn ReceiptQr(
    code: Option<String>, #[prop(into)] reference: String, #[prop(into)] label: String,
) -> impl IntoView {
    match code {
        Some(code) => view! { <SignedQr code=code label=label /> }.into_any(),
        None => {
            view! { <figure class="qr"><QrCode text=reference label=label /></figure> }.into_any()
        }
    }
}
