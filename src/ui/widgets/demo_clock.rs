//! The demo clock: moves the time the app lives in and plays the
//! regulation's steps at their target times, so a kiosk or a review sees a
//! whole life cycle in a minute. Real time stays the default for citizens;
//! the panel is labelled as a demonstration wherever it appears.
//!
//! Accessibility acceptance criteria:
//! - a `<section>` named by its heading;
//! - the current time is written out, with whether it is real or ahead;
//! - Play/Stop is one toggle button with `aria-pressed`;
//! - "Back to real time" stays focusable when it cannot be used
//!   (`aria-disabled="true"`) and is described by the reason, shown then;
//! - what each step played is said in a polite live region.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::engine::lifecycle::Transition;
use crate::i18n::tr;
use crate::ui::format;
use crate::ui::labels::{Label, t};
use crate::ui::state::clock::use_clock;
use crate::ui::state::db::use_db;
use crate::ui::state::demo::{can_reset, play_next, plus_working_day};
use crate::ui::state::prefs::use_lang;
use crate::ui::widgets::button::{Button, Look};

#[component]
pub fn DemoClock() -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let db = use_db();
    let status = RwSignal::new(String::new());
    let playing = RwSignal::new(false);
    let handle = StoredValue::new(None::<IntervalHandle>);

    let report = move |played: Option<(String, Transition, DateTime<Utc>)>| match played {
        Some((reference, step, at)) => {
            status.set(tr::demo_played(lang, step.label(lang), &reference, &format::date_time(at)))
        }
        None => status.set(tr::demo_nothing(lang).to_string()),
    };
    let stop = move || {
        if let Some(h) = handle.get_value() {
            h.clear();
        }
        handle.set_value(None);
        playing.set(false);
    };
    let toggle = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        playing.set(true);
        let h = set_interval_with_handle(
            move || {
                let played = play_next(db, clock);
                let finished = played.is_none();
                report(played);
                if finished {
                    stop();
                }
            },
            Duration::from_millis(1500),
        );
        handle.set_value(h.ok());
    };
    on_cleanup(move || {
        if let Some(h) = handle.get_value() {
            h.clear();
        }
    });
    let can_reset = move || can_reset(db, clock);

    view! {
        <section class="demo-clock" aria-labelledby="demo-clock-title">
            <h2 id="demo-clock-title">{t(tr::demo_title)}</h2>
            <p class="hint">{t(tr::demo_hint)}</p>
            <p>
                {move || tr::demo_now(lang, &format::date_time(clock.now()))} " ("
                {move || if clock.offset() > chrono::Duration::zero() { t(tr::demo_ahead) } else { t(tr::demo_real) }} ")"
            </p>
            <div class="button-group">
                <Button look=Look::Secondary on_click=move |_| clock.advance_by(chrono::Duration::hours(1))>
                    {t(tr::demo_plus_hour)}
                </Button>
                <Button look=Look::Secondary on_click=move |_| {
                    if let Some(at) = plus_working_day(clock.now_untracked()) {
                        clock.advance_to(at);
                    }
                }>
                    {t(tr::demo_plus_day)}
                </Button>
                <Button on_click=move |_| report(play_next(db, clock))>{t(tr::demo_next_step)}</Button>
                <button type="button" class="button" aria-pressed=move || playing.get().to_string() on:click=toggle>
                    {move || if playing.get() { t(tr::demo_stop) } else { t(tr::demo_play) }}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-disabled=move || (!can_reset()).then_some("true")
                    aria-describedby="demo-reset-hint"
                    on:click=move |_| if can_reset() { clock.reset() }
                >
                    {t(tr::demo_reset)}
                </button>
            </div>
            <Show when=move || !can_reset()>
                <p class="hint" id="demo-reset-hint">{t(tr::demo_reset_blocked)}</p>
            </Show>
            <p role="status" aria-live="polite" class="progress">{move || status.get()}</p>
        </section>
    }
}
