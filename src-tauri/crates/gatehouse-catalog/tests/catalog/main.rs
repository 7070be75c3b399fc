//! Integration tests of the connector catalog, on the real `connectors/` files and on
//! broken copies of them in temporary directories.

mod broken;
mod embedded;
mod placeholders;
mod reference;
mod schema;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The repository's `connectors/` folder.
pub fn connectors_dir() -> PathBuf {
    Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests"))
        .join("../../../connectors")
}

/// The ids of the shipped connectors.
pub const SHIPPED: [&str; 5] = ["15five", "alexishr", "custom-saml", "custom-scim", "hoxhunt"];

/// A temporary copy of `connectors/`, to break one file while the others stay intact.
pub struct CatalogCopy {
    pub dir: tempfile::TempDir,
}

impl CatalogCopy {
    pub fn of_shipped() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for id in SHIPPED {
            let from = connectors_dir().join(id);
            let to = dir.path().join(id);
            std::fs::create_dir(&to).expect("create connector folder");
            for file in ["connector.json", "logo.svg"] {
                std::fs::copy(from.join(file), to.join(file)).expect("copy connector file");
            }
        }
        CatalogCopy { dir }
    }

    pub fn path(&self, id: &str, file: &str) -> PathBuf {
        self.dir.path().join(id).join(file)
    }

    pub fn json(&self, id: &str) -> Value {
        let text = std::fs::read_to_string(self.path(id, "connector.json")).expect("read connector.json");
        serde_json::from_str(&text).expect("shipped connector.json is JSON")
    }

    pub fn write_json(&self, id: &str, value: &Value) {
        let text = serde_json::to_string_pretty(value).expect("serialize");
        std::fs::write(self.path(id, "connector.json"), text).expect("write connector.json");
    }

    /// Applies `edit` to connector `id`'s JSON and writes it back.
    pub fn edit(&self, id: &str, edit: impl FnOnce(&mut Value)) {
        let mut value = self.json(id);
        edit(&mut value);
        self.write_json(id, &value);
    }

    pub fn load(&self) -> gatehouse_catalog::CatalogSnapshot {
        gatehouse_catalog::Catalog::load_dir(self.dir.path())
    }
}

/// An edit to a connector file's JSON, for tables of broken cases.
pub type Edit = Box<dyn FnOnce(&mut Value)>;

/// The value at JSON pointer `pointer`, which must exist.
pub fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} exists in the shipped file"))
}
