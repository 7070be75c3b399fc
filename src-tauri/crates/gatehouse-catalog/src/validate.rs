//! Checks a connector after it has parsed: the rules its JSON Schema cannot express
//! (id equals folder name, placeholders declared and used, one required `userName`
//! mapping, rules pointing at real targets) and the schema's own patterns, so a file
//! loaded from an override directory is held to the same standard as a shipped one.

use crate::model::{BaseUrl, ConnectorFile, MappingDefault, MappingKind, ScimDefaults, SsoDefaults};
use crate::placeholder::{find_placeholders, is_placeholder_token};

/// One thing wrong with a connector: a JSON pointer and a plain message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub field: String,
    pub message: String,
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { field: field.into(), message: message.into() });
    }

    fn non_empty(&mut self, field: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(field, "must not be empty");
        }
    }

    fn all_non_empty(&mut self, field: &str, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            self.non_empty(format!("{field}/{i}"), v);
        }
    }
}

/// Whether `id` is lowercase letters and digits in dash-separated words (`custom-saml`).
pub(crate) fn is_connector_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_attr_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic()) && bytes.all(|b| b.is_ascii_alphanumeric())
}

/// Whether `path` is a SCIM attribute path as the catalog writes them: an optional
/// `$enterpriseUser.` prefix, an attribute, an optional `[filter]`, an optional
/// `.subAttribute` (`userName`, `name.givenName`, `emails[type eq "work"].value`).
pub(crate) fn is_scim_path(path: &str) -> bool {
    let rest = path.strip_prefix("$enterpriseUser.").unwrap_or(path);
    let (head, sub) = match rest.find(['[', '.']) {
        None => (rest, None),
        Some(i) => (&rest[..i], Some(&rest[i..])),
    };
    if !is_attr_name(head) {
        return false;
    }
    let Some(mut sub) = sub else { return true };
    if let Some(filter_and_more) = sub.strip_prefix('[') {
        let Some(end) = filter_and_more.find(']') else {
            return false;
        };
        if filter_and_more[..end].trim().is_empty() {
            return false;
        }
        sub = &filter_and_more[end + 1..];
        if sub.is_empty() {
            return true;
        }
    }
    sub.strip_prefix('.').is_some_and(is_attr_name)
}

/// All problems with `c`, which was read from folder `folder`. Empty means valid.
pub(crate) fn check(c: &ConnectorFile, folder: &str) -> Vec<Problem> {
    let mut p = Problems::default();
    if !is_connector_id(&c.id) {
        p.add("/id", "must be lowercase letters and digits in dash-separated words, like `custom-saml`");
    }
    if c.id != folder {
        p.add("/id", format!("is `{}` but the folder is `{folder}`; they must be equal", c.id));
    }
    p.non_empty("/name", &c.name);
    p.non_empty("/description", &c.description);
    p.all_non_empty("/prerequisites", &c.prerequisites);
    p.all_non_empty("/considerations", &c.considerations);
    p.all_non_empty("/setup/sso", &c.setup.sso);
    p.all_non_empty("/setup/scim", &c.setup.scim);

    match (&c.sso, c.supports.sso) {
        (Some(sso), true) => check_sso(&mut p, sso),
        (None, true) => p.add("/sso", "is required because supports.sso is true"),
        (Some(_), false) => p.add("/sso", "must be null because supports.sso is false"),
        (None, false) => {}
    }
    if c.supports.sso && c.setup.sso.is_empty() {
        p.add("/setup/sso", "must list the application's SSO steps because supports.sso is true");
    }

    let provisioning = c.supports.provisioning;
    match (&c.scim, provisioning) {
        (Some(scim), true) => check_scim(&mut p, scim, c.supports.groups),
        (None, true) => p.add("/scim", "is required because supports.provisioning is true"),
        (Some(_), false) => p.add("/scim", "must be null because supports.provisioning is false"),
        (None, false) => {}
    }
    if provisioning != c.supports.deprovision.is_some() {
        p.add(
            "/supports/deprovision",
            if provisioning {
                "is required because supports.provisioning is true"
            } else {
                "must be null because supports.provisioning is false"
            },
        );
    }
    if !provisioning && (c.supports.groups || c.supports.manual_import) {
        p.add("/supports", "groups and manualImport need provisioning");
    }
    if provisioning && c.setup.scim.is_empty() {
        p.add("/setup/scim", "must list the application's SCIM steps because supports.provisioning is true");
    }
    p.0
}

