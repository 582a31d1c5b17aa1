//! The state every bundle provides to its pages.

use leptos::prelude::*;

use super::bundle::Bundle;
use crate::ui::modes::access::Access;
use crate::ui::modes::keyboard::Keyboard;
use crate::ui::modes::kiosk::Kiosk;
use crate::ui::state::db::Db;
use crate::ui::state::notify::CountUnread;
use crate::ui::state::prefs::Prefs;
use crate::ui::state::provide_records;

/// Shared state for every bundle: preferences, modes, storage, clock,
/// session, and the header's unread count made by `count_unread`: the
/// portal and the passports, whose pages never change an application,
/// glance at the stored ones ([`Unread::glance`](crate::ui::state::notify::Unread::glance))
/// rather than carry the decoder of whole applications (a sixth of the
/// portal's first load); each bundle names its way, so it carries only that
/// one. `read_at_start` reads the collections the bundle's pages use (see
/// [`provide_records`]).
pub fn provide_shared(bundle: Bundle, count_unread: CountUnread, read_at_start: fn(Db)) -> Prefs {
    provide_context(bundle);
    let prefs = Prefs::load();
    provide_context(prefs);
    let access = Access::load();
    provide_context(access);
    let keyboard = Keyboard::new();
    provide_context(keyboard);
    provide_context(Kiosk::start(access, keyboard));
    provide_records(read_at_start, count_unread);
    prefs
}
