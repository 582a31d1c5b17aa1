//! Typed and imported input as fuzz targets: SMS codes, IINs, PINs, the
//! on-screen keyboard's caret, instants, key files, sealed blobs and signed
//! documents.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::engine::caret;
use crate::engine::identity::{iin, registry};
use crate::engine::kztime;
use crate::engine::signing::eds::{self, KeyFile, SignedDocument};
use crate::engine::signing::otp::{self, OtpSession, Policy, Purpose};
use crate::engine::signing::vault::{self, Sealed, VaultKey};
use crate::engine::store::{self, formats};
use crate::engine::submission::{self, Submission};
use crate::engine::visit::{self};

use super::{Gen, Target, stored_examples};

pub(super) fn typed_input_targets() -> Vec<Target> {
    let key_file = stored_examples()
        .get("eds-keys")
        .and_then(|raw| store::decode::<Vec<KeyFile>>(raw, &formats::EDS_KEYS).ok())
        .and_then(|e| e.data.into_iter().next());
    let key_text = key_file.as_ref().map(KeyFile::to_file_string).unwrap_or_default();
    let key_value: Value = serde_json::from_str(&key_text).unwrap_or(Value::Null);
    let signed: Option<SignedDocument> = stored_examples()
        .get("applications")
        .and_then(|raw| {
            store::decode::<BTreeMap<String, Submission>>(raw, &formats::APPLICATIONS).ok()
        })
        .and_then(|e| {
            e.data.into_values().find_map(|s| match s.signature {
                submission::SignatureRecord::Eds { signed } => Some(signed),
                _ => None,
            })
        });
    let signed_value = serde_json::to_value(&signed).unwrap_or(Value::Null);
    let sealed_value = key_value.get("encrypted_private_key").cloned().unwrap_or(Value::Null);
    vec![
        Target {
            name: "typed SMS code".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let now = g.instant();
                let mut s =
                    OtpSession::new("+77015550101", Purpose::Signing, "d", [5; 20], Policy::PORTAL);
                let _ = s.issue(now);
                let typed = g.text(10);
                let ok = s.verify(&typed, now).is_ok();
                let _ = otp::spaced(&typed);
                let _ = s.confirmation("d");
                ok
            }),
        },
        Target {
            name: "typed IIN".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let s = g.typed_near("850314401018", 50, 14);
                let _ = registry::find(&s);
                iin::validate(&s).is_ok()
            }),
        },
        Target {
            name: "typed PIN".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let pin = if g.chance(50) {
                    (0..4 + g.below(30)).map(|_| char::from(b'0' + g.below(10) as u8)).collect()
                } else {
                    g.text(40)
                };
                let confirm = if g.chance(50) { pin.clone() } else { g.text(8) };
                let _ = visit::is_trivial_pin(&pin);
                visit::check_new_pin(&pin, &confirm).is_ok()
            }),
        },
        Target {
            name: "on-screen keyboard caret".into(),
            weight: 10,
            run: Box::new(|g: &mut Gen| {
                let value = g.text(12);
                let (a, b) = (g.below(30) as usize, g.below(30) as usize);
                let insert = g.text(3);
                let _ = caret::splice_utf16(&value, a, b, &insert);
                let _ = caret::backspace_utf16(&value, a, b);
                true
            }),
        },
        Target {
            name: "typed instant".into(),
            weight: 6,
            run: Box::new(|g: &mut Gen| {
                let s = g.typed_near("2026-05-04T10:00:00+05:00", 50, 30);
                kztime::parse_instant(&s).is_ok()
            }),
        },
        Target {
            name: "imported key file".into(),
            weight: 3,
            run: Box::new(move |g: &mut Gen| {
                let text = if g.chance(70) {
                    g.mutate(&key_value).to_string()
                } else {
                    g.mutate_text(&key_text)
                };
                KeyFile::from_file_string(&text).is_ok()
            }),
        },
        Target {
            name: "sealed blob".into(),
            weight: 4,
            run: Box::new(move |g: &mut Gen| {
                serde_json::from_value::<Sealed>(g.mutate(&sealed_value)).is_ok_and(|s| {
                    let _ = s.kdf_input();
                    let key = VaultKey::from_derived([9; 32], [1; 16], s.iterations);
                    let _ = vault::open_with_key(&key, &s);
                    s.check().is_ok()
                })
            }),
        },
        Target {
            name: "signed document".into(),
            weight: 2,
            run: Box::new(move |g: &mut Gen| {
                serde_json::from_value::<SignedDocument>(g.mutate(&signed_value)).is_ok_and(|s| {
                    let iin = &s.certificate.owner_iin;
                    let _ = eds::verify_new(&s, iin, g.instant());
                    eds::verify(&s, iin, g.instant()).is_ok()
                })
            }),
        },
    ]
}
