//! Secrets live in the operating system's keychain, never in the database, logs or exports:
//! this crate is the one place Gatehouse touches them.
//!
//! - [`Sensitive`] wraps secret bytes so `Debug`/`Display` print `<redacted>` and the
//!   memory is zeroed on drop.
//! - [`SecretRef`] is the non-secret name of a secret (`saml-key:<app_id>:<cert_id>`); it is
//!   what SQLite stores.
//! - [`SecretStore`] is the small trait the core is written against; [`KeychainStore`] is
//!   the real implementation (service `com.gatehouse.console`, account = the ref), and
//!   `MemoryStore` (feature `test-support`) is an in-process stand-in for unit tests.
//!
//! Invariant: no error, log line or `Debug` output of this crate contains secret bytes.

mod keychain;
#[cfg(any(test, feature = "test-support"))]
mod memory;
mod secret_ref;
mod sensitive;

pub use keychain::{KeychainStore, KEYCHAIN_SERVICE};
#[cfg(any(test, feature = "test-support"))]
pub use memory::MemoryStore;
pub use secret_ref::SecretRef;
pub use sensitive::Sensitive;

/// Where secrets are kept. Implementations must never put secret bytes in their errors.
pub trait SecretStore: Send + Sync {
    /// Stores `value` under `key`, replacing any previous value.
    fn put(&self, key: &SecretRef, value: &Sensitive<Vec<u8>>) -> Result<(), SecretError>;
    /// The value stored under `key`, or `None` when there is none.
    fn get(&self, key: &SecretRef) -> Result<Option<Sensitive<Vec<u8>>>, SecretError>;
    /// Removes the value under `key`. Deleting a missing secret is not an error, so a
    /// half-done clean-up can simply be repeated.
    fn delete(&self, key: &SecretRef) -> Result<(), SecretError>;
}

/// Why a secret could not be stored, read or deleted. Messages name the operation and the
/// reference, never the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// No keychain can be used: no Secret Service on the session bus, no session bus at
    /// all, or the keyring is locked. The admin has to fix the desktop session.
    #[error("the OS keychain is not available ({reason}); on Linux a Secret Service (e.g. gnome-keyring) must be running and unlocked in this D-Bus session")]
    Unavailable { reason: String },
    /// The keychain answered, but the operation failed.
    #[error("keychain {op} of {key} failed: {reason}")]
    Keychain { op: &'static str, key: String, reason: String },
    /// A reference that cannot name a secret (empty, too long, control characters).
    #[error("invalid secret reference: {0}")]
    InvalidRef(String),
}
