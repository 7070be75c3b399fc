//! Direct mappings: which directory field a source names, and how it is read from the
//! directory user (`jcUser`) without going through the expression language.
//!
//! Conventions (connectors/README.md): `active` is the user's derived status; a field
//! inside a multi-valued one (`addresses.locality`) reads the element whose `type` matches
//! the target's filter, else the first element; a name the directory does not define is a
//! custom attribute (`customAttributes.<name>` says so explicitly).

use std::borrow::Cow;

use gatehouse_expr::{suggest, DIRECTORY_USER_FIELDS};
use serde_json::Value;

/// Sub-fields of the directory's multi-valued fields.
pub const ADDRESS_FIELDS: [&str; 7] = ["type", "streetAddress", "poBox", "locality", "region", "postalCode", "country"];
pub const PHONE_FIELDS: [&str; 2] = ["type", "number"];

/// What a direct mapping reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectSource {
    /// A top-level text field (`firstname`, `jobTitle`, `state`).
    Field(&'static str),
    /// True unless the user is suspended or password-expired.
    Active,
    /// `customAttributes[name]`.
    Custom(String),
    /// One field of the matching element of `addresses` or `phoneNumbers`.
    Element { list: &'static str, field: &'static str },
    /// All of `addresses` or `phoneNumbers`, converted to SCIM like `toScimAddresses`.
    List(&'static str),
}

/// The shape a direct source yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceShape {
    Text,
    Bool,
    List,
}

impl DirectSource {
    pub fn shape(&self) -> SourceShape {
        match self {
            DirectSource::Active => SourceShape::Bool,
            DirectSource::List(_) => SourceShape::List,
            _ => SourceShape::Text,
        }
    }

    /// The expression a whole-list source stands for.
    pub fn list_expression(&self) -> Option<&'static str> {
        match self {
            DirectSource::List("addresses") => Some("toScimAddresses(jcUser.addresses)"),
            DirectSource::List(_) => Some("toScimPhoneNumbers(jcUser.phoneNumbers)"),
            _ => None,
        }
    }

    /// The top-level field of the directory user this source reads.
    pub fn top_field(&self) -> &'static str {
        match self {
            DirectSource::Field(name) => name,
            DirectSource::Active => "state",
            DirectSource::Custom(_) => "customAttributes",
            DirectSource::Element { list, .. } | DirectSource::List(list) => list,
        }
    }

    /// Reads the value from a directory user (the `jcUser` JSON); `None` when absent or
    /// empty. `element_type` is the `type` the target's filter selects, if any.
    /// Texts are borrowed, not copied.
    pub fn read<'u>(&self, user: &'u Value, element_type: Option<&str>) -> Option<Cow<'u, Value>> {
        self.read_from(user.get(self.top_field()), element_type)
    }

    /// `read`, given the user's value at `top_field()` (looked up once for many sources).
    pub fn read_from<'u>(&self, top: Option<&'u Value>, element_type: Option<&str>) -> Option<Cow<'u, Value>> {
        let v = match self {
            DirectSource::Field(_) => top?,
            DirectSource::Active => return Some(Cow::Owned(Value::Bool(state_is_active(top)))),
            DirectSource::Custom(name) => top?.get(name)?,
            DirectSource::Element { field, .. } => {
                let items = top?.as_array()?;
                let wanted = element_type.and_then(|t| {
                    items
                        .iter()
                        .find(|e| e.get("type").and_then(Value::as_str).is_some_and(|s| s.eq_ignore_ascii_case(t)))
                });
                wanted.or_else(|| items.first())?.get(*field)?
            }
            DirectSource::List(_) => return None,
        };
        match v {
            Value::Null => None,
            Value::String(s) if s.is_empty() => None,
            v => Some(Cow::Borrowed(v)),
        }
    }
}

/// A directory user is active unless its state says suspended or password-expired (a user
/// JSON without a state, as in tests and `expr eval`, counts as active).
pub fn is_active(user: &Value) -> bool {
    state_is_active(user.get("state"))
}

fn state_is_active(state: Option<&Value>) -> bool {
    match state.and_then(Value::as_str) {
        Some(s) => !matches!(s, "suspended" | "password_expired"),
        None => true,
    }
}

