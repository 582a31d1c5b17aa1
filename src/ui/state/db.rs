//! The app's records in browser storage, one collection per kind, shared by
//! context. See `store` for the write and sync guarantees and `keys` for
//! where each lives.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::keys;
use super::store::{Collection, StoreNotices, Stored, StoredRecord};
use crate::engine::application::Draft;
use crate::engine::complaint::Complaint;
use crate::engine::queue::{Hall, Tickets};
use crate::engine::signing::eds::KeyFile;
use crate::engine::signing::otp::OtpBook;
use crate::engine::store::{Format, formats};
use crate::engine::submission::Submission;
use crate::engine::visit::OperatorData;

/// One simulated SMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    pub id: u64,
    pub phone: String,
    pub code: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub sent_at: DateTime<Utc>,
}

/// All SMS code sessions, by flow key (e.g. `"sign:<draft id>"`).
pub type OtpSessions = OtpBook;

#[derive(Clone, Copy)]
pub struct Db {
    /// Drafts by id.
    pub drafts: Collection<BTreeMap<String, Draft>>,
    /// Submitted applications by reference.
    pub apps: Collection<BTreeMap<String, Submission>>,
    /// EDS key files kept in this browser (private keys encrypted).
    pub keys: Collection<Vec<KeyFile>>,
    /// SMS code sessions by flow key.
    pub otp: Collection<OtpSessions>,
    /// The simulated phone's inbox.
    pub sms: Collection<Vec<Sms>>,
    /// Filed complaints by id.
    pub complaints: Collection<BTreeMap<String, Complaint>>,
    /// Bookings of the State Corporation's electronic queue.
    pub tickets: Collection<Tickets>,
    /// The State Corporation counters' visits.
    pub counter: Collection<OperatorData>,
    /// The State Corporation halls, by `"<office>/<date>"` (read only by the
    /// State Corporation's bundle, which loads it at start: see
    /// `state::hall`).
    pub halls: Collection<BTreeMap<String, Hall>>,
}

impl Db {
    pub fn open(notices: StoreNotices) -> Db {
        Db {
            drafts: Collection::open(notices),
            apps: Collection::open(notices),
            keys: Collection::open(notices),
            otp: Collection::open(notices),
            sms: Collection::open(notices),
            complaints: Collection::open(notices),
            tickets: Collection::open(notices),
            counter: Collection::open(notices),
            halls: Collection::open(notices),
        }
    }

    // What each bundle reads at start (`provide_records`' `read_at_start`,
    // named in `app::routes`): the collections its pages use, so that
    // storage trouble in them is set aside and reported as the bundle
    // starts, and the bundle links no other collection's decoder. A
    // collection left out is still read, and its trouble reported, by the
    // first page that uses it (every accessor loads first).

    /// Nothing (the portal and the passports, whose first load this is):
    /// each page reads what it shows.
    pub fn read_as_pages_use(self) {}

    /// Filing an application signed by an SMS code (by the citizen, or by
    /// an operator at the counter or a home visit): the applications, the
    /// code's sessions and the simulated phone.
    fn read_filing(self) {
        self.apps.load();
        self.otp.load();
        self.sms.load();
    }

    /// The wizard (the apply bundle): what filing reads (the unread count
    /// reads the applications too) and the drafts. Not the EDS keys: no
    /// wizard page uses them (signing is the sign bundle's), so the apply
    /// bundle links no key decoder.
    pub fn read_wizard(self) {
        self.read_filing();
        self.drafts.load();
    }

    /// Signing and the receipt (the sign bundle): what the wizard reads
    /// (the draft being signed) and the EDS keys.
    pub fn read_applying(self) {
        self.read_wizard();
        self.keys.load();
    }

    /// Everything the citizen keeps (the cabinet: its pages use it all):
    /// what applying reads, complaints and the queue's bookings.
    pub fn read_citizen(self) {
        self.read_applying();
        self.complaints.load();
        self.tickets.load();
    }

    /// The provider: the applications and the complaints it handles.
    pub fn read_provider(self) {
        self.apps.load();
        self.complaints.load();
    }

    /// The State Corporation: what filing reads (at the counter or a home
    /// visit, a visited person's consent by SMS code), the queue's
    /// bookings, the counters and the halls (no other bundle carries the
    /// last two's decoders).
    pub fn read_corporation(self) {
        self.read_filing();
        self.tickets.load();
        self.counter.load();
        self.halls.load();
    }
}

/// Where and how each collection of [`Db`] is stored: `$trait` is
/// [`Stored`] for a whole value, [`StoredRecord`] for a record kept by id.
macro_rules! stored {
    ($($trait:ident $ty:ty => $key:ident, $format:ident;)*) => {$(
        impl $trait for $ty {
            const KEY: &'static str = keys::$key;
            const FORMAT: &'static Format = &formats::$format;
        }
    )*};
}

stored! {
    StoredRecord Draft => DRAFTS, DRAFTS;
    StoredRecord Submission => APPS, APPLICATIONS;
    Stored Vec<KeyFile> => EDS_KEYS, EDS_KEYS;
    Stored OtpSessions => OTP, OTP;
    Stored Vec<Sms> => SMS, SMS;
    StoredRecord Complaint => COMPLAINTS, COMPLAINTS;
    Stored Tickets => TICKETS, TICKETS;
    Stored OperatorData => COUNTER, COUNTER;
    StoredRecord Hall => HALLS, HALLS;
}

/// A kind of record a page opens by its key: the collection of [`Db`] that
/// keeps it.
pub trait Kept: StoredRecord {
    fn kept_in(db: Db) -> Collection<BTreeMap<String, Self>>;
}

impl Kept for Submission {
    fn kept_in(db: Db) -> Collection<BTreeMap<String, Self>> {
        db.apps
    }
}

impl Kept for Complaint {
    fn kept_in(db: Db) -> Collection<BTreeMap<String, Self>> {
        db.complaints
    }
}

pub fn use_db() -> Db {
    expect_context::<Db>()
}

/// Random bytes from the browser's CSPRNG (ids, reference numbers, keys).
/// A failure is an error, never zeros: ids made of zeros would collide and
/// overwrite each other's records.
pub use crate::engine::signing::vault::random_bytes;

/// A short random id for records (hex); `None` when the browser has no
/// randomness to give.
pub fn new_id() -> Option<String> {
    Some(random_bytes::<8>().ok()?.iter().map(|b| format!("{b:02x}")).collect())
}
