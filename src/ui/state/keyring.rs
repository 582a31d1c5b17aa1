//! The demo EDS key files kept in this browser (the private key of each is
//! sealed under its password).

use super::db::Db;
use super::store::NotSaved;
use crate::engine::signing::eds::KeyFile;

/// Keeps a new or imported key; a key already kept (same certificate
/// serial) is not added twice.
pub fn keep(db: Db, key: KeyFile) -> Result<(), NotSaved> {
    db.keys.update(|k| {
        if !k.iter().any(|x| x.certificate.serial == key.certificate.serial) {
            k.push(key);
        }
    })
}

/// Removes the key with this certificate serial.
pub fn remove(db: Db, serial: &str) -> Result<(), NotSaved> {
    db.keys.update(|ks| ks.retain(|x| x.certificate.serial != serial))
}

/// The keys of the person with this IIN (tracked): whoever signs in sees
/// and signs with their own keys only, never those of others who used
/// this browser.
pub fn of(db: Db, iin: &str) -> Vec<KeyFile> {
    db.keys.with(|k| k.iter().filter(|k| k.certificate.owner_iin == iin).cloned().collect())
}

/// The key with this certificate serial.
pub fn find(db: Db, serial: &str) -> Option<KeyFile> {
    db.keys.with_untracked(|k| k.iter().find(|k| k.certificate.serial == serial).cloned())
}
