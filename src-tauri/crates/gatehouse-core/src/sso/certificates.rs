//! Signing certificates: generation (key to the secret store, certificate to the
//! database), the zero-downtime rollover (a *next* certificate published beside the
//! active one, then activated), expiry warnings, and `certificate.pem`.
//!
//! Invariants: a key is stored before its row and deleted again if the row cannot be
//! written, so the database never references a key that was not stored; the database
//! never holds a key byte; keys of retired or discarded certificates are removed from the
//! secret store (best effort: a failure is logged with the reference, never the key).

use gatehouse_saml::{expiry_warning, CertificateInfo, ExpiryLevel, KeyAlgorithm, OffsetDateTime, MAX_VALIDITY_DAYS};
use gatehouse_secrets::SecretRef;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

use super::certificate_table::{self as table, Row};
use super::SsoApp;
use crate::clock::now_rfc3339;
use crate::directory::users::new_id;
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::Gatehouse;

/// Where a certificate is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CertificateStatus {
    /// Signs Responses; exported as `certificate.pem`; published in the metadata.
    Active,
    /// Published in the metadata beside the active one, ready to be activated.
    Next,
    /// Replaced by a newer one; kept for the record (its key is gone).
    Retired,
}

/// A certificate as the Certificates section shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CertificateRecord {
    pub id: String,
    pub status: CertificateStatus,
    /// PEM, subject, serial, validity, fingerprints, algorithm.
    #[serde(flatten)]
    pub info: CertificateInfo,
    /// Expiry warning now (60, 30, 7 days, expired); `null` while more than 60 days remain.
    pub expiry: Option<ExpiryLevel>,
    pub created_at: String,
    pub activated_at: Option<String>,
    pub retired_at: Option<String>,
}

fn not_after(row: &Row) -> CoreResult<OffsetDateTime> {
    OffsetDateTime::parse(&row.info.not_after, &Rfc3339)
        .map_err(|e| CoreError::Internal(format!("certificate {}: notAfter cannot be read: {e}", row.id)))
}

fn record(row: Row, now: OffsetDateTime) -> CoreResult<CertificateRecord> {
    let expiry = expiry_warning(not_after(&row)?, now);
    Ok(CertificateRecord {
        id: row.id,
        status: row.status,
        info: row.info,
        expiry,
        created_at: row.created_at,
        activated_at: row.activated_at,
        retired_at: row.retired_at,
    })
}

pub(crate) fn records(conn: &Connection, app_id: &str, now: OffsetDateTime) -> CoreResult<Vec<CertificateRecord>> {
    table::list(conn, app_id)?.into_iter().map(|r| record(r, now)).collect()
}

pub(crate) fn active_expiry(conn: &Connection, app_id: &str, now: OffsetDateTime) -> CoreResult<Option<ExpiryLevel>> {
    let Some(text) = table::active_not_after(conn, app_id)? else {
        return Ok(None);
    };
    let t = OffsetDateTime::parse(&text, &Rfc3339)
        .map_err(|e| CoreError::Internal(format!("certificate notAfter cannot be read: {e}")))?;
    Ok(expiry_warning(t, now))
}

/// The subject common name of an application's certificates: `Gatehouse <label>`, at
/// most 64 characters (X.520's limit).
fn subject_cn(label: &str) -> String {
    format!("Gatehouse {label}").chars().take(64).collect::<String>().trim().to_string()
}

