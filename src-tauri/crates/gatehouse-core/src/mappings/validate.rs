//! Checks on a mapping list before it is saved (and on every preview): each problem is
//! reported at the field the admin must fix (`mappings[3].source`), with the expression's
//! line and column when there is one.
//!
//! Errors: a target that is not a writable SCIM attribute, a source of the wrong shape for
//! its target (a single value into a multi-valued attribute or the reverse), an expression
//! that does not compile, a duplicate target, a missing required mapping or userName, an
//! attribute the application cannot receive, a broken `sameSource` rule of severity error.
//! Warnings: an expression that fails for a fully populated sample user, `sameSource`
//! rules of severity warning.

use std::sync::OnceLock;

use gatehouse_catalog::{ConnectorRule, MappingKind, RuleKind, RuleSeverity, ScimDefaults};
use serde_json::{json, Value};

use super::compiled::{CompiledMappings, Producer};
use super::scim::{AttrType, Expect, Target};
use super::source::{DirectSource, SourceShape};
use super::{Mapping, MappingIssue};

/// At most this many mappings per application.
pub const MAX_MAPPINGS: usize = 100;

/// A directory user with every field filled, to learn what shape an expression yields.
fn sample_user() -> &'static Value {
    static USER: OnceLock<Value> = OnceLock::new();
    USER.get_or_init(|| {
        json!({
            "id": "5f0c1e2d3b4a596877665544", "username": "ada.lovelace", "email": "ada@example.com",
            "firstname": "Ada", "middlename": "King", "lastname": "Lovelace", "displayname": "Ada Lovelace",
            "jobTitle": "Analyst", "employeeIdentifier": "E-1815", "employeeType": "full-time",
            "department": "Engineering", "costCenter": "CC-10", "company": "Analytical Engines Ltd",
            "manager": "5f0c1e2d3b4a596877660000", "location": "London", "description": "Sample user",
            "addresses": [{"type": "work", "streetAddress": "12 St James's Square", "poBox": "",
                "locality": "London", "region": "", "postalCode": "SW1Y 4JH", "country": "GB"}],
            "phoneNumbers": [{"type": "work", "number": "+44 20 7946 0000"}],
            "locale": "en-GB", "preferredLanguage": "en", "customAttributes": {"badge": "1815"},
            "state": "active", "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z"
        })
    })
}

fn field(i: usize, part: &str) -> String {
    format!("mappings[{i}].{part}")
}

fn issue(severity: RuleSeverity, field: String, target: &str, message: impl Into<String>) -> MappingIssue {
    MappingIssue { target: target.to_string(), field, severity, message: message.into(), line: None, column: None }
}

/// Same target, compared in the schema's spelling.
pub fn same_target(a: &str, b: &str) -> bool {
    canonical(a).eq_ignore_ascii_case(&canonical(b))
}

/// A target in the schema's spelling, or as written (trimmed) when it does not parse.
pub fn canonical(t: &str) -> String {
    super::scim::parse(t).map_or_else(|_| t.trim().to_string(), |t| t.to_string())
}

/// Every problem of `mappings` against the connector's SCIM defaults and rules.
pub fn check(mappings: &[Mapping], compiled: &CompiledMappings, scim: &ScimDefaults, app: &str) -> Vec<MappingIssue> {
    use RuleSeverity::{Error, Warning};
    let mut out = Vec::new();
    if mappings.len() > MAX_MAPPINGS {
        out.push(issue(Error, "mappings".into(), "", format!("At most {MAX_MAPPINGS} mappings are allowed.")));
    }
    let canon: Vec<String> = mappings.iter().map(|m| canonical(&m.target)).collect();
    let unsupported = |name: &str| scim.unsupported_attributes.iter().find(|u| u.eq_ignore_ascii_case(name));
    for (i, (m, e)) in mappings.iter().zip(&compiled.entries).enumerate() {
        let target_text = canon[i].as_str();
        let target = match &e.target {
            Ok(t) => Some(t),
            Err(msg) => {
                out.push(issue(Error, field(i, "target"), target_text, msg.clone()));
                None
            }
        };
        if let Some(j) = canon[..i].iter().position(|c| c.eq_ignore_ascii_case(target_text)) {
            out.push(issue(
                Error,
                field(i, "target"),
                target_text,
                format!("Mapping {} already fills {target_text}: each attribute is mapped once.", j + 1),
            ));
        }
        if let Some(u) = target.and_then(|t| unsupported(t.leaf())) {
            out.push(issue(Error, field(i, "target"), target_text, format!("{app} cannot receive {u}.")));
        }
        match &e.producer {
            Err(err) => out.push(MappingIssue {
                line: err.line,
                column: err.column,
                ..issue(Error, field(i, "source"), target_text, err.message.clone())
            }),
            Ok(Producer::Direct(s)) => {
                if let Some(u) = direct_name(s).and_then(unsupported) {
                    out.push(issue(Error, field(i, "source"), target_text, format!("{app} cannot receive {u}.")));
                }
                if let Some(msg) = target.and_then(|t| direct_shape_problem(s, &m.source, t)) {
                    out.push(issue(Error, field(i, "source"), target_text, msg));
                }
            }
            Ok(Producer::Expr(_)) if m.kind == MappingKind::Expression && target.is_some() => {
                match e.sample_error(sample_user(), &json!({})) {
                    Some(err) if err.line.is_none() => {
                        // Not an expression failure: the value has the wrong shape.
                        out.push(issue(Error, field(i, "source"), target_text, err.message));
                    }
                    Some(err) => out.push(MappingIssue {
                        line: err.line,
                        column: err.column,
                        ..issue(
                            Warning,
                            field(i, "source"),
                            target_text,
                            format!("Fails for a sample user: {}", err.message),
                        )
                    }),
                    None => {}
                }
            }
            Ok(_) => {}
        }
    }
    required(&canon, scim, app, &mut out);
    for rule in &scim.rules {
        same_source(rule, mappings, &canon, &mut out);
    }
    out
}

