//! Applications: configured instances of catalog connectors, and their bound user groups.
//!
//! Use cases validate, write in one transaction and record their event there too.

pub mod table;

use std::collections::HashSet;

pub use table::{
    Application, BoundGroup, EffectiveUser, EffectiveUserPage, GeneralInfo, NewApplication, PortalImage,
    ProvisioningStatus,
};

use crate::clock::now_rfc3339;
use crate::directory::{groups, users};
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::{settings, sso, Gatehouse};

impl Gatehouse {
    pub fn applications(&self) -> CoreResult<Vec<Application>> {
        let conn = self.store().conn();
        let s = settings::get(&conn)?;
        table::list(&conn)?.into_iter().map(|row| self.hydrate(&conn, &s, row)).collect()
    }

    pub fn application(&self, id: &str) -> CoreResult<Application> {
        let conn = self.store().conn();
        let s = settings::get(&conn)?;
        let row = table::get(&conn, id)?;
        self.hydrate(&conn, &s, row)
    }

    fn hydrate(
        &self,
        conn: &rusqlite::Connection,
        s: &settings::Settings,
        row: table::Row_,
    ) -> CoreResult<Application> {
        let (connector_name, sso, provisioning) = match self.connector(&row.connector_id) {
            Ok(c) => (
                c.name.clone(),
                c.supports.sso,
                if c.supports.provisioning { ProvisioningStatus::Inactive } else { ProvisioningStatus::Unsupported },
            ),
            Err(_) => (format!("{} (connector missing)", row.connector_id), false, ProvisioningStatus::Unsupported),
        };
        Ok(Application {
            idp_url: s.idp_url(&row.idp_url_suffix),
            groups: table::bound_groups(conn, &row.id)?,
            certificate_expiry: sso::active_certificate_expiry(conn, &row.id)?,
            id: row.id,
            connector_id: row.connector_id,
            connector_name,
            general: row.general,
            idp_url_suffix: row.idp_url_suffix,
            sso,
            provisioning,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    /// A free IdP URL custom value derived from `label` (`label`, `label-2`, …).
    pub fn suggest_idp_url_suffix(&self, label: &str) -> CoreResult<String> {
        let conn = self.store().conn();
        let base = table::slug(label);
        let mut candidate = base.clone();
        let mut n = 2;
        while table::suffix_taken(&conn, &candidate)? {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        Ok(candidate)
    }

    pub fn create_application(&self, new: &NewApplication) -> CoreResult<Application> {
        let connector = self.connector(&new.connector_id).map_err(|_| {
            CoreError::invalid("connectorId", format!("No connector '{}' in the catalog.", new.connector_id))
        })?;
        let general = new.general.validated()?;
        let suffix = match new.idp_url_suffix.trim() {
            "" => self.suggest_idp_url_suffix(&general.label)?,
            s => s.to_string(),
        };
        table::validate_suffix(&suffix)?;
        let id = users::new_id();
        let connector_name = connector.name.clone();
        self.store().with_tx(|tx| {
            if table::suffix_taken(tx, &suffix)? {
                return Err(CoreError::conflict(
                    "idpUrlSuffix",
                    format!("Another application already uses the IdP URL value '{suffix}'."),
                ));
            }
            table::insert(tx, &id, &new.connector_id, &general, &suffix, &now_rfc3339())?;
            let ev = NewEvent::success("application_create")
                .app(&id, &general.label)
                .subject("application", &id, &general.label)
                .detail(serde_json::json!({ "connector": connector_name, "idpUrlSuffix": suffix }));
            self.record(tx, ev)
        })?;
        self.application(&id)
    }

    /// Saves the General tab. The IdP URL custom value is not part of it: it never changes.
    pub fn update_application_general(&self, id: &str, general: &GeneralInfo) -> CoreResult<Application> {
        let g = general.validated()?;
        self.store().with_tx(|tx| {
            let before = table::get(tx, id)?;
            if before.general == g {
                return Ok(());
            }
            table::update_general(tx, id, &g, &now_rfc3339())?;
            let ev = NewEvent::success("application_update").app(id, &g.label).subject("application", id, &g.label);
            self.record(tx, ev)
        })?;
        self.application(id)
    }

    /// Deletes applications once the admin has typed how many are being deleted, then
    /// their private keys from the keychain (best effort: a failure is logged).
    pub fn delete_applications(&self, ids: &[String], typed_count: &str) -> CoreResult<usize> {
        let unique: HashSet<&String> = ids.iter().collect();
        if unique.is_empty() {
            return Err(CoreError::invalid("ids", "Choose at least one application to delete."));
        }
        if typed_count.trim() != unique.len().to_string() {
            return Err(CoreError::invalid(
                "confirmation",
                format!("Type {} to confirm deleting {} application(s).", unique.len(), unique.len()),
            ));
        }
        let mut keys = Vec::new();
        let deleted = self.store().with_tx(|tx| {
            for id in &unique {
                let row = table::get(tx, id)?;
                keys.extend(sso::key_refs(tx, id)?);
                table::delete(tx, id)?;
                let ev = NewEvent::success("application_delete").app(id.as_str(), &row.general.label).subject(
                    "application",
                    id.as_str(),
                    &row.general.label,
                );
                self.record(tx, ev)?;
            }
            Ok::<_, CoreError>(unique.len())
        })?;
        for key in &keys {
            self.forget_key_ref(key);
        }
        Ok(deleted)
    }

    /// Binds a user group (id or name) to an application: its members gain access.
    pub fn bind_group(&self, app_id: &str, group: &str) -> CoreResult<Application> {
        self.change_binding(app_id, group, true)?;
        self.application(app_id)
    }

    /// Unbinds a user group: members lose access unless another bound group grants it.
    pub fn unbind_group(&self, app_id: &str, group: &str) -> CoreResult<Application> {
        self.change_binding(app_id, group, false)?;
        self.application(app_id)
    }

    fn change_binding(&self, app_id: &str, group: &str, bind: bool) -> CoreResult<()> {
        self.store().with_tx(|tx| {
            let app = table::get(tx, app_id)?;
            let g = groups::find(tx, group)
                .map_err(|_| CoreError::invalid("group", format!("No user group '{group}'.")))?;
            let changed =
                if bind { table::bind(tx, app_id, &g.id, &now_rfc3339())? } else { table::unbind(tx, app_id, &g.id)? };
            if !changed {
                let why = if bind { "is already bound to" } else { "is not bound to" };
                return Err(CoreError::invalid("group", format!("Group '{}' {why} {}.", g.name, app.general.label)));
            }
            let name = if bind { "application_group_bind" } else { "application_group_unbind" };
            let ev = NewEvent::success(name)
                .app(app_id, &app.general.label)
                .subject("group", &g.id, &g.name)
                .detail(serde_json::json!({ "members": g.member_count }));
            self.record(tx, ev)
        })
    }

    /// The users who reach an application through its bound groups.
    pub fn effective_users(&self, app_id: &str, page: u32, page_size: u32) -> CoreResult<EffectiveUserPage> {
        let conn = self.store().conn();
        table::get(&conn, app_id)?;
        table::effective_users(&conn, app_id, page, page_size)
    }
}
