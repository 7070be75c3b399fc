//! Commands of the SSO tab: the configuration, SP metadata import from a file, signing
//! certificates, exports to files, the assertion preview and "Test SSO".
//!
//! Files: the UI asks the dialog plugin for a path, and these commands read or write the
//! file in Rust, so exported content (never a private key) and imported metadata do not
//! pass through JavaScript file APIs. What is written is always produced here: the
//! certificate and metadata come from the core, and "Save Response…" writes the Response
//! this process built for the last preview of that application (the UI never supplies file
//! content). An SP metadata file is read at preview time (refused above 1 MiB before it is
//! read whole) and the same bytes are applied, so the admin applies what they confirmed.
//!
//! E2E test seam: WebDriver cannot drive GTK's native file dialogs. When the environment
//! variable `GATEHOUSE_E2E_DIALOG_DIR` names an existing absolute folder, `dialog_override`
//! returns it and the UI uses `<dir>/<default file name>` instead of opening a dialog.
//! Without the variable (every normal start) it returns `null` and the real dialogs open.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use gatehouse_core::sso::{
    read_sp_metadata_file, AssertionPreview, CertificateRecord, KeyAlgorithm, OffsetDateTime, SpMetadataChanges,
    SsoConfigInput, SsoView,
};
use gatehouse_core::{ApiError, CoreError};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

type Res<T> = Result<T, ApiError>;

/// The environment variable of the E2E dialog seam (see the module documentation).
pub const DIALOG_DIR_ENV: &str = "GATEHOUSE_E2E_DIALOG_DIR";

/// How long the "Test SSO" page stays on disk: it carries a signed Response (a sign-in
/// credential for a few minutes), so it is removed once the browser has had time to load it.
const TEST_PAGE_LIFETIME: Duration = Duration::from_secs(120);

/// What the SSO commands remember between two calls of one flow.
#[derive(Default)]
pub struct SsoScratch {
    /// The SP metadata file last previewed: application, path, bytes.
    metadata: Mutex<Option<(String, PathBuf, Vec<u8>)>>,
    /// The Response of the last assertion preview: application, signed XML.
    response: Mutex<Option<(String, String)>>,
}

fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::from(CoreError::invalid(field, message))
}

/// A path the admin chose: absolute, as the dialogs return them.
fn chosen_path(path: &str) -> Res<PathBuf> {
    let p = PathBuf::from(path.trim());
    if p.as_os_str().is_empty() || !p.is_absolute() {
        return Err(invalid("file", format!("'{path}' is not a full path to a file.")));
    }
    Ok(p)
}

fn write_file(path: &Path, content: &str) -> Res<String> {
    std::fs::write(path, content)
        .map_err(|e| ApiError::from(CoreError::Internal(format!("{} could not be written: {e}.", path.display()))))?;
    Ok(path.display().to_string())
}

/// The folder of the E2E dialog seam, when the variable names an existing absolute folder.
fn dialog_dir() -> Option<String> {
    let dir = std::env::var_os(DIALOG_DIR_ENV)?;
    let path = PathBuf::from(dir);
    (path.is_absolute() && path.is_dir()).then(|| path.display().to_string())
}

/// `null` normally (the UI opens native dialogs); the E2E seam's folder when it is set.
#[tauri::command]
pub async fn dialog_override() -> Res<Option<String>> {
    Ok(dialog_dir())
}

#[tauri::command]
pub async fn sso_get(state: State<'_, AppState>, id: String) -> Res<SsoView> {
    Ok(state.core()?.sso_config(&id)?)
}

#[tauri::command]
pub async fn sso_save(state: State<'_, AppState>, id: String, input: SsoConfigInput) -> Res<SsoView> {
    Ok(state.core()?.save_sso_config(&id, &input)?)
}

/// Reads the SP metadata file at `path` and says what importing it would change.
#[tauri::command]
pub async fn preview_sp_metadata_file(
    state: State<'_, AppState>,
    scratch: State<'_, SsoScratch>,
    id: String,
    path: String,
) -> Res<SpMetadataChanges> {
    let core = state.core()?;
    let path = chosen_path(&path)?;
    let bytes = read_sp_metadata_file(&path)?;
    let changes = core.preview_sp_metadata(&id, &bytes)?;
    *scratch.metadata.lock().unwrap_or_else(|e| e.into_inner()) = Some((id, path, bytes));
    Ok(changes)
}