fn direct_name(s: &DirectSource) -> Option<&str> {
    match s {
        DirectSource::Field(f) => Some(f),
        DirectSource::Custom(c) => Some(c),
        DirectSource::Element { field, .. } => Some(field),
        DirectSource::Active | DirectSource::List(_) => None,
    }
}

/// Why a direct source cannot fill `t`, if it cannot.
fn direct_shape_problem(s: &DirectSource, text: &str, t: &Target) -> Option<String> {
    let text = text.trim();
    match (s.shape(), t.expects()) {
        (SourceShape::List, Expect::List) => None,
        (SourceShape::List, _) => Some(format!(
            "{text} is a list, and {t} takes {}: choose one field, e.g. {text}.{}.",
            if t.expects() == Expect::Object { "one element" } else { "a single value" },
            if text == "addresses" { "locality" } else { "number" }
        )),
        (_, Expect::List) => Some(format!(
            "{t} is multi-valued and {text} is a single value: map {}[type eq \"work\"].{} instead{}.",
            t.attr.name,
            t.attr.subs.iter().find(|s| s.name != "type").map_or("value", |s| s.name),
            match t.attr.name {
                "emails" => ", or use the expression toScimEmails(jcUser.email)",
                _ => "",
            }
        )),
        (_, Expect::Object) => Some(format!(
            "{t} takes an object of sub-attributes: map {text} to one of them, e.g. {t}.{}.",
            t.attr.subs.iter().find(|s| s.name != "type").map_or("value", |s| s.name)
        )),
        (SourceShape::Text, Expect::Single(AttrType::Boolean)) if matches!(s, DirectSource::Field(_)) => {
            Some(format!("{t} takes true or false, and {text} is a text: map active instead."))
        }
        _ => None,
    }
}

fn required(canon: &[String], scim: &ScimDefaults, app: &str, out: &mut Vec<MappingIssue>) {
    let has = |t: &str| canon.iter().any(|c| same_target(c, t));
    let mut user_name_required = false;
    for d in scim.mappings.iter().filter(|d| d.required) {
        user_name_required |= same_target(&d.target, "userName");
        if !has(&d.target) {
            out.push(issue(
                RuleSeverity::Error,
                "mappings".into(),
                &canonical(&d.target),
                format!("{} is required by {app} and cannot be removed.", canonical(&d.target)),
            ));
        }
    }
    if !user_name_required && !has("userName") {
        out.push(issue(
            RuleSeverity::Error,
            "mappings".into(),
            "userName",
            "Every SCIM user needs a userName: add a mapping for it.",
        ));
    }
}

/// A `sameSource` rule: the targets present must read the same source.
fn same_source(rule: &ConnectorRule, mappings: &[Mapping], canon: &[String], out: &mut Vec<MappingIssue>) {
    if rule.kind != RuleKind::SameSource {
        return;
    }
    let present: Vec<usize> =
        rule.targets.iter().filter_map(|t| canon.iter().position(|c| same_target(c, t))).collect();
    let Some((&first, rest)) = present.split_first() else {
        return;
    };
    let key = |i: usize| (mappings[i].kind, mappings[i].source.trim().to_string());
    for &j in rest {
        if key(j) != key(first) {
            out.push(issue(rule.severity, field(j, "source"), &canon[j], rule.message.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_user_has_every_directory_field() {
        let u = sample_user().as_object().unwrap();
        for f in gatehouse_expr::DIRECTORY_USER_FIELDS {
            assert!(u.contains_key(f), "sample user lacks {f}");
        }
    }
}