/// Refuses a generation the rollover rules do not allow.
fn check_can_generate(conn: &Connection, app: &SsoApp<'_>, next: bool) -> CoreResult<()> {
    let active = table::with_status(conn, &app.id, super::CertificateStatus::Active)?;
    let pending = table::with_status(conn, &app.id, super::CertificateStatus::Next)?;
    match (next, active, pending) {
        (false, Some(a), _) => Err(CoreError::invalid(
            "certificates",
            format!(
                "{} already has an active certificate (serial {}). To replace it without downtime, generate a next \
                 certificate, publish the metadata with both, then activate the next one.",
                app.label, a.info.serial_hex
            ),
        )),
        (true, None, _) => Err(CoreError::invalid(
            "certificates",
            format!("{} has no active certificate yet: generate one first (without next).", app.label),
        )),
        (true, Some(_), Some(n)) => Err(CoreError::invalid(
            "certificates",
            format!(
                "{} already has a next certificate (serial {}): activate it, or discard it before generating another.",
                app.label, n.info.serial_hex
            ),
        )),
        _ => Ok(()),
    }
}

impl Gatehouse {
    /// Generates a key pair and self-signed certificate (`days` of validity, 1..=3650).
    /// The first certificate becomes active; with `next`, the new one becomes the next
    /// certificate beside the active one (refused when there is no active one or already
    /// a next one). The private key (PKCS#8 DER) goes to the secret store under
    /// `saml-key:<app>:<certificate>`; if that fails nothing is written, and if the
    /// database write fails the key is deleted again. Records `certificate_generate`.
    pub fn generate_certificate(
        &self,
        app_id: &str,
        alg: KeyAlgorithm,
        days: u32,
        next: bool,
    ) -> CoreResult<CertificateRecord> {
        if !(1..=MAX_VALIDITY_DAYS).contains(&days) {
            return Err(CoreError::invalid("days", format!("Validity must be 1 to {MAX_VALIDITY_DAYS} days.")));
        }
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        check_can_generate(&conn, &app, next)?;
        drop(conn);

        // Slow for large RSA keys: done without holding the database.
        let (info, key) = gatehouse_saml::generate(alg, days, &subject_cn(&app.label))
            .map_err(|e| CoreError::Internal(format!("The certificate could not be generated: {e}")))?;
        let id = new_id();
        let key_ref = SecretRef::saml_key(&app.id, &id)?;
        self.secrets().put(&key_ref, &key).map_err(|e| {
            CoreError::Internal(format!("The private key could not be stored, so no certificate was created: {e}"))
        })?;
        drop(key);

        let now = now_rfc3339();
        let status = if next { CertificateStatus::Next } else { CertificateStatus::Active };
        let row = Row {
            id: id.clone(),
            app_id: app.id.clone(),
            status,
            info,
            key_ref: key_ref.to_string(),
            created_at: now.clone(),
            activated_at: (!next).then(|| now.clone()),
            retired_at: None,
        };
        let written = self.store().with_tx(|tx| {
            check_can_generate(tx, &app, next)?;
            table::insert(tx, &row)?;
            let ev = NewEvent::success("certificate_generate")
                .app(&app.id, &app.label)
                .subject("certificate", &row.id, &row.info.subject)
                .detail(serde_json::json!({
                    "status": status,
                    "algorithm": row.info.algorithm,
                    "serial": row.info.serial_hex,
                    "sha256Fingerprint": row.info.sha256_fingerprint,
                    "notAfter": row.info.not_after,
                }));
            self.record(tx, ev)
        });
        if let Err(e) = written {
            self.forget_key(&key_ref);
            return Err(e);
        }
        record(row, OffsetDateTime::now_utc())
    }

