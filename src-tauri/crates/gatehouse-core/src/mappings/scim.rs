//! The SCIM 2.0 User schema (RFC 7643 §4.1 and the enterprise extension §4.3) as far as a
//! mapping target needs it: which attributes exist, which are multi-valued or complex,
//! their sub-attributes and types, and the target paths an admin writes
//! (`userName`, `name.givenName`, `emails[type eq "work"].value`, `$enterpriseUser.department`).
//!
//! Invariant: a parsed [`Target`] always names a writable attribute of the schema, and its
//! [`Target::expects`] says the one shape of value it accepts, so the resource builder never
//! guesses.

use std::fmt;

/// The core User schema URN.
pub const CORE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// The enterprise User extension URN, written `$enterpriseUser` in targets.
pub const ENTERPRISE_URN: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/// The short prefix of enterprise targets.
pub const ENTERPRISE_PREFIX: &str = "$enterpriseUser";

/// A SCIM attribute (or sub-attribute) type, as far as conversion needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrType {
    String,
    Boolean,
    /// A URI (`profileUrl`, `$ref`): text on the wire.
    Reference,
    /// Base64 text on the wire (`x509Certificates.value`).
    Binary,
    Complex,
}

#[derive(Debug)]
pub struct Sub {
    pub name: &'static str,
    pub ty: AttrType,
}

#[derive(Debug)]
pub struct Attr {
    pub name: &'static str,
    pub ty: AttrType,
    pub multi: bool,
    /// Assigned by the service provider (`id`, `meta`) or managed elsewhere (`groups`).
    pub read_only: bool,
    pub subs: &'static [Sub],
}

const fn sub(name: &'static str, ty: AttrType) -> Sub {
    Sub { name, ty }
}

use AttrType::{Binary, Boolean, Complex, Reference, String as Text};

const NAME: &[Sub] = &[
    sub("formatted", Text),
    sub("familyName", Text),
    sub("givenName", Text),
    sub("middleName", Text),
    sub("honorificPrefix", Text),
    sub("honorificSuffix", Text),
];
const MULTI: &[Sub] = &[sub("value", Text), sub("display", Text), sub("type", Text), sub("primary", Boolean)];
const PHOTOS: &[Sub] = &[sub("value", Reference), sub("display", Text), sub("type", Text), sub("primary", Boolean)];
const CERTS: &[Sub] = &[sub("value", Binary), sub("display", Text), sub("type", Text), sub("primary", Boolean)];
const GROUPS: &[Sub] = &[sub("value", Text), sub("$ref", Reference), sub("display", Text), sub("type", Text)];
const ADDRESS: &[Sub] = &[
    sub("formatted", Text),
    sub("streetAddress", Text),
    sub("locality", Text),
    sub("region", Text),
    sub("postalCode", Text),
    sub("country", Text),
    sub("type", Text),
    sub("primary", Boolean),
];
const MANAGER: &[Sub] = &[sub("value", Text), sub("$ref", Reference), sub("displayName", Text)];
const META: &[Sub] = &[];

const fn simple(name: &'static str, ty: AttrType) -> Attr {
    Attr { name, ty, multi: false, read_only: false, subs: &[] }
}
const fn multi(name: &'static str, subs: &'static [Sub]) -> Attr {
    Attr { name, ty: Complex, multi: true, read_only: false, subs }
}

/// The core User attributes, in RFC 7643 order.
pub static CORE: &[Attr] = &[
    Attr { name: "id", ty: Text, multi: false, read_only: true, subs: &[] },
    simple("externalId", Text),
    simple("userName", Text),
    Attr { name: "name", ty: Complex, multi: false, read_only: false, subs: NAME },
    simple("displayName", Text),
    simple("nickName", Text),
    simple("profileUrl", Reference),
    simple("title", Text),
    simple("userType", Text),
    simple("preferredLanguage", Text),
    simple("locale", Text),
    simple("timezone", Text),
    simple("active", Boolean),
    simple("password", Text),
    multi("emails", MULTI),
    multi("phoneNumbers", MULTI),
    multi("ims", MULTI),
    multi("photos", PHOTOS),
    multi("addresses", ADDRESS),
    Attr { name: "groups", ty: Complex, multi: true, read_only: true, subs: GROUPS },
    multi("entitlements", MULTI),
    multi("roles", MULTI),
    multi("x509Certificates", CERTS),
    Attr { name: "meta", ty: Complex, multi: false, read_only: true, subs: META },
];

