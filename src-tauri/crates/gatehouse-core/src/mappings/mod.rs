//! User attribute mappings (SCIM provisioning): which directory field, expression or
//! constant fills which SCIM attribute, per application, and the exact SCIM User resource
//! they produce for a chosen user (the preview).
//!
//! Invariants: an application without saved rows uses its connector's defaults; a saved
//! list is complete and valid (every save is validated and replaces the whole list in one
//! transaction, with its `mapping_update` event); required mappings (from the connector)
//! are never removed; previews never write.

mod compiled;
mod convert;
mod preview;
mod resource;
pub mod scim;
pub mod source;
mod table;
mod validate;

use gatehouse_catalog::{Connector, MappingKind, RuleSeverity, ScimDefaults};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

pub use compiled::{Built, BuiltJson, CompiledMappings};
pub use preview::preview_user;
pub use validate::{canonical, MAX_MAPPINGS};

use crate::applications::table as apps;
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::Gatehouse;

/// One attribute mapping: what fills one SCIM attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mapping {
    /// SCIM attribute path: `userName`, `name.givenName`, `emails[type eq "work"].value`,
    /// `$enterpriseUser.department`.
    pub target: String,
    pub kind: MappingKind,
    /// The directory field (`direct`), the expression text (`expression`) or the value
    /// (`constant`).
    pub source: String,
    /// Set by the connector: a required mapping cannot be removed. Ignored on input.
    #[serde(default)]
    pub required: bool,
}

/// An application's mappings as the editor shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingSet {
    pub mappings: Vec<Mapping>,
    /// No mapping was saved: these are the connector's defaults.
    pub is_default: bool,
    /// Problems and warnings about this list (e.g. a `sameSource` warning).
    pub issues: Vec<MappingIssue>,
}

/// A problem with a mapping list, at the field the admin must fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingIssue {
    /// The mapping's target (canonical spelling); empty for list-wide problems.
    pub target: String,
    /// `mappings[3].source`, `mappings[0].target`, or `mappings` for the list as a whole.
    pub field: String,
    /// `error` blocks saving; `warning` is shown and the admin may go on.
    pub severity: RuleSeverity,
    pub message: String,
    /// 1-based position in the expression, when the problem has one.
    pub line: Option<u32>,
    pub column: Option<u32>,
}

/// Why one mapping produced no value for one user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingError {
    pub message: String,
    /// 1-based position in the expression, for expression errors.
    pub line: Option<u32>,
    pub column: Option<u32>,
}

/// One mapping's result in a preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappingValue {
    pub target: String,
    /// The value sent; `null` when nil or empty (then the attribute is left out).
    pub value: Option<Value>,
    pub error: Option<MappingError>,
}

/// A mapping that failed for the previewed user (`message` starts with `line:column:`
/// for expression errors).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewError {
    pub target: String,
    pub message: String,
}

/// The exact SCIM User resource a user's account would be sent, before anything is saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preview {
    pub user_id: String,
    pub username: String,
    /// The SCIM User resource (`schemas`, `userName`, …, the enterprise extension).
    pub resource: Value,
    /// Every mapping's value or error, in list order.
    pub values: Vec<MappingValue>,
    /// The mappings that failed for this user; the resource holds all the others.
    pub errors: Vec<PreviewError>,
    /// The list's validation problems and the connector's per-user rules (`sameValue`).
    pub issues: Vec<MappingIssue>,
}

/// A function or method, for completion in the mapping editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExprFunction {
    pub name: String,
    pub signature: String,
    pub doc: String,
}

/// What the mapping editor completes: functions, date methods, `jcUser.` fields, direct
/// sources and SCIM targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExprCatalog {
    pub functions: Vec<ExprFunction>,
    /// Methods of dates, durations and time zones (`date(x).Format(layout)`).
    pub methods: Vec<ExprFunction>,
    /// The fields of `jcUser`.
    pub user_fields: Vec<String>,
    /// What a direct mapping may read (`active`, `addresses.locality`, …); any other name
    /// is a custom attribute.
    pub direct_fields: Vec<String>,
    /// SCIM target paths to offer.
    pub targets: Vec<String>,
}

