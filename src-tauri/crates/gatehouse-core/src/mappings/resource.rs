//! Assembling the SCIM User resource from mapped values: converting each value to the one
//! shape its target accepts, and writing it at its path (`name.givenName` into a `name`
//! object, `emails[type eq "work"].value` into the matching element, `$enterpriseUser.x`
//! into the extension object).
//!
//! Invariants: nil and empty values (`null`, `""`, `[]`, `{}`) never reach the resource;
//! whole-attribute values are written before element and sub-attribute values, so the
//! result does not depend on the order of the mapping list; `schemas` lists exactly the
//! schemas the resource uses.

use serde_json::{Map, Value};

use super::scim::{AttrType, Expect, Target, CORE_URN, ENTERPRISE_URN};

/// Whether a value counts as absent.
pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A short description of a value for messages (`a list of 2`, `the text "abc"`).
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nil".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("the text \"{}…\"", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

/// The function that builds a multi-valued attribute from directory data, for hints.
fn builder_hint(attr: &str) -> &'static str {
    match attr {
        "emails" => " Use toScimEmails(jcUser.email), or map emails[type eq \"work\"].value.",
        "addresses" => " Use toScimAddresses(...), or map one field such as addresses[type eq \"work\"].locality.",
        "phoneNumbers" => {
            " Use toScimPhoneNumbers(...), or map phoneNumbers[type eq \"work\"].value."
        }
        _ => " Map one element's field with a filter instead, e.g. [type eq \"work\"].value.",
    }
}

/// Converts `v` to the shape `target` accepts; `Ok(None)` when it is empty.
pub fn coerce(v: Value, target: &Target) -> Result<Option<Value>, String> {
    if is_empty(&v) {
        return Ok(None);
    }
    let name = || target.to_string();
    match target.expects() {
        Expect::Single(AttrType::Boolean) => match v {
            Value::Bool(_) => Ok(Some(v)),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(Some(Value::Bool(true))),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(Some(Value::Bool(false))),
            v => Err(format!(
                "{} takes true or false; the value is {}.",
                name(),
                describe(&v)
            )),
        },
        Expect::Single(_) => match v {
            Value::String(_) => Ok(Some(v)),
            Value::Number(n) => Ok(Some(Value::String(n.to_string()))),
            Value::Bool(b) => Ok(Some(Value::String(b.to_string()))),
            v => Err(format!(
                "{} takes a single value; the value is {}{}",
                name(),
                describe(&v),
                if v.is_array() {
                    ", as for a multi-valued attribute."
                } else {
                    "."
                }
            )),
        },
        Expect::Object => match v {
            Value::Object(_) => Ok(Some(v)),
            v => {
                let example = target
                    .attr
                    .subs
                    .iter()
                    .find(|s| s.name != "type")
                    .map_or("", |s| s.name);
                Err(format!(
                    "{} takes an object of sub-attributes; the value is {}. Map a sub-attribute instead, e.g. {}.{example}.",
                    name(),
                    describe(&v),
                    name()
                ))
            }
        },
        Expect::List => match v {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Object(o) if !o.is_empty() => out.push(Value::Object(o)),
                        Value::String(s) if !s.is_empty() => {
                            let mut o = Map::new();
                            o.insert("value".into(), Value::String(s));
                            out.push(Value::Object(o));
                        }
                        item if is_empty(&item) => {}
                        item => {
                            return Err(format!(
                                "{} is multi-valued: each element is an object; one is {}.",
                                name(),
                                describe(&item)
                            ))
                        }
                    }
                }
                Ok(if out.is_empty() {
                    None
                } else {
                    Some(Value::Array(out))
                })
            }
            v => Err(format!(
                "{} is multi-valued and takes a list; the value is {}.{}",
                name(),
                describe(&v),
                builder_hint(target.attr.name)
            )),
        },
    }
}

/// Whether a target writes a whole attribute (written first) rather than a part of one.
pub fn is_whole(t: &Target) -> bool {
    t.filter.is_none() && t.sub.is_none()
}

fn object_at<'m>(map: &'m mut Map<String, Value>, key: &str) -> &'m mut Map<String, Value> {
    let slot = map.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    slot.as_object_mut().expect("just made an object")
}

/// A resource under construction.
#[derive(Default)]
pub struct Resource {
    root: Map<String, Value>,
    /// Multi-valued attributes written element by element: their first element becomes
    /// primary when none is.
    elements: Vec<(bool, &'static str)>,
}

impl Resource {
    pub fn new() -> Resource {
        Resource::default()
    }

    /// Writes an already coerced, non-empty value at the target's path.
    pub fn set(&mut self, t: &Target, v: Value) {
        let root = if t.enterprise {
            object_at(&mut self.root, ENTERPRISE_URN)
        } else {
            &mut self.root
        };
        let name = t.attr.name;
        match (&t.filter, t.sub) {
            (None, None) => {
                // A whole complex value merges with sub-attributes written before it.
                match (root.get_mut(name), v) {
                    (Some(Value::Object(have)), Value::Object(new)) => have.extend(new),
                    (_, v) => {
                        root.insert(name.to_string(), v);
                    }
                }
            }
            (None, Some(sub)) => {
                object_at(root, name).insert(sub.name.to_string(), v);
            }
            (Some(filter), sub) => {
                let slot = root.entry(name).or_insert_with(|| Value::Array(Vec::new()));
                if !slot.is_array() {
                    *slot = Value::Array(Vec::new());
                }
                let items = slot.as_array_mut().expect("just made a list");
                let at = match items.iter().position(|e| filter.matches(e)) {
                    Some(i) => i,
                    None => {
                        let mut e = Map::new();
                        e.insert(filter.attr.to_string(), filter.json());
                        items.push(Value::Object(e));
                        items.len() - 1
                    }
                };
                if !items[at].is_object() {
                    items[at] = Value::Object(Map::new());
                }
                let element = items[at].as_object_mut().expect("just made an object");
                match (sub, v) {
                    (Some(sub), v) => {
                        element.insert(sub.name.to_string(), v);
                    }
                    (None, Value::Object(o)) => element.extend(o),
                    (None, _) => {}
                }
                if !self.elements.contains(&(t.enterprise, name)) {
                    self.elements.push((t.enterprise, name));
                }
            }
        }
    }

