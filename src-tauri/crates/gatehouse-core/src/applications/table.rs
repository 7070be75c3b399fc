//! The `applications` and `application_groups` tables: configured instances of connectors
//! and the user groups bound to them (users reach an application only through a bound
//! group: access is denied otherwise).
//!
//! Invariant: `idp_url_suffix` (the `{custom_value}` of `<base>/saml2/{custom_value}`) is
//! unique and never changes after creation; there is no code path that updates it.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::directory::model::{shown_name, UserState};
use crate::error::{CoreError, CoreResult};
use crate::sso::ExpiryLevel;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PortalImage {
    #[default]
    Logo,
    Color,
}

/// The General tab: what an admin may change after creation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct GeneralInfo {
    pub label: String,
    pub description: String,
    pub portal_image: PortalImage,
    /// `#rrggbb`, used when `portalImage` is `color`.
    pub portal_color: String,
    pub show_in_portal: bool,
}

/// The Add Application wizard's result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct NewApplication {
    pub connector_id: String,
    pub general: GeneralInfo,
    /// The IdP URL custom value; empty means "derive from the label".
    pub idp_url_suffix: String,
}

/// Provisioning badge: absent (connector has none), grey (available, not active), green.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProvisioningStatus {
    Unsupported,
    Inactive,
    Active,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BoundGroup {
    pub id: String,
    pub name: String,
    pub member_count: u32,
    pub bound_at: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Application {
    pub id: String,
    pub connector_id: String,
    pub connector_name: String,
    #[serde(flatten)]
    pub general: GeneralInfo,
    pub idp_url_suffix: String,
    /// `<IdP base URL>/saml2/<idpUrlSuffix>`.
    pub idp_url: String,
    pub sso: bool,
    pub provisioning: ProvisioningStatus,
    pub groups: Vec<BoundGroup>,
    /// Expiry warning of the active SAML signing certificate (60, 30, 7 days, expired);
    /// absent while none is due or there is no certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub certificate_expiry: Option<ExpiryLevel>,
    pub created_at: String,
    pub updated_at: String,
}

/// A user who reaches an application, with the bound groups that grant access.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EffectiveUser {
    pub id: String,
    pub username: String,
    pub email: String,
    pub name: String,
    pub state: UserState,
    pub granted_by: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EffectiveUserPage {
    pub items: Vec<EffectiveUser>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

impl GeneralInfo {
    pub fn validated(&self) -> CoreResult<GeneralInfo> {
        let label = self.label.trim().to_string();
        if label.is_empty() {
            return Err(CoreError::invalid("label", "Display label is required."));
        }
        if label.chars().count() > 100 || label.chars().any(char::is_control) {
            return Err(CoreError::invalid("label", "Display label must be at most 100 printable characters."));
        }
        let description = self.description.trim().to_string();
        if description.chars().count() > 1024 {
            return Err(CoreError::invalid("description", "Description must be at most 1024 characters."));
        }
        let portal_color = self.portal_color.trim().to_ascii_lowercase();
        let is_hex = portal_color.len() == 7
            && portal_color.starts_with('#')
            && portal_color[1..].chars().all(|c| c.is_ascii_hexdigit());
        if self.portal_image == PortalImage::Color && !is_hex {
            return Err(CoreError::invalid("portalColor", "Choose a colour as #rrggbb."));
        }
        if !portal_color.is_empty() && !is_hex {
            return Err(CoreError::invalid("portalColor", "Colour must be written as #rrggbb."));
        }
        Ok(GeneralInfo { label, description, portal_color, ..self.clone() })
    }
}

/// Checks an IdP URL custom value: lowercase letters, digits and hyphens, 1 to 64 long.
pub fn validate_suffix(s: &str) -> CoreResult<()> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(CoreError::invalid(
            "idpUrlSuffix",
            "The IdP URL value may use only lowercase letters, digits and hyphens (1-64, not starting or ending with a hyphen).",
        ))
    }
}

/// A suffix derived from the label: lowercase, hyphens for anything else.
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let s = out.trim_matches('-').chars().take(56).collect::<String>().trim_matches('-').to_string();
    if s.is_empty() {
        "app".into()
    } else {
        s
    }
}

pub fn suffix_taken(conn: &Connection, suffix: &str) -> CoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM applications WHERE idp_url_suffix = ?1")?
        .query_row([suffix], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The raw row; the facade adds connector facts, the IdP URL and bound groups.
pub struct Row_ {
    pub id: String,
    pub connector_id: String,
    pub general: GeneralInfo,
    pub idp_url_suffix: String,
    pub created_at: String,
    pub updated_at: String,
}

pub fn insert(
    conn: &Connection,
    id: &str,
    connector_id: &str,
    g: &GeneralInfo,
    suffix: &str,
    now: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO applications (id, connector_id, label, description, portal_image, portal_color, show_in_portal,
           idp_url_suffix, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        connector_id,
        g.label,
        g.description,
        image_str(g.portal_image),
        g.portal_color,
        g.show_in_portal,
        suffix,
        now
    ])?;
    Ok(())
}

