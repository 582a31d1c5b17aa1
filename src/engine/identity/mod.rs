//! Who a person is: the IIN they type, and the demo state registry that
//! says whether anybody has it.
//!
//! The two are kept apart on purpose. [`iin`] is structural validation only
//! (a checksum and an encoded birth date), so it can run on every keystroke
//! and in the CLI without any data; [`registry`] is the simulated state
//! database (ГБД ФЛ) that sign-in, the wizard and the operator's home visit
//! consult. A valid IIN may still belong to nobody.

pub mod iin;
pub mod registry;
