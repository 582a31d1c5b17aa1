//! Who may sign a receipt: the simulated portal, State Corporation offices
//! and providers, each with an Ed25519 key. The **public** keys ship with
//! the app as data (`data/issuers.toml`), so any copy of the app verifies a
//! receipt offline; the **private** keys are demo keys derived from the
//! issuer's id by a published rule ([`demo_signing_key`]).
//!
//! DEMO KEYS, NEVER REAL: anyone who reads this file can derive every
//! private key, so a receipt that verifies proves only that it came from
//! this simulation, unchanged. That is all the demo needs: the verify page
//! shows the real failure paths (an altered receipt, an unknown key, an
//! issuer signing what it does not issue). A real deployment would keep
//! each office's private key in that office (an HSM or a smart card), and
//! only the public list would stay as it is here.

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Kind;
use crate::engine::signing::vault;
use crate::engine::source::Text;

crate::engine::json::names!(IssuerKind);

crate::engine::embedded::decoded_once!(
    IssuerData,
    "issuers",
    "tests/receipt.rs",
    parse,
    embedded,
    data
);

/// The domain-separation prefix of the demo key rule.
pub const DEMO_KEY_DOMAIN: &[u8] = b"qujat-demo-issuer-key-v1\0";

/// What kind of body an issuer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum IssuerKind {
    /// The e-government portal (the citizen's cabinet).
    Portal,
    /// An office of the State Corporation "Government for Citizens".
    StateCorporation,
    /// A school or college (the service provider).
    Provider,
}

/// One entry of `issuers.toml`.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Stable id: `portal`, `sc:<office id>`, `org:<organisation id>`.
    pub id: String,
    pub kind: IssuerKind,
    /// The office (queue and registry id) of a State Corporation issuer.
    pub office: Option<String>,
    /// The registry organisation of a provider issuer.
    pub organisation: Option<String>,
    /// The name a verified receipt shows, frozen with the key (a later
    /// rename in the registry does not change who signed old receipts).
    pub name: Text,
    /// The Ed25519 public key, lower-case hex.
    #[serde(with = "vault::hex_array")]
    pub public_key: [u8; 32],
    /// The receipt kinds this issuer signs; [`verify`](super::verify)
    /// refuses any other kind from it.
    pub issues: Vec<Kind>,
}

impl Issuer {
    /// The 4-byte key id a receipt names its signer by: the first bytes of
    /// SHA-256 of the public key. It ties a receipt to the key, not to a
    /// name, so a replaced key makes old receipts "unknown issuer" rather
    /// than "altered".
    pub fn key_id(&self) -> [u8; 4] {
        key_id(&self.public_key)
    }

    pub fn may_issue(&self, kind: Kind) -> bool {
        self.issues.contains(&kind)
    }
}

/// The key id of a public key (see [`Issuer::key_id`]).
pub fn key_id(public_key: &[u8; 32]) -> [u8; 4] {
    let d = Sha256::digest(public_key);
    [d[0], d[1], d[2], d[3]]
}

/// The header of `issuers.toml`: what the verify page says about the keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demo {
    /// "These are demonstration keys…", in kk/ru/en.
    pub note: Text,
}

/// Everything in `issuers.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerData {
    pub demo: Demo,
    pub issuer: Vec<Issuer>,
}

/// Every issuer whose public key ships with the app.
pub fn issuers() -> &'static [Issuer] {
    &data().issuer
}

/// The issuer with this id.
pub fn issuer(id: &str) -> Option<&'static Issuer> {
    issuers().iter().find(|i| i.id == id)
}

/// The issuer whose key has this key id.
pub fn by_key_id(key_id: [u8; 4]) -> Option<&'static Issuer> {
    issuers().iter().find(|i| i.key_id() == key_id)
}

/// The State Corporation issuer of a queue or registry office.
pub fn of_office(office_id: &str) -> Option<&'static Issuer> {
    issuers()
        .iter()
        .find(|i| i.kind == IssuerKind::StateCorporation && i.office.as_deref() == Some(office_id))
}

/// The provider issuer of a registry organisation.
pub fn of_organisation(organisation_id: &str) -> Option<&'static Issuer> {
    issuers().iter().find(|i| {
        i.kind == IssuerKind::Provider && i.organisation.as_deref() == Some(organisation_id)
    })
}

/// The portal's issuer.
pub fn portal() -> Option<&'static Issuer> {
    issuers().iter().find(|i| i.kind == IssuerKind::Portal)
}

/// The demo private key of issuer `id`: SHA-256 of [`DEMO_KEY_DOMAIN`]
/// followed by the id, as the Ed25519 seed. Published on purpose (see the
/// module docs): it makes the keys reproducible without shipping secrets
/// that would not be secret anyway in a browser-only simulation.
pub fn demo_signing_key(id: &str) -> SigningKey {
    let mut h = Sha256::new();
    h.update(DEMO_KEY_DOMAIN);
    h.update(id.as_bytes());
    SigningKey::from_bytes(&h.finalize().into())
}
