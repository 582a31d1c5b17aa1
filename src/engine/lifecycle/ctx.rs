//! What a record is judged against: its service, channel and calendar.

use super::error::LifecycleError;
use crate::engine::calendar::{self, Calendar};
use crate::engine::catalog::{self, Service};
use crate::engine::service::ServiceId;
use crate::engine::term::Channel;

/// What the service, channel and calendar are for a record.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub service: &'a Service,
    pub channel: Channel,
    pub calendar: &'a Calendar,
}

impl Ctx<'static> {
    /// The embedded catalogue and calendar.
    pub fn embedded(service: ServiceId, channel: Channel) -> Result<Ctx<'static>, LifecycleError> {
        let service = catalog::service(service);
        let calendar = calendar::calendar()?;
        Ok(Ctx {
            service,
            channel,
            calendar,
        })
    }
}
