//! My data moves with me: everything of one person in one encrypted file,
//! and back on another device without losing what is newer there.
//!
//! Everything a citizen has in Qujat lives in one browser. "Save my data to
//! a file" makes a [`Bundle`] of the signed-in person's records (the UI
//! owns the collections: applications, drafts, complaints, tickets, key
//! files…) and [`export`]s it, sealed under a passphrase the citizen
//! chooses ([`file`](mod@file) has the format). "Restore from a file" calls
//! [`import`], which changes nothing: it returns a [`MergePlan`] that the UI
//! shows and then writes, or an [`ImportError`] that says what is wrong
//! with the file, and nothing is written.
//!
//! Import, in order:
//!
//! 1. the header: our format, a version and KDF cost this build accepts
//!    (a hostile iteration count is refused before any work);
//! 2. the passphrase (a wrong one is [`ImportError::WrongPassphrase`], told
//!    apart from a damaged file, [`ImportError::Corrupted`]);
//! 3. the ciphertext and header, authenticated by AES-GCM;
//! 4. the person: only the signed-in person's own file;
//! 5. each record: its owner, and every signature it carries verified
//!    ([`check`] lists the shapes); a record that fails is refused and
//!    listed, the others still merge;
//! 6. the merge by revision ([`merge`]): added, updated (the file's copy is
//!    newer), kept (the device's copy is newer or the same), refused.
//!
//! Key files stay sealed under their own password throughout: the file's
//! passphrase protects the bundle, and the import checks a key file's
//! certificate, never its private key.
//!
//! ```
//! use std::collections::BTreeMap;
//! use qujat::engine::transfer::{self, Bundle, ImportError, Outcome, Record};
//! use serde_json::json;
//!
//! let me = "850314401018";
//! let now = "2025-03-20T05:00:00Z".parse().unwrap();
//! let draft = |rev, year| Record { id: "d1".into(), rev, data: json!({ "applicant_iin": me, "year": year }) };
//! let bundle = Bundle {
//!     person_iin: me.into(),
//!     created_at: now,
//!     collections: BTreeMap::from([("drafts".to_string(), vec![draft(3, "2010")])]),
//! };
//! // Few iterations keep the example fast; the default is 600,000.
//! let file = transfer::export_with_iterations(&bundle, me, "correct horse", ([7; 16], [1; 12]), 1_000)?;
//!
//! // On another device that has an older copy of the draft:
//! let here = BTreeMap::from([("drafts".to_string(), vec![draft(1, "2009")])]);
//! let plan = transfer::import(&file, "correct horse", me, &here)?;
//! assert_eq!(plan.entries[0].outcome, Outcome::Updated { local: 1, file: 3 });
//! assert_eq!(plan.merged["drafts"][0].data["year"], "2010");
//!
//! // A wrong passphrase, someone else's session, a cut-off file: refused.
//! assert_eq!(transfer::import(&file, "wrong horse", me, &here).unwrap_err(), ImportError::WrongPassphrase);
//! assert_eq!(transfer::import(&file, "correct horse", "781123301754", &here).unwrap_err(), ImportError::OtherPerson);
//! assert_eq!(transfer::import(&file[..file.len() / 2], "correct horse", me, &here).unwrap_err(), ImportError::Corrupted);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};

use crate::engine::identity::iin::{self, IinError};
use crate::engine::json;
use crate::engine::signing::vault::{self, RandomUnavailable};

mod bundle;
pub mod check;
pub mod file;
pub mod merge;

pub use bundle::{Bundle, Collections, ID_MAX, NAME_MAX, Record, is_collection_name, owners};
pub use check::Refused;
pub use file::{DEFAULT_ITERATIONS, FILE_MAX, FileHeader, MAX_ITERATIONS, read_header};
pub use merge::{Entry, MergePlan, Outcome, Summary};

/// The shortest passphrase [`export`] accepts, in characters.
pub const PASSPHRASE_MIN: usize = 8;

/// Why no file was made.
// No `#[source]`: `source()` has always been `None` here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "transfer-", serialize_all = "kebab-case")]
pub enum ExportError {
    #[error("invalid IIN: {0}")]
    InvalidIin(IinError),
    /// The bundle is not the signed-in person's.
    #[error("the data is not the signed-in person's")]
    OtherPerson,
    /// Shorter than [`PASSPHRASE_MIN`] characters.
    #[error("the passphrase needs at least {PASSPHRASE_MIN} characters")]
    WeakPassphrase,
    /// A record that may not leave in this person's file, and why (another
    /// person's record, a bad id or collection name, an id twice).
    #[error("record {collection}/{id}: {why}")]
    #[strum(serialize = "bad-record")]
    Record { collection: String, id: String, why: Refused },
    /// Over [`FILE_MAX`] once written.
    #[error("the file would exceed {FILE_MAX} bytes")]
    TooLarge,
    #[error("{}", RandomUnavailable)]
    Random,
}

impl ExportError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `transfer-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive (an older name by `#[strum(serialize)]`). The
    /// arms above `e => e.into()` are the exceptions.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::Random => RandomUnavailable.code(),
            e => e.into(),
        }
    }
}

