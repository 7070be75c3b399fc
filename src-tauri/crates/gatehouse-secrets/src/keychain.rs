//! `KeychainStore`: the OS keychain through keyring 4's default store (Secret Service over
//! D-Bus on Linux, Keychain on macOS, Credential Manager on Windows). Entries use the
//! service [`KEYCHAIN_SERVICE`] and the `SecretRef` as account.
//!
//! keyring picks its store once per process; if that failed (no session bus, no Secret
//! Service), every operation reports [`SecretError::Unavailable`] with the original reason.
//! keyring errors are turned into text here, without their payloads: some variants carry
//! the raw secret bytes.

use crate::{SecretError, SecretRef, SecretStore, Sensitive};
use keyring::{Entry, Error as KeyringError};

/// The keychain service name of the installed app.
pub const KEYCHAIN_SERVICE: &str = "com.gatehouse.console";

/// The real OS keychain.
#[derive(Debug, Clone)]
pub struct KeychainStore {
    service: String,
}

impl KeychainStore {
    /// The installed app's store (service `com.gatehouse.console`). Fails fast, with the
    /// reason, when no keychain can be reached.
    pub fn new() -> Result<Self, SecretError> {
        Self::with_service(KEYCHAIN_SERVICE)
    }

    /// A store under another service name, so a development build never reads or
    /// overwrites an admin's real secrets.
    pub fn with_service(service: &str) -> Result<Self, SecretError> {
        if let Err(e) = Entry::store_status() {
            return Err(SecretError::Unavailable { reason: describe(e) });
        }
        Ok(KeychainStore { service: service.to_owned() })
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, op: &'static str, key: &SecretRef) -> Result<Entry, SecretError> {
        Entry::new(&self.service, key.as_str()).map_err(|e| to_error(op, key, &e))
    }
}

impl SecretStore for KeychainStore {
    fn put(&self, key: &SecretRef, value: &Sensitive<Vec<u8>>) -> Result<(), SecretError> {
        self.entry("put", key)?.set_secret(value.expose()).map_err(|e| to_error("put", key, &e))
    }

    fn get(&self, key: &SecretRef) -> Result<Option<Sensitive<Vec<u8>>>, SecretError> {
        match self.entry("get", key)?.get_secret() {
            Ok(bytes) => Ok(Some(Sensitive::new(bytes))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(to_error("get", key, &e)),
        }
    }

    fn delete(&self, key: &SecretRef) -> Result<(), SecretError> {
        match self.entry("delete", key)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(to_error("delete", key, &e)),
        }
    }
}

fn to_error(op: &'static str, key: &SecretRef, e: &KeyringError) -> SecretError {
    match e {
        KeyringError::NoStorageAccess(_) | KeyringError::NoDefaultStore => {
            SecretError::Unavailable { reason: describe(e) }
        }
        _ => SecretError::Keychain { op, key: key.to_string(), reason: describe(e) },
    }
}

/// keyring's `Display`, except for the variants whose payload is secret data.
fn describe(e: &KeyringError) -> String {
    match e {
        KeyringError::BadEncoding(_) => "the stored secret is not valid UTF-8".into(),
        KeyringError::BadDataFormat(..) => "the stored secret is malformed".into(),
        other => other.to_string(),
    }
}