/// Applies the file previewed last for this application (the bytes the admin saw).
#[tauri::command]
pub async fn apply_sp_metadata_file(
    state: State<'_, AppState>,
    scratch: State<'_, SsoScratch>,
    id: String,
    path: String,
) -> Res<SsoView> {
    let core = state.core()?;
    let path = chosen_path(&path)?;
    let bytes = {
        let guard = scratch.metadata.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_ref() {
            Some((app, p, bytes)) if *app == id && *p == path => bytes.clone(),
            _ => return Err(invalid("file", "Choose the SP metadata file again: its preview is no longer current.")),
        }
    };
    let view = core.apply_sp_metadata(&id, &bytes)?;
    *scratch.metadata.lock().unwrap_or_else(|e| e.into_inner()) = None;
    Ok(view)
}

#[tauri::command]
pub async fn certificate_generate(
    state: State<'_, AppState>,
    id: String,
    algorithm: KeyAlgorithm,
    days: u32,
    next: bool,
) -> Res<CertificateRecord> {
    Ok(state.core()?.generate_certificate(&id, algorithm, days, next)?)
}

#[tauri::command]
pub async fn certificate_activate_next(state: State<'_, AppState>, id: String) -> Res<CertificateRecord> {
    Ok(state.core()?.activate_next_certificate(&id)?)
}

#[tauri::command]
pub async fn certificate_discard_next(state: State<'_, AppState>, id: String) -> Res<()> {
    Ok(state.core()?.discard_next_certificate(&id)?)
}

/// Writes the active certificate (`certificate.pem`) to `path`; returns the path written.
#[tauri::command]
pub async fn export_certificate(state: State<'_, AppState>, id: String, path: String) -> Res<String> {
    let pem = state.core()?.certificate_pem(&id)?;
    write_file(&chosen_path(&path)?, &pem)
}

/// Writes the IdP metadata XML to `path`; returns the path written.
#[tauri::command]
pub async fn export_metadata(state: State<'_, AppState>, id: String, path: String) -> Res<String> {
    let xml = state.core()?.idp_metadata_xml(&id)?;
    write_file(&chosen_path(&path)?, &xml)
}

/// Builds (and records) the signed Response an IdP-initiated sign-in of `user` would post.
#[tauri::command]
pub async fn assertion_preview(
    state: State<'_, AppState>,
    scratch: State<'_, SsoScratch>,
    id: String,
    user: String,
) -> Res<AssertionPreview> {
    let preview = state.core()?.assertion_preview(&id, &user, OffsetDateTime::now_utc())?;
    *scratch.response.lock().unwrap_or_else(|e| e.into_inner()) = Some((id, preview.xml.clone()));
    Ok(preview)
}

/// Writes the Response of this application's last preview to `path`, exactly as built.
#[tauri::command]
pub async fn save_assertion(scratch: State<'_, SsoScratch>, id: String, path: String) -> Res<String> {
    let path = chosen_path(&path)?;
    let xml = {
        let guard = scratch.response.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_ref() {
            Some((app, xml)) if *app == id => xml.clone(),
            _ => return Err(invalid("user", "Build a preview first: the saved Response is the one on screen.")),
        }
    };
    write_file(&path, &xml)
}

/// "Test SSO": writes a page that posts a fresh signed Response for `user` to the default
/// ACS URL, opens it in the system browser, and deletes it two minutes later. Returns the
/// page's path.
#[tauri::command]
pub async fn sso_test(app: AppHandle, state: State<'_, AppState>, id: String, user: String) -> Res<String> {
    let html = state.core()?.sso_test_form(&id, &user, OffsetDateTime::now_utc())?;
    let internal = |what: &str, e: &dyn std::fmt::Display| ApiError::from(CoreError::Internal(format!("{what}: {e}")));
    let mut file = tempfile::Builder::new()
        .prefix("gatehouse-sso-test-")
        .suffix(".html")
        .tempfile()
        .map_err(|e| internal("The test page could not be created", &e))?;
    std::io::Write::write_all(&mut file, html.as_bytes())
        .map_err(|e| internal("The test page could not be written", &e))?;
    let (_, path) = file.keep().map_err(|e| internal("The test page could not be kept", &e))?;
    let shown = path.display().to_string();
    let cleanup = path.clone();
    std::thread::spawn(move || {
        std::thread::sleep(TEST_PAGE_LIFETIME);
        let _ = std::fs::remove_file(cleanup);
    });
    if let Err(e) = app.opener().open_path(shown.clone(), None::<&str>) {
        let _ = std::fs::remove_file(&path);
        return Err(internal("The browser could not be opened", &e));
    }
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_paths_are_written() {
        assert!(chosen_path("certificate.pem").is_err());
        assert!(chosen_path("").is_err());
        assert!(chosen_path("/tmp/certificate.pem").is_ok());
    }
}