/// The enterprise extension's attributes.
pub static ENTERPRISE: &[Attr] = &[
    simple("employeeNumber", Text),
    simple("costCenter", Text),
    simple("organization", Text),
    simple("division", Text),
    simple("department", Text),
    Attr { name: "manager", ty: Complex, multi: false, read_only: false, subs: MANAGER },
];

/// The literal of a value filter (`type eq "work"`, `primary eq true`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterValue {
    Text(String),
    Bool(bool),
}

/// `[<attr> eq <value>]` on a multi-valued attribute: which element a target writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub attr: &'static str,
    pub value: FilterValue,
}

impl Filter {
    /// Whether an element's value at `self.attr` matches (text compares
    /// case-insensitively, as SCIM's `eq` does for the non-caseExact `type`/`value`).
    pub fn matches_value(&self, v: &serde_json::Value) -> bool {
        match (&self.value, v) {
            (FilterValue::Text(t), serde_json::Value::String(s)) => s.eq_ignore_ascii_case(t),
            (FilterValue::Bool(b), serde_json::Value::Bool(v)) => b == v,
            _ => false,
        }
    }

    pub fn json(&self) -> serde_json::Value {
        match &self.value {
            FilterValue::Text(t) => serde_json::Value::String(t.clone()),
            FilterValue::Bool(b) => serde_json::Value::Bool(*b),
        }
    }
}

/// A parsed mapping target.
#[derive(Clone, Debug)]
pub struct Target {
    /// In the enterprise extension.
    pub enterprise: bool,
    pub attr: &'static Attr,
    pub filter: Option<Filter>,
    pub sub: Option<&'static Sub>,
}

/// The one shape of value a target accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// One value of this type.
    Single(AttrType),
    /// An object of sub-attributes (`name`, `$enterpriseUser.manager`, `emails[type eq "work"]`).
    Object,
    /// A list of elements (`emails`, `addresses`).
    List,
}

impl Target {
    pub fn expects(&self) -> Expect {
        match (self.attr.multi, &self.filter, self.sub) {
            (_, _, Some(s)) => Expect::Single(s.ty),
            (true, None, None) => Expect::List,
            (true, Some(_), None) => Expect::Object,
            (false, _, None) if self.attr.ty == Complex => Expect::Object,
            (false, _, None) => Expect::Single(self.attr.ty),
        }
    }

    /// The last name in the path (`givenName` for `name.givenName`), for matching a
    /// connector's unsupported attributes.
    pub fn leaf(&self) -> &'static str {
        self.sub.map_or(self.attr.name, |s| s.name)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.enterprise {
            write!(f, "{ENTERPRISE_PREFIX}.")?;
        }
        f.write_str(self.attr.name)?;
        if let Some(filter) = &self.filter {
            match &filter.value {
                FilterValue::Text(t) => {
                    write!(f, "[{} eq \"{}\"]", filter.attr, t.replace('\\', "\\\\").replace('"', "\\\""))?
                }
                FilterValue::Bool(b) => write!(f, "[{} eq {b}]", filter.attr)?,
            }
        }
        if let Some(s) = self.sub {
            write!(f, ".{}", s.name)?;
        }
        Ok(())
    }
}

fn find<'a, T>(items: &'a [T], name: &str, key: impl Fn(&T) -> &str) -> Option<&'a T> {
    items.iter().find(|x| key(x).eq_ignore_ascii_case(name))
}

