//! SAML single sign-on per application: the SSO tab's configuration (with the connector's
//! placeholders), SP metadata import, signing certificates and their rollover, IdP
//! metadata, and the signed Response an IdP-initiated sign-in posts (preview and test).
//!
//! Invariants: an application without a saved row uses its connector's defaults; a saved
//! configuration is complete and valid (every save is validated and written in one
//! transaction with its event); entity IDs and URLs are kept as templates whose
//! placeholder tokens are replaced by the saved values wherever they occur; private keys
//! live only in the secret store (the database holds the certificate and a reference).

mod assertion;
mod certificate_table;
mod certificates;
mod config_table;
mod fields;
mod sp_import;
#[cfg(test)]
mod tests;
mod validate;

use std::collections::{BTreeMap, HashMap};

use gatehouse_catalog::{fill_placeholders, find_placeholders, Connector, SsoDefaults};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use assertion::{AssertionAttribute, AssertionPreview};
pub use certificates::{CertificateRecord, CertificateStatus};
pub use gatehouse_saml::{
    CertificateInfo, ExpiryLevel, KeyAlgorithm, NameIdFormat, OffsetDateTime, SamlSigning, DEFAULT_VALIDITY_DAYS,
    MAX_VALIDITY_DAYS,
};
pub use sp_import::{read_sp_metadata_file, FieldChange, SpMetadataChanges};

use crate::applications::table as apps;
use crate::clock::now_rfc3339;
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::{settings, Gatehouse};

/// One assertion consumer service URL of the application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcsUrl {
    pub url: String,
    /// The URL IdP-initiated Responses are posted to; exactly one is the default.
    pub is_default: bool,
}

/// A SAML attribute filled from a directory field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SsoAttribute {
    /// The application's (service provider's) attribute name.
    pub name: String,
    /// Directory field: `firstname`, `jobTitle`, `addresses.locality`,
    /// `customAttributes.<name>`, `active`.
    pub field: String,
}

/// A SAML attribute with the same value for every user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SsoConstantAttribute {
    pub name: String,
    pub value: String,
}

/// An application's IdP configuration. Entity IDs and URLs may contain placeholder tokens
/// (`https://YOURDOMAIN.15five.com/saml2/acs/`); see [`SsoView::resolved`] for the values
/// with the placeholders filled in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SsoConfig {
    /// The Issuer of Gatehouse's Responses for this application.
    pub idp_entity_id: String,
    /// The application's entity ID: the Audience of the assertions.
    pub sp_entity_id: String,
    /// Where Responses are posted; exactly one is the default.
    pub acs_urls: Vec<AcsUrl>,
    /// Where users start an SP-initiated sign-in; only for connectors that have one.
    pub sp_login_url: Option<String>,
    pub name_id_format: NameIdFormat,
    /// Directory field whose value is the NameID (`email`).
    pub name_id_field: String,
    /// What carries Gatehouse's signature: the assertion, the response, or both.
    pub signing: SamlSigning,
    /// Attributes with each user's own value.
    pub attributes: Vec<SsoAttribute>,
    /// Attributes with the same value for every user.
    pub constant_attributes: Vec<SsoConstantAttribute>,
    /// Name of the attribute listing the user's groups bound to this application
    /// (multi-valued); `null`: not sent.
    pub group_attribute: Option<String>,
}

/// What the SSO tab saves: the configuration and the placeholder values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SsoConfigInput {
    /// Placeholder token → the admin's value (`{"YOURDOMAIN": "acme"}`). Every token still
    /// present in a field must have a value.
    #[serde(default)]
    pub placeholders: BTreeMap<String, String>,
    #[serde(flatten)]
    pub config: SsoConfig,
}

/// A connector placeholder with the application's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlaceholderField {
    /// The text replaced in the templates (`YOURDOMAIN`).
    pub token: String,
    pub label: String,
    pub help: String,
    pub example: Option<String>,
    /// The saved value; empty while unfilled.
    pub value: String,
    /// The fields whose template contains the token (`idpEntityId`, `acsUrls.0.url`, …).
    pub used_in: Vec<String>,
}

