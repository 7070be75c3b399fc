//! Bulk creation of users from CSV.
//!
//! The header row names the fields with PRODUCT.md's names (`username`, `email`,
//! `firstname`, `jobTitle`, `costCenter`, `state`, …, case-insensitive), plus
//! `phone.<type>` (e.g. `phone.work`), `address.<type>.<field>` (e.g.
//! `address.work.locality`) and `custom.<name>`. A file is all-or-nothing: every bad row
//! is reported with its line number and nothing is written unless every row is good.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_rfc3339;
use crate::directory::model::{Address, PhoneNumber, UserDraft, UserState};
use crate::directory::users::UserRow;
use crate::directory::{users, validate};
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::Gatehouse;

/// Stop collecting after this many bad rows; the report says there were more.
const MAX_REPORTED: usize = 200;

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvRowError {
    /// 1-based line in the file (the header is line 1).
    pub line: u32,
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvImportReport {
    /// Users created: all rows, or none when any row has an error.
    pub imported: u32,
    pub rows: u32,
    pub errors: Vec<CsvRowError>,
    /// True when more errors exist than are listed.
    pub truncated: bool,
}

enum Column {
    Text(&'static str),
    State,
    Phone(String),
    Address(String, &'static str),
    Custom(String),
}

const TEXT: &[&str] = &[
    "username",
    "email",
    "firstname",
    "middlename",
    "lastname",
    "displayname",
    "jobTitle",
    "employeeIdentifier",
    "employeeType",
    "department",
    "costCenter",
    "company",
    "manager",
    "location",
    "description",
    "locale",
    "preferredLanguage",
];
const ADDRESS_FIELDS: &[&str] = &["streetAddress", "poBox", "locality", "region", "postalCode", "country"];

fn column(name: &str) -> Option<Column> {
    let n = name.trim();
    if let Some(t) = TEXT.iter().find(|t| t.eq_ignore_ascii_case(n)) {
        return Some(Column::Text(t));
    }
    if n.eq_ignore_ascii_case("state") {
        return Some(Column::State);
    }
    let parts: Vec<&str> = n.split('.').collect();
    match parts.as_slice() {
        [p, kind] if p.eq_ignore_ascii_case("phone") => Some(Column::Phone(kind.to_ascii_lowercase())),
        [p, kind, f] if p.eq_ignore_ascii_case("address") => ADDRESS_FIELDS
            .iter()
            .find(|a| a.eq_ignore_ascii_case(f))
            .map(|a| Column::Address(kind.to_ascii_lowercase(), a)),
        [p, attr] if p.eq_ignore_ascii_case("custom") && !attr.is_empty() => Some(Column::Custom(attr.to_string())),
        _ => None,
    }
}

fn set_text(d: &mut UserDraft, field: &str, v: String) {
    match field {
        "username" => d.username = v,
        "email" => d.email = v,
        "firstname" => d.firstname = v,
        "middlename" => d.middlename = v,
        "lastname" => d.lastname = v,
        "displayname" => d.displayname = v,
        "jobTitle" => d.job_title = v,
        "employeeIdentifier" => d.employee_identifier = v,
        "employeeType" => d.employee_type = v,
        "department" => d.department = v,
        "costCenter" => d.cost_center = v,
        "company" => d.company = v,
        "manager" => d.manager = v,
        "location" => d.location = v,
        "description" => d.description = v,
        "locale" => d.locale = v,
        _ => d.preferred_language = v,
    }
}

fn set_address(a: &mut Address, field: &str, v: String) {
    match field {
        "streetAddress" => a.street_address = v,
        "poBox" => a.po_box = v,
        "locality" => a.locality = v,
        "region" => a.region = v,
        "postalCode" => a.postal_code = v,
        _ => a.country = v,
    }
}

/// Parses and validates the whole file; returns the drafts or the row errors.
/// Every good row of a CSV file, with its line, in a `Vec`; and the bad rows.
pub fn parse(data: &[u8]) -> (Vec<(u32, UserDraft)>, Vec<CsvRowError>, bool) {
    let mut drafts = Vec::new();
    let (errors, truncated) = parse_each(data, |line, d| drafts.push((line, d)));
    (drafts, errors, truncated)
}

/// Reads a CSV file row by row, handing each good row (validated, canonical) to `sink` as
/// soon as it is read; returns the bad rows (at most `MAX_REPORTED`) and whether more
/// were left out.
pub fn parse_each(data: &[u8], mut sink: impl FnMut(u32, UserDraft)) -> (Vec<CsvRowError>, bool) {
    let mut errors = Vec::new();
    let mut truncated = false;
    let mut push = |errors: &mut Vec<CsvRowError>, e: CsvRowError| {
        if errors.len() < MAX_REPORTED {
            errors.push(e);
        } else {
            truncated = true;
        }
    };
    let mut reader = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(data);
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            push(
                &mut errors,
                CsvRowError { line: 1, field: String::new(), message: format!("Cannot read the header row: {e}") },
            );
            return (errors, truncated);
        }
    };
    let mut columns = Vec::with_capacity(header.len());
    for name in header.iter() {
        match column(name) {
            Some(c) => columns.push(c),
            None => push(
                &mut errors,
                CsvRowError { line: 1, field: name.to_string(), message: format!("Unknown column '{name}'.") },
            ),
        }
    }
    if !columns.iter().any(|c| matches!(c, Column::Text("username")))
        || !columns.iter().any(|c| matches!(c, Column::Text("email")))
    {
        push(
            &mut errors,
            CsvRowError {
                line: 1,
                field: String::new(),
                message: "The header must name at least username and email.".into(),
            },
        );
    }
    if !errors.is_empty() {
        return (errors, truncated);
    }
    let mut seen: HashSet<String> = HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as u32).unwrap_or(0);
                push(&mut errors, CsvRowError { line, field: String::new(), message: format!("Malformed row: {e}") });
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as u32).unwrap_or(0);
        let mut d = UserDraft::default();
        let mut addresses: BTreeMap<String, Address> = BTreeMap::new();
        let mut bad_state = None;
        for (col, value) in columns.iter().zip(record.iter()) {
            if value.is_empty() {
                continue;
            }
            let v = value.to_string();
            match col {
                Column::Text(f) => set_text(&mut d, f, v),
                Column::State => match UserState::parse(&v) {
                    Some(s) => d.state = s,
                    None => bad_state = Some(v),
                },
                Column::Phone(kind) => d.phone_numbers.push(PhoneNumber { kind: kind.clone(), number: v }),
                Column::Address(kind, f) => {
                    let a = addresses
                        .entry(kind.clone())
                        .or_insert_with(|| Address { kind: kind.clone(), ..Default::default() });
                    set_address(a, f, v);
                }
                Column::Custom(name) => {
                    d.custom_attributes.insert(name.clone(), v);
                }
            }
        }
        d.addresses = addresses.into_values().collect();
        if let Some(s) = bad_state {
            let message = format!("State '{s}' is not one of active, suspended, password_expired.");
            push(&mut errors, CsvRowError { line, field: "state".into(), message });
            continue;
        }
        match validate::user(&d) {
            Err(e) => push(
                &mut errors,
                CsvRowError { line, field: e.field().unwrap_or_default().into(), message: e.to_string() },
            ),
            Ok(d) => {
                if !seen.insert(d.username.to_lowercase()) {
                    let message = format!("The username '{}' appears more than once in the file.", d.username);
                    push(&mut errors, CsvRowError { line, field: "username".into(), message });
                } else {
                    sink(line, d);
                }
            }
        }
    }
    (errors, truncated)
}

