//! The `events` table: the activity log. Every change made through the core records one
//! event in the same transaction as the change, so the log never claims a change that was
//! rolled back, and never misses one that was committed.

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::CoreResult;

/// Who caused an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Actor {
    /// An admin, through the desktop app.
    App,
    /// An admin or a script, through the `gatehouse` CLI.
    Cli,
    /// Gatehouse itself (provisioning sync).
    Sync,
}

impl Actor {
    fn as_str(self) -> &'static str {
        match self {
            Actor::App => "app",
            Actor::Cli => "cli",
            Actor::Sync => "sync",
        }
    }

    fn parse(s: &str) -> Actor {
        match s {
            "cli" => Actor::Cli,
            "sync" => Actor::Sync,
            _ => Actor::App,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    Success,
    Failure,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
        }
    }
}

/// What an event is about, besides its application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Subject {
    /// user | group | application | certificate | settings
    pub kind: String,
    pub id: String,
    pub label: String,
}

/// An event about to be recorded.
#[derive(Clone, Debug)]
pub struct NewEvent {
    pub name: &'static str,
    pub app: Option<(String, String)>,
    pub subject: Option<Subject>,
    pub outcome: Outcome,
    pub detail: serde_json::Value,
}

impl NewEvent {
    pub fn success(name: &'static str) -> Self {
        NewEvent { name, app: None, subject: None, outcome: Outcome::Success, detail: serde_json::json!({}) }
    }

    pub fn app(mut self, id: impl Into<String>, label: impl Into<String>) -> Self {
        self.app = Some((id.into(), label.into()));
        self
    }

    pub fn subject(mut self, kind: &str, id: impl Into<String>, label: impl Into<String>) -> Self {
        self.subject = Some(Subject { kind: kind.into(), id: id.into(), label: label.into() });
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }

    pub fn failed(mut self) -> Self {
        self.outcome = Outcome::Failure;
        self
    }
}

/// One row of the activity log.
#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Event {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub name: String,
    pub app_id: Option<String>,
    pub app_label: Option<String>,
    pub subject: Option<Subject>,
    pub outcome: Outcome,
    pub actor: Actor,
    pub detail: serde_json::Value,
}

/// A filter and page of the activity log; newest first.
#[derive(Clone, Debug, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EventQuery {
    #[ts(optional)]
    pub app_id: Option<String>,
    #[ts(optional)]
    pub name: Option<String>,
    #[ts(optional)]
    pub outcome: Option<Outcome>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventPage {
    pub items: Vec<Event>,
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

pub const MAX_PAGE_SIZE: u32 = 500;

pub fn record(conn: &Connection, actor: Actor, ev: &NewEvent) -> CoreResult<i64> {
    let (app_id, app_label) = match &ev.app {
        Some((id, label)) => (Some(id.as_str()), Some(label.as_str())),
        None => (None, None),
    };
    let (sk, si, sl) = match &ev.subject {
        Some(s) => (Some(s.kind.as_str()), Some(s.id.as_str()), Some(s.label.as_str())),
        None => (None, None, None),
    };
    conn.prepare_cached(
        "INSERT INTO events (at, name, app_id, app_label, subject_kind, subject_id, subject_label, outcome, actor, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        crate::clock::now_rfc3339(),
        ev.name,
        app_id,
        app_label,
        sk,
        si,
        sl,
        ev.outcome.as_str(),
        actor.as_str(),
        ev.detail.to_string()
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn list(conn: &Connection, q: &EventQuery) -> CoreResult<EventPage> {
    let page = q.page.max(1);
    let page_size = q.page_size.clamp(1, MAX_PAGE_SIZE);
    let outcome = q.outcome.map(Outcome::as_str);
    let filter = "(?1 IS NULL OR app_id = ?1) AND (?2 IS NULL OR name = ?2) AND (?3 IS NULL OR outcome = ?3)";
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM events WHERE {filter}"),
        params![q.app_id, q.name, outcome],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, at, name, app_id, app_label, subject_kind, subject_id, subject_label, outcome, actor, detail
         FROM events WHERE {filter} ORDER BY id DESC LIMIT ?4 OFFSET ?5"
    ))?;
    let items = stmt
        .query_map(params![q.app_id, q.name, outcome, page_size, (page - 1) as i64 * page_size as i64], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EventPage { items, total, page, page_size })
}

/// The distinct event names present, for the Activity page's filter.
pub fn names(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT name FROM events ORDER BY name")?;
    let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    let subject = match (r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?) {
        (Some(kind), Some(id)) => Some(Subject { kind, id, label: r.get::<_, Option<String>>(7)?.unwrap_or_default() }),
        _ => None,
    };
    let outcome: String = r.get(8)?;
    let actor: String = r.get(9)?;
    let detail: String = r.get(10)?;
    Ok(Event {
        id: r.get(0)?,
        at: r.get(1)?,
        name: r.get(2)?,
        app_id: r.get(3)?,
        app_label: r.get(4)?,
        subject,
        outcome: if outcome == "failure" { Outcome::Failure } else { Outcome::Success },
        actor: Actor::parse(&actor),
        detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
    })
}