/// The editor's completion data.
pub fn expr_catalog() -> ExprCatalog {
    let docs = |d: &[gatehouse_expr::FunctionDoc]| {
        d.iter()
            .map(|f| ExprFunction { name: f.name.into(), signature: f.signature.into(), doc: f.doc.into() })
            .collect()
    };
    let user_fields: Vec<String> = gatehouse_expr::DIRECTORY_USER_FIELDS.iter().map(|f| f.to_string()).collect();
    let mut direct_fields: Vec<String> = user_fields.iter().filter(|f| *f != "customAttributes").cloned().collect();
    direct_fields.push("active".into());
    direct_fields.extend(source::ADDRESS_FIELDS.iter().map(|f| format!("addresses.{f}")));
    direct_fields.extend(source::PHONE_FIELDS.iter().map(|f| format!("phoneNumbers.{f}")));
    ExprCatalog {
        functions: docs(gatehouse_expr::functions()),
        methods: docs(gatehouse_expr::methods()),
        user_fields,
        direct_fields,
        targets: scim::target_paths(),
    }
}

/// A connector's default mappings (targets in the schema's spelling, direct sources as
/// the directory field Gatehouse reads).
pub fn defaults(scim: &ScimDefaults) -> Vec<Mapping> {
    scim.mappings
        .iter()
        .map(|d| Mapping {
            target: canonical(&d.target),
            kind: d.kind,
            source: d.directory_source().unwrap_or(&d.source).to_string(),
            required: d.required,
        })
        .collect()
}

/// Trims what may be trimmed, spells targets as the schema does, and takes `required`
/// from the connector.
pub(crate) fn normalized(scim: &ScimDefaults, mut list: Vec<Mapping>) -> Vec<Mapping> {
    for m in &mut list {
        m.target = canonical(&m.target);
        if m.kind == MappingKind::Direct {
            m.source = m.source.trim().to_string();
        }
    }
    with_required(scim, list)
}

fn with_required(scim: &ScimDefaults, mut list: Vec<Mapping>) -> Vec<Mapping> {
    for m in &mut list {
        m.required = scim.mappings.iter().any(|d| d.required && validate::same_target(&d.target, &m.target));
    }
    list
}

/// Targets added, removed and changed between two lists.
fn diff(before: &[Mapping], after: &[Mapping]) -> Value {
    let find = |list: &'_ [Mapping], t: &str| list.iter().find(|m| m.target.eq_ignore_ascii_case(t)).cloned();
    let added: Vec<&str> =
        after.iter().filter(|m| find(before, &m.target).is_none()).map(|m| m.target.as_str()).collect();
    let removed: Vec<&str> =
        before.iter().filter(|m| find(after, &m.target).is_none()).map(|m| m.target.as_str()).collect();
    let changed: Vec<&str> = after
        .iter()
        .filter(|m| find(before, &m.target).is_some_and(|b| b.kind != m.kind || b.source != m.source))
        .map(|m| m.target.as_str())
        .collect();
    serde_json::json!({ "added": added, "removed": removed, "changed": changed })
}

fn same_list(a: &[Mapping], b: &[Mapping]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.target == y.target && x.kind == y.kind && x.source == y.source)
}

/// An application with SCIM mappings: its row and its connector's SCIM defaults.
pub(crate) struct ScimApp<'c> {
    id: String,
    label: String,
    connector: &'c Connector,
    scim: &'c ScimDefaults,
}

