//! The data files `src/build.rs` writes into `OUT_DIR` (the law, the
//! calendar, the registry, the queue…), as the engine embeds them: which
//! copy a bundle carries (`embedded_data!`: full, or with its texts in
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

/// A data file the engine decodes as a whole, as three functions: `$parse`
/// (strict; tests decode changed copies with it), `$embedded` (the JSON
/// this bundle carries) and `$get` (the value, decoded on first use and
/// kept behind a `OnceLock`). Our own data: `$test` decodes it, so `$get`
/// cannot fail in a build that passed its tests. Each use expands to its
/// own cell and functions, as the hand-written ones were (see the module's
/// doc for why there is no shared generic cell).
macro_rules! decoded_once {
    ($ty:ty, $file:literal, $test:literal, $parse:ident, $embedded:ident, $get:ident) => {
        const JSON: &str = $crate::engine::embedded::embedded_data!($file);

        #[doc = concat!("Parses `", $file, ".toml` data in the embedded format (tests build changed copies).")]
        pub fn $parse(json: &str) -> Result<$ty, serde_json::Error> {
            $crate::engine::json::from_str_strict(json)
        }

        #[doc = concat!("The embedded `", $file, ".toml`, as JSON.")]
        pub fn $embedded() -> &'static str {
            JSON
        }

        #[doc = concat!("The embedded `", $file, ".toml`, decoded once.")]
        pub fn $get() -> &'static $ty {
            static CELL: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
            CELL.get_or_init(|| {
                $parse(JSON).expect(concat!("embedded ", $file, ".toml parses (", $test, ")"))
            })
        }
    };
}
pub(crate) use decoded_once;

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
