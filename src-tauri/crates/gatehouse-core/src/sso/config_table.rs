//! The `sso_configs` table: an application's saved SSO configuration, one row per
//! application. Lists (ACS URLs, attributes) are JSON arrays in their row: they are only
//! ever read and written with the rest of the configuration.
//!
//! Invariant: a row holds a validated configuration; `save` replaces it whole.

use std::collections::BTreeMap;

use gatehouse_saml::{NameIdFormat, SamlSigning};
use rusqlite::{params, Connection, OptionalExtension};

use super::SsoConfig;
use crate::error::{CoreError, CoreResult};

/// The saved placeholder values and configuration, or `None` (connector defaults).
pub fn load(conn: &Connection, app_id: &str) -> CoreResult<Option<(BTreeMap<String, String>, SsoConfig)>> {
    let row = conn
        .prepare_cached(
            "SELECT placeholders, idp_entity_id, sp_entity_id, acs_urls, sp_login_url, name_id_format, name_id_field,
               signing, user_attributes, constant_attributes, group_attribute
             FROM sso_configs WHERE app_id = ?1",
        )?
        .query_row([app_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })
        .optional()?;
    let Some((placeholders, idp, sp, acs, login, format, field, signing, attrs, constants, group)) = row else {
        return Ok(None);
    };
    let config = SsoConfig {
        idp_entity_id: idp,
        sp_entity_id: sp,
        acs_urls: parse(&acs, "acs_urls")?,
        sp_login_url: login,
        name_id_format: parse::<NameIdFormat>(&serde_json::Value::String(format).to_string(), "name_id_format")?,
        name_id_field: field,
        signing: parse::<SamlSigning>(&serde_json::Value::String(signing).to_string(), "signing")?,
        attributes: parse(&attrs, "user_attributes")?,
        constant_attributes: parse(&constants, "constant_attributes")?,
        group_attribute: group,
    };
    Ok(Some((parse(&placeholders, "placeholders")?, config)))
}

/// Inserts or replaces the application's configuration.
pub fn save(
    conn: &Connection,
    app_id: &str,
    placeholders: &BTreeMap<String, String>,
    c: &SsoConfig,
    now: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO sso_configs (app_id, placeholders, idp_entity_id, sp_entity_id, acs_urls, sp_login_url,
           name_id_format, name_id_field, signing, user_attributes, constant_attributes, group_attribute, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (app_id) DO UPDATE SET placeholders = excluded.placeholders,
           idp_entity_id = excluded.idp_entity_id, sp_entity_id = excluded.sp_entity_id,
           acs_urls = excluded.acs_urls, sp_login_url = excluded.sp_login_url,
           name_id_format = excluded.name_id_format, name_id_field = excluded.name_id_field,
           signing = excluded.signing, user_attributes = excluded.user_attributes,
           constant_attributes = excluded.constant_attributes, group_attribute = excluded.group_attribute,
           updated_at = excluded.updated_at",
    )?
    .execute(params![
        app_id,
        json(placeholders)?,
        c.idp_entity_id,
        c.sp_entity_id,
        json(&c.acs_urls)?,
        c.sp_login_url,
        text(&c.name_id_format)?,
        c.name_id_field,
        text(&c.signing)?,
        json(&c.attributes)?,
        json(&c.constant_attributes)?,
        c.group_attribute,
        now
    ])?;
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> CoreResult<String> {
    serde_json::to_string(value).map_err(|e| CoreError::Internal(e.to_string()))
}

/// A unit enum's serde name (`both`, the NameID format URI).
fn text<T: serde::Serialize>(value: &T) -> CoreResult<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        other => Err(CoreError::Internal(format!("expected a string, got {other:?}"))),
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, column: &str) -> CoreResult<T> {
    serde_json::from_str(text).map_err(|e| CoreError::Internal(format!("sso_configs.{column} cannot be read: {e}")))
}
