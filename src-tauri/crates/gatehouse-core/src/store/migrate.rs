//! Embedded, append-only schema migrations, applied in one transaction when the store opens.
//!
//! Invariants: a shipped migration is never edited (its text is part of the binary and its
//! number is recorded in `schema_migrations`); a database whose highest applied number is
//! above what this build knows was written by a newer Gatehouse and is refused untouched.

use rusqlite::{Connection, OptionalExtension};

use crate::error::CoreError;

/// Every migration this build knows, in order. Append only.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[
    (1, "init", include_str!("../../migrations/0001_init.sql")),
    (2, "directory", include_str!("../../migrations/0002_directory.sql")),
    (3, "mappings", include_str!("../../migrations/0003_mappings.sql")),
    (4, "sso", include_str!("../../migrations/0004_sso.sql")),
    (5, "user search text", include_str!("../../migrations/0005_user_search_text.sql")),
    (6, "users in creation order", include_str!("../../migrations/0006_users_created_order.sql")),
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

/// Brings the database up to `latest_version()`, or refuses a newer one.
/// Returns the schema version after the call.
pub fn migrate(conn: &mut Connection) -> Result<u32, CoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
           version    INTEGER PRIMARY KEY,
           name       TEXT NOT NULL,
           applied_at TEXT NOT NULL
         ) STRICT;",
    )?;
    let current: u32 = conn
        .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| r.get::<_, Option<u32>>(0))
        .optional()?
        .flatten()
        .unwrap_or(0);
    let latest = latest_version();
    if current > latest {
        return Err(CoreError::StoreTooNew { found: current, supported: latest });
    }
    if current == latest {
        return Ok(current);
    }
    let tx = conn.transaction()?;
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        tracing::info!(version, name, "applying migration");
        tx.execute_batch(sql).map_err(|e| CoreError::Migration { version: *version, message: e.to_string() })?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![version, name, crate::clock::now_rfc3339()],
        )?;
    }
    tx.commit()?;
    Ok(latest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_numbers_are_strictly_increasing_from_one() {
        // A gap or a reordering would make `current > latest` checks and partial upgrades lie.
        for (i, (version, _, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version as usize, i + 1, "migration numbers must be 1, 2, 3, …");
        }
    }
}
