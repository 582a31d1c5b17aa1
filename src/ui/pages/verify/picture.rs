//! A picture of a receipt's QR code (a photo, a scan, a screenshot) into
//! grey levels for `engine::receipt::scan`: the browser decodes the file
//! (`createImageBitmap`, which any image the browser shows can be), draws
//! it on a canvas no larger than the scanner takes, and reads its pixels.
//! Nothing leaves the device.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{Answer, answer};
use crate::engine::receipt::scan::{self, MAX_PIXELS, MAX_SIDE, ScanError, grey_of_rgba};
use crate::i18n::tr;
use crate::ui::labels::{Message, t, ts};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::busy_button::{BusyButton, unless_busy};
use crate::ui::widgets::button::Look;
use crate::ui::widgets::error_summary::{ErrorItem, message_for};
use crate::ui::widgets::file_upload::{FileUpload, chosen};

/// A file input for the picture and its own button: the code read fills
/// the page's text area (`code`) and is checked (`checked`); what went
/// wrong goes to the page's error summary (`errors`).
#[component]
pub fn PictureForm(
    code: RwSignal<String>, checked: Answer, errors: RwSignal<Vec<ErrorItem>>,
) -> impl IntoView {
    let lang = use_lang();
    let input: NodeRef<html::Input> = NodeRef::new();
    let reading = RwSignal::new(false);
    let read_picture = unless_busy(reading, move || {
        checked.set(None);
        let Some(file) = chosen(input) else {
            errors.set(vec![ErrorItem::new("picture", tr::verify_error_no_picture(lang))]);
            return;
        };
        errors.set(Vec::new());
        reading.set(true);
        leptos::task::spawn_local(async move {
            let read = match grey(file).await {
                Some(g) => scan::read(g.width, g.height, &g.pixels),
                None => Err(ScanError::BadPicture),
            };
            reading.set(false);
            match read {
                Ok(text) => {
                    code.set(text.clone());
                    checked.set(Some(answer(lang, &text)));
                }
                Err(e) => errors.set(vec![ErrorItem::new("picture", e.message(lang))]),
            }
        });
    });
    view! {
        <form novalidate on:submit=read_picture>
            <FileUpload id="picture" label=ts(tr::verify_picture_label) hint=ts(tr::verify_picture_hint)
                accept="image/*" node_ref=input error=message_for(errors, "picture") />
            <BusyButton busy=reading look=Look::Secondary>{t(tr::verify_picture_read)}</BusyButton>
            <p role="status" aria-live="polite" class="progress">
                {move || reading.get().then(|| tr::verify_picture_reading(lang))}
            </p>
        </form>
    }
}

/// A picture as grey levels: width, height and one byte a pixel.
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// The side lengths that fit the scanner's bounds, keeping the proportions.
fn fitted(width: u32, height: u32) -> (u32, u32) {
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let side = MAX_SIDE as f64;
    let scale = (side / w).min(side / h).min((MAX_PIXELS as f64 / (w * h)).sqrt()).min(1.0);
    (((w * scale).floor() as u32).max(1), ((h * scale).floor() as u32).max(1))
}

/// The picture in `file`, or `None` when the browser cannot open it as an
/// image.
pub async fn grey(file: web_sys::File) -> Option<Grey> {
    let window = web_sys::window()?;
    let promise = window.create_image_bitmap_with_blob(&file).ok()?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let (width, height) = fitted(bitmap.width(), bitmap.height());
    let canvas: web_sys::HtmlCanvasElement =
        window.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )
    .ok()?;
    bitmap.close();
    let data = ctx.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).ok()?.data();
    Some(Grey { width: width as usize, height: height as usize, pixels: grey_of_rgba(&data) })
}
