//! Converting a mapped value to the one shape its target accepts (a single text or
//! boolean, an object of sub-attributes, a list of elements), with messages that say what
//! to map instead.
//!
//! Invariant: nil and empty values (`null`, `""`, `[]`, `{}`) convert to "absent", so
//! they never reach a resource.

use serde_json::{Map, Value};

use super::scim::{AttrType, Expect, Target};

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
        "phoneNumbers" => " Use toScimPhoneNumbers(...), or map phoneNumbers[type eq \"work\"].value.",
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
            v => Err(format!("{} takes true or false; the value is {}.", name(), describe(&v))),
        },
        Expect::Single(_) => match v {
            Value::String(_) => Ok(Some(v)),
            Value::Number(n) => Ok(Some(Value::String(n.to_string()))),
            Value::Bool(b) => Ok(Some(Value::String(b.to_string()))),
            v => Err(format!(
                "{} takes a single value; the value is {}{}",
                name(),
                describe(&v),
                if v.is_array() { ", as for a multi-valued attribute." } else { "." }
            )),
        },
        Expect::Object => match v {
            Value::Object(_) => Ok(Some(v)),
            v => {
                let example = target.attr.subs.iter().find(|s| s.name != "type").map_or("", |s| s.name);
                Err(format!(
                    "{} takes an object of sub-attributes; the value is {}. Map a sub-attribute instead, e.g. {}.{example}.",
                    name(),
                    describe(&v),
                    name()
                ))
            }
        },
        Expect::List => match v {
            // The usual case, a list of non-empty objects (what toScimEmails & co. make), is kept as is.
            Value::Array(items) if items.iter().all(|i| i.as_object().is_some_and(|o| !o.is_empty())) => {
                Ok(Some(Value::Array(items)))
            }
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
                Ok(if out.is_empty() { None } else { Some(Value::Array(out)) })
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

#[cfg(test)]
mod tests {
    use super::super::scim::parse;
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_are_enforced() {
        let t = |s: &str| parse(s).unwrap();
        assert!(coerce(json!("a@x.com"), &t("emails")).unwrap_err().contains("toScimEmails"));
        assert!(coerce(json!([{"value": "a"}]), &t("userName")).unwrap_err().contains("single value"));
        assert!(coerce(json!("Ada"), &t("name")).unwrap_err().contains("name.formatted"));
        assert!(coerce(json!("maybe"), &t("active")).unwrap_err().contains("true or false"));
        assert_eq!(coerce(json!("TRUE"), &t("active")).unwrap(), Some(json!(true)));
        assert_eq!(coerce(json!(42), &t("title")).unwrap(), Some(json!("42")));
        assert_eq!(coerce(json!(["a", ""]), &t("roles")).unwrap(), Some(json!([{"value": "a"}])));
        assert_eq!(coerce(json!(""), &t("title")).unwrap(), None);
        assert_eq!(coerce(json!([]), &t("emails")).unwrap(), None);
    }
}
