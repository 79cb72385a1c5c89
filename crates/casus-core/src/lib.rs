//! Domain types of casus: validated CAMEO and PLOVER event codes, CAMEO actor codes,
//! byte spans, calendar dates and coded events. No I/O.
//!
//! # Overview
//!
//! - [`CameoCode`]: one of the 311 CAMEO 1.1b3 event codes, with its name, Goldstein value,
//!   [`QuadClass`] and [`Plover`] event type and mode.
//! - [`ActorCode`]: a CAMEO actor code made of 3-letter segments (`SYR`, `SYRMIL`, `IGOUNO`).
//! - [`Span`]: a byte range into a document's text.
//! - [`Date`]: a proleptic Gregorian calendar date.
//! - [`Event`]: a coded event with its provenance.
//!
//! # Example
//!
//! ```
//! use casus_core::{ActorCode, CameoCode, QuadClass};
//!
//! let code: CameoCode = "072".parse()?;
//! assert_eq!(code.name(), "Provide military aid");
//! assert_eq!(code.root().as_str(), "07");
//! assert_eq!(code.quad_class(), QuadClass::MaterialCooperation);
//! assert_eq!(code.plover().event_type.map(|t| t.as_str()), Some("AID"));
//!
//! let actor: ActorCode = "SYRREB".parse()?;
//! assert_eq!(actor.country(), Some("SYR"));
//! # Ok::<(), casus_core::Error>(())
//! ```

mod actor;
mod cameo;
mod date;
mod error;
mod event;
mod location;
mod plover;
mod span;

pub use actor::{is_role, ActorCode, ROLES};
pub use cameo::{CameoCode, QuadClass};
pub use date::Date;
pub use error::{Error, Result};
pub use event::{Event, EventSpans};
pub use location::{Location, LocationSource, Precision};
pub use plover::{Plover, PloverType};
pub use span::Span;

#[cfg(test)]
mod contract {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<super::CameoCode>();
        assert_send_sync::<super::ActorCode>();
        assert_send_sync::<super::Event>();
        assert_send_sync::<super::Error>();
    }
}
