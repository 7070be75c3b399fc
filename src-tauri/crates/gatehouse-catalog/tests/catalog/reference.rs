//! Each connector's default mappings reproduce its reference table, row by row, read
//! from the verbatim copies in `tests/fixtures/reference/`.

use std::path::Path;

use gatehouse_catalog::{AppliedOn, BaseUrl, Catalog, Connector, MappingDefault, MappingKind, RuleKind, RuleSeverity};

fn connector(id: &str) -> Connector {
    Catalog::embedded().get(id).cloned().unwrap_or_else(|| panic!("{id} is embedded"))
}

fn mappings(id: &str) -> Vec<MappingDefault> {
    connector(id).scim.expect("SCIM defaults").mappings
}

/// The body rows of a fixture table, as trimmed cells (header and `---` rows dropped).
fn table(file: &str) -> Vec<Vec<String>> {
    let path =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests"))
            .join("tests/fixtures/reference")
            .join(file);
    let text = std::fs::read_to_string(&path).expect("reference fixture");
    text.lines()
        .skip(1)
        .filter(|line| !line.starts_with("|---"))
        .map(|line| {
            let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
            inner.split(" | ").map(|c| c.trim().trim_matches('|').trim().to_owned()).collect()
        })
        .collect()
}

/// Puts back the first cell a defective row lost (see the fixtures' README) and checks
/// the data explains the repair.
fn realign(mut cells: Vec<String>, lost_first: &str, m: &MappingDefault) -> Vec<String> {
    cells.insert(0, lost_first.to_owned());
    cells.pop();
    assert!(
        m.note.as_deref().is_some_and(|n| n.contains("lost its first cell")),
        "the repaired row for {} must say so in its note",
        m.target
    );
    cells
}

/// Checks a four-column table (property, UI name, SCIM mapping, application value).
fn assert_four_column_table(id: &str, file: &str) -> Vec<MappingDefault> {
    let rows = table(file);
    let maps = mappings(id);
    assert_eq!(maps.len(), rows.len(), "{id}: one mapping per reference row");
    for (cells, m) in rows.into_iter().zip(&maps) {
        let cells = if cells[0] == "Company Email" { realign(cells, "email", m) } else { cells };
        assert_eq!(m.kind, MappingKind::Direct, "{id}: every row of this table is a direct property");
        assert_eq!(m.source, cells[0], "{id}: source copied verbatim");
        assert_eq!(m.label.as_deref(), Some(cells[1].as_str()), "{id}: UI name");
        let reference_target = m.reference_target.as_deref().unwrap_or(&m.target);
        assert_eq!(reference_target, cells[2], "{id}: the reference's SCIM column is kept verbatim");
        assert_eq!(m.app_attribute.as_deref(), Some(cells[3].as_str()), "{id}: application value");
        assert_eq!(m.applied_on, AppliedOn::CreateAndUpdate);
    }
    maps
}

fn targets(maps: &[MappingDefault], pred: impl Fn(&MappingDefault) -> bool) -> Vec<&str> {
    maps.iter().filter(|m| pred(m)).map(|m| m.target.as_str()).collect()
}