/// The SSO tab of one application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SsoView {
    pub app_id: String,
    pub app_label: String,
    pub connector_id: String,
    pub connector_name: String,
    /// `<IdP base URL>/saml2/<custom value>`: the SSO endpoint; read-only.
    pub idp_url: String,
    /// Nothing was saved yet: `config` is the connector's defaults.
    pub is_default: bool,
    /// The configuration as edited, placeholder tokens included.
    pub config: SsoConfig,
    /// `config` with the placeholder values filled in: what Responses and metadata use.
    pub resolved: SsoConfig,
    /// The connector's placeholders, each with its value.
    pub placeholders: Vec<PlaceholderField>,
    /// Placeholder tokens still present in `resolved` (the configuration cannot be saved
    /// until each has a value).
    pub unfilled: Vec<String>,
    /// The connector has an SP-initiated login page (`config.spLoginUrl` applies).
    pub has_sp_login_url: bool,
    pub idp_initiated: bool,
    pub sp_initiated: bool,
    /// The connector accepts a group attribute.
    pub group_attribute_supported: bool,
    /// The name to offer when the admin turns the group attribute on.
    pub group_attribute_suggestion: String,
    /// Attribute names the application needs for just-in-time account creation: the
    /// name is fixed (the admin may change the field or remove the attribute).
    pub jit_required_attributes: Vec<String>,
    /// Active first, then next, then retired (newest first).
    pub certificates: Vec<CertificateRecord>,
    /// Expiry warning of the active certificate; `null` when none is due (or no active
    /// certificate exists).
    pub certificate_expiry: Option<ExpiryLevel>,
}

/// An application with SAML SSO: its row, its IdP URL and its connector's SSO defaults.
pub(crate) struct SsoApp<'c> {
    pub id: String,
    pub label: String,
    pub idp_url: String,
    pub connector: &'c Connector,
    pub sso: &'c SsoDefaults,
}

/// A configuration in force: the templates, the placeholder values, whether it was saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Current {
    pub config: SsoConfig,
    pub placeholders: BTreeMap<String, String>,
    pub saved: bool,
}

impl Current {
    /// The configuration with every placeholder value filled in.
    pub fn resolved(&self) -> SsoConfig {
        resolve(&self.config, &self.placeholders)
    }
}

/// The connector's defaults, placeholders unfilled.
pub(crate) fn defaults(sso: &SsoDefaults) -> SsoConfig {
    SsoConfig {
        idp_entity_id: sso.idp_entity_id_template.clone(),
        sp_entity_id: sso.sp_entity_id_template.clone(),
        acs_urls: sso
            .acs_url_templates
            .iter()
            .enumerate()
            .map(|(i, url)| AcsUrl { url: url.clone(), is_default: i == 0 })
            .collect(),
        sp_login_url: sso.sp_login_url_template.clone(),
        name_id_format: sso.name_id_format,
        name_id_field: sso.name_id_source.clone(),
        signing: sso.signing,
        attributes: sso
            .user_attributes
            .iter()
            .map(|a| SsoAttribute { name: a.name.clone(), field: a.source.clone() })
            .collect(),
        constant_attributes: sso
            .constant_attributes
            .iter()
            .map(|c| SsoConstantAttribute { name: c.name.clone(), value: c.value.clone() })
            .collect(),
        group_attribute: if sso.group_attribute { sso.group_attribute_name.clone() } else { None },
    }
}

/// `config` with each placeholder replaced by its (non-empty) value wherever it occurs.
pub(crate) fn resolve(config: &SsoConfig, placeholders: &BTreeMap<String, String>) -> SsoConfig {
    let values: HashMap<String, String> =
        placeholders.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect();
    let fill = |s: &str| fill_placeholders(s, &values);
    SsoConfig {
        idp_entity_id: fill(&config.idp_entity_id),
        sp_entity_id: fill(&config.sp_entity_id),
        acs_urls: config.acs_urls.iter().map(|a| AcsUrl { url: fill(&a.url), is_default: a.is_default }).collect(),
        sp_login_url: config.sp_login_url.as_deref().map(fill),
        ..config.clone()
    }
}

