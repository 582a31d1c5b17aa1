//! Consent by a signature drawn on the tablet: the strokes are kept with
//! the visit (sealed like everything else) and drawn again after a reload.
//!
//! The canvas is an image named "signature area" and described by the
//! instructions; the SMS code is the way without a pointer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::stale_message;
use crate::engine::visit::{Consent, Point};
use crate::i18n::tr;
use crate::ui::labels::t;
use crate::ui::state::desk::use_desk;
use crate::ui::state::store::Refused;
use crate::ui::state::{Ui, use_ui};
use crate::ui::widgets::button::{Button, Look};
use crate::ui::widgets::field_error::FieldError;
use crate::ui::widgets::record_page::Outcome;

fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn draw_strokes(canvas: &web_sys::HtmlCanvasElement, strokes: &[Vec<Point>]) {
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.set_line_width(3.0);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.set_stroke_style_str("#0b0c0c");
    for s in strokes {
        let mut pts = s.iter();
        let Some(first) = pts.next() else { continue };
        ctx.begin_path();
        ctx.move_to(f64::from(first[0]), f64::from(first[1]));
        for p in pts {
            ctx.line_to(f64::from(p[0]), f64::from(p[1]));
        }
        ctx.stroke();
    }
}

/// A pointer position in canvas pixels (the canvas may be scaled by CSS).
fn point_of(canvas: &web_sys::HtmlCanvasElement, ev: &web_sys::PointerEvent) -> Point {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    let x = (f64::from(ev.client_x()) - rect.left()) * sx;
    let y = (f64::from(ev.client_y()) - rect.top()) * sy;
    [x.round().clamp(0.0, 4000.0) as i16, y.round().clamp(0.0, 4000.0) as i16]
}

#[component]
pub fn SignatureConsent(id: String, rev: u64, said: Outcome) -> impl IntoView {
    let Ui { lang, clock, .. } = use_ui();
    let vault = use_desk();
    let id = StoredValue::new(id);
    let canvas: NodeRef<leptos::html::Canvas> = NodeRef::new();
    let current = StoredValue::new(None::<Vec<Point>>);
    let error = RwSignal::new(None::<String>);
    let stored = move || {
        vault
            .with_untracked(|d| d.visit(&id.get_value()).map(|v| v.strokes.clone()))
            .flatten()
            .unwrap_or_default()
    };
    // Draw what was saved (after a reload) once the canvas is in the page.
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
            draw_strokes(&c, &stored());
        }
    });
    let redraw = move || {
        if let Some(c) = canvas.get_untracked() {
            let mut all = stored();
            if let Some(cur) = current.get_value() {
                all.push(cur);
            }
            draw_strokes(&c, &all);
        }
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let _ = c.set_pointer_capture(ev.pointer_id());
        current.set_value(Some(vec![point_of(&c, &ev)]));
    };
    let moved = move |ev: leptos::ev::PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        if current.with_value(|c| c.is_none()) {
            return;
        }
        let p = point_of(&c, &ev);
        current.update_value(|s| {
            if let Some(s) = s {
                s.push(p);
            }
        });
        redraw();
    };
    let up = move |_: leptos::ev::PointerEvent| {
        if let Some(stroke) = current.get_value() {
            current.set_value(None);
            let _ = vault.update_visit(&id.get_value(), |v| v.strokes.push(stroke));
            redraw();
        }
    };
    let clear = move |_| {
        let _ = vault.update_visit(&id.get_value(), |v| v.strokes.clear());
        error.set(None);
        redraw();
    };
    let accept = move |_| {
        let now = clock.now_untracked();
        let result = vault.change_visit_at_rev(&id.get_value(), rev, |v| {
            let strokes = v.strokes.clone();
            v.give_consent(Consent::Signature { strokes, signed_at: now })
        });
        match result {
            Err(Refused::Rule(_)) => error.set(Some(tr::operator_no_signature(lang).into())),
            Ok(()) => error.set(None),
            other => said.set(stale_message(lang, other)),
        }
    };
    view! {
        <div class="operator__method">
            <h3>{t(tr::operator_consent_signature)}</h3>
            <p id="signature-hint" class="hint">{t(tr::operator_signature_hint)}</p>
            <FieldError id="signature-error" message=error />
            <canvas
                node_ref=canvas
                class="operator__signature"
                width="600"
                height="200"
                role="img"
                aria-label=t(tr::operator_signature_area)
                aria-describedby=move || {
                    if error.with(Option::is_some) { "signature-hint signature-error" } else { "signature-hint" }
                }
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            <div class="button-group">
                <Button on_click=accept>{t(tr::operator_accept_signature)}</Button>
                <Button look=Look::Secondary on_click=clear>{t(tr::operator_clear_signature)}</Button>
            </div>
        </div>
    }
}