fn check_sso(p: &mut Problems, sso: &SsoDefaults) {
    let mut declared: Vec<&str> = Vec::new();
    for (i, ph) in sso.placeholders.iter().enumerate() {
        let at = format!("/sso/placeholders/{i}");
        if !is_placeholder_token(&ph.token) {
            p.add(
                format!("{at}/token"),
                format!("`{}` is not a placeholder: it must be YOUR followed by capitals, digits or _", ph.token),
            );
        } else if declared.contains(&ph.token.as_str()) {
            p.add(format!("{at}/token"), format!("`{}` is declared twice", ph.token));
        }
        declared.push(&ph.token);
        p.non_empty(format!("{at}/label"), &ph.label);
        p.non_empty(format!("{at}/help"), &ph.help);
    }

    let mut templates: Vec<(String, &str)> = vec![
        ("/sso/idpEntityIdTemplate".into(), sso.idp_entity_id_template.as_str()),
        ("/sso/spEntityIdTemplate".into(), sso.sp_entity_id_template.as_str()),
    ];
    for (i, acs) in sso.acs_url_templates.iter().enumerate() {
        templates.push((format!("/sso/acsUrlTemplates/{i}"), acs));
    }
    if let Some(login) = &sso.sp_login_url_template {
        templates.push(("/sso/spLoginUrlTemplate".into(), login));
    }

    let mut used: Vec<String> = Vec::new();
    for (at, template) in &templates {
        for token in find_placeholders(template) {
            if !declared.contains(&token.as_str()) {
                p.add(at.clone(), format!("uses placeholder {token}, which is not declared in /sso/placeholders"));
            }
            used.push(token);
        }
    }
    for (i, ph) in sso.placeholders.iter().enumerate() {
        if is_placeholder_token(&ph.token) && !used.contains(&ph.token) {
            p.add(format!("/sso/placeholders/{i}"), format!("{} is declared but no template uses it", ph.token));
        }
    }
    if sso.sp_login_url_template.is_some() && !sso.sp_initiated {
        p.add("/sso/spLoginUrlTemplate", "is set but spInitiated is false");
    }

    p.non_empty("/sso/nameIdSource", &sso.name_id_source);
    for (i, attr) in sso.user_attributes.iter().enumerate() {
        p.non_empty(format!("/sso/userAttributes/{i}/name"), &attr.name);
        p.non_empty(format!("/sso/userAttributes/{i}/source"), &attr.source);
    }
    for (i, attr) in sso.constant_attributes.iter().enumerate() {
        p.non_empty(format!("/sso/constantAttributes/{i}/name"), &attr.name);
    }
    if !sso.group_attribute && sso.group_attribute_name.is_some() {
        p.add("/sso/groupAttributeName", "is set but groupAttribute is false");
    }
}

fn check_scim(p: &mut Problems, scim: &ScimDefaults, groups: bool) {
    match &scim.base_url {
        BaseUrl::Fixed(fixed) => {
            if !fixed.url.starts_with("https://") {
                p.add("/scim/baseUrl/url", "must be an https:// URL");
            }
        }
        BaseUrl::AdminSupplied(supplied) => {
            if !supplied.example.starts_with("https://") {
                p.add("/scim/baseUrl/example", "must be an https:// URL");
            }
            p.non_empty("/scim/baseUrl/help", &supplied.help);
        }
    }

    check_mappings(p, "/scim/mappings", &scim.mappings);
    let user_names = scim.mappings.iter().filter(|m| m.required && m.target == "userName").count();
    if user_names != 1 {
        p.add(
            "/scim/mappings",
            format!("needs exactly one required mapping whose target is userName, found {user_names}"),
        );
    }

    check_mappings(p, "/scim/groupMappings", &scim.group_mappings);
    let has_group_name = scim.group_mappings.iter().any(|m| m.target == "displayName");
    if groups && !has_group_name {
        p.add("/scim/groupMappings", "needs a mapping to displayName because supports.groups is true");
    }
    if !groups && !scim.group_mappings.is_empty() {
        p.add("/scim/groupMappings", "must be empty because supports.groups is false");
    }

    p.all_non_empty("/scim/unsupportedAttributes", &scim.unsupported_attributes);

    for (i, rule) in scim.rules.iter().enumerate() {
        let at = format!("/scim/rules/{i}");
        if rule.targets.len() < 2 {
            p.add(format!("{at}/targets"), "needs at least two targets");
        }
        for (j, target) in rule.targets.iter().enumerate() {
            if !scim.mappings.iter().any(|m| &m.target == target) {
                p.add(
                    format!("{at}/targets/{j}"),
                    format!("`{target}` is not the target of any mapping in /scim/mappings"),
                );
            }
        }
        p.non_empty(format!("{at}/message"), &rule.message);
        if rule.same_source_holds(&scim.mappings) == Some(false) {
            p.add(at, "the default mappings break this rule; give its targets the same source");
        }
    }
}

fn check_mappings(p: &mut Problems, base: &str, mappings: &[MappingDefault]) {
    for (i, m) in mappings.iter().enumerate() {
        let at = format!("{base}/{i}");
        if m.kind != MappingKind::Constant {
            p.non_empty(format!("{at}/source"), &m.source);
        }
        if !is_scim_path(&m.target) {
            p.add(format!("{at}/target"), format!("`{}` is not a SCIM attribute path like name.givenName, emails[type eq \"work\"].value or $enterpriseUser.department", m.target));
        } else if mappings[..i].iter().any(|earlier| earlier.target == m.target) {
            p.add(format!("{at}/target"), format!("`{}` is already the target of an earlier mapping", m.target));
        }
        match &m.directory_field {
            Some(_) if m.kind != MappingKind::Direct => {
                p.add(format!("{at}/directoryField"), "only direct mappings read a directory field");
            }
            Some(field) if field.trim().is_empty() || field == &m.source => {
                p.add(format!("{at}/directoryField"), "must name a field different from source, or be left out");
            }
            _ => {}
        }
        if m.reference_target.as_deref() == Some(m.target.as_str()) {
            p.add(format!("{at}/referenceTarget"), "equals target; leave it out");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scim_paths() {
        for ok in [
            "userName",
            "name.givenName",
            "emails[type eq \"work\"].value",
            "$enterpriseUser.costCenter",
            "addresses",
            "emails[primary eq true]",
        ] {
            assert!(is_scim_path(ok), "{ok}");
        }
        for bad in [
            "",
            "Company Email",
            "emails: value",
            "name.",
            "emails[].value",
            "emails[type eq \"work\"]x",
            "$enterpriseUser.",
            "1abc",
        ] {
            assert!(!is_scim_path(bad), "{bad}");
        }
    }

    #[test]
    fn connector_ids() {
        assert!(is_connector_id("15five"));
        assert!(is_connector_id("custom-saml"));
        assert!(!is_connector_id("Custom"));
        assert!(!is_connector_id("a--b"));
        assert!(!is_connector_id("-a"));
    }
}