pub fn update_general(conn: &Connection, id: &str, g: &GeneralInfo, now: &str) -> CoreResult<()> {
    let n = conn
        .prepare_cached(
            "UPDATE applications SET label = ?2, description = ?3, portal_image = ?4, portal_color = ?5,
               show_in_portal = ?6, updated_at = ?7 WHERE id = ?1",
        )?
        .execute(params![
            id,
            g.label,
            g.description,
            image_str(g.portal_image),
            g.portal_color,
            g.show_in_portal,
            now
        ])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("application '{id}'")));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> CoreResult<()> {
    let n = conn.prepare_cached("DELETE FROM applications WHERE id = ?1")?.execute([id])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("application '{id}'")));
    }
    Ok(())
}

fn image_str(i: PortalImage) -> &'static str {
    match i {
        PortalImage::Logo => "logo",
        PortalImage::Color => "color",
    }
}

const SELECT: &str = "SELECT id, connector_id, label, description, portal_image, portal_color, show_in_portal,
  idp_url_suffix, created_at, updated_at FROM applications";

pub fn get(conn: &Connection, id: &str) -> CoreResult<Row_> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found(format!("application '{id}'")))
}

pub fn list(conn: &Connection) -> CoreResult<Vec<Row_>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY label COLLATE NOCASE, id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Row_> {
    let image: String = r.get(4)?;
    Ok(Row_ {
        id: r.get(0)?,
        connector_id: r.get(1)?,
        general: GeneralInfo {
            label: r.get(2)?,
            description: r.get(3)?,
            portal_image: if image == "color" { PortalImage::Color } else { PortalImage::Logo },
            portal_color: r.get(5)?,
            show_in_portal: r.get(6)?,
        },
        idp_url_suffix: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn bound_groups(conn: &Connection, app_id: &str) -> CoreResult<Vec<BoundGroup>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id), ag.bound_at
         FROM application_groups ag JOIN groups g ON g.id = ag.group_id WHERE ag.app_id = ?1 ORDER BY g.name_key",
    )?;
    let rows = stmt
        .query_map([app_id], |r| {
            Ok(BoundGroup { id: r.get(0)?, name: r.get(1)?, member_count: r.get(2)?, bound_at: r.get(3)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Binds; returns false when the group was already bound.
pub fn bind(conn: &Connection, app_id: &str, group_id: &str, now: &str) -> CoreResult<bool> {
    let n = conn
        .prepare_cached("INSERT OR IGNORE INTO application_groups (app_id, group_id, bound_at) VALUES (?1, ?2, ?3)")?
        .execute(params![app_id, group_id, now])?;
    Ok(n == 1)
}

/// Unbinds; returns false when the group was not bound.
pub fn unbind(conn: &Connection, app_id: &str, group_id: &str) -> CoreResult<bool> {
    let n = conn
        .prepare_cached("DELETE FROM application_groups WHERE app_id = ?1 AND group_id = ?2")?
        .execute(params![app_id, group_id])?;
    Ok(n == 1)
}

/// Every user reaching the application, each once, with the groups that grant it,
/// ordered by name and paged; `total` counts all.
///
/// The page walks users in name order and keeps those with a bound group (an index probe
/// each), so a page costs about `page_size` probes when most users have access; the
/// granting groups are then read for the page's users only.
pub fn effective_users(conn: &Connection, app_id: &str, page: u32, page_size: u32) -> CoreResult<EffectiveUserPage> {
    let page = page.max(1);
    let page_size = page_size.clamp(1, 100_000);
    let total: u32 = conn
        .prepare_cached(
            "SELECT count(DISTINCT m.user_id) FROM application_groups ag
             JOIN group_members m ON m.group_id = ag.group_id WHERE ag.app_id = ?1",
        )?
        .query_row([app_id], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.username, u.email, u.displayname, u.firstname, u.lastname, u.state
         FROM users u INDEXED BY users_by_name
         WHERE EXISTS (SELECT 1 FROM group_members m JOIN application_groups ag
                       ON ag.group_id = m.group_id AND ag.app_id = ?1 WHERE m.user_id = u.id)
         ORDER BY u.sort_name, u.username_key LIMIT ?2 OFFSET ?3",
    )?;
    let mut items = stmt
        .query_map(params![app_id, page_size, (page - 1) as i64 * page_size as i64], |r| {
            let username: String = r.get(1)?;
            let display: String = r.get(3)?;
            let name = shown_name(&display, &r.get::<_, String>(4)?, &r.get::<_, String>(5)?, &username);
            let state: String = r.get(6)?;
            Ok(EffectiveUser {
                id: r.get(0)?,
                username,
                email: r.get(2)?,
                name,
                state: UserState::parse(&state).unwrap_or_default(),
                granted_by: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut groups = conn.prepare_cached(
        "SELECT g.name FROM group_members m
         JOIN application_groups ag ON ag.group_id = m.group_id AND ag.app_id = ?1
         JOIN groups g ON g.id = m.group_id
         WHERE m.user_id = ?2 ORDER BY g.name_key",
    )?;
    for u in &mut items {
        u.granted_by = groups.query_map(params![app_id, u.id], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    }
    Ok(EffectiveUserPage { items, total, page, page_size })
}

/// The names of the application's bound groups that `user_id` belongs to (what grants the
/// user access), by name; empty when the user has no access.
pub fn granting_groups(conn: &Connection, app_id: &str, user_id: &str) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.name FROM group_members m
         JOIN application_groups ag ON ag.group_id = m.group_id AND ag.app_id = ?1
         JOIN groups g ON g.id = m.group_id
         WHERE m.user_id = ?2 ORDER BY g.name_key",
    )?;
    let names = stmt.query_map(params![app_id, user_id], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}
