//! The connector catalog: which applications Gatehouse can connect and their defaults,
//! read from the `connectors/` data files. The files are compiled in, so the app needs
//! no repository at run time; a directory named by `GATEHOUSE_CONNECTORS_DIR` replaces
//! them for development. Loading never fails as a whole: broken connectors are reported
//! as `CatalogIssue`s and the rest load.

mod load;
mod model;
mod placeholder;
mod validate;

use std::path::Path;
use std::sync::OnceLock;

pub use model::{
    AppliedOn, BaseUrl, CatalogIssue, CatalogSnapshot, Connector, ConnectorRule, Deprovision, MappingDefault,
    MappingKind, NameIdFormat, Placeholder, RuleKind, RuleSeverity, SamlAttribute, SamlConstantAttribute, SamlSigning,
    ScimDefaults, SetupSteps, SsoDefaults, Supports,
};
pub use placeholder::{fill_placeholders, find_placeholders, is_placeholder_token, PLACEHOLDER_PREFIX};

/// Environment variable naming a directory that replaces the built-in catalog.
pub const CONNECTORS_DIR_ENV: &str = "GATEHOUSE_CONNECTORS_DIR";

/// How the built-in catalog labels its files in issues (`connectors/hoxhunt/connector.json`).
pub const EMBEDDED_ROOT: &str = "connectors";

mod embedded {
    pub(crate) struct EmbeddedConnector {
        pub folder: &'static str,
        pub json: Option<&'static [u8]>,
        pub logo: Option<&'static [u8]>,
    }
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Entry points to the catalog's sources.
pub struct Catalog;

impl Catalog {
    /// The connectors compiled into this binary.
    pub fn embedded() -> CatalogSnapshot {
        let missing = |file: &str| format!("is missing: every connector folder needs a {file}");
        load::load_all(
            EMBEDDED_ROOT,
            embedded::EMBEDDED.iter().map(|e| load::RawConnector {
                folder: e.folder,
                json: e.json.ok_or_else(|| missing("connector.json")),
                logo: e.logo.ok_or_else(|| missing("logo.svg")),
            }),
        )
    }

    /// The connectors in `dir`, one folder per connector, laid out like `connectors/`.
    pub fn load_dir(dir: impl AsRef<Path>) -> CatalogSnapshot {
        load::load_dir(dir.as_ref())
    }

    /// `dir`'s connectors when given, else the embedded ones. A `dir` that is not a
    /// directory falls back to the embedded catalog and says so in an issue.
    pub fn from_dir_or_embedded(dir: Option<&Path>) -> CatalogSnapshot {
        match dir {
            Some(dir) if dir.is_dir() => Self::load_dir(dir),
            Some(dir) => {
                let mut snapshot = Self::embedded();
                snapshot.issues.insert(
                    0,
                    CatalogIssue {
                        file: dir.display().to_string(),
                        field: String::new(),
                        message: format!(
                            "{CONNECTORS_DIR_ENV} names this, but it is not a directory; using the built-in catalog"
                        ),
                    },
                );
                snapshot
            }
            None => Self::embedded(),
        }
    }

    /// The directory in `GATEHOUSE_CONNECTORS_DIR` when set and non-empty, else the
    /// embedded catalog.
    pub fn from_env_or_embedded() -> CatalogSnapshot {
        let dir = std::env::var_os(CONNECTORS_DIR_ENV).filter(|v| !v.is_empty());
        Self::from_dir_or_embedded(dir.as_deref().map(Path::new))
    }

    /// The process-wide catalog: `from_env_or_embedded()`, loaded once on first use.
    pub fn shared() -> &'static CatalogSnapshot {
        static SHARED: OnceLock<CatalogSnapshot> = OnceLock::new();
        SHARED.get_or_init(Self::from_env_or_embedded)
    }

    /// The connector `id` from the process-wide catalog.
    pub fn get(id: &str) -> Option<&'static Connector> {
        Self::shared().get(id)
    }

    /// `connectors/connector.schema.json` as compiled in (JSON Schema draft 2020-12).
    pub fn schema_json() -> &'static str {
        embedded::SCHEMA
    }
}
