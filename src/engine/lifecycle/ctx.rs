//! What a record is judged against: its service, channel, calendar, and the
//! region of the office it went to.

use super::error::LifecycleError;
use crate::engine::calendar::{self, Calendar};
use crate::engine::catalog::{self, Service};
use crate::engine::kztime::Zone;
use crate::engine::region;
use crate::engine::service::ServiceId;
use crate::engine::term::Channel;

/// What the service, channel, calendar and region are for a record.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub service: &'a Service,
    pub channel: Channel,
    pub calendar: &'a Calendar,
    /// The provider's region (a [`region`] id), where known: whose clock its
    /// working hours keep, and whether a regional regulation applies.
    pub region: Option<&'a str>,
}

impl Ctx<'static> {
    /// The embedded catalogue and calendar, the region unknown.
    pub fn embedded(service: ServiceId, channel: Channel) -> Result<Ctx<'static>, LifecycleError> {
        let service = catalog::service(service);
        let calendar = calendar::calendar()?;
        Ok(Ctx { service, channel, calendar, region: None })
    }
}

impl<'a> Ctx<'a> {
    /// The same, for a provider in `region` (a region id).
    pub fn in_region(self, region: Option<&'a str>) -> Ctx<'a> {
        Ctx { region, ..self }
    }

    /// The provider's clock ([`kztime::NATIONAL`](crate::engine::kztime::NATIONAL)
    /// when the region is unknown).
    pub fn zone(&self) -> Zone<'static> {
        region::zone_of(self.region)
    }
}