    /// Finishes the resource: `active` from the user's status (and from an `active`
    /// mapping, which can only turn it off), primary elements, `schemas`.
    pub fn finish(mut self, user_active: bool) -> Value {
        for (enterprise, name) in std::mem::take(&mut self.elements) {
            let root = if enterprise {
                object_at(&mut self.root, ENTERPRISE_URN)
            } else {
                &mut self.root
            };
            if let Some(Value::Array(items)) = root.get_mut(name) {
                let has_primary = items
                    .iter()
                    .any(|e| e.get("primary") == Some(&Value::Bool(true)));
                if let (false, Some(Value::Object(first))) = (has_primary, items.first_mut()) {
                    first.insert("primary".into(), Value::Bool(true));
                }
            }
        }
        let mapped = self
            .root
            .get("active")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        self.root
            .insert("active".into(), Value::Bool(user_active && mapped));
        let enterprise = self.root.get(ENTERPRISE_URN).is_some_and(|e| !is_empty(e));
        if !enterprise {
            self.root.remove(ENTERPRISE_URN);
        }
        let mut schemas = vec![Value::String(CORE_URN.into())];
        if enterprise {
            schemas.push(Value::String(ENTERPRISE_URN.into()));
        }
        self.root.insert("schemas".into(), Value::Array(schemas));
        Value::Object(self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::super::scim::parse;
    use super::*;
    use serde_json::json;

    fn build(values: &[(&str, Value)], active: bool) -> Value {
        let mut targets: Vec<(Target, Value)> = values
            .iter()
            .map(|(t, v)| (parse(t).unwrap(), v.clone()))
            .collect();
        targets.sort_by_key(|(t, _)| !is_whole(t));
        let mut r = Resource::new();
        for (t, v) in targets {
            if let Some(v) = coerce(v, &t).unwrap() {
                r.set(&t, v);
            }
        }
        r.finish(active)
    }

    #[test]
    fn paths_nest_filter_and_extend() {
        let r = build(
            &[
                ("emails[type eq \"work\"].value", json!("a@x.com")),
                ("name.givenName", json!("Ada")),
                ("name.familyName", json!("")),
                ("$enterpriseUser.department", json!("R&D")),
                ("addresses[type eq \"work\"].locality", json!("Zurich")),
                ("addresses[type eq \"work\"].country", json!("CH")),
                ("userName", json!("ada")),
            ],
            true,
        );
        assert_eq!(
            r,
            json!({
                "schemas": [CORE_URN, ENTERPRISE_URN],
                "userName": "ada",
                "active": true,
                "name": {"givenName": "Ada"},
                "emails": [{"type": "work", "value": "a@x.com", "primary": true}],
                "addresses": [{"type": "work", "locality": "Zurich", "country": "CH", "primary": true}],
                ENTERPRISE_URN: {"department": "R&D"}
            })
        );
    }

    #[test]
    fn element_paths_refine_a_whole_list_whatever_the_order() {
        let r = build(
            &[
                ("emails[type eq \"work\"].display", json!("Ada")),
                (
                    "emails",
                    json!([{"type": "work", "value": "a@x.com", "primary": true}]),
                ),
            ],
            false,
        );
        assert_eq!(
            r["emails"],
            json!([{"type": "work", "value": "a@x.com", "primary": true, "display": "Ada"}])
        );
        assert_eq!(r["active"], json!(false));
        assert_eq!(r["schemas"], json!([CORE_URN]));
    }

    #[test]
    fn shapes_are_enforced() {
        let t = |s: &str| parse(s).unwrap();
        assert!(coerce(json!("a@x.com"), &t("emails"))
            .unwrap_err()
            .contains("toScimEmails"));
        assert!(coerce(json!([{"value": "a"}]), &t("userName"))
            .unwrap_err()
            .contains("single value"));
        assert!(coerce(json!("Ada"), &t("name"))
            .unwrap_err()
            .contains("name.formatted"));
        assert!(coerce(json!("maybe"), &t("active"))
            .unwrap_err()
            .contains("true or false"));
        assert_eq!(
            coerce(json!("TRUE"), &t("active")).unwrap(),
            Some(json!(true))
        );
        assert_eq!(coerce(json!(42), &t("title")).unwrap(), Some(json!("42")));
        assert_eq!(
            coerce(json!(["a", ""]), &t("roles")).unwrap(),
            Some(json!([{"value": "a"}]))
        );
        assert_eq!(coerce(json!(""), &t("title")).unwrap(), None);
        assert_eq!(coerce(json!([]), &t("emails")).unwrap(), None);
    }
}
