//! The time the app lives in. Citizens get real time; a demonstration can
//! move a demo clock forward (by an hour, a working day, …) so a whole life
//! cycle plays in a minute. The offset is stored, so a reload keeps the
//! demo's time, and every tab shares it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;

use super::keys;
use super::store::{Collection, StoreNotices, Stored};
use crate::engine::demo_clock;
use crate::engine::store::{Format, formats};

#[derive(Clone, Copy)]
pub struct Clock {
    now: RwSignal<DateTime<Utc>>,
    /// The local date, changed only when the date does: a view that shows
    /// dates is not rebuilt with every tick (a rebuilt heading would drop
    /// the focus a navigation put on it).
    today: Memo<chrono::NaiveDate>,
    offset_ms: Collection<i64>,
}

impl Stored for i64 {
    const KEY: &'static str = keys::CLOCK;
    const FORMAT: &'static Format = &formats::CLOCK;
}

fn real_now() -> DateTime<Utc> {
    demo_clock::from_js_millis(js_sys::Date::now())
}

impl Clock {
    pub fn start(notices: StoreNotices) -> Clock {
        let offset_ms = Collection::<i64>::open(notices);
        let now = RwSignal::new(demo_clock::demo_now(real_now(), offset_ms.with_untracked(|o| *o)));
        let today = Memo::new(move |_| local_date(now.get()));
        let clock = Clock { now, today, offset_ms };
        set_interval(move || clock.tick(), Duration::from_secs(1));
        clock
    }

    fn tick(&self) {
        // The app's clock lives as long as the page; a clock whose owner
        // is gone (a test's unmounted view) has nothing left to tick.
        if self.now.is_disposed() {
            return;
        }
        let offset = self.offset_ms.with_untracked(|o| *o);
        self.now.set(demo_clock::demo_now(real_now(), offset));
    }

    /// The current instant (reactive: updates every second).
    pub fn now(&self) -> DateTime<Utc> {
        self.now.get()
    }

    /// Today's date in Kazakhstan (reactive: changes once a day, or when
    /// the demo clock moves past midnight). Legal dates are local dates.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today.get()
    }

    /// Today's date as a value to hand to a component (the same memo).
    pub fn date(&self) -> Memo<chrono::NaiveDate> {
        self.today
    }

    pub fn today_untracked(&self) -> chrono::NaiveDate {
        self.today.get_untracked()
    }

    pub fn now_untracked(&self) -> DateTime<Utc> {
        self.now.get_untracked()
    }

    /// How far the demo clock is ahead of real time (reactive).
    pub fn offset(&self) -> chrono::Duration {
        demo_clock::offset(self.offset_ms.with(|o| *o))
    }

    /// Moves the demo clock to `instant`; never backwards, because recorded
    /// events must keep their order. When storage refuses the new offset
    /// the clock stays where it was (the shell says it was not saved).
    pub fn advance_to(&self, instant: DateTime<Utc>) {
        self.advance_by(instant - self.now_untracked());
    }

    /// Moves the demo clock forward by `gap` (nothing for a gap that is not
    /// forward). The offset saturates, so a clock already at the end of
    /// time stays there instead of overflowing.
    pub fn advance_by(&self, gap: chrono::Duration) {
        if gap > chrono::Duration::zero() {
            let _ = self.offset_ms.update(|o| *o = demo_clock::advanced(*o, gap));
            self.tick();
        }
    }

    /// Back to real time.
    pub fn reset(&self) {
        let _ = self.offset_ms.update(|o| *o = 0);
        self.tick();
    }

    /// Real time, whatever the demo clock says.
    pub fn real_now(&self) -> DateTime<Utc> {
        real_now()
    }

    /// Real time, reactive (updates every second): what SMS codes and
    /// lock-outs are measured in, never the demo clock.
    pub fn real(&self) -> DateTime<Utc> {
        self.now.track();
        real_now()
    }
}

fn local_date(now: DateTime<Utc>) -> chrono::NaiveDate {
    crate::engine::kztime::local_date(now).unwrap_or_else(|_| now.date_naive())
}

pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}
