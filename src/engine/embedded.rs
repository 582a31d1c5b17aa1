//! The data files `src/build.rs` writes into `OUT_DIR` (the law, the
//! calendar, the registry, the queue…), as the engine embeds them: which
//! copy a bundle carries, and decoding one once, on first use.
//!
//! Why one place: six modules embed a data file, and each chose its copy
//! (full, or with its texts in the language packs: [`texts`](super::texts))
//! and decoded it once behind a `OnceLock` in lines of its own.
//!
//! ```
//! use qujat::engine::embedded::Parsed;
//!
//! static NUMBERS: Parsed<Vec<u32>> = Parsed::new("numbers", "[1, 2, 3]");
//! assert_eq!(NUMBERS.json(), "[1, 2, 3]");
//! assert_eq!(NUMBERS.get(), &[1, 2, 3]);
//! ```

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

/// An embedded data file, decoded the first time it is read and kept for
/// the rest of the visit.
pub struct Parsed<T> {
    name: &'static str,
    json: &'static str,
    cell: OnceLock<T>,
}

impl<T: DeserializeOwned> Parsed<T> {
    /// The file `name` (for the message if it does not decode), as `json`.
    pub const fn new(name: &'static str, json: &'static str) -> Self {
        Parsed {
            name,
            json,
            cell: OnceLock::new(),
        }
    }

    /// The JSON as embedded, for tools and tests that build a changed copy.
    pub fn json(&self) -> &'static str {
        self.json
    }

    /// The decoded data. It is our own data, which the tests decode (each
    /// module names the test), so a build that passed them cannot fail
    /// here; if one did, the bundle stops with the file's name and the
    /// decoder's message rather than run on half its law.
    pub fn get(&self) -> &T {
        self.cell.get_or_init(|| {
            serde_json::from_str(self.json)
                .unwrap_or_else(|e| panic!("embedded {} does not decode: {e}", self.name))
        })
    }
}

/// The data file `$name` that `src/build.rs` writes into `OUT_DIR`: in a
/// build with the feature `lang-packs`, its copy whose texts are left in
/// the packs (`$name-packed.json`, step 5), so the bundle carries no text
/// in three languages; otherwise the full file. A constant expression:
/// the copy not chosen is not in the binary.
macro_rules! embedded_data {
    ($name:literal) => {
        if cfg!(feature = "lang-packs") {
            include_str!(concat!(env!("OUT_DIR"), "/", $name, "-packed.json"))
        } else {
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json"))
        }
    };
}
pub(crate) use embedded_data;

/// Every data file with texts, as (name, full JSON, JSON with the texts
/// in the packs): for the test that the two copies say the same
/// (`tests/packs.rs`). Nothing in the app reads it.
#[doc(hidden)]
pub const DATA_FILES: [(&str, &str, &str); 10] = {
    macro_rules! both {
        ($name:literal) => {
            (
                $name,
                include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
                include_str!(concat!(env!("OUT_DIR"), "/", $name, "-packed.json")),
            )
        };
    }
    [
        both!("calendar"),
        both!("engine"),
        both!("issuers"),
        both!("queue"),
        both!("regions"),
        both!("registry-people"),
        both!("registry-places"),
        both!("s1"),
        both!("s2"),
        both!("s3"),
    ]
};