#[test]
fn fifteen_five_has_the_reference_sixteen_mappings_with_verbatim_expressions() {
    let rows = table("15five-user-attributes.md");
    let maps = mappings("15five");
    let mut required = true;
    let mut compared = 0;
    let mut remaining = maps.iter();
    for cells in rows {
        match cells[0].as_str() {
            "Required" => required = true,
            "Optional" => required = false,
            _ => {
                let m = remaining.next().expect("a mapping for every reference row");
                let cells = if cells[0] == "userName" { realign(cells, "username", m) } else { cells };
                assert_eq!(m.source, cells[0], "source or expression copied verbatim");
                assert_eq!(m.target, cells[1]);
                assert_eq!(cells[2], "create and update");
                assert_eq!(m.applied_on, AppliedOn::CreateAndUpdate);
                assert_eq!(m.required, required, "{}", m.target);
                let is_expression = m.source.contains('(');
                assert_eq!(m.kind == MappingKind::Expression, is_expression, "{}", m.target);
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 16);
    assert_eq!(maps.len(), 16, "15Five has exactly the reference's 16 user mappings");
    assert_eq!(targets(&maps, |m| m.required), ["userName"]);
    assert_eq!(maps.iter().filter(|m| m.kind == MappingKind::Expression).count(), 7);
    let jobtitle = maps.iter().find(|m| m.target == "title").expect("title mapping");
    assert_eq!((jobtitle.source.as_str(), jobtitle.directory_source()), ("jobtitle", Some("jobTitle")));
}

#[test]
fn fifteen_five_group_mapping_and_rules() {
    let scim = connector("15five").scim.expect("SCIM");
    let rows = table("15five-group-attributes.md");
    assert_eq!(scim.group_mappings.len(), rows.len());
    let (g, cells) = (&scim.group_mappings[0], &rows[0]);
    assert_eq!(
        (g.source.as_str(), g.label.as_deref(), g.target.as_str(), g.app_attribute.as_deref()),
        (cells[0].as_str(), Some(cells[1].as_str()), cells[2].as_str(), Some(cells[3].as_str()))
    );
    // "The username and email should match": a per-user warning, not a hard stop.
    assert_eq!(scim.rules.len(), 1);
    assert_eq!(scim.rules[0].kind, RuleKind::SameValue);
    assert_eq!(scim.rules[0].severity, RuleSeverity::Warning);
    assert_eq!(scim.rules[0].targets, ["userName", "emails"]);
    assert!(scim.unsupported_attributes.is_empty());
    assert!(matches!(&scim.base_url, BaseUrl::AdminSupplied(b) if b.example == "https://my.15five.com/scim/v2"));
}

#[test]
fn alexishr_reproduces_its_seventeen_row_table() {
    let maps = assert_four_column_table("alexishr", "alexishr-user-attributes.md");
    assert_eq!(maps.len(), 17);
    assert_eq!(targets(&maps, |m| m.required), ["userName", "emails[type eq \"work\"].value", "active"]);
    // Enterprise-extension attributes are addressed as such; the reference's plain names stay.
    let department = maps.iter().find(|m| m.source == "department").expect("department");
    assert_eq!(department.target, "$enterpriseUser.department");
    let cost = maps.iter().find(|m| m.source == "costcenter").expect("costcenter");
    assert_eq!((cost.target.as_str(), cost.directory_source()), ("$enterpriseUser.costCenter", Some("costCenter")));
    let scim = connector("alexishr").scim.expect("SCIM");
    assert_eq!(scim.unsupported_attributes, ["manager", "division"]);
    assert!(scim.group_mappings.is_empty() && scim.rules.is_empty());
    assert!(matches!(scim.base_url, BaseUrl::Fixed(_)), "AlexisHR asks only for a token");
}

#[test]
fn hoxhunt_reproduces_its_ten_row_table_and_rule() {
    let maps = assert_four_column_table("hoxhunt", "hoxhunt-user-attributes.md");
    assert_eq!(maps.len(), 10);
    assert_eq!(targets(&maps, |m| m.required), ["userName", "active", "emails[type eq \"work\"].value"]);
    let scim = connector("hoxhunt").scim.expect("SCIM");
    assert_eq!(scim.unsupported_attributes, ["manager", "division", "countrycode"]);
    assert!(scim.group_mappings.is_empty(), "Hoxhunt: groups are not supported");
    assert!(matches!(&scim.base_url, BaseUrl::AdminSupplied(_)), "the admin pastes Hoxhunt's SCIM endpoint URL");

    // "Both the userName and emails[type eq "work"].value must use the same source attribute"
    let rule = &scim.rules[0];
    assert_eq!((rule.kind, rule.severity), (RuleKind::SameSource, RuleSeverity::Error));
    assert_eq!(rule.targets, ["userName", "emails[type eq \"work\"].value"]);
    assert_eq!(rule.same_source_holds(&maps), Some(true));
    // Pointing userName back at `username` alone breaks the rule, which is what it is for.
    let mut edited = maps.clone();
    edited[0].directory_field = None;
    assert_eq!(rule.same_source_holds(&edited), Some(false));
}

#[test]
fn custom_scim_has_a_sensible_default_mapping() {
    let maps = mappings("custom-scim");
    let fifteen = mappings("15five");
    let expression_of = |maps: &[MappingDefault], target: &str| {
        maps.iter().find(|m| m.target == target).map(|m| m.source.clone()).expect(target)
    };
    assert_eq!(
        targets(&maps, |_| true),
        ["userName", "emails", "name.givenName", "name.familyName", "displayName", "externalId"]
    );
    assert_eq!(targets(&maps, |m| m.required), ["userName"]);
    assert_eq!(maps[0].source, "username");
    assert_eq!(expression_of(&maps, "emails"), "toScimEmails(jcUser.email)");
    for target in ["displayName", "externalId"] {
        assert_eq!(expression_of(&maps, target), expression_of(&fifteen, target), "same expression as 15Five");
    }
    assert!(maps.iter().all(|m| m.target != "active"), "active is the engine's, not a mapping");
    assert!(matches!(connector("custom-scim").scim.map(|s| s.base_url), Some(BaseUrl::AdminSupplied(_))));
}

#[test]
fn sso_placeholders_are_the_ones_the_references_name() {
    let tokens = |id: &str| -> Vec<String> { connector(id).placeholders().iter().map(|p| p.token.clone()).collect() };
    assert_eq!(tokens("alexishr"), ["YOUR_CONNECTION_NAME"]);
    assert_eq!(tokens("hoxhunt"), ["YOUR_ORG_ID"]);
    assert_eq!(tokens("15five"), ["YOURDOMAIN"]);
    assert!(tokens("custom-saml").is_empty() && tokens("custom-scim").is_empty());

    // 15Five: "In the IdP Entity ID and ACS URL fields, replace YOURDOMAIN".
    let sso = connector("15five").sso.expect("15Five SSO");
    assert!(sso.idp_entity_id_template.contains("YOURDOMAIN"));
    assert!(sso.acs_url_templates[0].contains("YOURDOMAIN"));
    assert!(sso.group_attribute, "15Five: groups are supported, so the group attribute is offered");

    // Custom SAML: the admin supplies everything.
    let custom = connector("custom-saml").sso.expect("custom SAML SSO");
    assert!(custom.idp_entity_id_template.is_empty() && custom.sp_entity_id_template.is_empty());
    assert!(custom.acs_url_templates.is_empty() && custom.sp_login_url_template.is_none());
}

#[test]
fn setup_steps_cover_each_supported_side() {
    for c in Catalog::embedded().connectors {
        assert_eq!(!c.setup.sso.is_empty(), c.supports.sso, "{}", c.id);
        assert_eq!(!c.setup.scim.is_empty(), c.supports.provisioning, "{}", c.id);
    }
    let alexis = connector("alexishr");
    assert!(alexis.setup.sso.iter().any(|s| s.contains("Settings > SAML Single sign-on > New identity provider")));
    assert!(alexis.setup.scim.iter().any(|s| s.contains("Settings > Access tokens")));
    let hoxhunt = connector("hoxhunt");
    assert!(hoxhunt.setup.scim.iter().any(|s| s.contains("Generate new token")));
}