/// Every templated field with its path as the UI names it (`acsUrls.1.url`).
pub(crate) fn templated_fields(config: &SsoConfig) -> Vec<(String, &str)> {
    let mut out = vec![
        ("idpEntityId".to_string(), config.idp_entity_id.as_str()),
        ("spEntityId".to_string(), config.sp_entity_id.as_str()),
    ];
    out.extend(config.acs_urls.iter().enumerate().map(|(i, a)| (format!("acsUrls.{i}.url"), a.url.as_str())));
    if let Some(url) = &config.sp_login_url {
        out.push(("spLoginUrl".to_string(), url.as_str()));
    }
    out
}

/// The connector's placeholder tokens still present in `resolved`, in connector order.
pub(crate) fn unfilled(sso: &SsoDefaults, resolved: &SsoConfig) -> Vec<String> {
    let present: Vec<String> =
        templated_fields(resolved).iter().flat_map(|(_, text)| find_placeholders(text)).collect();
    sso.placeholders.iter().filter(|p| present.contains(&p.token)).map(|p| p.token.clone()).collect()
}

/// The fields of [`SsoConfig`] as the IPC types name them, in the SSO tab's order.
const CONFIG_FIELDS: [&str; 10] = [
    "idpEntityId",
    "spEntityId",
    "acsUrls",
    "spLoginUrl",
    "nameIdFormat",
    "nameIdField",
    "signing",
    "attributes",
    "constantAttributes",
    "groupAttribute",
];

/// Names (as in the IPC types) of the configuration fields that differ, `placeholders`
/// first.
fn changed_fields(before: &Current, after: &Current) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(&before.config), serde_json::to_value(&after.config))
    else {
        return Vec::new();
    };
    let mut changed: Vec<String> =
        CONFIG_FIELDS.iter().filter(|k| a.get(**k) != b.get(**k)).map(|k| k.to_string()).collect();
    if before.placeholders != after.placeholders {
        changed.insert(0, "placeholders".into());
    }
    changed
}

