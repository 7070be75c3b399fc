//! Unit tests of the SSO use cases against a real SQLite file and an in-memory secret
//! store: validation per field, placeholders, SP metadata import, certificate rollover,
//! key handling when the keychain or the database fails, and the assertion preview.

mod assertion;
mod certificates;
mod config;
mod sp_import;

use std::sync::Arc;

use gatehouse_secrets::{MemoryStore, SecretError, SecretRef, SecretStore, Sensitive};

use super::{SsoConfigInput, SsoView};
use crate::applications::{GeneralInfo, NewApplication};
use crate::directory::groups::GroupDraft;
use crate::directory::model::UserDraft;
use crate::events::EventQuery;
use crate::{Actor, CoreError, Gatehouse};

pub(super) struct Env {
    _dir: tempfile::TempDir,
    pub core: Gatehouse,
    pub keys: Arc<MemoryStore>,
}

pub(super) fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let keys = Arc::new(MemoryStore::new());
    let core = Gatehouse::open_with_secrets(dir.path(), Actor::App, keys.clone()).unwrap();
    Env { _dir: dir, core, keys }
}

/// An environment whose secret store refuses every write.
pub(super) fn env_with(store: Arc<dyn SecretStore>) -> (tempfile::TempDir, Gatehouse) {
    let dir = tempfile::tempdir().unwrap();
    let core = Gatehouse::open_with_secrets(dir.path(), Actor::App, store).unwrap();
    (dir, core)
}

/// A secret store whose keychain is locked.
pub(super) struct LockedStore;

impl SecretStore for LockedStore {
    fn put(&self, _: &SecretRef, _: &Sensitive<Vec<u8>>) -> Result<(), SecretError> {
        Err(SecretError::Unavailable { reason: "the keyring is locked".into() })
    }
    fn get(&self, _: &SecretRef) -> Result<Option<Sensitive<Vec<u8>>>, SecretError> {
        Err(SecretError::Unavailable { reason: "the keyring is locked".into() })
    }
    fn delete(&self, _: &SecretRef) -> Result<(), SecretError> {
        Err(SecretError::Unavailable { reason: "the keyring is locked".into() })
    }
}

impl Env {
    pub fn app(&self, connector: &str, label: &str) -> String {
        app(&self.core, connector, label)
    }

    /// Everything the SSO use cases write, to prove a refused change wrote nothing.
    pub fn snapshot(&self) -> String {
        snapshot(&self.core)
    }

    pub fn events(&self, name: &str) -> u32 {
        events(&self.core, name)
    }
}

pub(super) fn app(core: &Gatehouse, connector: &str, label: &str) -> String {
    let new = NewApplication {
        connector_id: connector.into(),
        general: GeneralInfo { label: label.into(), ..Default::default() },
        idp_url_suffix: String::new(),
    };
    core.create_application(&new).unwrap().id
}

pub(super) fn snapshot(core: &Gatehouse) -> String {
    let conn = core.store().conn();
    let mut out = String::new();
    for sql in [
        "SELECT app_id, placeholders, idp_entity_id, sp_entity_id, acs_urls, ifnull(sp_login_url, '-'), name_id_format,
           name_id_field, signing, user_attributes, constant_attributes, ifnull(group_attribute, '-'), updated_at
         FROM sso_configs ORDER BY app_id",
        "SELECT id || status || ifnull(activated_at, '-') || ifnull(retired_at, '-') || key_ref FROM certificates ORDER BY id",
        "SELECT count(*) FROM events",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect())
            .unwrap()
            .collect::<Result<Vec<Vec<String>>, _>>()
            .unwrap();
        out.push_str(&format!("{rows:?}\n"));
    }
    out
}

pub(super) fn events(core: &Gatehouse, name: &str) -> u32 {
    core.events(&EventQuery { name: Some(name.into()), page: 1, page_size: 100, ..Default::default() }).unwrap().total
}

/// The SSO tab's current state as the UI would send it back.
pub(super) fn input(view: &SsoView) -> SsoConfigInput {
    SsoConfigInput {
        placeholders: view
            .placeholders
            .iter()
            .filter(|p| !p.value.is_empty())
            .map(|p| (p.token.clone(), p.value.clone()))
            .collect(),
        config: view.config.clone(),
    }
}

/// 15Five with its subdomain filled in and saved.
pub(super) fn fifteen_five(env: &Env) -> String {
    let id = env.app("15five", "15Five");
    let mut i = input(&env.core.sso_config(&id).unwrap());
    i.placeholders.insert("YOURDOMAIN".into(), "acme".into());
    env.core.save_sso_config(&id, &i).unwrap();
    id
}

/// A user in group `group` (created if needed), optionally bound to `app`.
pub(super) fn user(core: &Gatehouse, username: &str, group: &str, bind_to: Option<&str>) {
    let draft = UserDraft {
        username: username.into(),
        email: format!("{username}@acme.test"),
        firstname: "Ada".into(),
        lastname: "Lovelace".into(),
        ..Default::default()
    };
    core.create_user(&draft).unwrap();
    if core.group(group).is_err() {
        core.create_group(&GroupDraft { name: group.into(), description: String::new() }).unwrap();
    }
    core.add_group_members(group, &[username.to_string()]).unwrap();
    if let Some(app) = bind_to {
        core.bind_group(app, group).unwrap();
    }
}

/// The field an invalid-input error names.
pub(super) fn field_of(e: CoreError) -> String {
    match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}
