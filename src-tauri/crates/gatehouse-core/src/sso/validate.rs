//! Validation of the SSO tab: every field is checked, in the order the form shows them,
//! and the first problem is reported at its field path (`placeholders.YOURDOMAIN`,
//! `acsUrls.1.url`, `attributes.0.name`) so the UI can put the message beside it.
//! URLs and entity IDs are checked with the placeholders filled in, as they will be sent.

use std::collections::BTreeMap;

use gatehouse_catalog::{find_placeholders, SsoDefaults};

use super::fields::{self, Use};
use super::SsoConstantAttribute;
use super::{resolve, templated_fields, AcsUrl, Current, SsoApp, SsoAttribute, SsoConfig, SsoConfigInput};
use crate::error::{CoreError, CoreResult};

/// Longest entity ID or URL accepted.
const MAX_URI: usize = 2048;
/// Longest attribute name.
const MAX_NAME: usize = 256;
/// Longest constant value or placeholder value.
const MAX_VALUE: usize = 1024;
/// Most ACS URLs one application may list.
pub const MAX_ACS_URLS: usize = 32;

/// Checks `input` against the application's connector; returns it trimmed and complete.
pub fn input(app: &SsoApp<'_>, input: &SsoConfigInput) -> CoreResult<Current> {
    let placeholders = placeholders(app.sso, &input.placeholders)?;
    let config = trimmed(&input.config);
    let resolved = resolve(&config, &placeholders);
    unfilled(app.sso, &resolved)?;
    config_fields(app, &resolved)?;
    Ok(Current { config, placeholders, saved: true })
}

/// The connector's placeholders with their values: known tokens only, values trimmed,
/// empty ones dropped, and each made of URL-safe characters.
fn placeholders(sso: &SsoDefaults, given: &BTreeMap<String, String>) -> CoreResult<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (token, value) in given {
        let field = format!("placeholders.{token}");
        let Some(p) = sso.placeholders.iter().find(|p| &p.token == token) else {
            return Err(CoreError::invalid(field, format!("{token} is not a placeholder of this application.")));
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if value.chars().count() > MAX_VALUE / 4 {
            return Err(CoreError::invalid(field, format!("{} must be at most 256 characters.", p.label)));
        }
        if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~')) {
            return Err(CoreError::invalid(
                field,
                format!("{} may use only letters, digits, '-', '_', '.' and '~' (it becomes part of URLs).", p.label),
            ));
        }
        out.insert(token.clone(), value.to_string());
    }
    Ok(out)
}

/// Whitespace trimmed; an empty SP login URL or group attribute is none.
fn trimmed(c: &SsoConfig) -> SsoConfig {
    let some = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    SsoConfig {
        idp_entity_id: c.idp_entity_id.trim().to_string(),
        sp_entity_id: c.sp_entity_id.trim().to_string(),
        acs_urls: c
            .acs_urls
            .iter()
            .map(|a| AcsUrl { url: a.url.trim().to_string(), is_default: a.is_default })
            .collect(),
        sp_login_url: some(&c.sp_login_url),
        name_id_format: c.name_id_format,
        name_id_field: c.name_id_field.trim().to_string(),
        signing: c.signing,
        attributes: c
            .attributes
            .iter()
            .map(|a| SsoAttribute { name: a.name.trim().to_string(), field: a.field.trim().to_string() })
            .collect(),
        constant_attributes: c
            .constant_attributes
            .iter()
            .map(|a| SsoConstantAttribute { name: a.name.trim().to_string(), value: a.value.clone() })
            .collect(),
        group_attribute: some(&c.group_attribute),
    }
}

/// A placeholder still present once the values are filled in is an error at its input.
fn unfilled(sso: &SsoDefaults, resolved: &SsoConfig) -> CoreResult<()> {
    for (path, text) in templated_fields(resolved) {
        for token in find_placeholders(text) {
            if let Some(p) = sso.placeholders.iter().find(|p| p.token == token) {
                let example = p.example.as_deref().map(|e| format!(" (for example {e})")).unwrap_or_default();
                return Err(CoreError::invalid(
                    format!("placeholders.{token}"),
                    format!("Fill in {}{example}: it replaces {token} in {}.", p.label, field_label(&path)),
                ));
            }
        }
    }
    Ok(())
}

/// How the SSO tab labels a templated field, for messages (`acsUrls.1.url` → "ACS URL 2").
fn field_label(path: &str) -> String {
    match path {
        "idpEntityId" => "the IdP entity ID".into(),
        "spEntityId" => "the SP entity ID".into(),
        "spLoginUrl" => "the SP login URL".into(),
        other => match other.strip_prefix("acsUrls.").and_then(|r| r.strip_suffix(".url")) {
            Some(i) => format!("ACS URL {}", i.parse::<usize>().map_or(1, |i| i + 1)),
            None => other.into(),
        },
    }
}

