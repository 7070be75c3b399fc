//! Where Gatehouse keeps its data: `--data-dir`, else `GATEHOUSE_DATA_DIR`, else the OS
//! app-data folder (the same one Tauri uses for the app's identifier).

use std::path::PathBuf;

use crate::error::CoreError;

/// The application identifier; also the folder name under the OS data directory.
pub const APP_IDENTIFIER: &str = "com.gatehouse.console";
pub const DATA_DIR_ENV: &str = "GATEHOUSE_DATA_DIR";

pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf, CoreError> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)).ok_or_else(|| CoreError::StoreUnavailable {
        path: "(unknown)".into(),
        reason: format!("the operating system reports no data folder; set {DATA_DIR_ENV}"),
    })
}
