//! The demo clock: moves the time the app lives in and plays the
//! regulation's steps at their target times, so a kiosk or a review sees a
//! whole life cycle in a minute. Real time stays the default for citizens;
//! the panel is labelled as a demonstration wherever it appears.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::clock::{Clock, use_clock};
use super::db::{Db, use_db};
use super::format;
use super::life::transition_label;
use super::prefs::use_lang;
use super::text::t;
use crate::engine::calendar;
use crate::engine::kztime;
use crate::engine::lifecycle::{self, Ctx, Details, Role, Transition};
use crate::engine::submission::Submission;
use crate::i18n::tr;

/// The regulation step that comes next across all stored applications:
/// (reference, transition, role, when).
pub fn next_step(
    apps: &std::collections::BTreeMap<String, Submission>,
    now: DateTime<Utc>,
) -> Option<(String, Transition, Role, DateTime<Utc>)> {
    apps.values()
        .filter(|s| s.is_accepted() && !s.lifecycle.state.is_terminal())
        .filter_map(|s| {
            let ctx = Ctx::embedded(s.service, s.channel).ok()?;
            let targets = s.targets(now, false).ok()?;
            let hours = lifecycle::provider_hours(ctx.service);
            let (tr, role, at) =
                lifecycle::next_automatic(&s.lifecycle, &ctx, &targets, hours).ok()??;
            Some((s.reference.clone(), tr, role, at))
        })
        .min_by_key(|(_, _, _, at)| *at)
}

/// Plays the next step: moves the clock to its time (never backwards) and
/// records it. Returns what was played, or `None` when nothing waits.
pub fn play_next(db: Db, clock: Clock) -> Option<(String, Transition, DateTime<Utc>)> {
    let (reference, transition, role, at) = db
        .apps
        .with_untracked(|m| next_step(m, clock.now_untracked()))?;
    // A target still ahead moves the clock there and is recorded at exactly
    // that time (the clock itself lands a fraction of a second later, which
    // would mark the step late); one already passed is played now, late.
    let before = clock.now_untracked();
    clock.advance_to(at);
    let at = if at >= before {
        at
    } else {
        clock.now_untracked()
    };
    let done = db.apps.update(|m| {
        let s = m.get_mut(&reference)?;
        let ctx = Ctx::embedded(s.service, s.channel).ok()?;
        s.lifecycle
            .apply(&ctx, transition, role, at, Details::default())
            .ok()
    });
    done.map(|()| (reference, transition, at))
}

/// The next working day at the same local time.
fn plus_working_day(now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let local = kztime::to_local(now).ok()?.local;
    let day = calendar::add_working_days(local.date(), 1).ok()?;
    kztime::local_to_utc(day.and_time(local.time())).ok()
}

#[component]
pub fn DemoClock() -> impl IntoView {
    let lang = use_lang();
    let clock = use_clock();
    let db = use_db();
    let status = RwSignal::new(String::new());
    let playing = RwSignal::new(false);
    let handle = StoredValue::new(None::<IntervalHandle>);

    let report = move |played: Option<(String, Transition, DateTime<Utc>)>| match played {
        Some((reference, tr_, at)) => status.set(tr::demo_played(
            lang,
            transition_label(lang, tr_),
            &reference,
            &format::date_time(at),
        )),
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
    // Going back is safe only if no record holds an event after real time.
    let can_reset = move || {
        let real = clock.real_now();
        db.apps.with(|m| {
            m.values()
                .all(|s| s.lifecycle.last_at().is_none_or(|at| at <= real))
        })
    };

    view! {
        <section class="demo-clock" aria-labelledby="demo-clock-title">
            <h2 id="demo-clock-title">{t(tr::demo_title)}</h2>
            <p class="hint">{t(tr::demo_hint)}</p>
            <p>
                {move || tr::demo_now(lang, &format::date_time(clock.now()))} " ("
                {move || if clock.offset() > chrono::Duration::zero() { t(tr::demo_ahead) } else { t(tr::demo_real) }} ")"
            </p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| clock.advance_to(clock.now_untracked() + chrono::Duration::hours(1))>
                    {t(tr::demo_plus_hour)}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if let Some(at) = plus_working_day(clock.now_untracked()) {
                        clock.advance_to(at);
                    }
                }>
                    {t(tr::demo_plus_day)}
                </button>
                <button type="button" class="button" on:click=move |_| report(play_next(db, clock))>{t(tr::demo_next_step)}</button>
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