fn names<T>(items: &[T], key: impl Fn(&T) -> &str) -> String {
    items.iter().map(key).collect::<Vec<_>>().join(", ")
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Splits `name` off the front of `s` (letters, digits, `_`, `-`, `$`).
fn take_name(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$')).unwrap_or(s.len());
    s.split_at(end)
}

/// Parses a target path. Attribute names match case-insensitively (as in SCIM) and come
/// back in the schema's spelling; the error says what to write instead.
pub fn parse(text: &str) -> Result<Target, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Choose the SCIM attribute this mapping fills.".into());
    }
    let (enterprise, rest) = if let Some(r) = strip_prefix_ci(t, ENTERPRISE_PREFIX) {
        let r = r.strip_prefix('.').ok_or_else(|| {
            format!("Write an enterprise attribute as {ENTERPRISE_PREFIX}.<name>, e.g. $enterpriseUser.department.")
        })?;
        (true, r)
    } else if let Some(r) = strip_prefix_ci(t, ENTERPRISE_URN) {
        (true, r.strip_prefix(':').unwrap_or(r))
    } else if let Some(r) = strip_prefix_ci(t, CORE_URN) {
        (false, r.strip_prefix(':').unwrap_or(r))
    } else {
        (false, t)
    };
    let schema = if enterprise { ENTERPRISE } else { CORE };
    let (name, mut rest) = take_name(rest);
    if name.is_empty() {
        return Err(format!("'{t}' is not a SCIM attribute path."));
    }
    let attr = find(schema, name, |a| a.name).ok_or_else(|| unknown_attribute(name, enterprise))?;
    if attr.read_only {
        return Err(match attr.name {
            "groups" => "groups is read-only in SCIM: membership is sent through the application's groups.".into(),
            n => format!("{n} is assigned by the application and cannot be mapped."),
        });
    }
    let mut filter = None;
    if let Some(r) = rest.strip_prefix('[') {
        let close = r.find(']').ok_or_else(|| format!("The filter in '{t}' has no closing ']'."))?;
        if !attr.multi {
            return Err(format!(
                "{} takes a single value: a filter such as [type eq \"work\"] applies only to multi-valued attributes.",
                attr.name
            ));
        }
        filter = Some(parse_filter(&r[..close], attr)?);
        rest = &r[close + 1..];
    }
    let mut sub_attr = None;
    if !rest.is_empty() {
        let r = rest.strip_prefix('.').ok_or_else(|| format!("Unexpected '{rest}' in '{t}'."))?;
        let (name, tail) = take_name(r);
        if !tail.is_empty() || name.is_empty() {
            return Err(format!("Unexpected '{r}' in '{t}'."));
        }
        if attr.subs.is_empty() {
            return Err(format!("{} has no sub-attributes.", attr.name));
        }
        let s = find(attr.subs, name, |s| s.name).ok_or_else(|| {
            format!("{} has no sub-attribute '{name}' (it has {}).", attr.name, names(attr.subs, |s| s.name))
        })?;
        if attr.multi && filter.is_none() {
            return Err(format!(
                "{0} is multi-valued: choose which element {0}.{1} fills with a filter, e.g. {0}[type eq \"work\"].{1}.",
                attr.name, s.name
            ));
        }
        sub_attr = Some(s);
    }
    Ok(Target { enterprise, attr, filter, sub: sub_attr })
}

fn parse_filter(text: &str, attr: &'static Attr) -> Result<Filter, String> {
    let usage = || {
        format!(
            "Write the filter as [<sub-attribute> eq \"<value>\"], e.g. {}[type eq \"work\"]; only eq is supported.",
            attr.name
        )
    };
    let mut words = text.trim().splitn(3, char::is_whitespace);
    let (Some(name), Some(op), Some(value)) = (words.next(), words.next(), words.next()) else {
        return Err(usage());
    };
    if !op.eq_ignore_ascii_case("eq") {
        return Err(usage());
    }
    let sub = find(attr.subs, name, |s| s.name).ok_or_else(|| {
        format!("{} has no sub-attribute '{name}' (it has {}).", attr.name, names(attr.subs, |s| s.name))
    })?;
    let value = value.trim();
    let value = if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        FilterValue::Text(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
    } else if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") {
        FilterValue::Bool(value.eq_ignore_ascii_case("true"))
    } else {
        return Err(usage());
    };
    match (sub.ty, &value) {
        (Boolean, FilterValue::Bool(_)) | (Text | Reference | Binary, FilterValue::Text(_)) => {}
        _ => return Err(format!("{}.{} is compared with {}.", attr.name, sub.name, type_word(sub.ty))),
    }
    Ok(Filter { attr: sub.name, value })
}

fn type_word(ty: AttrType) -> &'static str {
    match ty {
        Boolean => "true or false",
        _ => "a quoted text",
    }
}

