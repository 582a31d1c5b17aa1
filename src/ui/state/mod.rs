//! What the app remembers, and the changes it makes to it. Every storage
//! key is declared in [`keys`]; [`store`] is the one way to read and write
//! them (a write happens completely or not at all, and says which; a page
//! that needs only a little of a stored value reads a lighter view of it
//! with `store::read_as`); the other modules are the domain transactions
//! that views call — a view never writes two records itself.

pub mod applications;
pub mod clock;
pub mod complaints;
pub mod db;
pub mod demo;
pub mod desk;
pub mod fetch;
pub mod hall;
pub mod keyring;
pub mod keys;
pub mod notify;
pub mod operator;
pub mod otp;
pub mod prefs;
pub mod quotes;
pub mod session;
pub mod staff;
pub mod store;
pub mod texts;
pub mod tickets;
pub mod transfer;

use leptos::prelude::*;

use crate::engine::source::Lang;

/// Provides in context what every bundle keeps: where storage trouble is
/// reported, the clock, the records, the session, what was seen and the
/// unread count, made by `count_unread` (a function the bundle names, so
/// that a bundle carries only the way it counts). `read_at_start` reads
/// the collections whose storage trouble the bundle reports as it starts:
/// those its pages use, named by the bundle, so that it links the
/// decoders of those only (every other collection is read, and its
/// trouble reported, by the first page that uses it).
pub fn provide_records(
    read_at_start: fn(db::Db), count_unread: notify::CountUnread,
) -> store::StoreNotices {
    let notices = store::StoreNotices(RwSignal::new(Vec::new()));
    provide_context(notices);
    provide_context(clock::Clock::start(notices));
    let db = db::Db::open(notices);
    read_at_start(db);
    provide_context(db);
    let session = session::Session::open(notices);
    provide_context(session);
    let seen = notify::Seen::open(notices);
    provide_context(seen);
    provide_context(count_unread(db, seen, session));
    notices
}

/// The four handles a page starts with, read in one statement:
/// `let Ui { lang, db, clock, .. } = use_ui();`. Each stays its own
/// context, so a widget (and a widget's test) asks for just the one it
/// needs with `use_lang`, `use_db`, `use_clock` or `use_session`; a page
/// runs inside a bundle, which provides them all ([`provide_records`] and
/// the app frame's language).
#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    pub db: db::Db,
    pub clock: clock::Clock,
    pub session: session::Session,
}

pub fn use_ui() -> Ui {
    Ui {
        lang: prefs::use_lang(),
        db: db::use_db(),
        clock: clock::use_clock(),
        session: session::use_session(),
    }
}
