//! The `users` table (and its trigram search index): reads and writes of directory users.
//!
//! Callers validate first (`validate::user`) and run writes inside `Store::with_tx`;
//! usernames are unique case-insensitively through `username_key`.

use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};

use crate::directory::model::{shown_name, User, UserDraft, UserPage, UserQuery, UserSort, UserState, UserSummary};
use crate::error::{CoreError, CoreResult};

pub const MAX_PAGE_SIZE: u32 = 500;

const COLUMNS: &str = "id, username, email, firstname, middlename, lastname, displayname, job_title,
  employee_identifier, employee_type, department, cost_center, company, manager, location, description,
  locale, preferred_language, addresses, phone_numbers, custom_attributes, state, created_at, updated_at";

/// 24 hex digits that grow with time (a UUIDv7's timestamp, then its counter and random
/// bits), so a bulk import appends to the id index instead of writing all over it.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().simple().to_string()[..24].to_string()
}

/// Inserts a validated draft. A taken username is a `Conflict` at `username`.
pub fn insert(conn: &Connection, id: &str, d: &UserDraft, now: &str) -> CoreResult<()> {
    insert_row(conn, &UserRow::new(id.to_string(), d.clone()), now)
}

const INSERT: &str = "INSERT INTO users (id, username, username_key, email, firstname, middlename, lastname,
   displayname, job_title, employee_identifier, employee_type, department, cost_center, company, manager, location,
   description, locale, preferred_language, addresses, phone_numbers, custom_attributes, state, sort_name,
   created_at, updated_at)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
   ?24, ?25, ?25)";

/// Inserts a prepared row (see [`UserRow`]). A taken username is a `Conflict` at `username`.
pub fn insert_row(conn: &Connection, row: &UserRow, now: &str) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(INSERT)?;
    insert_with(&mut stmt, row, now)
}

/// Inserts many rows through one prepared statement. A row whose username is taken is
/// handed to `conflict` with its tag (e.g. its line in a file), and the next row follows.
pub fn insert_rows<'r, T>(
    conn: &Connection,
    rows: impl IntoIterator<Item = (T, &'r UserRow)>,
    now: &str,
    mut conflict: impl FnMut(T, CoreError),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(INSERT)?;
    for (tag, row) in rows {
        match insert_with(&mut stmt, row, now) {
            Err(e @ CoreError::Conflict { .. }) => conflict(tag, e),
            other => other?,
        }
    }
    Ok(())
}

fn insert_with(stmt: &mut rusqlite::Statement<'_>, row: &UserRow, now: &str) -> CoreResult<()> {
    match stmt.execute(&row.params(&now)[..]) {
        Ok(_) => Ok(()),
        // The only UNIQUE constraints a fresh id can break is the username's.
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {
            Err(taken(&row.draft.username))
        }
        Err(e) => Err(e.into()),
    }
}

/// A validated draft with its id and the columns derived from it (lower-case keys, JSON of
/// the lists), ready to bind in statement order (`?1` id … `?24` sort name, `?25` now).
/// INSERT and UPDATE share it so both write the same derived columns; a bulk import builds
/// these on its reading thread, leaving the writing thread only SQLite's work.
pub struct UserRow {
    pub id: String,
    pub draft: UserDraft,
    username_key: String,
    addresses: String,
    phone_numbers: String,
    custom_attributes: String,
    state: &'static str,
    sort_name: String,
}

impl UserRow {
    pub fn new(id: String, draft: UserDraft) -> Self {
        UserRow {
            username_key: draft.username.to_lowercase(),
            addresses: json(&draft.addresses),
            phone_numbers: json(&draft.phone_numbers),
            custom_attributes: json(&draft.custom_attributes),
            state: draft.state.as_str(),
            sort_name: draft.shown_name().to_lowercase(),
            id,
            draft,
        }
    }

