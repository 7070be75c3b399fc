//! IPC commands: one core call each, errors as `{code, message, field?}`.

mod applications;
mod directory;
mod foundation;
mod mappings;
mod sso;

pub use applications::*;
pub use directory::*;
pub use foundation::*;
pub use mappings::*;
pub use sso::*;
