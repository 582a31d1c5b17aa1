//! The data's texts in the language packs (`src/build.rs`, step 5): the
//! bundles that fetch their texts embed each data file with its texts
//! replaced by slots in the packs. Read back through the packs, each such
//! copy must say exactly what the full file says, and the files' slots
//! must be exactly the packs' slots after the messages.

use qujat::engine::calendar::Calendar;
use qujat::engine::catalog::notes;
use qujat::engine::embedded::DATA_FILES;
use qujat::engine::queue;
use qujat::engine::receipt::issuer;
use qujat::engine::source::Lang;
use qujat::engine::texts;
use qujat::i18n::pack;
use serde_json::Value;

mod common;
use common::packs::{assert_same, copies, install_all, resolve};

#[test]
fn every_data_file_read_through_the_packs_is_the_full_file() {
    install_all();
    let mut slots = Vec::new();
    for (name, full, packed) in DATA_FILES {
        let full: Value = serde_json::from_str(full).unwrap();
        let mut packed: Value = serde_json::from_str(packed).unwrap();
        let before = slots.len();
        resolve(&mut packed, &mut slots);
        assert_eq!(packed, full, "{name}");
        assert!(slots.len() > before, "{name} has no text in the packs");
    }
    // Each text its own slot, together every slot after the messages'.
    slots.sort_unstable();
    let expected: Vec<usize> = (pack::MESSAGE_SLOTS..pack::SLOTS).collect();
    assert_eq!(slots, expected);
}

#[test]
fn every_data_text_is_in_every_language_s_pack() {
    // (A slotted text read before its pack is installed is empty:
    // `engine::texts`' doc test and `tests/catalog.rs`.)
    install_all();
    for slot in pack::MESSAGE_SLOTS..pack::SLOTS {
        for lang in Lang::ALL {
            assert!(!texts::text(lang, slot).is_empty(), "{lang:?} slot {slot}");
        }
    }
}

/// `read` decodes the same value from `name`'s packed and full copies,
/// once the packed one's texts are read back through the packs.
fn same_decoded<T: serde::Serialize, E: std::fmt::Debug>(
    name: &str, read: fn(&str) -> Result<T, E>,
) {
    let (full, packed) = copies(name);
    let slots = assert_same(&read(packed).unwrap(), &read(full).unwrap(), name);
    assert!(!slots.is_empty(), "{name} has no text in the packs");
}

/// The engine's readers keep each slot (their text fields are
/// `source::Text`): decoded from the packed copy and serialised, then read
/// back through the packs, a value is the one decoded from the full file.
#[test]
fn the_engines_readers_of_the_packed_data_decode_the_same_values() {
    install_all();
    same_decoded("engine", notes::parse_notes);
    same_decoded("issuers", issuer::parse);
    same_decoded("queue", queue::parse);

    let (full, packed) = copies("calendar");
    let a = Calendar::from_json(packed).unwrap();
    let b = Calendar::from_json(full).unwrap();
    assert_eq!(a.holidays().len(), b.holidays().len());
    let mut slots = Vec::new();
    for (x, y) in a.holidays().iter().zip(b.holidays()) {
        slots.extend(assert_same(x, y, &y.id));
        for lang in Lang::ALL {
            assert_eq!(x.names.get(lang), y.names.get(lang));
        }
    }
    assert!(!slots.is_empty());
}
