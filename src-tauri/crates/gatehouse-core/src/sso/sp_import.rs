//! SP metadata import: an application's metadata XML fills the SP entity ID, the HTTP-POST
//! ACS URLs (the SP's default first) and the NameID format, and turns assertion signing on
//! when the SP asks for signed assertions. The admin sees the changes before applying
//! them; applying validates and saves like the SSO tab does.

use std::io::Read;
use std::path::Path;

use gatehouse_saml::{parse_sp_metadata, SamlSigning, SpMetadata, MAX_SP_METADATA_BYTES};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{validate, AcsUrl, Current, SsoConfigInput, SsoView};
use crate::error::{CoreError, CoreResult};
use crate::Gatehouse;

/// Reads an SP metadata file for import (the app's dialog and the CLI both call this),
/// refusing it unread when it is larger than the 1 MiB the parser accepts. Every problem is
/// an error at `file`.
pub fn read_sp_metadata_file(path: &Path) -> CoreResult<Vec<u8>> {
    let shown = path.display();
    let refuse = |why: String| CoreError::invalid("file", why);
    let file = std::fs::File::open(path).map_err(|e| refuse(format!("{shown} cannot be opened: {e}.")))?;
    let meta = file.metadata().map_err(|e| refuse(format!("{shown} cannot be read: {e}.")))?;
    if !meta.is_file() {
        return Err(refuse(format!("{shown} is not a file.")));
    }
    let limit = MAX_SP_METADATA_BYTES as u64;
    let too_big = || refuse(format!("{shown} is larger than 1 MiB: SP metadata files are much smaller."));
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the two looks: read one byte past the limit at most.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| refuse(format!("{shown} cannot be read: {e}.")))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// One field an import changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldChange {
    /// `spEntityId`, `acsUrls`, `nameIdFormat` or `signing`.
    pub field: String,
    /// Its label on the SSO tab.
    pub label: String,
    /// The value now (placeholders filled in); one entry per ACS URL.
    pub before: Vec<String>,
    /// The value after the import.
    pub after: Vec<String>,
}

/// What an SP metadata file would change, before it is applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SpMetadataChanges {
    /// What the file says.
    pub metadata: SpMetadata,
    /// The fields that would change; empty when the file matches the configuration.
    pub changes: Vec<FieldChange>,
}

/// A unit enum's serde name (`both`, a NameID format URI).
fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn parse(xml: &[u8]) -> CoreResult<SpMetadata> {
    parse_sp_metadata(xml).map_err(|e| CoreError::invalid("file", format!("This SP metadata cannot be imported: {e}.")))
}

/// `current` with the metadata applied, and the changes.
fn apply_to(current: &Current, md: &SpMetadata) -> (Current, Vec<FieldChange>) {
    let before = current.resolved();
    let mut after = current.clone();
    let mut changes = Vec::new();
    let mut change = |field: &str, label: &str, b: Vec<String>, a: Vec<String>| {
        if b != a {
            changes.push(FieldChange { field: field.into(), label: label.into(), before: b, after: a });
        }
    };

    change("spEntityId", "SP entity ID", vec![before.sp_entity_id.clone()], vec![md.entity_id.clone()]);
    after.config.sp_entity_id = md.entity_id.clone();

    let acs_before: Vec<String> = {
        let mut list: Vec<&AcsUrl> = before.acs_urls.iter().collect();
        list.sort_by_key(|a| !a.is_default);
        list.into_iter().map(|a| a.url.clone()).collect()
    };
    change("acsUrls", "ACS URLs", acs_before, md.acs_urls.clone());
    after.config.acs_urls =
        md.acs_urls.iter().enumerate().map(|(i, url)| AcsUrl { url: url.clone(), is_default: i == 0 }).collect();

    if let Some(format) = md.name_id_format {
        change("nameIdFormat", "NameID format", vec![word(&before.name_id_format)], vec![word(&format)]);
        after.config.name_id_format = format;
    }
    if md.want_assertions_signed == Some(true) && before.signing == SamlSigning::Response {
        change("signing", "Signing", vec![word(&before.signing)], vec![word(&SamlSigning::Both)]);
        after.config.signing = SamlSigning::Both;
    }
    (after, changes)
}

impl Gatehouse {
    /// What importing `xml` (an SP's metadata) would change. Refuses malformed, oversized
    /// (> 1 MiB), DTD-bearing and non-SAML files with `invalid("file", reason)`. Writes
    /// nothing.
    pub fn preview_sp_metadata(&self, app_id: &str, xml: impl AsRef<[u8]>) -> CoreResult<SpMetadataChanges> {
        let metadata = parse(xml.as_ref())?;
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        let current = self.current_sso(&conn, &app)?;
        let (_, changes) = apply_to(&current, &metadata);
        Ok(SpMetadataChanges { metadata, changes })
    }

    /// Applies the changes [`Gatehouse::preview_sp_metadata`] lists, validated like a save
    /// of the SSO tab (so unfilled placeholders elsewhere still have to be filled first).
    /// Records `sso_sp_metadata_import` when something changed.
    pub fn apply_sp_metadata(&self, app_id: &str, xml: impl AsRef<[u8]>) -> CoreResult<SsoView> {
        let metadata = parse(xml.as_ref())?;
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        let current = self.current_sso(&conn, &app)?;
        drop(conn);
        let (after, changes) = apply_to(&current, &metadata);
        if !changes.is_empty() {
            let input = SsoConfigInput { placeholders: after.placeholders, config: after.config };
            let validated = validate::input(&app, &input)?;
            let detail = serde_json::json!({ "entityId": metadata.entity_id });
            self.store().with_tx(|tx| self.write_sso(tx, &app, validated, "sso_sp_metadata_import", detail))?;
        }
        self.sso_config(&app.id)
    }
}