/// Rows handed from the reading thread to the writing one at a time.
const CHUNK: usize = 2_000;

impl Gatehouse {
    /// Creates every user of a CSV file, or none (see the module doc).
    ///
    /// One thread reads and validates the file while this one inserts what it has read,
    /// all in one transaction with the search index built at the end; any bad row rolls
    /// the whole file back. Bad rows of the file and usernames already in the directory are
    /// reported together, by line.
    pub fn import_users_csv(&self, data: &[u8]) -> CoreResult<CsvImportReport> {
        let now = now_rfc3339();
        let (chunks, received) = std::sync::mpsc::sync_channel::<Vec<(u32, UserRow)>>(4);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let mut chunk = Vec::with_capacity(CHUNK);
                let mut writer_gone = false;
                let (errors, truncated) = parse_each(data, |line, d| {
                    chunk.push((line, UserRow::new(users::new_id(), d)));
                    if chunk.len() == CHUNK && !writer_gone {
                        writer_gone = chunks.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))).is_err();
                    }
                });
                if !chunk.is_empty() && !writer_gone {
                    let _ = chunks.send(chunk);
                }
                (errors, truncated)
            });
            let mut report = CsvImportReport { imported: 0, rows: 0, errors: Vec::new(), truncated: false };
            let outcome = self.store().with_tx(|tx| {
                let received = received; // dropped on every return, so the reader never blocks
                let mut conflicts = Vec::new();
                let mut conflicts_truncated = false;
                users::with_deferred_search_index(tx, || {
                    for chunk in received.iter() {
                        report.imported += chunk.len() as u32;
                        Self::insert_drafts(tx, &chunk, &now, &mut conflicts, &mut conflicts_truncated)?;
                    }
                    Ok(())
                })?;
                let (mut errors, truncated) = reader.join().expect("the CSV reader panicked");
                report.rows = report.imported + errors.len() as u32;
                report.truncated = truncated || conflicts_truncated;
                if errors.is_empty() && conflicts.is_empty() {
                    let detail = serde_json::json!({ "count": report.imported });
                    return self.record(tx, NewEvent::success("users_import").detail(detail));
                }
                errors.append(&mut conflicts);
                errors.sort_by_key(|e| e.line);
                if errors.len() > MAX_REPORTED {
                    errors.truncate(MAX_REPORTED);
                    report.truncated = true;
                }
                report.errors = errors;
                // Roll back every row: the file is all-or-nothing.
                Err(CoreError::invalid("file", "the file has bad rows"))
            });
            match outcome {
                Ok(()) => Ok(report),
                Err(CoreError::Invalid { field, .. }) if field == "file" => {
                    Ok(CsvImportReport { imported: 0, ..report })
                }
                Err(e) => Err(e),
            }
        })
    }

    /// Inserts the rows, collecting usernames that are already taken as row errors.
    fn insert_drafts(
        tx: &rusqlite::Connection,
        rows: &[(u32, UserRow)],
        now: &str,
        errors: &mut Vec<CsvRowError>,
        truncated: &mut bool,
    ) -> CoreResult<()> {
        users::insert_rows(tx, rows.iter().map(|(line, row)| (*line, row)), now, |line, e| {
            if errors.len() < MAX_REPORTED {
                let field = e.field().unwrap_or("username").to_string();
                errors.push(CsvRowError { line, field, message: e.to_string() });
            } else {
                *truncated = true;
            }
        })?;
        Ok(())
    }
}
