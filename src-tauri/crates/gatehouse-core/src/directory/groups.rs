//! The `groups` and `group_members` tables. Group names are unique case-insensitively;
//! membership rows vanish with their group or user (foreign keys cascade).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct GroupDraft {
    pub name: String,
    pub description: String,
}

/// An application a group is bound to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppRef {
    pub id: String,
    pub label: String,
    pub connector_id: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub description: String,
    pub member_count: u32,
    pub applications: Vec<AppRef>,
    pub created_at: String,
    pub updated_at: String,
}

impl GroupDraft {
    pub fn validated(&self) -> CoreResult<GroupDraft> {
        let name = self.name.trim().to_string();
        let description = self.description.trim().to_string();
        if name.is_empty() {
            return Err(CoreError::invalid("name", "Group name is required."));
        }
        if name.chars().count() > 128 || name.chars().any(char::is_control) {
            return Err(CoreError::invalid("name", "Group name must be at most 128 printable characters."));
        }
        if description.chars().count() > 1024 {
            return Err(CoreError::invalid("description", "Description must be at most 1024 characters."));
        }
        Ok(GroupDraft { name, description })
    }
}

pub fn insert(conn: &Connection, id: &str, d: &GroupDraft, now: &str) -> CoreResult<()> {
    ensure_name_free(conn, &d.name, None)?;
    conn.prepare_cached(
        "INSERT INTO groups (id, name, name_key, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![id, d.name, d.name.to_lowercase(), d.description, now])?;
    Ok(())
}

pub fn update(conn: &Connection, id: &str, d: &GroupDraft, now: &str) -> CoreResult<()> {
    ensure_name_free(conn, &d.name, Some(id))?;
    let n = conn
        .prepare_cached("UPDATE groups SET name = ?2, name_key = ?3, description = ?4, updated_at = ?5 WHERE id = ?1")?
        .execute(params![id, d.name, d.name.to_lowercase(), d.description, now])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("group {id}")));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> CoreResult<()> {
    let n = conn.prepare_cached("DELETE FROM groups WHERE id = ?1")?.execute([id])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("group {id}")));
    }
    Ok(())
}

fn ensure_name_free(conn: &Connection, name: &str, except: Option<&str>) -> CoreResult<()> {
    let other: Option<String> = conn
        .prepare_cached("SELECT id FROM groups WHERE name_key = ?1")?
        .query_row([name.to_lowercase()], |r| r.get(0))
        .optional()?;
    match other {
        Some(o) if Some(o.as_str()) != except => {
            Err(CoreError::conflict("name", format!("A group named '{name}' already exists.")))
        }
        _ => Ok(()),
    }
}

const SELECT: &str = "SELECT g.id, g.name, g.description, g.created_at, g.updated_at,
  (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) FROM groups g";

/// Finds a group by id or name (case-insensitive).
pub fn find(conn: &Connection, id_or_name: &str) -> CoreResult<Group> {
    let g = conn
        .prepare_cached(&format!("{SELECT} WHERE g.id = ?1 OR g.name_key = ?2"))?
        .query_row(params![id_or_name, id_or_name.to_lowercase()], from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found(format!("group '{id_or_name}'")))?;
    with_apps(conn, g)
}

pub fn list(conn: &Connection, search: Option<&str>) -> CoreResult<Vec<Group>> {
    let like = format!("%{}%", search.unwrap_or("").trim().to_lowercase());
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE g.name_key LIKE ?1 ORDER BY g.name_key"))?;
    let groups = stmt.query_map([like], from_row)?.collect::<Result<Vec<_>, _>>()?;
    groups.into_iter().map(|g| with_apps(conn, g)).collect()
}

fn with_apps(conn: &Connection, mut g: Group) -> CoreResult<Group> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.label, a.connector_id FROM application_groups ag JOIN applications a ON a.id = ag.app_id
         WHERE ag.group_id = ?1 ORDER BY a.label COLLATE NOCASE",
    )?;
    g.applications = stmt
        .query_map([&g.id], |r| Ok(AppRef { id: r.get(0)?, label: r.get(1)?, connector_id: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(g)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
        member_count: r.get(5)?,
        applications: Vec::new(),
    })
}

/// Adds members; returns how many were not members before.
pub fn add_members(conn: &Connection, group_id: &str, user_ids: &[String]) -> CoreResult<usize> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?1, ?2)")?;
    let mut added = 0;
    for u in user_ids {
        added += stmt.execute(params![group_id, u])?;
    }
    Ok(added)
}

/// Removes members; returns how many were members.
pub fn remove_members(conn: &Connection, group_id: &str, user_ids: &[String]) -> CoreResult<usize> {
    let mut stmt = conn.prepare_cached("DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2")?;
    let mut removed = 0;
    for u in user_ids {
        removed += stmt.execute(params![group_id, u])?;
    }
    Ok(removed)
}

/// A group a user belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupRef {
    pub id: String,
    pub name: String,
}

/// The groups a user belongs to, by name.
pub fn of_user(conn: &Connection, user_id: &str) -> CoreResult<Vec<GroupRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = ?1
         ORDER BY g.name_key",
    )?;
    let rows = stmt
        .query_map([user_id], |r| Ok(GroupRef { id: r.get(0)?, name: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
