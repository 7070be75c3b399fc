//! The preview: the exact SCIM User resource a user's account would be sent with a
//! mapping list (saved or draft), every mapping's value or error, and the list's issues,
//! including the connector's per-user `sameValue` rules. Writes nothing.

use gatehouse_catalog::{RuleKind, ScimDefaults};
use serde_json::Value;

use super::compiled::CompiledMappings;
use super::{normalized, validate, Mapping, MappingIssue, MappingValue, Preview};
use crate::applications::table as apps;
use crate::directory::model::UserQuery;
use crate::directory::users;
use crate::error::{CoreError, CoreResult};
use crate::Gatehouse;

/// Previews one user (the directory user's JSON, as `jcUser` sees it) with `mappings`;
/// `provider` is the application's current account (`{}` before it exists).
pub fn preview_user(scim: &ScimDefaults, app: &str, mappings: &[Mapping], user: &Value, provider: &Value) -> Preview {
    let compiled = CompiledMappings::compile(mappings);
    let mut issues = validate::check(mappings, &compiled, scim, app);
    let mut outcomes = compiled.evaluate(user, provider);
    let values: Vec<MappingValue> = mappings
        .iter()
        .zip(&outcomes)
        .map(|(m, o)| MappingValue {
            target: m.target.clone(),
            value: o.as_ref().ok().and_then(|v| v.as_ref().map(|n| n.to_value())),
            error: o.as_ref().err().cloned(),
        })
        .collect();
    same_value_rules(scim, mappings, &values, &mut issues);
    let (resource, errors) = compiled.assemble(&mut outcomes, user);
    let text = |k: &str| user.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    Preview { user_id: text("id"), username: text("username"), resource: resource.into_value(), values, errors, issues }
}

/// The text a `sameValue` rule compares: a single value, or a list's primary (else
/// first) element's `value`.
fn compared(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(items) => {
            let primary = items.iter().find(|e| e.get("primary") == Some(&Value::Bool(true)));
            primary.or(items.first())?.get("value")?.as_str()
        }
        Value::Object(o) => o.get("value")?.as_str(),
        _ => None,
    }
}

fn same_value_rules(scim: &ScimDefaults, mappings: &[Mapping], values: &[MappingValue], out: &mut Vec<MappingIssue>) {
    for rule in scim.rules.iter().filter(|r| r.kind == RuleKind::SameValue) {
        let present: Vec<(usize, Option<&str>)> = rule
            .targets
            .iter()
            .filter_map(|t| mappings.iter().position(|m| validate::same_target(&m.target, t)))
            .map(|i| (i, values[i].value.as_ref().and_then(compared)))
            .collect();
        let Some(((_, first), rest)) = present.split_first() else {
            continue;
        };
        for &(j, v) in rest {
            let differ = match (first, v) {
                (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
                (None, None) => false,
                _ => true,
            };
            if differ {
                let shown: Vec<String> = present
                    .iter()
                    .map(|(i, v)| {
                        format!("{} is {}", mappings[*i].target, v.map_or("empty".into(), |s| format!("'{s}'")))
                    })
                    .collect();
                out.push(MappingIssue {
                    target: mappings[j].target.clone(),
                    field: format!("mappings[{j}].source"),
                    severity: rule.severity,
                    message: format!("{} For this user {}.", rule.message, shown.join(" and ")),
                    line: None,
                    column: None,
                });
            }
        }
    }
}

impl Gatehouse {
    /// The exact SCIM resource `user` (id or username; empty = the application's first
    /// user, else the directory's) would be sent, with `draft` instead of the saved
    /// mappings when given. Writes nothing.
    pub fn preview(&self, app_id: &str, user: &str, draft: Option<Vec<Mapping>>) -> CoreResult<Preview> {
        self.preview_with_provider(app_id, user, draft, &Value::Object(Default::default()))
    }

    /// [`Gatehouse::preview`] against a given application account (`providerUser`).
    pub fn preview_with_provider(
        &self,
        app_id: &str,
        user: &str,
        draft: Option<Vec<Mapping>>,
        provider: &Value,
    ) -> CoreResult<Preview> {
        let conn = self.store().conn();
        let app = self.scim_app(&conn, app_id)?;
        let list = match draft {
            Some(d) => normalized(app.scim, d),
            None => self.current(&conn, &app)?.0,
        };
        let user = match user.trim() {
            "" => {
                let first = apps::effective_users(&conn, &app.id, 1, 1)?.items.into_iter().next().map(|u| u.id);
                let first = match first {
                    Some(id) => Some(id),
                    None => users::list(&conn, &UserQuery { page: 1, page_size: 1, ..Default::default() })?
                        .items
                        .into_iter()
                        .next()
                        .map(|u| u.id),
                };
                let id = first.ok_or_else(|| CoreError::invalid("user", "The directory has no users to preview."))?;
                users::get(&conn, &id)?
            }
            u => users::find(&conn, u).map_err(|_| CoreError::invalid("user", format!("No user '{u}'.")))?,
        };
        drop(conn);
        let json = serde_json::to_value(&user).map_err(|e| CoreError::Internal(e.to_string()))?;
        Ok(preview_user(app.scim, &app.connector.name, &list, &json, provider))
    }
}