    /// An application's certificates (active, next, retired newest first), each with its
    /// expiry warning as of now.
    pub fn certificates(&self, app_id: &str) -> CoreResult<Vec<CertificateRecord>> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        records(&conn, &app.id, OffsetDateTime::now_utc())
    }

    /// Completes a rollover in one transaction: the active certificate is retired (kept
    /// for the record) and the next one becomes active. Records `certificate_activate`.
    /// Returns the new active certificate. The retired key is then deleted from the secret
    /// store.
    pub fn activate_next_certificate(&self, app_id: &str) -> CoreResult<CertificateRecord> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        drop(conn);
        let (activated, retired) = self.store().with_tx(|tx| {
            let Some(next) = table::with_status(tx, &app.id, CertificateStatus::Next)? else {
                return Err(CoreError::invalid(
                    "certificates",
                    format!("{} has no next certificate to activate: generate one with next first.", app.label),
                ));
            };
            let active = table::with_status(tx, &app.id, CertificateStatus::Active)?;
            let now = now_rfc3339();
            if let Some(a) = &active {
                table::set_status(tx, &a.id, CertificateStatus::Retired, &now)?;
            }
            table::set_status(tx, &next.id, CertificateStatus::Active, &now)?;
            let ev = NewEvent::success("certificate_activate")
                .app(&app.id, &app.label)
                .subject("certificate", &next.id, &next.info.subject)
                .detail(serde_json::json!({
                    "activated": next.info.serial_hex,
                    "retired": active.as_ref().map(|a| a.info.serial_hex.clone()),
                }));
            self.record(tx, ev)?;
            Ok::<_, CoreError>((next.id, active.map(|a| a.key_ref)))
        })?;
        if let Some(key_ref) = retired {
            self.forget_key_ref(&key_ref);
        }
        let conn = self.store().conn();
        let row = table::list(&conn, &app.id)?
            .into_iter()
            .find(|r| r.id == activated)
            .ok_or_else(|| CoreError::not_found(format!("certificate {activated}")))?;
        record(row, OffsetDateTime::now_utc())
    }

    /// Deletes the next certificate (and its key) before it is activated. Records
    /// `certificate_discard`.
    pub fn discard_next_certificate(&self, app_id: &str) -> CoreResult<()> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        drop(conn);
        let key_ref = self.store().with_tx(|tx| {
            let Some(next) = table::with_status(tx, &app.id, CertificateStatus::Next)? else {
                return Err(CoreError::invalid("certificates", format!("{} has no next certificate.", app.label)));
            };
            table::delete(tx, &next.id)?;
            let ev = NewEvent::success("certificate_discard")
                .app(&app.id, &app.label)
                .subject("certificate", &next.id, &next.info.subject)
                .detail(serde_json::json!({ "serial": next.info.serial_hex }));
            self.record(tx, ev)?;
            Ok::<_, CoreError>(next.key_ref)
        })?;
        self.forget_key_ref(&key_ref);
        Ok(())
    }

    /// `certificate.pem`: the active certificate's PEM, nothing else.
    pub fn certificate_pem(&self, app_id: &str) -> CoreResult<String> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        Ok(self.active_certificate(&conn, &app)?.info.pem)
    }

    /// The active certificate, or an error saying how to get one.
    pub(crate) fn active_certificate(&self, conn: &Connection, app: &SsoApp<'_>) -> CoreResult<Row> {
        table::with_status(conn, &app.id, CertificateStatus::Active)?.ok_or_else(|| {
            CoreError::invalid(
                "certificates",
                format!("{} has no signing certificate yet: generate one first.", app.label),
            )
        })
    }

    /// The next certificate, if a rollover is under way.
    pub(crate) fn next_certificate(&self, conn: &Connection, app_id: &str) -> CoreResult<Option<Row>> {
        table::with_status(conn, app_id, CertificateStatus::Next)
    }

    /// Deletes a key from the secret store, logging (without key bytes) when that fails.
    pub(crate) fn forget_key(&self, key_ref: &SecretRef) {
        if let Err(e) = self.secrets().delete(key_ref) {
            tracing::warn!(key_ref = %key_ref, "a private key could not be deleted from the keychain: {e}");
        }
    }

    /// [`Gatehouse::forget_key`] for a stored reference string.
    pub(crate) fn forget_key_ref(&self, key_ref: &str) {
        match SecretRef::new(key_ref) {
            Ok(r) => self.forget_key(&r),
            Err(e) => tracing::warn!(key_ref, "a stored key reference is invalid: {e}"),
        }
    }
}
