//! Turns connector files into `Connector`s or `CatalogIssue`s. Every failure (bad JSON,
//! wrong type, missing field, failed check, missing logo) becomes an issue naming the
//! file and a JSON pointer; one broken connector never stops the others, and nothing
//! here panics on input.

use std::path::Path;

use base64::Engine as _;
use serde_json::Value;

use crate::model::{CatalogIssue, CatalogSnapshot, Connector, ConnectorFile};
use crate::validate;

/// Largest logo accepted; logos cross IPC as data URLs and should stay small.
pub(crate) const MAX_LOGO_BYTES: usize = 64 * 1024;

/// One connector folder's raw contents; an `Err` holds why a file could not be read.
pub(crate) struct RawConnector<'a> {
    pub folder: &'a str,
    pub json: Result<&'a [u8], String>,
    pub logo: Result<&'a [u8], String>,
}

/// Loads every folder, keeping what is valid and reporting the rest.
pub(crate) fn load_all<'a>(root: &str, raws: impl IntoIterator<Item = RawConnector<'a>>) -> CatalogSnapshot {
    let mut snapshot = CatalogSnapshot::default();
    for raw in raws {
        match load_one(root, &raw) {
            Ok(connector) => snapshot.connectors.push(connector),
            Err(issues) => snapshot.issues.extend(issues),
        }
    }
    snapshot.connectors.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    snapshot
}

fn issue(file: &str, field: impl Into<String>, message: impl Into<String>) -> CatalogIssue {
    CatalogIssue { file: file.to_owned(), field: field.into(), message: message.into() }
}

fn load_one(root: &str, raw: &RawConnector<'_>) -> Result<Connector, Vec<CatalogIssue>> {
    let json_file = format!("{root}/{}/connector.json", raw.folder);
    let logo_file = format!("{root}/{}/logo.svg", raw.folder);
    let mut issues = Vec::new();

    let parsed = match &raw.json {
        Ok(bytes) => parse(bytes).map_err(|(field, message)| issue(&json_file, field, message)),
        Err(why) => Err(issue(&json_file, "", why.clone())),
    };
    let connector = match parsed {
        Ok(connector) => {
            let problems = validate::check(&connector, raw.folder);
            issues.extend(problems.into_iter().map(|p| issue(&json_file, p.field, p.message)));
            Some(connector)
        }
        Err(e) => {
            issues.push(e);
            None
        }
    };

    let logo = match &raw.logo {
        Ok(bytes) => check_logo(bytes).map_err(|message| issue(&logo_file, "", message)),
        Err(why) => Err(issue(&logo_file, "", why.clone())),
    };
    let logo = logo.map_err(|e| issues.push(e)).ok();

    match (connector, logo) {
        (Some(connector), Some(data_url)) if issues.is_empty() => Ok(connector.with_logo(data_url)),
        _ => Err(issues),
    }
}

/// Parses one connector file; the error is a JSON pointer and a message.
fn parse(bytes: &[u8]) -> Result<ConnectorFile, (String, String)> {
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| (String::new(), format!("is not valid JSON: {e}")))?;
    let Some(object) = value.as_object_mut() else {
        return Err((String::new(), "must be a JSON object".to_owned()));
    };
    // `$schema` only points editors at connector.schema.json; it is not connector data.
    match object.remove("$schema") {
        None | Some(Value::String(_)) => {}
        Some(_) => return Err(("/$schema".to_owned(), "must be a string".to_owned())),
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut pointer = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => push_token(&mut pointer, &index.to_string()),
                serde_path_to_error::Segment::Map { key } => push_token(&mut pointer, key),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => {}
            }
        }
        let message = e.inner().to_string();
        // serde reports a missing field at its parent object; point at the field itself,
        // so the pointer alone says what to fix.
        if let Some(name) = backticked_after(&message, "missing field `") {
            push_token(&mut pointer, name);
        }
        (pointer, message)
    })
}

fn backticked_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    rest.find('`').map(|end| &rest[..end])
}

/// Appends one JSON-pointer reference token, escaped per RFC 6901.
fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    pointer.push_str(&token.replace('~', "~0").replace('/', "~1"));
}

/// Checks a logo and returns it as a data URL.
fn check_logo(bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(format!("is {} bytes; logos must be at most {MAX_LOGO_BYTES}", bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "is not UTF-8 text, so not an SVG image".to_owned())?;
    if !text.contains("<svg") {
        return Err("is not an SVG image (no <svg> element)".to_owned());
    }
    Ok(format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
}

/// A connector folder read from disk.
struct OwnedFolder {
    folder: String,
    json: Result<Vec<u8>, String>,
    logo: Result<Vec<u8>, String>,
}

/// Reads every connector folder under `dir` (folders starting with `.` are skipped).
pub(crate) fn load_dir(dir: &Path) -> CatalogSnapshot {
    let root = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return CatalogSnapshot {
                connectors: Vec::new(),
                issues: vec![issue(&root, "", format!("cannot be read as a connectors directory: {e}"))],
            }
        }
    };
    let mut folders: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    folders.sort();

    let read = |folder: &str, file: &str| {
        let path = dir.join(folder).join(file);
        std::fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("is missing: every connector folder needs a {file}")
            }
            _ => format!("cannot be read: {e}"),
        })
    };
    let files: Vec<OwnedFolder> = folders
        .into_iter()
        .map(|folder| OwnedFolder { json: read(&folder, "connector.json"), logo: read(&folder, "logo.svg"), folder })
        .collect();
    load_all(
        &root,
        files.iter().map(|f| RawConnector {
            folder: &f.folder,
            json: f.json.as_deref().map_err(Clone::clone),
            logo: f.logo.as_deref().map_err(Clone::clone),
        }),
    )
}
