//! Gatehouse's core: the domain and the embedded store, with no knowledge of Tauri.
//!
//! `Gatehouse` is the one entry point the desktop shell, the CLI and tests call; each of its
//! methods is one use case, validates its input, writes in one transaction and records an
//! activity event in that same transaction.

pub mod applications;
pub mod clock;
pub mod directory;
pub mod error;
pub mod events;
pub mod logging;
pub mod mappings;
pub mod paths;
pub mod secrets;
pub mod settings;
pub mod sso;
pub mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gatehouse_catalog::{CatalogSnapshot, Connector};
use gatehouse_secrets::SecretStore;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use error::{ApiError, CoreError, CoreResult, ErrorCode};
pub use events::{Actor, Event, EventPage, EventQuery, NewEvent, Outcome};
pub use settings::Settings;
use store::Store;

/// Facts about this installation, for the Settings page and `gatehouse info`.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
    pub log_file: String,
    pub schema_version: u32,
}

pub struct Gatehouse {
    store: Store,
    data_dir: PathBuf,
    actor: Actor,
    catalog: CatalogSnapshot,
    /// Where private keys live; never the database.
    secrets: Arc<dyn SecretStore>,
}

impl Gatehouse {
    /// Opens the store in `data_dir` (created if missing) on behalf of `actor`, with the
    /// OS keychain as secret store (reached on first use, see [`secrets::LazyKeychain`]).
    pub fn open(data_dir: &Path, actor: Actor) -> CoreResult<Gatehouse> {
        Self::open_with_secrets(data_dir, actor, Arc::new(secrets::LazyKeychain::new()))
    }

    /// [`Gatehouse::open`] with another secret store (unit tests pass a `MemoryStore`).
    pub fn open_with_secrets(data_dir: &Path, actor: Actor, secrets: Arc<dyn SecretStore>) -> CoreResult<Gatehouse> {
        let store = Store::open(data_dir)?;
        let catalog = gatehouse_catalog::Catalog::from_env_or_embedded();
        for issue in &catalog.issues {
            tracing::warn!(file = %issue.file, field = %issue.field, "connector not loaded: {}", issue.message);
        }
        Ok(Gatehouse { store, data_dir: data_dir.to_path_buf(), actor, catalog, secrets })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The secret store holding the applications' private keys.
    pub(crate) fn secrets(&self) -> &dyn SecretStore {
        self.secrets.as_ref()
    }

    pub fn actor(&self) -> Actor {
        self.actor
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.data_dir.display().to_string(),
            database_path: self.store.path().display().to_string(),
            log_file: logging::log_file(&self.data_dir).display().to_string(),
            schema_version: self.store.schema_version(),
        }
    }

    // ----- settings -----

    pub fn settings(&self) -> CoreResult<Settings> {
        settings::get(&self.store.conn())
    }

    pub fn update_settings(&self, new: &Settings) -> CoreResult<Settings> {
        let new = new.validated()?;
        self.store.with_tx(|tx| {
            let changed = settings::put(tx, &new)?;
            if !changed.is_empty() {
                let ev = NewEvent::success("settings_update")
                    .subject("settings", "organization", new.organization_name.clone())
                    .detail(serde_json::json!({ "changed": changed }));
                events::record(tx, self.actor, &ev)?;
            }
            Ok(new.clone())
        })
    }

    // ----- catalog -----

    pub fn catalog(&self) -> &CatalogSnapshot {
        &self.catalog
    }

    pub fn connector(&self, id: &str) -> CoreResult<&Connector> {
        self.catalog
            .connectors
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| CoreError::not_found(format!("connector '{id}'")))
    }

    // ----- activity -----

    pub fn events(&self, q: &EventQuery) -> CoreResult<EventPage> {
        events::list(&self.store.conn(), q)
    }

    pub fn event_names(&self) -> CoreResult<Vec<String>> {
        events::names(&self.store.conn())
    }
}