    fn params<'a>(&'a self, now: &'a &'a str) -> [&'a dyn ToSql; 25] {
        let d = &self.draft;
        [
            &self.id,
            &d.username,
            &self.username_key,
            &d.email,
            &d.firstname,
            &d.middlename,
            &d.lastname,
            &d.displayname,
            &d.job_title,
            &d.employee_identifier,
            &d.employee_type,
            &d.department,
            &d.cost_center,
            &d.company,
            &d.manager,
            &d.location,
            &d.description,
            &d.locale,
            &d.preferred_language,
            &self.addresses,
            &self.phone_numbers,
            &self.custom_attributes,
            &self.state,
            &self.sort_name,
            now,
        ]
    }
}

/// Runs `f` (which inserts users) with the search index's insert trigger set aside, then
/// indexes every user `f` added in one statement. Indexing row by row costs about ten times
/// more than one `INSERT … SELECT`, which is what makes a 100,000-user import fast. The
/// trigger's own SQL is read back from the schema and re-created unchanged, all inside the
/// caller's transaction: a rollback (or a crash) restores the trigger with everything else.
pub fn with_deferred_search_index<T>(conn: &Connection, f: impl FnOnce() -> CoreResult<T>) -> CoreResult<T> {
    let trigger: String =
        conn.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'users_search_ai'", [], |r| {
            r.get(0)
        })?;
    let before: i64 = conn.query_row("SELECT coalesce(max(rowid), 0) FROM users", [], |r| r.get(0))?;
    conn.execute_batch("DROP TRIGGER users_search_ai")?;
    let out = f()?;
    // Merging segments while filling only to merge them again costs a third of the fill;
    // FTS5 merges them incrementally on later writes once automerge is back at its default.
    conn.execute_batch("INSERT INTO users_search (users_search, rank) VALUES ('automerge', 0)")?;
    conn.execute(
        "INSERT INTO users_search (rowid, text) SELECT rowid, search_text FROM users WHERE rowid > ?1",
        [before],
    )?;
    conn.execute_batch("INSERT INTO users_search (users_search, rank) VALUES ('automerge', 4)")?;
    conn.execute_batch(&trigger)?;
    Ok(out)
}

/// Replaces every editable field of user `id`.
pub fn update(conn: &Connection, id: &str, d: &UserDraft, now: &str) -> CoreResult<()> {
    if username_taken(conn, &d.username, Some(id))? {
        return Err(taken(&d.username));
    }
    let n = conn
        .prepare_cached(
            "UPDATE users SET username = ?2, username_key = ?3, email = ?4, firstname = ?5, middlename = ?6,
               lastname = ?7, displayname = ?8, job_title = ?9, employee_identifier = ?10, employee_type = ?11,
               department = ?12, cost_center = ?13, company = ?14, manager = ?15, location = ?16,
               description = ?17, locale = ?18, preferred_language = ?19, addresses = ?20, phone_numbers = ?21,
               custom_attributes = ?22, state = ?23, sort_name = ?24, updated_at = ?25
             WHERE id = ?1",
        )?
        .execute(&UserRow::new(id.to_string(), d.clone()).params(&now)[..])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("user {id}")));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: &str) -> CoreResult<()> {
    let n = conn.prepare_cached("DELETE FROM users WHERE id = ?1")?.execute([id])?;
    if n == 0 {
        return Err(CoreError::not_found(format!("user {id}")));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> CoreResult<User> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found(format!("user {id}")))
}

/// Finds a user by id or by username (case-insensitive), as the CLI and pickers accept both.
pub fn find(conn: &Connection, id_or_username: &str) -> CoreResult<User> {
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE username_key = ?1 OR id = ?2"))?
        .query_row(params![id_or_username.to_lowercase(), id_or_username], from_row)
        .optional()?;
    found.ok_or_else(|| CoreError::not_found(format!("user '{id_or_username}'")))
}

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?)
}

fn username_taken(conn: &Connection, username: &str, except_id: Option<&str>) -> CoreResult<bool> {
    let other: Option<String> = conn
        .prepare_cached("SELECT id FROM users WHERE username_key = ?1")?
        .query_row([username.to_lowercase()], |r| r.get(0))
        .optional()?;
    Ok(matches!(other, Some(o) if Some(o.as_str()) != except_id))
}

