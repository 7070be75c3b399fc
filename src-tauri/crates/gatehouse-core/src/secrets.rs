//! The secret store `Gatehouse::open` uses: the OS keychain, reached on first use, so the
//! many commands that never touch a secret neither wait on D-Bus nor fail on a desktop
//! session without a Secret Service. Also how secret-store errors become core errors.

use std::sync::OnceLock;

use gatehouse_secrets::{KeychainStore, SecretError, SecretRef, SecretStore, Sensitive};

use crate::error::CoreError;

/// [`KeychainStore`], opened the first time a secret is read, written or deleted. If the
/// keychain cannot be reached, every operation reports why (`SecretError::Unavailable`).
#[derive(Default)]
pub struct LazyKeychain {
    store: OnceLock<Result<KeychainStore, SecretError>>,
}

impl LazyKeychain {
    pub fn new() -> Self {
        Self::default()
    }

    fn store(&self) -> Result<&KeychainStore, SecretError> {
        self.store.get_or_init(KeychainStore::new).as_ref().map_err(Clone::clone)
    }
}

impl SecretStore for LazyKeychain {
    fn put(&self, key: &SecretRef, value: &Sensitive<Vec<u8>>) -> Result<(), SecretError> {
        self.store()?.put(key, value)
    }

    fn get(&self, key: &SecretRef) -> Result<Option<Sensitive<Vec<u8>>>, SecretError> {
        self.store()?.get(key)
    }

    fn delete(&self, key: &SecretRef) -> Result<(), SecretError> {
        self.store()?.delete(key)
    }
}

/// A keychain failure as the admin reads it. `SecretError` messages name the operation
/// and the reference, never the secret.
impl From<SecretError> for CoreError {
    fn from(e: SecretError) -> Self {
        CoreError::Internal(e.to_string())
    }
}
