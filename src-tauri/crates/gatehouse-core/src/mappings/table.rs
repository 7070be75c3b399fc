//! The `application_mappings` table: an application's saved attribute mappings, in order.
//!
//! Invariant: an application has either no rows (its connector's defaults apply) or its
//! complete, validated mapping list; `replace` swaps the whole list at once.

use gatehouse_catalog::MappingKind;
use rusqlite::{params, Connection};

use super::Mapping;
use crate::error::CoreResult;

fn kind_str(k: MappingKind) -> &'static str {
    match k {
        MappingKind::Direct => "direct",
        MappingKind::Expression => "expression",
        MappingKind::Constant => "constant",
    }
}

fn parse_kind(s: &str) -> MappingKind {
    match s {
        "expression" => MappingKind::Expression,
        "constant" => MappingKind::Constant,
        _ => MappingKind::Direct,
    }
}

/// The saved list, or `None` when the application uses its connector's defaults.
/// `required` is left false: the caller fills it from the connector.
pub fn load(conn: &Connection, app_id: &str) -> CoreResult<Option<Vec<Mapping>>> {
    let mut stmt = conn
        .prepare_cached("SELECT target, kind, source FROM application_mappings WHERE app_id = ?1 ORDER BY position")?;
    let rows = stmt
        .query_map([app_id], |r| {
            let kind: String = r.get(1)?;
            Ok(Mapping { target: r.get(0)?, kind: parse_kind(&kind), source: r.get(2)?, required: false })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(if rows.is_empty() { None } else { Some(rows) })
}

/// Replaces the saved list (an empty list means "back to the defaults").
pub fn replace(conn: &Connection, app_id: &str, mappings: &[Mapping]) -> CoreResult<()> {
    clear(conn, app_id)?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO application_mappings (app_id, position, target, kind, source) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, m) in mappings.iter().enumerate() {
        stmt.execute(params![app_id, i as i64, m.target, kind_str(m.kind), m.source])?;
    }
    Ok(())
}

/// Deletes the saved list; returns whether there was one.
pub fn clear(conn: &Connection, app_id: &str) -> CoreResult<bool> {
    let n = conn.prepare_cached("DELETE FROM application_mappings WHERE app_id = ?1")?.execute([app_id])?;
    Ok(n > 0)
}
