//! The state every bundle provides to its pages.

use leptos::prelude::*;

use super::bundle::Bundle;
use crate::ui::modes::access::Access;
use crate::ui::modes::keyboard::Keyboard;
use crate::ui::modes::kiosk::Kiosk;
use crate::ui::state::clock::Clock;
use crate::ui::state::db::Db;
use crate::ui::state::notify::Seen;
use crate::ui::state::prefs::Prefs;
use crate::ui::state::session::Session;
use crate::ui::state::store::StoreNotices;

/// Shared state for every bundle: preferences, modes, storage, clock,
/// session.
pub fn provide_shared(bundle: Bundle) -> Prefs {
    provide_context(bundle);
    let prefs = Prefs::load();
    provide_context(prefs);
    let access = Access::load();
    provide_context(access);
    let keyboard = Keyboard::new();
    provide_context(keyboard);
    provide_context(Kiosk::start(access, keyboard));
    let notices = StoreNotices(RwSignal::new(Vec::new()));
    provide_context(notices);
    provide_context(Clock::start(notices));
    provide_context(Db::open(notices));
    provide_context(Session::open(notices));
    provide_context(Seen::open(notices));
    prefs
}
