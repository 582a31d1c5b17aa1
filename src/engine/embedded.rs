//! The data files `src/build.rs` writes into `OUT_DIR` (the law, the
//! calendar, the registry, the queue…), as the engine embeds them: which
//! copy a bundle carries ([`embedded_data!`]: full, or with its texts in
//! the language packs, [`texts`](super::texts)), and both copies of each
//! for the test that they say the same ([`DATA_FILES`]).
//!
//! Each module still decodes its file behind a `OnceLock` of its own: a
//! shared generic `Parsed<T>` holding the cell was tried and cost the
//! applying bundle 2.5 KB brotli (docs/measurements.md, stop 33).

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
