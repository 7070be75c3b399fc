//! IPC commands: one core call each, errors as `{code, message, field?}`.

mod applications;
mod directory;
mod foundation;
mod mappings;

pub use applications::*;
pub use directory::*;
pub use foundation::*;
pub use mappings::*;