/// Why a file was not imported. Nothing has changed on the device.
// No `#[source]`: `source()` has always been `None` here.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "transfer-", serialize_all = "kebab-case")]
pub enum ImportError {
    /// Not a Qujat data file (another file, not JSON, another format).
    #[error("not a Qujat data file")]
    NotAnExport,
    /// Ours, but damaged: cut off, edited, or unreadable inside.
    #[error("the data file is damaged or was changed")]
    Corrupted,
    /// Written by a newer version of Qujat.
    #[error("the file is version {version}, newer than this app reads")]
    NewerVersion { version: u32 },
    /// A key derivation or cipher this build does not know.
    #[error("the file uses an encryption this app does not know")]
    UnsupportedAlgorithm,
    /// Asks more KDF iterations than [`MAX_ITERATIONS`]: refused unopened.
    #[error("the file asks {iterations} key derivation iterations (at most {MAX_ITERATIONS})")]
    TooCostly { iterations: u32 },
    /// Over [`FILE_MAX`] bytes: refused unread.
    #[error("the file has {bytes} bytes (at most {FILE_MAX})")]
    TooLarge { bytes: usize },
    #[error("no passphrase")]
    EmptyPassphrase,
    /// The passphrase does not open this file.
    #[error("the passphrase does not open this file")]
    WrongPassphrase,
    /// The file holds another person's data.
    #[error("the file holds another person's data")]
    OtherPerson,
    /// The signed-in IIN is not valid (a caller's mistake).
    #[error("invalid IIN: {0}")]
    InvalidIin(IinError),
}

impl ImportError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `transfer-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// [`export_with_iterations`] at [`DEFAULT_ITERATIONS`].
pub fn export(
    bundle: &Bundle, signed_in_iin: &str, passphrase: &str, random: ([u8; 16], [u8; 12]),
) -> Result<String, ExportError> {
    export_with_iterations(bundle, signed_in_iin, passphrase, random, DEFAULT_ITERATIONS)
}

/// [`export`] with a fresh salt and nonce from the platform.
pub fn export_random(
    bundle: &Bundle, signed_in_iin: &str, passphrase: &str,
) -> Result<String, ExportError> {
    let salt = vault::random_bytes().map_err(|_| ExportError::Random)?;
    let nonce = vault::random_bytes().map_err(|_| ExportError::Random)?;
    export(bundle, signed_in_iin, passphrase, (salt, nonce))
}

/// Seals the signed-in person's bundle into a data file (pretty JSON).
/// `random` is a fresh salt and nonce (never reuse them); `iterations` is
/// clamped to `1..=MAX_ITERATIONS` (tests use few). Refused: another
/// person's bundle, or a record in it that names another owner
/// ([`owners`]), a bad name or id, an id twice; a passphrase shorter than
/// [`PASSPHRASE_MIN`].
pub fn export_with_iterations(
    bundle: &Bundle, signed_in_iin: &str, passphrase: &str, (salt, nonce): ([u8; 16], [u8; 12]),
    iterations: u32,
) -> Result<String, ExportError> {
    let person = iin::validate(signed_in_iin).map_err(ExportError::InvalidIin)?.iin;
    if bundle::digits(&bundle.person_iin) != person {
        return Err(ExportError::OtherPerson);
    }
    if passphrase.chars().count() < PASSPHRASE_MIN {
        return Err(ExportError::WeakPassphrase);
    }
    for (collection, records) in &bundle.collections {
        let mut ids = std::collections::BTreeSet::new();
        for r in records {
            let bad =
                |why| ExportError::Record { collection: collection.clone(), id: r.id.clone(), why };
            if !is_collection_name(collection) {
                return Err(bad(Refused::BadCollection));
            }
            if !bundle::is_record_id(&r.id) {
                return Err(bad(Refused::BadId));
            }
            if !ids.insert(r.id.as_str()) {
                return Err(bad(Refused::DuplicateInFile));
            }
            check::owner(&r.data, &person).map_err(bad)?;
        }
    }
    let mut normalised = bundle.clone();
    normalised.person_iin = person;
    let plain = serde_json::to_vec(&normalised).map_err(|_| ExportError::TooLarge)?;
    if plain.len() / 3 * 4 + 1024 > FILE_MAX {
        return Err(ExportError::TooLarge);
    }
    Ok(file::seal(&plain, passphrase, bundle.created_at, iterations, salt, nonce))
}

/// Opens a data file and plans its merge into the device's records
/// (`existing`, the signed-in person's collections). Pure: nothing is
/// written; on any error there is no plan at all.
pub fn import(
    file: &str, passphrase: &str, signed_in_iin: &str, existing: &Collections,
) -> Result<MergePlan, ImportError> {
    let person = iin::validate(signed_in_iin).map_err(ImportError::InvalidIin)?.iin;
    let (header, plain) = file::open(file, passphrase)?;
    let bundle: Bundle =
        json::strictly(|| json::from_bytes(&plain)).map_err(|_| ImportError::Corrupted)?;
    if bundle::digits(&bundle.person_iin) != person {
        return Err(ImportError::OtherPerson);
    }
    let checked = bundle
        .collections
        .into_iter()
        .flat_map(|(name, records)| records.into_iter().map(move |r| (name.clone(), r)))
        .map(|(name, r)| {
            let result = check::record(&name, &r.id, &r.data, &person);
            (name, r, result)
        })
        .collect();
    let created_at: DateTime<Utc> = header.created_at;
    Ok(merge::merge(person, created_at, existing, checked))
}