fn config_fields(app: &SsoApp<'_>, c: &SsoConfig) -> CoreResult<()> {
    entity_id("idpEntityId", "IdP entity ID", &c.idp_entity_id)?;
    entity_id("spEntityId", "SP entity ID", &c.sp_entity_id)?;
    acs_urls(&c.acs_urls)?;
    if let Some(url) = &c.sp_login_url {
        if app.sso.sp_login_url_template.is_none() {
            return Err(CoreError::invalid(
                "spLoginUrl",
                format!("{} has no SP-initiated login page; leave the SP login URL empty.", app.connector.name),
            ));
        }
        http_url("spLoginUrl", "The SP login URL", url)?;
    }
    fields::parse(&c.name_id_field, Use::NameId).map_err(|m| CoreError::invalid("nameIdField", m))?;
    let mut names: Vec<(String, String)> = Vec::new();
    let mut unique = |field: String, name: &str| -> CoreResult<()> {
        let key = name.to_lowercase();
        if let Some((_, first)) = names.iter().find(|(k, _)| *k == key) {
            return Err(CoreError::invalid(
                field,
                format!("The attribute name '{name}' is already used by {first}; attribute names must be unique."),
            ));
        }
        names.push((key, field));
        Ok(())
    };
    for (i, a) in c.attributes.iter().enumerate() {
        let field = format!("attributes.{i}.name");
        attribute_name(&field, &a.name)?;
        unique(field, &a.name)?;
        fields::parse(&a.field, Use::Attribute).map_err(|m| CoreError::invalid(format!("attributes.{i}.field"), m))?;
    }
    for (i, a) in c.constant_attributes.iter().enumerate() {
        let field = format!("constantAttributes.{i}.name");
        attribute_name(&field, &a.name)?;
        unique(field, &a.name)?;
        let value_field = format!("constantAttributes.{i}.value");
        if a.value.trim().is_empty() {
            return Err(CoreError::invalid(value_field, "Give the constant attribute a value."));
        }
        if a.value.chars().count() > MAX_VALUE || a.value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(CoreError::invalid(
                value_field,
                format!(
                    "A constant value is at most {MAX_VALUE} characters, without line breaks or control characters."
                ),
            ));
        }
    }
    if let Some(name) = &c.group_attribute {
        if !app.sso.group_attribute {
            return Err(CoreError::invalid(
                "groupAttribute",
                format!("{} does not accept a group attribute; leave it empty.", app.connector.name),
            ));
        }
        attribute_name("groupAttribute", name)?;
        unique("groupAttribute".into(), name)?;
    }
    Ok(())
}

fn entity_id(field: &str, label: &str, value: &str) -> CoreResult<()> {
    if value.is_empty() {
        return Err(CoreError::invalid(field, format!("The {label} is required.")));
    }
    if value.chars().count() > MAX_URI || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CoreError::invalid(
            field,
            format!("The {label} must be at most {MAX_URI} characters, without spaces."),
        ));
    }
    Ok(())
}

fn acs_urls(list: &[AcsUrl]) -> CoreResult<()> {
    if list.is_empty() {
        return Err(CoreError::invalid("acsUrls", "Add the application's ACS URL."));
    }
    if list.len() > MAX_ACS_URLS {
        return Err(CoreError::invalid("acsUrls", format!("At most {MAX_ACS_URLS} ACS URLs.")));
    }
    let mut default: Option<usize> = None;
    for (i, a) in list.iter().enumerate() {
        let field = format!("acsUrls.{i}.url");
        http_url(&field, "An ACS URL", &a.url)?;
        if list[..i].iter().any(|b| b.url == a.url) {
            return Err(CoreError::invalid(field, "This ACS URL is listed twice."));
        }
        if a.is_default {
            if default.is_some() {
                return Err(CoreError::invalid(
                    format!("acsUrls.{i}.isDefault"),
                    "Only one ACS URL can be the default.",
                ));
            }
            default = Some(i);
        }
    }
    if default.is_none() {
        return Err(CoreError::invalid("acsUrls", "Mark one ACS URL as the default."));
    }
    Ok(())
}

/// An absolute `http` or `https` URL with a host, no fragment.
fn http_url(field: &str, label: &str, value: &str) -> CoreResult<()> {
    let bad = |why: &str| CoreError::invalid(field, format!("{label} {why}"));
    if value.is_empty() {
        return Err(bad("is required."));
    }
    if value.chars().count() > MAX_URI || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(&format!("must be at most {MAX_URI} characters, without spaces.")));
    }
    let url =
        url::Url::parse(value).map_err(|_| bad("must be an absolute URL such as https://app.example.com/saml/acs."))?;
    if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad("must be an http or https URL with a host."));
    }
    if url.fragment().is_some() {
        return Err(bad("must not have a #fragment."));
    }
    Ok(())
}

fn attribute_name(field: &str, name: &str) -> CoreResult<()> {
    if name.is_empty() {
        return Err(CoreError::invalid(field, "Give the attribute a name."));
    }
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            field,
            format!("An attribute name is at most {MAX_NAME} characters, without control characters."),
        ));
    }
    Ok(())
}
