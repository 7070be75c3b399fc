//! Validation of user input, field by field, so each error names the field to fix.
//!
//! Returns the draft in canonical form (trimmed; address and phone types lower-cased).

use crate::directory::model::UserDraft;
use crate::error::{CoreError, CoreResult};

pub const ADDRESS_TYPES: &[&str] = &["work", "home", "other"];
pub const PHONE_TYPES: &[&str] = &["work", "home", "mobile", "fax", "other"];
const MAX_TEXT: usize = 256;

pub fn user(draft: &UserDraft) -> CoreResult<UserDraft> {
    let mut d = draft.clone();
    for (name, value) in text_fields(&mut d) {
        *value = value.trim().to_string();
        if value.chars().count() > MAX_TEXT {
            return Err(CoreError::invalid(name, format!("{name} must be at most {MAX_TEXT} characters.")));
        }
        if value.chars().any(|c| c.is_control()) {
            return Err(CoreError::invalid(name, format!("{name} must not contain control characters.")));
        }
    }
    username(&d.username)?;
    email(&d.email)?;
    for (i, a) in d.addresses.iter_mut().enumerate() {
        a.kind = a.kind.trim().to_ascii_lowercase();
        if a.kind.is_empty() {
            a.kind = "work".into();
        }
        if !ADDRESS_TYPES.contains(&a.kind.as_str()) {
            return Err(CoreError::invalid(
                format!("addresses[{i}].type"),
                format!("Address type must be one of {}.", ADDRESS_TYPES.join(", ")),
            ));
        }
        for v in
            [&mut a.street_address, &mut a.po_box, &mut a.locality, &mut a.region, &mut a.postal_code, &mut a.country]
        {
            *v = v.trim().to_string();
        }
    }
    for (i, p) in d.phone_numbers.iter_mut().enumerate() {
        p.kind = p.kind.trim().to_ascii_lowercase();
        if p.kind.is_empty() {
            p.kind = "work".into();
        }
        if !PHONE_TYPES.contains(&p.kind.as_str()) {
            return Err(CoreError::invalid(
                format!("phoneNumbers[{i}].type"),
                format!("Phone type must be one of {}.", PHONE_TYPES.join(", ")),
            ));
        }
        p.number = p.number.trim().to_string();
        let ok = !p.number.is_empty()
            && p.number.chars().all(|c| c.is_ascii_digit() || " +-().x".contains(c))
            && p.number.chars().filter(|c| c.is_ascii_digit()).count() >= 3;
        if !ok {
            return Err(CoreError::invalid(
                format!("phoneNumbers[{i}].number"),
                "Phone number must contain digits (and only + - ( ) . x or spaces).",
            ));
        }
    }
    for name in d.custom_attributes.keys() {
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name.len() <= 64;
        if !valid {
            return Err(CoreError::invalid(
                format!("customAttributes.{name}"),
                format!("Custom attribute name '{name}' must start with a letter and use only letters, digits and _."),
            ));
        }
    }
    Ok(d)
}

fn text_fields(d: &mut UserDraft) -> [(&'static str, &mut String); 17] {
    [
        ("username", &mut d.username),
        ("email", &mut d.email),
        ("firstname", &mut d.firstname),
        ("middlename", &mut d.middlename),
        ("lastname", &mut d.lastname),
        ("displayname", &mut d.displayname),
        ("jobTitle", &mut d.job_title),
        ("employeeIdentifier", &mut d.employee_identifier),
        ("employeeType", &mut d.employee_type),
        ("department", &mut d.department),
        ("costCenter", &mut d.cost_center),
        ("company", &mut d.company),
        ("manager", &mut d.manager),
        ("location", &mut d.location),
        ("description", &mut d.description),
        ("locale", &mut d.locale),
        ("preferredLanguage", &mut d.preferred_language),
    ]
}

pub fn username(u: &str) -> CoreResult<()> {
    if u.is_empty() {
        return Err(CoreError::invalid("username", "Username is required."));
    }
    if u.len() > 128 {
        return Err(CoreError::invalid("username", "Username must be at most 128 characters."));
    }
    if !u.chars().all(|c| c.is_alphanumeric() || "._-@+".contains(c)) {
        return Err(CoreError::invalid(
            "username",
            "Username may contain only letters, digits and . _ - @ + (no spaces).",
        ));
    }
    Ok(())
}

/// A practical address check: one `@`, a non-empty local part of allowed characters, and a
/// domain of dot-separated labels with a top-level label of at least two letters.
pub fn email(e: &str) -> CoreResult<()> {
    let bad = |why: &str| Err(CoreError::invalid("email", format!("'{e}' is not a valid email address: {why}.")));
    if e.is_empty() {
        return Err(CoreError::invalid("email", "Email is required."));
    }
    let Some((local, domain)) = e.rsplit_once('@') else {
        return bad("it has no @");
    };
    if local.is_empty() || local.len() > 64 {
        return bad("the part before @ is empty or too long");
    }
    if !local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return bad("the part before @ has characters that are not allowed");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| {
            l.is_empty()
                || l.starts_with('-')
                || l.ends_with('-')
                || !l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    {
        return bad("the domain is not valid");
    }
    let tld = labels[labels.len() - 1];
    if tld.chars().count() < 2 || !tld.chars().all(char::is_alphabetic) {
        return bad("the domain has no valid top-level part");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "first.last+tag@sub.example.org", "o'neil@example.ie"] {
            assert!(email(ok).is_ok(), "{ok}");
        }
        for bad in ["", "plain", "a@b", "a@b.c", "@b.com", "a@@b.com", "a b@c.com", "a@-b.com", "a..b@c.com", "a@b.c0m"]
        {
            let err = email(bad).unwrap_err();
            assert_eq!(err.field(), Some("email"), "{bad}");
        }
    }

    #[test]
    fn usernames() {
        assert!(username("jane.doe@acme").is_ok());
        assert_eq!(username("jane doe").unwrap_err().field(), Some("username"));
        assert_eq!(username("").unwrap_err().field(), Some("username"));
    }
}
