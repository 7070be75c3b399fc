//! Directory fields as SAML reads them: which names the NameID and user attributes may
//! use, and a user's value of one as text. Same names as direct mappings (`firstname`,
//! `addresses.locality`, `customAttributes.<name>`), but a custom attribute must be
//! written `customAttributes.<name>`: on the SSO tab an unknown bare name is a typo.

use serde_json::Value;

use crate::mappings::source::{self, DirectSource, SourceShape};

/// Where a field is used: the NameID needs text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    NameId,
    Attribute,
}

/// Parses a directory field name; the error says what to write instead.
pub fn parse(name: &str, usage: Use) -> Result<DirectSource, String> {
    let name = name.trim();
    let parsed = source::parse(name)?;
    match &parsed {
        DirectSource::Custom(custom) if !name.starts_with("customAttributes.") => {
            return Err(format!(
                "'{name}' is not a directory field. For a custom attribute, write customAttributes.{custom}."
            ))
        }
        DirectSource::List(list) => {
            return Err(format!(
                "{list} is a list; choose one of its fields, such as {}.",
                if *list == "addresses" { "addresses.locality" } else { "phoneNumbers.number" }
            ))
        }
        _ => {}
    }
    if usage == Use::NameId && parsed.shape() != SourceShape::Text {
        return Err(format!("The NameID must be a text field; '{name}' is true or false."));
    }
    Ok(parsed)
}

/// A user's value of `field` as text (`true`/`false` for `active`); `None` when empty.
pub fn read(field: &DirectSource, user: &Value) -> Option<String> {
    match field.read(user, None)?.as_ref() {
        Value::String(s) => Some(s.clone()).filter(|s| !s.trim().is_empty()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_are_directory_names_and_custom_ones_say_so() {
        assert!(parse("email", Use::NameId).is_ok());
        assert!(parse("addresses.locality", Use::Attribute).is_ok());
        assert!(parse("customAttributes.badge", Use::Attribute).is_ok());
        assert!(parse("badge", Use::Attribute).unwrap_err().contains("customAttributes.badge"));
        assert!(parse("emial", Use::NameId).unwrap_err().contains("Did you mean email?"));
        assert!(parse("addresses", Use::Attribute).unwrap_err().contains("addresses.locality"));
        assert!(parse("active", Use::Attribute).is_ok());
        assert!(parse("active", Use::NameId).unwrap_err().contains("text"));
        assert!(parse("", Use::NameId).is_err());
    }

    #[test]
    fn values_read_as_text() {
        let user = json!({"email": "a@x", "firstname": " ", "state": "suspended",
            "addresses": [{"type": "work", "locality": "Oslo"}], "customAttributes": {"badge": "7"}});
        let read_of = |f: &str| read(&parse(f, Use::Attribute).unwrap(), &user);
        assert_eq!(read_of("email").as_deref(), Some("a@x"));
        assert_eq!(read_of("firstname"), None, "blank is absent");
        assert_eq!(read_of("active").as_deref(), Some("false"));
        assert_eq!(read_of("addresses.locality").as_deref(), Some("Oslo"));
        assert_eq!(read_of("customAttributes.badge").as_deref(), Some("7"));
        assert_eq!(read_of("customAttributes.none"), None);
    }
}
