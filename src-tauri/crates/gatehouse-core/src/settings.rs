//! The `settings` table: organization-wide settings (organization name, IdP base URL from
//! which every application's IdP URL `<base>/saml2/{custom_value}` and entity ID are built).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    pub organization_name: String,
    /// e.g. `https://sso.example.com`; no trailing slash.
    pub idp_base_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { organization_name: "My Organization".into(), idp_base_url: "https://sso.example.com".into() }
    }
}

impl Settings {
    /// Checks every field and returns the settings in canonical form (trimmed, no trailing
    /// slash on the URL).
    pub fn validated(&self) -> CoreResult<Settings> {
        let organization_name = self.organization_name.trim().to_string();
        if organization_name.is_empty() {
            return Err(CoreError::invalid("organizationName", "Organization name is required."));
        }
        if organization_name.chars().count() > 120 {
            return Err(CoreError::invalid("organizationName", "Organization name must be at most 120 characters."));
        }
        let raw = self.idp_base_url.trim().trim_end_matches('/');
        let url = url::Url::parse(raw).map_err(|_| {
            CoreError::invalid("idpBaseUrl", "IdP base URL must be an absolute URL such as https://sso.example.com.")
        })?;
        let local = matches!(url.host_str(), Some("localhost") | Some("127.0.0.1") | Some("[::1]"));
        if url.scheme() != "https" && !(url.scheme() == "http" && local) {
            return Err(CoreError::invalid("idpBaseUrl", "IdP base URL must use https (http only for localhost)."));
        }
        if url.host_str().is_none() || url.query().is_some() || url.fragment().is_some() {
            return Err(CoreError::invalid("idpBaseUrl", "IdP base URL must have a host and no query or fragment."));
        }
        Ok(Settings { organization_name, idp_base_url: raw.to_string() })
    }

    /// The IdP URL of an application: `<base>/saml2/{custom_value}`.
    pub fn idp_url(&self, custom_value: &str) -> String {
        format!("{}/saml2/{}", self.idp_base_url, custom_value)
    }
}

pub fn get(conn: &Connection) -> CoreResult<Settings> {
    let read = |key: &str| -> CoreResult<Option<String>> {
        Ok(conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    };
    let defaults = Settings::default();
    Ok(Settings {
        organization_name: read("organization_name")?.unwrap_or(defaults.organization_name),
        idp_base_url: read("idp_base_url")?.unwrap_or(defaults.idp_base_url),
    })
}

/// Writes validated settings; returns the names of the fields that changed.
pub fn put(conn: &Connection, new: &Settings) -> CoreResult<Vec<&'static str>> {
    let old = get(conn)?;
    let mut changed = Vec::new();
    let write = |key: &str, value: &str| -> CoreResult<()> {
        conn.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?
        .execute(params![key, value])?;
        Ok(())
    };
    if old.organization_name != new.organization_name {
        write("organization_name", &new.organization_name)?;
        changed.push("organizationName");
    }
    if old.idp_base_url != new.idp_base_url {
        write("idp_base_url", &new.idp_base_url)?;
        changed.push("idpBaseUrl");
    }
    Ok(changed)
}