impl Gatehouse {
    pub(crate) fn scim_app(&self, conn: &Connection, app_id: &str) -> CoreResult<ScimApp<'_>> {
        let row = apps::get(conn, app_id)?;
        let connector = self.connector(&row.connector_id).map_err(|_| {
            CoreError::invalid(
                "id",
                format!("{} uses connector '{}', which is not in the catalog.", row.general.label, row.connector_id),
            )
        })?;
        let scim = connector.scim.as_ref().ok_or_else(|| {
            CoreError::invalid(
                "id",
                format!(
                    "{} ({}) has no SCIM provisioning, so it has no attribute mappings.",
                    row.general.label, connector.name
                ),
            )
        })?;
        Ok(ScimApp { id: row.id, label: row.general.label, connector, scim })
    }

    /// The list in force and whether it is the connector's defaults.
    pub(crate) fn current(&self, conn: &Connection, app: &ScimApp<'_>) -> CoreResult<(Vec<Mapping>, bool)> {
        Ok(match table::load(conn, &app.id)? {
            Some(saved) => (with_required(app.scim, saved), false),
            None => (defaults(app.scim), true),
        })
    }

    fn mapping_set(&self, app: &ScimApp<'_>, mappings: Vec<Mapping>, is_default: bool) -> MappingSet {
        let compiled = CompiledMappings::compile(&mappings);
        let issues = validate::check(&mappings, &compiled, app.scim, &app.connector.name);
        MappingSet { mappings, is_default, issues }
    }

    /// An application's mappings: saved, else its connector's defaults.
    pub fn mappings(&self, app_id: &str) -> CoreResult<MappingSet> {
        let conn = self.store().conn();
        let app = self.scim_app(&conn, app_id)?;
        let (list, is_default) = self.current(&conn, &app)?;
        drop(conn);
        Ok(self.mapping_set(&app, list, is_default))
    }

    /// Every problem of a draft list, errors and warnings, each at its field.
    pub fn validate_mappings(&self, app_id: &str, draft: Vec<Mapping>) -> CoreResult<Vec<MappingIssue>> {
        let app = self.scim_app(&self.store().conn(), app_id)?;
        let list = normalized(app.scim, draft);
        let compiled = CompiledMappings::compile(&list);
        Ok(validate::check(&list, &compiled, app.scim, &app.connector.name))
    }

    /// Validates and saves the whole list; records `mapping_update` with the targets
    /// added, removed and changed. Saving the list in force changes nothing.
    pub fn save_mappings(&self, app_id: &str, mappings: Vec<Mapping>) -> CoreResult<MappingSet> {
        let app = self.scim_app(&self.store().conn(), app_id)?;
        let list = normalized(app.scim, mappings);
        let compiled = CompiledMappings::compile(&list);
        let issues = validate::check(&list, &compiled, app.scim, &app.connector.name);
        if let Some(e) = issues.iter().find(|i| i.severity == RuleSeverity::Error) {
            let message = match (e.line, e.column) {
                (Some(l), Some(c)) => format!("{l}:{c}: {}", e.message),
                _ => e.message.clone(),
            };
            return Err(CoreError::invalid(e.field.clone(), message));
        }
        let is_default = self.store().with_tx(|tx| {
            let (before, is_default) = self.current(tx, &app)?;
            if same_list(&before, &list) {
                return Ok(is_default);
            }
            table::replace(tx, &app.id, &list)?;
            let mut detail = diff(&before, &list);
            detail["reordered"] = Value::Bool(
                detail.as_object().is_some_and(|d| d.values().all(|v| v.as_array().is_some_and(Vec::is_empty))),
            );
            let ev = NewEvent::success("mapping_update")
                .app(&app.id, &app.label)
                .subject("application", &app.id, &app.label)
                .detail(detail);
            self.record(tx, ev)?;
            Ok::<_, CoreError>(false)
        })?;
        Ok(MappingSet { mappings: list, is_default, issues })
    }

    /// Adds the mapping, or replaces the one with the same target.
    pub fn set_mapping(&self, app_id: &str, mapping: Mapping) -> CoreResult<MappingSet> {
        let mut list = self.mappings(app_id)?.mappings;
        match list.iter().position(|m| validate::same_target(&m.target, &mapping.target)) {
            Some(i) => list[i] = mapping,
            None => list.push(mapping),
        }
        self.save_mappings(app_id, list)
    }

    /// Removes an optional mapping; a required one is refused (field `target`).
    pub fn remove_mapping(&self, app_id: &str, target: &str) -> CoreResult<MappingSet> {
        let set = self.mappings(app_id)?;
        let Some(i) = set.mappings.iter().position(|m| validate::same_target(&m.target, target)) else {
            return Err(CoreError::invalid("target", format!("No mapping fills {}.", canonical(target))));
        };
        if set.mappings[i].required {
            let app = self.application(app_id)?;
            return Err(CoreError::invalid(
                "target",
                format!("{} is required by {} and cannot be removed.", set.mappings[i].target, app.connector_name),
            ));
        }
        let mut list = set.mappings;
        list.remove(i);
        self.save_mappings(app_id, list)
    }

    /// Back to the connector's defaults; records `mapping_restore` when something changed.
    pub fn restore_default_mappings(&self, app_id: &str) -> CoreResult<MappingSet> {
        let app = self.scim_app(&self.store().conn(), app_id)?;
        self.store().with_tx(|tx| {
            let Some(saved) = table::load(tx, &app.id)? else {
                return Ok(());
            };
            table::clear(tx, &app.id)?;
            let ev = NewEvent::success("mapping_restore")
                .app(&app.id, &app.label)
                .subject("application", &app.id, &app.label)
                .detail(diff(&saved, &defaults(app.scim)));
            self.record(tx, ev)
        })?;
        Ok(self.mapping_set(&app, defaults(app.scim), true))
    }

    /// The mappings in force, compiled: build resources for many users with
    /// [`CompiledMappings::build_many`].
    pub fn compiled_mappings(&self, app_id: &str) -> CoreResult<CompiledMappings> {
        Ok(CompiledMappings::compile(&self.mappings(app_id)?.mappings))
    }
}
