//! The directory: users and groups, and the use cases an admin runs on them.
//!
//! Each use case validates, writes in one transaction and records its activity event in
//! that same transaction.

pub mod csv_import;
pub mod groups;
pub mod model;
pub mod sample;
pub mod users;
pub mod validate;

use rusqlite::Connection;

use crate::clock::now_rfc3339;
use crate::error::{CoreError, CoreResult};
use crate::events::{self, NewEvent};
use crate::Gatehouse;
use groups::{Group, GroupDraft};
use model::{User, UserDraft, UserPage, UserQuery, UserState};

impl Gatehouse {
    // ----- users -----

    pub fn users(&self, q: &UserQuery) -> CoreResult<UserPage> {
        users::list(&self.store().conn(), q)
    }

    /// A user by id or username (case-insensitive).
    pub fn user(&self, id_or_username: &str) -> CoreResult<User> {
        users::find(&self.store().conn(), id_or_username)
    }

    /// The groups a user belongs to.
    pub fn user_groups(&self, user_id: &str) -> CoreResult<Vec<groups::GroupRef>> {
        groups::of_user(&self.store().conn(), user_id)
    }

    pub fn create_user(&self, draft: &UserDraft) -> CoreResult<User> {
        let d = validate::user(draft)?;
        let id = users::new_id();
        self.store().with_tx(|tx| {
            users::insert(tx, &id, &d, &now_rfc3339())?;
            self.record(tx, NewEvent::success("user_create").subject("user", &id, &d.username))?;
            users::get(tx, &id)
        })
    }

    /// Replaces the editable fields of a user; records which fields changed.
    pub fn update_user(&self, id: &str, draft: &UserDraft) -> CoreResult<User> {
        let d = validate::user(draft)?;
        self.store().with_tx(|tx| {
            let before = users::get(tx, id)?;
            let changed = changed_fields(&before.draft, &d);
            if changed.is_empty() {
                return Ok(before);
            }
            users::update(tx, id, &d, &now_rfc3339())?;
            let name = match (before.draft.state, d.state) {
                (a, b) if a == b => "user_update",
                (_, UserState::Active) => "user_activate",
                _ => "user_suspend",
            };
            let ev = NewEvent::success(name)
                .subject("user", id, &d.username)
                .detail(serde_json::json!({ "changed": changed, "state": d.state }));
            self.record(tx, ev)?;
            users::get(tx, id)
        })
    }

    /// Sets a user's state (active, suspended, password expired).
    pub fn set_user_state(&self, id_or_username: &str, state: UserState) -> CoreResult<User> {
        let user = self.user(id_or_username)?;
        let mut d = user.draft.clone();
        d.state = state;
        self.update_user(&user.id, &d)
    }

    pub fn delete_user(&self, id_or_username: &str) -> CoreResult<()> {
        self.store().with_tx(|tx| {
            let user = users::find(tx, id_or_username)?;
            users::delete(tx, &user.id)?;
            self.record(tx, NewEvent::success("user_delete").subject("user", &user.id, &user.draft.username))
        })
    }

    // ----- groups -----

    pub fn groups(&self, search: Option<&str>) -> CoreResult<Vec<Group>> {
        groups::list(&self.store().conn(), search)
    }

    /// A group by id or name (case-insensitive).
    pub fn group(&self, id_or_name: &str) -> CoreResult<Group> {
        groups::find(&self.store().conn(), id_or_name)
    }

    pub fn create_group(&self, draft: &GroupDraft) -> CoreResult<Group> {
        let d = draft.validated()?;
        let id = users::new_id();
        self.store().with_tx(|tx| {
            groups::insert(tx, &id, &d, &now_rfc3339())?;
            self.record(tx, NewEvent::success("group_create").subject("group", &id, &d.name))?;
            groups::find(tx, &id)
        })
    }

    /// Renames and/or re-describes a group.
    pub fn update_group(&self, id_or_name: &str, draft: &GroupDraft) -> CoreResult<Group> {
        let d = draft.validated()?;
        self.store().with_tx(|tx| {
            let before = groups::find(tx, id_or_name)?;
            if before.name == d.name && before.description == d.description {
                return Ok(before);
            }
            groups::update(tx, &before.id, &d, &now_rfc3339())?;
            let ev = NewEvent::success("group_update")
                .subject("group", &before.id, &d.name)
                .detail(serde_json::json!({ "previousName": before.name, "renamed": before.name != d.name }));
            self.record(tx, ev)?;
            groups::find(tx, &before.id)
        })
    }

    pub fn delete_group(&self, id_or_name: &str) -> CoreResult<()> {
        self.store().with_tx(|tx| {
            let g = groups::find(tx, id_or_name)?;
            groups::delete(tx, &g.id)?;
            let apps: Vec<&str> = g.applications.iter().map(|a| a.label.as_str()).collect();
            let ev = NewEvent::success("group_delete")
                .subject("group", &g.id, &g.name)
                .detail(serde_json::json!({ "members": g.member_count, "applications": apps }));
            self.record(tx, ev)
        })
    }

    /// Adds users (ids or usernames) to a group; all or nothing. Returns how many were added.
    pub fn add_group_members(&self, group: &str, members: &[String]) -> CoreResult<usize> {
        self.change_members(group, members, true)
    }

    /// Removes users (ids or usernames) from a group; all or nothing.
    pub fn remove_group_members(&self, group: &str, members: &[String]) -> CoreResult<usize> {
        self.change_members(group, members, false)
    }

    fn change_members(&self, group: &str, members: &[String], add: bool) -> CoreResult<usize> {
        if members.is_empty() {
            return Err(CoreError::invalid("members", "Choose at least one user."));
        }
        self.store().with_tx(|tx| {
            let g = groups::find(tx, group)?;
            let mut ids = Vec::with_capacity(members.len());
            let mut names = Vec::with_capacity(members.len());
            for m in members {
                let u = users::find(tx, m).map_err(|_| CoreError::invalid("members", format!("No user '{m}'.")))?;
                ids.push(u.id);
                names.push(u.draft.username);
            }
            let n = if add { groups::add_members(tx, &g.id, &ids)? } else { groups::remove_members(tx, &g.id, &ids)? };
            if n > 0 {
                let name = if add { "group_members_add" } else { "group_members_remove" };
                let ev = NewEvent::success(name)
                    .subject("group", &g.id, &g.name)
                    .detail(serde_json::json!({ "users": names, "count": n }));
                self.record(tx, ev)?;
            }
            Ok(n)
        })
    }

    pub(crate) fn record(&self, conn: &Connection, ev: NewEvent) -> CoreResult<()> {
        events::record(conn, self.actor(), &ev).map(|_| ())
    }
}

/// Names (as in the IPC types) of the fields that differ.
fn changed_fields(a: &UserDraft, b: &UserDraft) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return Vec::new();
    };
    a.iter().filter(|(k, v)| b.get(*k) != Some(v)).map(|(k, _)| k.clone()).collect()
}