impl Gatehouse {
    /// The application `app_id` with its connector's SSO defaults; refused (field `id`)
    /// for connectors without SAML SSO.
    pub(crate) fn sso_app(&self, conn: &Connection, app_id: &str) -> CoreResult<SsoApp<'_>> {
        let row = apps::get(conn, app_id)?;
        let connector = self.connector(&row.connector_id).map_err(|_| {
            CoreError::invalid(
                "id",
                format!("{} uses connector '{}', which is not in the catalog.", row.general.label, row.connector_id),
            )
        })?;
        let sso = connector.sso.as_ref().filter(|_| connector.supports.sso).ok_or_else(|| {
            CoreError::invalid("id", format!("{} ({}) has no SAML single sign-on.", row.general.label, connector.name))
        })?;
        let idp_url = settings::get(conn)?.idp_url(&row.idp_url_suffix);
        Ok(SsoApp { id: row.id, label: row.general.label, idp_url, connector, sso })
    }

    /// The configuration in force: saved, else the connector's defaults.
    pub(crate) fn current_sso(&self, conn: &Connection, app: &SsoApp<'_>) -> CoreResult<Current> {
        Ok(match config_table::load(conn, &app.id)? {
            Some((placeholders, config)) => Current { config, placeholders, saved: true },
            None => Current { config: defaults(app.sso), placeholders: BTreeMap::new(), saved: false },
        })
    }

    fn sso_view(&self, conn: &Connection, app: &SsoApp<'_>) -> CoreResult<SsoView> {
        let current = self.current_sso(conn, app)?;
        let resolved = current.resolved();
        let certificates = certificates::records(conn, &app.id, gatehouse_saml::OffsetDateTime::now_utc())?;
        let certificate_expiry =
            certificates.iter().find(|c| c.status == CertificateStatus::Active).and_then(|c| c.expiry);
        let fields = templated_fields(&current.config);
        let placeholders = app
            .sso
            .placeholders
            .iter()
            .map(|p| PlaceholderField {
                token: p.token.clone(),
                label: p.label.clone(),
                help: p.help.clone(),
                example: p.example.clone(),
                value: current.placeholders.get(&p.token).cloned().unwrap_or_default(),
                used_in: fields
                    .iter()
                    .filter(|(_, text)| find_placeholders(text).contains(&p.token))
                    .map(|(path, _)| path.clone())
                    .collect(),
            })
            .collect();
        Ok(SsoView {
            app_id: app.id.clone(),
            app_label: app.label.clone(),
            connector_id: app.connector.id.clone(),
            connector_name: app.connector.name.clone(),
            idp_url: app.idp_url.clone(),
            is_default: !current.saved,
            unfilled: unfilled(app.sso, &resolved),
            placeholders,
            has_sp_login_url: app.sso.sp_login_url_template.is_some(),
            idp_initiated: app.sso.idp_initiated,
            sp_initiated: app.sso.sp_initiated,
            group_attribute_supported: app.sso.group_attribute,
            group_attribute_suggestion: app.sso.group_attribute_name.clone().unwrap_or_else(|| "memberOf".into()),
            jit_required_attributes: app
                .sso
                .user_attributes
                .iter()
                .filter(|a| a.jit_required)
                .map(|a| a.name.clone())
                .collect(),
            config: current.config,
            resolved,
            certificates,
            certificate_expiry,
        })
    }

    /// The SSO tab: the saved configuration, else the connector's defaults with their
    /// placeholders unfilled; with the IdP URL, placeholders and certificates.
    pub fn sso_config(&self, app_id: &str) -> CoreResult<SsoView> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        self.sso_view(&conn, &app)
    }

    /// Validates every field (errors name it: `acsUrls.1.url`, `attributes.0.name`,
    /// `placeholders.YOURDOMAIN`) and saves; records `sso_update` with the fields that
    /// changed. Saving the configuration in force changes nothing.
    pub fn save_sso_config(&self, app_id: &str, input: &SsoConfigInput) -> CoreResult<SsoView> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        drop(conn);
        let after = validate::input(&app, input)?;
        self.store().with_tx(|tx| self.write_sso(tx, &app, after, "sso_update", serde_json::json!({})))?;
        self.sso_view(&self.store().conn(), &app)
    }

    /// Writes a validated configuration unless it is the one in force, with event `name`
    /// (detail `extra` plus the changed fields).
    pub(crate) fn write_sso(
        &self,
        tx: &Connection,
        app: &SsoApp<'_>,
        after: Current,
        name: &'static str,
        mut extra: serde_json::Value,
    ) -> CoreResult<Vec<String>> {
        let before = self.current_sso(tx, app)?;
        let changed = changed_fields(&before, &after);
        if before.saved && changed.is_empty() {
            return Ok(changed);
        }
        config_table::save(tx, &app.id, &after.placeholders, &after.config, &now_rfc3339())?;
        extra["changed"] = serde_json::json!(changed);
        let ev =
            NewEvent::success(name).app(&app.id, &app.label).subject("application", &app.id, &app.label).detail(extra);
        self.record(tx, ev)?;
        Ok(changed)
    }
}

/// The expiry warning of an application's active certificate, for the applications list.
pub(crate) fn active_certificate_expiry(conn: &Connection, app_id: &str) -> CoreResult<Option<ExpiryLevel>> {
    certificates::active_expiry(conn, app_id, gatehouse_saml::OffsetDateTime::now_utc())
}

/// The keychain references of an application's keys (to delete them with it).
pub(crate) fn key_refs(conn: &Connection, app_id: &str) -> CoreResult<Vec<String>> {
    certificate_table::key_refs(conn, app_id)
}
