//! IPC commands: one core call each, errors as `{code, message, field?}`.

mod applications;
mod directory;
mod foundation;

pub use applications::*;
pub use directory::*;
pub use foundation::*;