fn unknown_attribute(name: &str, enterprise: bool) -> String {
    let (schema, other, where_) = if enterprise {
        (ENTERPRISE, CORE, "the enterprise extension")
    } else {
        (CORE, ENTERPRISE, "the SCIM User schema")
    };
    let writable = |a: &&Attr| !a.read_only;
    if let Some(a) = other.iter().filter(writable).find(|a| a.name.eq_ignore_ascii_case(name)) {
        return if enterprise {
            format!("{} is a core attribute: write it without {ENTERPRISE_PREFIX}.", a.name)
        } else {
            format!("{0} belongs to the enterprise extension: write {ENTERPRISE_PREFIX}.{0}.", a.name)
        };
    }
    let hint = gatehouse_expr::suggest(name, schema.iter().filter(writable).map(|a| a.name))
        .map(|s| format!(" Did you mean {s}?"))
        .unwrap_or_default();
    format!("'{name}' is not an attribute of {where_}.{hint}")
}

/// Every target an editor may offer: each writable attribute, its sub-attributes, and for
/// multi-valued ones the usual `[type eq "work"]` element paths.
pub fn target_paths() -> Vec<String> {
    let mut out = Vec::new();
    for (enterprise, schema) in [(false, CORE), (true, ENTERPRISE)] {
        let prefix = if enterprise { format!("{ENTERPRISE_PREFIX}.") } else { String::new() };
        for a in schema.iter().filter(|a| !a.read_only) {
            out.push(format!("{prefix}{}", a.name));
            for s in a.subs {
                if a.multi {
                    if s.name != "type" {
                        out.push(format!("{prefix}{}[type eq \"work\"].{}", a.name, s.name));
                    }
                } else {
                    out.push(format!("{prefix}{}.{}", a.name, s.name));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(t: &str) -> String {
        parse(t).unwrap_or_else(|e| panic!("{t}: {e}")).to_string()
    }

    #[test]
    fn paths_parse_to_the_schema_spelling() {
        assert_eq!(ok("userName"), "userName");
        assert_eq!(ok("username"), "userName");
        assert_eq!(ok("name.givenname"), "name.givenName");
        assert_eq!(ok("emails[type eq \"work\"].value"), "emails[type eq \"work\"].value");
        assert_eq!(ok("addresses[TYPE EQ \"home\"].Country"), "addresses[type eq \"home\"].country");
        assert_eq!(ok("emails[primary eq true].value"), "emails[primary eq true].value");
        assert_eq!(ok("$enterpriseUser.department"), "$enterpriseUser.department");
        assert_eq!(ok(&format!("{ENTERPRISE_URN}:costCenter")), "$enterpriseUser.costCenter");
        assert_eq!(ok("$enterpriseUser.manager.value"), "$enterpriseUser.manager.value");
    }

    #[test]
    fn shapes_follow_the_schema() {
        assert_eq!(parse("emails").unwrap().expects(), Expect::List);
        assert_eq!(parse("emails[type eq \"work\"]").unwrap().expects(), Expect::Object);
        assert_eq!(parse("emails[type eq \"work\"].value").unwrap().expects(), Expect::Single(Text));
        assert_eq!(parse("name").unwrap().expects(), Expect::Object);
        assert_eq!(parse("active").unwrap().expects(), Expect::Single(Boolean));
    }

    #[test]
    fn wrong_paths_say_what_to_write() {
        let err = |t: &str| parse(t).unwrap_err();
        assert!(err("emails.value").contains("emails[type eq \"work\"].value"));
        assert!(err("department").contains("$enterpriseUser.department"));
        assert!(err("$enterpriseUser.userName").contains("core attribute"));
        assert!(err("displayNme").contains("Did you mean displayName?"));
        assert!(err("name.first").contains("givenName"));
        assert!(err("userName.x").contains("no sub-attributes"));
        assert!(err("title[type eq \"work\"]").contains("single value"));
        assert!(err("emails[type co \"work\"].value").contains("only eq"));
        assert!(err("id").contains("assigned by the application"));
        assert!(err("groups").contains("read-only"));
        assert!(err("").contains("Choose"));
    }

    #[test]
    fn every_offered_path_parses() {
        for p in target_paths() {
            assert_eq!(ok(&p), p);
        }
    }
}
