//! The app's managed state: the opened core, or the reason it could not be opened.

use std::path::PathBuf;

use gatehouse_core::{ApiError, CoreError, Gatehouse};

pub enum AppState {
    Ready(Box<Gatehouse>),
    Failed(ApiError),
}

impl AppState {
    pub fn ready(core: Gatehouse) -> Self {
        AppState::Ready(Box::new(core))
    }

    pub fn failed(e: CoreError, data_dir: Option<PathBuf>) -> Self {
        let mut err = ApiError::from(&e);
        if let Some(dir) = data_dir {
            if !err.message.contains(&dir.display().to_string()) {
                err.message = format!("{} (data folder: {})", err.message, dir.display());
            }
        }
        AppState::Failed(err)
    }

    /// The core, or the start-up error every command answers with.
    pub fn core(&self) -> Result<&Gatehouse, ApiError> {
        match self {
            AppState::Ready(core) => Ok(core),
            AppState::Failed(e) => Err(e.clone()),
        }
    }
}