/// Parses a direct mapping's source; the error says what to write instead.
pub fn parse(text: &str) -> Result<DirectSource, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Choose the directory field this mapping reads.".into());
    }
    if t == "active" {
        return Ok(DirectSource::Active);
    }
    if let Some(f) = DIRECTORY_USER_FIELDS.iter().find(|f| **f == t) {
        return match *f {
            "addresses" => Ok(DirectSource::List("addresses")),
            "phoneNumbers" => Ok(DirectSource::List("phoneNumbers")),
            "customAttributes" => Err("Choose one custom attribute: customAttributes.<name>, or just its name.".into()),
            f => Ok(DirectSource::Field(f)),
        };
    }
    if let Some((head, rest)) = t.split_once('.') {
        return match head {
            "addresses" => element("addresses", rest, &ADDRESS_FIELDS),
            "phoneNumbers" => element("phoneNumbers", rest, &PHONE_FIELDS),
            "customAttributes" if !rest.trim().is_empty() => Ok(DirectSource::Custom(rest.trim().to_string())),
            _ => Err(format!(
                "'{t}' is not a directory field: fields with parts are addresses.<field>, phoneNumbers.<field> and customAttributes.<name>."
            )),
        };
    }
    let known = DIRECTORY_USER_FIELDS.iter().copied().chain(["active"]);
    if let Some(s) = suggest(t, known) {
        return Err(format!(
            "'{t}' is not a directory field. Did you mean {s}? (For a custom attribute, write customAttributes.{t}.)"
        ));
    }
    if t.chars().any(|c| c.is_control()) || t.chars().count() > 128 {
        return Err("A custom attribute name is at most 128 printable characters.".into());
    }
    Ok(DirectSource::Custom(t.to_string()))
}

fn element(list: &'static str, field: &str, fields: &[&'static str]) -> Result<DirectSource, String> {
    match fields.iter().find(|f| **f == field) {
        Some(f) => Ok(DirectSource::Element { list, field: f }),
        None => {
            let hint = suggest(field, fields.iter().copied())
                .map(|s| format!(" Did you mean {list}.{s}?"))
                .unwrap_or_default();
            Err(format!("{list} has no field '{field}' (it has {}).{hint}", fields.join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sources_parse() {
        assert_eq!(parse("firstname"), Ok(DirectSource::Field("firstname")));
        assert_eq!(parse("active"), Ok(DirectSource::Active));
        assert_eq!(parse("addresses"), Ok(DirectSource::List("addresses")));
        assert_eq!(parse("addresses.country"), Ok(DirectSource::Element { list: "addresses", field: "country" }));
        assert_eq!(parse("customAttributes.badge"), Ok(DirectSource::Custom("badge".into())));
        assert_eq!(parse("badgeNumber"), Ok(DirectSource::Custom("badgeNumber".into())));
        assert!(parse("jobtitle").unwrap_err().contains("Did you mean jobTitle?"));
        assert!(parse("fristname").unwrap_err().contains("Did you mean firstname?"));
        assert!(parse("phoneNumbers.value").unwrap_err().contains("number"));
        assert!(parse("").is_err());
    }

    #[test]
    fn element_fields_follow_the_targets_type_else_the_first() {
        let u = json!({"addresses": [{"type": "home", "country": "CH"}, {"type": "work", "country": "US"}]});
        let s = parse("addresses.country").unwrap();
        assert_eq!(s.read(&u, Some("work")).map(Cow::into_owned), Some(json!("US")));
        assert_eq!(s.read(&u, Some("other")).map(Cow::into_owned), Some(json!("CH")));
        assert_eq!(s.read(&u, None).map(Cow::into_owned), Some(json!("CH")));
        assert_eq!(s.read(&json!({"addresses": []}), None).map(Cow::into_owned), None);
    }

    #[test]
    fn empty_text_reads_as_absent_and_state_gives_active() {
        assert_eq!(parse("lastname").unwrap().read(&json!({"lastname": ""}), None).map(Cow::into_owned), None);
        assert_eq!(
            DirectSource::Active.read(&json!({"state": "suspended"}), None).map(Cow::into_owned),
            Some(json!(false))
        );
        assert_eq!(
            DirectSource::Active.read(&json!({"state": "active"}), None).map(Cow::into_owned),
            Some(json!(true))
        );
    }
}
