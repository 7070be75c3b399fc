//! The `certificates` table: each application's signing certificates (active, next,
//! retired) as PEM with their description, and the keychain reference of the private key.
//!
//! Invariants: never a key byte here (the `pem` column refuses anything but a certificate);
//! at most one active and one next certificate per application (partial unique indexes).

use gatehouse_saml::{CertificateInfo, KeyAlgorithm};
use rusqlite::{params, Connection, OptionalExtension, Row as SqlRow};

use super::CertificateStatus;
use crate::error::{CoreError, CoreResult};

/// One certificate row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub app_id: String,
    pub status: CertificateStatus,
    pub info: CertificateInfo,
    pub key_ref: String,
    pub created_at: String,
    pub activated_at: Option<String>,
    pub retired_at: Option<String>,
}

pub fn status_str(s: CertificateStatus) -> &'static str {
    match s {
        CertificateStatus::Active => "active",
        CertificateStatus::Next => "next",
        CertificateStatus::Retired => "retired",
    }
}

fn parse_status(s: &str) -> CertificateStatus {
    match s {
        "active" => CertificateStatus::Active,
        "next" => CertificateStatus::Next,
        _ => CertificateStatus::Retired,
    }
}

pub fn algorithm_str(a: KeyAlgorithm) -> &'static str {
    match a {
        KeyAlgorithm::Rsa2048 => "rsa2048",
        KeyAlgorithm::Rsa3072 => "rsa3072",
        KeyAlgorithm::Rsa4096 => "rsa4096",
        KeyAlgorithm::P256 => "p256",
    }
}

fn parse_algorithm(s: &str) -> KeyAlgorithm {
    match s {
        "rsa3072" => KeyAlgorithm::Rsa3072,
        "rsa4096" => KeyAlgorithm::Rsa4096,
        "p256" => KeyAlgorithm::P256,
        _ => KeyAlgorithm::Rsa2048,
    }
}

pub fn insert(conn: &Connection, row: &Row) -> CoreResult<()> {
    let i = &row.info;
    conn.prepare_cached(
        "INSERT INTO certificates (id, app_id, status, algorithm, pem, subject, serial, not_before, not_after,
           sha1_fingerprint, sha256_fingerprint, key_ref, created_at, activated_at, retired_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        row.id,
        row.app_id,
        status_str(row.status),
        algorithm_str(i.algorithm),
        i.pem,
        i.subject,
        i.serial_hex,
        i.not_before,
        i.not_after,
        i.sha1_fingerprint,
        i.sha256_fingerprint,
        row.key_ref,
        row.created_at,
        row.activated_at,
        row.retired_at
    ])?;
    Ok(())
}

const SELECT: &str = "SELECT id, app_id, status, algorithm, pem, subject, serial, not_before, not_after,
  sha1_fingerprint, sha256_fingerprint, key_ref, created_at, activated_at, retired_at FROM certificates";

fn from_row(r: &SqlRow<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        app_id: r.get(1)?,
        status: parse_status(&r.get::<_, String>(2)?),
        info: CertificateInfo {
            algorithm: parse_algorithm(&r.get::<_, String>(3)?),
            pem: r.get(4)?,
            subject: r.get(5)?,
            serial_hex: r.get(6)?,
            not_before: r.get(7)?,
            not_after: r.get(8)?,
            sha1_fingerprint: r.get(9)?,
            sha256_fingerprint: r.get(10)?,
        },
        key_ref: r.get(11)?,
        created_at: r.get(12)?,
        activated_at: r.get(13)?,
        retired_at: r.get(14)?,
    })
}

/// Every certificate of the application: active, next, then retired, newest first.
pub fn list(conn: &Connection, app_id: &str) -> CoreResult<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE app_id = ?1
         ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, created_at DESC, id"
    ))?;
    let rows = stmt.query_map([app_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The application's active or next certificate.
pub fn with_status(conn: &Connection, app_id: &str, status: CertificateStatus) -> CoreResult<Option<Row>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE app_id = ?1 AND status = ?2"))?
        .query_row(params![app_id, status_str(status)], from_row)
        .optional()?)
}

/// The active certificate's `not_after`, if there is one (for the applications list).
pub fn active_not_after(conn: &Connection, app_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT not_after FROM certificates WHERE app_id = ?1 AND status = 'active'")?
        .query_row([app_id], |r| r.get(0))
        .optional()?)
}

/// Moves certificate `id` to `status`, stamping `activated_at` or `retired_at` with `now`.
pub fn set_status(conn: &Connection, id: &str, status: CertificateStatus, now: &str) -> CoreResult<()> {
    let sql = match status {
        CertificateStatus::Active => "UPDATE certificates SET status = 'active', activated_at = ?2 WHERE id = ?1",
        CertificateStatus::Retired => "UPDATE certificates SET status = 'retired', retired_at = ?2 WHERE id = ?1",
        CertificateStatus::Next => "UPDATE certificates SET status = 'next' WHERE id = ?1 AND ?2 IS NOT NULL",
    };
    let n = conn.prepare_cached(sql)?.execute(params![id, now])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("certificate {id}")));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> CoreResult<()> {
    let n = conn.prepare_cached("DELETE FROM certificates WHERE id = ?1")?.execute([id])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("certificate {id}")));
    }
    Ok(())
}

/// The keychain references of all the application's keys.
pub fn key_refs(conn: &Connection, app_id: &str) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT key_ref FROM certificates WHERE app_id = ?1 ORDER BY created_at")?;
    let refs = stmt.query_map([app_id], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(refs)
}
