//! `SecretRef`: the stable, non-secret name of a secret, safe to store in SQLite and to
//! show in logs. It is the keychain account name, so it must stay stable once written.

use crate::SecretError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Longest accepted reference; Secret Service and Windows limit attribute lengths.
const MAX_LEN: usize = 256;

/// A reference such as `saml-key:<app_id>:<cert_id>`: printable, at most 256 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SecretRef(String);

impl SecretRef {
    /// Checks and wraps a reference string.
    pub fn new(id: impl Into<String>) -> Result<Self, SecretError> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(SecretError::InvalidRef("it is empty".into()));
        }
        if id.len() > MAX_LEN {
            return Err(SecretError::InvalidRef(format!("it is {} bytes long, the limit is {MAX_LEN}", id.len())));
        }
        if id.chars().any(char::is_control) {
            return Err(SecretError::InvalidRef("it contains control characters".into()));
        }
        Ok(SecretRef(id))
    }

    /// The private key of an application's SAML signing certificate:
    /// `saml-key:<app_id>:<cert_id>`.
    pub fn saml_key(app_id: &str, cert_id: &str) -> Result<Self, SecretError> {
        Self::new(format!("saml-key:{app_id}:{cert_id}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SecretRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for SecretRef {
    type Err = SecretError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<String> for SecretRef {
    type Error = SecretError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<SecretRef> for String {
    fn from(r: SecretRef) -> Self {
        r.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saml_key_has_the_documented_shape() {
        let r = SecretRef::saml_key("app-1", "cert-2").unwrap();
        assert_eq!(r.as_str(), "saml-key:app-1:cert-2");
        assert_eq!(r.to_string(), "saml-key:app-1:cert-2");
        assert_eq!("saml-key:app-1:cert-2".parse::<SecretRef>().unwrap(), r);
    }

    #[test]
    fn refs_that_cannot_name_a_keychain_entry_are_refused() {
        for bad in ["", "   ", "a\nb", "tab\there"] {
            assert!(SecretRef::new(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(SecretRef::new("x".repeat(MAX_LEN)).is_ok());
        assert!(SecretRef::new("x".repeat(MAX_LEN + 1)).is_err());
    }

    #[test]
    fn serializes_as_a_plain_string_and_validates_on_the_way_in() {
        let r = SecretRef::new("scim-token:app-1").unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), r#""scim-token:app-1""#);
        let back: SecretRef = serde_json::from_str(r#""scim-token:app-1""#).unwrap();
        assert_eq!(back, r);
        assert!(serde_json::from_str::<SecretRef>(r#""""#).is_err());
    }
}