fn taken(username: &str) -> CoreError {
    CoreError::conflict("username", format!("The username '{username}' is already taken (usernames ignore case)."))
}

/// One page of users, searched, filtered and sorted in SQL.
pub fn list(conn: &Connection, q: &UserQuery) -> CoreResult<UserPage> {
    let page = q.page.max(1);
    let page_size = q.page_size.clamp(1, MAX_PAGE_SIZE);
    let order = match q.sort {
        UserSort::Name => "sort_name, username_key",
        UserSort::Username => "username_key",
        UserSort::Email => "email COLLATE NOCASE, username_key",
        UserSort::State => "state, username_key",
        // Rowids only grow, so they are the creation order (see migration 0006).
        UserSort::Created => "users.rowid",
    };
    let order = if q.descending {
        order.split(", ").map(|c| format!("{c} DESC")).collect::<Vec<_>>().join(", ")
    } else {
        order.to_string()
    };
    let mut filters: Vec<&str> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let (filter, arg) = search_filter(text);
        filters.push(filter);
        args.push(arg);
    }
    if let Some(group) = q.group_id.as_deref() {
        filters.push("id IN (SELECT user_id FROM group_members WHERE group_id = ?)");
        args.push(group.to_string());
    }
    let where_ = if filters.is_empty() { String::new() } else { format!("WHERE {}", filters.join(" AND ")) };
    let total: u32 = if filters.is_empty() {
        count(conn)?
    } else {
        conn.prepare_cached(&format!("SELECT count(*) FROM users {where_}"))?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
    };
    let offset = (page - 1) as i64 * page_size as i64;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, username, email, displayname, firstname, lastname, job_title, department, state, created_at
         FROM users {where_} ORDER BY {order} LIMIT {page_size} OFFSET {offset}"
    ))?;
    let items =
        stmt.query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(UserPage { items, total, page, page_size })
}

/// Three characters or more use the trigram index; shorter text falls back to a scan.
fn search_filter(text: &str) -> (&'static str, String) {
    if text.chars().count() >= 3 {
        let quoted = format!("\"{}\"", text.replace('"', "\"\""));
        ("rowid IN (SELECT rowid FROM users_search WHERE users_search MATCH ?)", quoted)
    } else {
        let like = format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        ("search_text LIKE ? ESCAPE '\\'", like)
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn parse_json<T: serde::de::DeserializeOwned + Default>(s: String) -> T {
    serde_json::from_str(&s).unwrap_or_default()
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<UserSummary> {
    let username: String = r.get(1)?;
    let display: String = r.get(3)?;
    let name = shown_name(&display, &r.get::<_, String>(4)?, &r.get::<_, String>(5)?, &username);
    let state: String = r.get(8)?;
    Ok(UserSummary {
        id: r.get(0)?,
        username,
        email: r.get(2)?,
        name,
        job_title: r.get(6)?,
        department: r.get(7)?,
        state: UserState::parse(&state).unwrap_or_default(),
        created_at: r.get(9)?,
    })
}

pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<User> {
    let state: String = r.get(21)?;
    Ok(User {
        id: r.get(0)?,
        draft: UserDraft {
            username: r.get(1)?,
            email: r.get(2)?,
            firstname: r.get(3)?,
            middlename: r.get(4)?,
            lastname: r.get(5)?,
            displayname: r.get(6)?,
            job_title: r.get(7)?,
            employee_identifier: r.get(8)?,
            employee_type: r.get(9)?,
            department: r.get(10)?,
            cost_center: r.get(11)?,
            company: r.get(12)?,
            manager: r.get(13)?,
            location: r.get(14)?,
            description: r.get(15)?,
            locale: r.get(16)?,
            preferred_language: r.get(17)?,
            addresses: parse_json(r.get(18)?),
            phone_numbers: parse_json(r.get(19)?),
            custom_attributes: parse_json(r.get(20)?),
            state: UserState::parse(&state).unwrap_or_default(),
        },
        created_at: r.get(22)?,
        updated_at: r.get(23)?,
    })
}
