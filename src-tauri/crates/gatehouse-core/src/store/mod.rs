//! The one embedded SQLite database: where it lives, how it is opened, and `with_tx`.
//!
//! Invariants: WAL journal and foreign keys are on for every connection; migrations run
//! before anything else touches the file; every multi-step write goes through `with_tx`,
//! which commits only when the closure succeeds.

pub mod migrate;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction};

use crate::error::CoreError;

/// The database file name inside the data folder.
pub const DB_FILE: &str = "gatehouse.sqlite3";

pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    schema_version: u32,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`, which must be writable.
    pub fn open(data_dir: &Path) -> Result<Store, CoreError> {
        ensure_writable_dir(data_dir)?;
        let path = data_dir.join(DB_FILE);
        let mut conn = Connection::open(&path)
            .map_err(|e| CoreError::StoreUnavailable { path: path.display().to_string(), reason: e.to_string() })?;
        configure(&conn).map_err(|e| match e {
            CoreError::Sqlite(inner) => {
                CoreError::StoreUnavailable { path: path.display().to_string(), reason: friendly_sqlite(&inner) }
            }
            other => other,
        })?;
        let schema_version = migrate::migrate(&mut conn)?;
        Ok(Store { conn: Mutex::new(conn), path, schema_version })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> u32 {
        self.schema_version
    }

    /// The connection, for reads. A poisoned lock is recovered: SQLite state is
    /// transactional, so a panic elsewhere cannot leave half a write behind.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` in one IMMEDIATE transaction: committed when `f` returns Ok, rolled back
    /// otherwise (including on panic, by the transaction's drop).
    pub fn with_tx<T, E>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<CoreError>,
    {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| E::from(CoreError::from(e)))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| E::from(CoreError::from(e)))?;
        Ok(out)
    }
}

fn configure(conn: &Connection) -> Result<(), CoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(mode, "SQLite refused WAL journal mode");
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // 32 MiB of page cache (the default is 2 MiB): a 100,000-user directory's indexes fit,
    // so bulk imports and paging do not re-read pages from disk.
    conn.pragma_update(None, "cache_size", -32768)?;
    // Fail fast on a file that is not a database (or is corrupt) with a clear message.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    Ok(())
}

fn friendly_sqlite(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => "the file is not a Gatehouse database (or it is corrupt)".into(),
        Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::CannotOpen) => {
            "the file cannot be opened for writing".into()
        }
        _ => e.to_string(),
    }
}

/// Creates `dir` if needed and proves it is writable by creating and removing a probe file,
/// so an unwritable folder is reported as such instead of as an obscure SQLite error.
fn ensure_writable_dir(dir: &Path) -> Result<(), CoreError> {
    let unavailable = |reason: String| CoreError::StoreUnavailable { path: dir.display().to_string(), reason };
    std::fs::create_dir_all(dir).map_err(|e| unavailable(format!("cannot create the data folder: {e}")))?;
    let probe = dir.join(".gatehouse-write-probe");
    std::fs::write(&probe, b"").map_err(|e| unavailable(format!("the data folder is not writable: {e}")))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}
