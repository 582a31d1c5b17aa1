//! What the catalogue's home page shows of each service: a [`Card`].
//!
//! The home page is the portal's first load, and the whole catalogue (every
//! document, step, refusal ground and form field, in three languages) with
//! its decoder is about a sixth of it. The build writes each service's card
//! fields to their own file (`src/build.rs`, `cards.json`), projected from
//! the same data files, and [`cards`] reads only that; the test below keeps
//! the cards equal to what [`all`](super::all) says.

use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{ChannelItem, Item};
use crate::engine::service::ServiceId;
use crate::engine::source::Status;
use crate::engine::term::{Channel, Term};

const CARDS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/cards.json"));

/// A service as its card in the catalogue shows it: the same items as the
/// [`Service`](super::Service) of that id, and only these.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: ServiceId,
    pub name: Item,
    pub summary: Item,
    pub provider: Vec<Item>,
    pub channels: Vec<ChannelItem>,
    pub terms: Vec<Term>,
}

impl Card {
    /// The card of `service`.
    pub fn of(service: &super::Service) -> Card {
        Card {
            id: service.id,
            name: service.name.clone(),
            summary: service.summary.clone(),
            provider: service.provider.clone(),
            channels: service.channels.clone(),
            terms: service.terms.clone(),
        }
    }

    pub fn has_channel(&self, channel: Channel) -> bool {
        self.channels.iter().any(|c| c.channel == channel)
    }

    /// The national provider item; a regional one only narrows it (LS-2),
    /// so it is shown only where there is no national one.
    pub fn provider(&self) -> Option<&Item> {
        self.provider
            .iter()
            .find(|p| p.provenance.status == Status::National)
            .or_else(|| self.provider.first())
    }
}

/// Parses the embedded cards without caching (tests; [`cards`] uses it once).
pub fn try_cards() -> Result<Vec<Card>, serde_json::Error> {
    crate::engine::json::from_str_strict(CARDS_JSON)
}

static CARDS: OnceLock<Vec<Card>> = OnceLock::new();

/// The cards of S1, S2 and S3, in that order.
pub fn cards() -> &'static [Card] {
    // Our own embedded data, checked against the catalogue below.
    CARDS.get_or_init(|| try_cards().expect("embedded catalogue cards parse (catalog::card tests)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_card_is_its_service_s_items() {
        let cards = try_cards().unwrap();
        let all = super::super::try_all().unwrap();
        assert_eq!(cards.len(), all.len());
        for (card, service) in cards.iter().zip(&all) {
            assert_eq!(*card, Card::of(service), "{}", service.id);
            assert_eq!(card.has_channel(Channel::Portal), service.has_channel(Channel::Portal));
        }
        let ids: Vec<ServiceId> = cards.iter().map(|c| c.id).collect();
        assert_eq!(ids, ServiceId::ALL);
    }

    #[test]
    fn the_provider_shown_is_the_national_one() {
        for card in try_cards().unwrap() {
            let p = card.provider().expect("every service names its provider");
            assert_eq!(p.provenance.status, Status::National, "{}", card.id);
        }
    }
}
