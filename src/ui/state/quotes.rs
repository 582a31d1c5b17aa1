//! The law's quotes, fetched once, when a reader first opens a legal basis.
//!
//! The web build's catalogue carries each citation's quote only as a
//! number ([`SourceRef::q`]); the words are in `/law-quotes.txt`, written
//! by `.ci/build` from the same data (`src/build.rs`, step 3) and
//! precached by the service worker, so a reader offline still has them.
//! They are about 5 KB of brotli that the first load no longer carries.
//!
//! The file's first line names its list; a file whose first line is not
//! this build's (an old cached copy, a server's fallback page) is refused
//! rather than shown with the wrong words. Each quote carries its seed and
//! line, and a citation shows only words of its own seed and line: a record
//! stored by an older build keeps that build's numbers, which may now name
//! other quotes.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use super::fetch;
use crate::engine::source::SourceRef;

/// Where the quotes are served, for every bundle.
pub const URL: &str = "/law-quotes.txt";

/// The first line of this build's quotes file.
pub const HEADER: &str = include_str!(concat!(env!("OUT_DIR"), "/quotes_header.txt"));

/// One quote of the list: the seed and line it is from, and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The seed as the data writes it (`F001`).
    pub seed: String,
    pub line: u32,
    pub words: String,
}

/// Where the quotes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Quotes {
    /// Nobody has opened a legal basis yet.
    Idle,
    Loading,
    Ready(Arc<Vec<Quote>>),
    /// The file could not be fetched or is not this build's (offline
    /// before it was cached, a changed server); opening a basis again
    /// tries again.
    Failed,
}

thread_local! {
    // Not a signal owned by whichever component first asks: the quotes
    // outlive the page that fetched them. A trigger tells the readers.
    static QUOTES: RefCell<Quotes> = const { RefCell::new(Quotes::Idle) };
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

/// The quotes as they are (tracked where read).
pub fn current() -> Quotes {
    CHANGED.with(|c| c.track());
    QUOTES.with(|q| q.borrow().clone())
}

/// Sets the quotes and tells their readers.
pub fn set(quotes: Quotes) {
    QUOTES.with(|q| *q.borrow_mut() = quotes);
    CHANGED.with(|c| c.notify());
}

/// The words of `cite`: its own quote where the data kept it (native
/// builds), otherwise its numbered quote once the list is here, if that
/// quote is from the citation's own seed and line.
pub fn words(cite: &SourceRef, quotes: &Quotes) -> Option<String> {
    if !cite.quote.is_empty() {
        return Some(cite.quote.clone());
    }
    match quotes {
        Quotes::Ready(list) => list
            .get(cite.q? as usize)
            .filter(|q| q.line == cite.line && q.seed == format!("{:?}", cite.seed))
            .map(|q| q.words.clone()),
        _ => None,
    }
}

/// Reads a quotes file: its header must be this build's, it must hold as
/// many quotes as the header says, each `seed<TAB>line<TAB>words`.
pub fn parse(text: &str) -> Option<Vec<Quote>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let count: usize = HEADER.split(' ').nth(1)?.parse().ok()?;
    let list = lines
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            Some(Quote {
                seed: parts.next()?.to_owned(),
                line: parts.next()?.parse().ok()?,
                words: parts.next()?.to_owned(),
            })
        })
        .collect::<Option<Vec<Quote>>>()?;
    (list.len() == count).then_some(list)
}

/// Fetches the quotes unless they are here or on their way.
pub fn load() {
    if QUOTES.with(|q| matches!(*q.borrow(), Quotes::Loading | Quotes::Ready(_))) {
        return;
    }
    set(Quotes::Loading);
    leptos::task::spawn_local(async {
        let list = match fetch::text(URL).await {
            Ok(text) => parse(&text),
            Err(e) => {
                leptos::logging::warn!("quotes: {e}");
                None
            }
        };
        set(list.map_or(Quotes::Failed, |l| Quotes::Ready(Arc::new(l))));
    });
}
