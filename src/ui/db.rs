//! The app's records in browser storage, one collection per kind, shared by
//! context. See `store` for the write and sync guarantees.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::store::{Collection, StoreNotices};
use crate::engine::application::Draft;
use crate::engine::complaint::Complaint;
use crate::engine::signing::eds::KeyFile;
use crate::engine::submission::Submission;

#[derive(Clone, Copy)]
pub struct Db {
    /// Drafts by id.
    pub drafts: Collection<BTreeMap<String, Draft>>,
    /// Submitted applications by reference.
    pub apps: Collection<BTreeMap<String, Submission>>,
    /// EDS key files kept in this browser (private keys encrypted).
    pub keys: Collection<Vec<KeyFile>>,
    /// SMS code sessions by flow key.
    pub otp: Collection<super::otp::OtpSessions>,
    /// The simulated phone's inbox.
    pub sms: Collection<Vec<super::otp::Sms>>,
    /// Filed complaints by id.
    pub complaints: Collection<BTreeMap<String, Complaint>>,
}

impl Db {
    pub fn open(notices: StoreNotices) -> Db {
        Db {
            drafts: Collection::open("qujat.drafts", notices),
            apps: Collection::open("qujat.apps", notices),
            keys: Collection::open("qujat.keys", notices),
            otp: Collection::open("qujat.otp", notices),
            sms: Collection::open("qujat.sms", notices),
            complaints: Collection::open("qujat.complaints", notices),
        }
    }
}

pub fn use_db() -> Db {
    expect_context::<Db>()
}

/// Random bytes from the browser's CSPRNG (ids, reference numbers, keys).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The Web Crypto API is always present where WebAssembly runs; if it
    // failed anyway, ids would still be unique per draft by timestamp.
    let _ = getrandom::fill(&mut buf);
    buf
}

/// A short random id for records (hex).
pub fn new_id() -> String {
    random_bytes::<8>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
