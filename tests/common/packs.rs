//! Reading the data's texts back from the language packs (`src/build.rs`,
//! step 5), for the tests that the packed data says what the full data
//! says.

use qujat::engine::embedded::DATA_FILES;
use qujat::engine::source::Lang;
use qujat::engine::texts;
use qujat::i18n::pack;
use serde_json::Value;

/// Installs this build's three packs (every later install is ignored).
pub fn install_all() {
    for lang in Lang::ALL {
        pack::install(lang, pack::file(lang)).unwrap();
    }
}

/// `value` with each slotted text (`{kk: "", ru: "", en: "", slot: n}`)
/// replaced by the packs' texts in slot `n`; each slot read is pushed to
/// `slots`. Panics on a slotted text whose own languages are not empty.
pub fn resolve(value: &mut Value, slots: &mut Vec<usize>) {
    match value {
        Value::Object(map) => {
            if let Some(slot) = map.remove("slot") {
                let slot = slot.as_u64().unwrap() as usize;
                slots.push(slot);
                for lang in Lang::ALL {
                    assert_eq!(map.get(lang.code()), Some(&Value::from("")), "{map:?}");
                    map.insert(lang.code().into(), texts::text(lang, slot).into());
                }
            }
            map.values_mut().for_each(|v| resolve(v, slots));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| resolve(v, slots)),
        _ => {}
    }
}

/// `packed` (serialised), its texts read from the packs, is `full`.
pub fn assert_same<T: serde::Serialize>(packed: &T, full: &T, what: &str) -> Vec<usize> {
    let mut slots = Vec::new();
    let mut resolved = serde_json::to_value(packed).unwrap();
    resolve(&mut resolved, &mut slots);
    assert_eq!(resolved, serde_json::to_value(full).unwrap(), "{what}");
    slots
}

/// The data file `name`'s (full, packed) JSON, as `build.rs` wrote them.
pub fn copies(name: &str) -> (&'static str, &'static str) {
    DATA_FILES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, full, packed)| (*full, *packed))
        .unwrap_or_else(|| panic!("{name} is not in DATA_FILES"))
}
