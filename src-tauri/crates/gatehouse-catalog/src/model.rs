//! The connector data model: what `connectors/<id>/connector.json` holds and what the UI
//! receives. Field names and shapes mirror `connectors/connector.schema.json`; every
//! struct rejects unknown fields so a typo in a data file is reported, not ignored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One catalog entry: an application Gatehouse knows how to connect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Connector {
    /// Stable identifier; equals the connector's folder name (`hoxhunt`, `15five`).
    pub id: String,
    /// Display name (`Hoxhunt`).
    pub name: String,
    /// One sentence for the catalog card.
    pub description: String,
    /// The folder's `logo.svg` as `data:image/svg+xml;base64,...`, so the UI needs no
    /// file access. Not part of `connector.json`: the loader fills it.
    pub logo_data_url: String,
    pub supports: Supports,
    /// What the admin needs before starting (plans, accounts, values to look up).
    pub prerequisites: Vec<String>,
    /// The reference's important considerations, as short texts.
    pub considerations: Vec<String>,
    /// SAML defaults; present exactly when `supports.sso`.
    pub sso: Option<SsoDefaults>,
    /// SCIM defaults; present exactly when `supports.provisioning`.
    pub scim: Option<ScimDefaults>,
    /// The admin's steps on the application's side.
    pub setup: SetupSteps,
}

/// `connector.json` as written on disk: a `Connector` without its logo. Kept separate
/// so a file that sets `logoDataUrl` is rejected like any other unknown field.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ConnectorFile {
    pub id: String,
    pub name: String,
    pub description: String,
    pub supports: Supports,
    pub prerequisites: Vec<String>,
    pub considerations: Vec<String>,
    pub sso: Option<SsoDefaults>,
    pub scim: Option<ScimDefaults>,
    pub setup: SetupSteps,
}

impl ConnectorFile {
    pub(crate) fn with_logo(self, logo_data_url: String) -> Connector {
        let ConnectorFile { id, name, description, supports, prerequisites, considerations, sso, scim, setup } = self;
        Connector { id, name, description, logo_data_url, supports, prerequisites, considerations, sso, scim, setup }
    }
}

/// What the application supports through Gatehouse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Supports {
    /// SAML 2.0 single sign-on.
    pub sso: bool,
    /// The application creates accounts on first SSO sign-in (just-in-time).
    pub jit: bool,
    /// SCIM 2.0 provisioning of users.
    pub provisioning: bool,
    /// SCIM provisioning of groups and group membership.
    pub groups: bool,
    /// Accounts existing only in the application can be listed and imported.
    pub manual_import: bool,
    /// What deleting a directory user does to the application's account; `null` when
    /// there is no provisioning. Losing access (unbound, suspended, password expired)
    /// always deactivates, whatever this says.
    pub deprovision: Option<Deprovision>,
}

/// What happens to an application account when its directory user is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Deprovision {
    /// The account is set inactive (`active: false`) and kept.
    Deactivate,
    /// The account is deleted (SCIM `DELETE`).
    Delete,
}

/// SAML identity-provider defaults for an application created from this connector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct SsoDefaults {
    /// Values the admin must supply; each appears in at least one template below.
    pub placeholders: Vec<Placeholder>,
    /// Issuer Gatehouse asserts as; empty when the admin supplies it.
    pub idp_entity_id_template: String,
    /// The application's entity ID (audience); empty when the admin supplies it.
    pub sp_entity_id_template: String,
    /// Assertion consumer service URLs, the first being the default; empty when the
    /// admin supplies them.
    pub acs_url_templates: Vec<String>,
    /// Where a user starts an SP-initiated sign-in, when the application has such a page.
    pub sp_login_url_template: Option<String>,
    /// Users can start from Gatehouse's portal (IdP-initiated).
    pub idp_initiated: bool,
    /// Users can start from the application's login page (SP-initiated).
    pub sp_initiated: bool,
    pub name_id_format: NameIdFormat,
    /// Directory field whose value becomes the NameID (`email`).
    pub name_id_source: String,
    pub signing: SamlSigning,
    /// Attributes sent with each user's own value.
    pub user_attributes: Vec<SamlAttribute>,
    /// Attributes sent with the same value for every user.
    pub constant_attributes: Vec<SamlConstantAttribute>,
    /// The application accepts a group-membership attribute.
    pub group_attribute: bool,
    /// Default name of that attribute, when the application prescribes one.
    pub group_attribute_name: Option<String>,
}

/// A value the admin types in to complete the SSO templates (`YOUR_ORG_ID`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Placeholder {
    /// The literal text in the templates: `YOUR` followed by capitals, digits or `_`.
    pub token: String,
    /// Field label (`Hoxhunt Org ID`).
    pub label: String,
    /// Where the admin finds the value.
    pub help: String,
    /// A sample value, if one helps.
    pub example: Option<String>,
}

/// NameID formats Gatehouse can assert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum NameIdFormat {
    #[serde(rename = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")]
    Unspecified,
    #[serde(rename = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")]
    EmailAddress,
    #[serde(rename = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")]
    Persistent,
    #[serde(rename = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient")]
    Transient,
}

/// Which parts of the SAML response carry Gatehouse's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SamlSigning {
    Assertion,
    Response,
    Both,
}

/// A SAML attribute filled from a directory field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct SamlAttribute {
    /// The application's attribute name.
    pub name: String,
    /// Directory field name (`firstname`).
    pub source: String,
    /// Needed for just-in-time account creation: the name is fixed, the admin may only
    /// change the source or switch the attribute off.
    pub jit_required: bool,
}

/// A SAML attribute with one value for every user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct SamlConstantAttribute {
    pub name: String,
    pub value: String,
}

/// SCIM provisioning defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ScimDefaults {
    pub base_url: BaseUrl,
    /// User attribute mappings, in the reference table's order.
    pub mappings: Vec<MappingDefault>,
    /// Group attribute mappings; empty when groups are not supported.
    pub group_mappings: Vec<MappingDefault>,
    /// Directory attributes the application cannot receive (`manager`).
    pub unsupported_attributes: Vec<String>,
    /// Checks on the mapping configuration or on each user's resolved values.
    pub rules: Vec<ConnectorRule>,
}

/// Where the SCIM base URL comes from; `kind` says which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum BaseUrl {
    /// The same for every customer; the admin enters only a token.
    Fixed(FixedBaseUrl),
    /// Copied by the admin from the application.
    AdminSupplied(AdminSuppliedBaseUrl),
}

/// A base URL that is the same for every customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct FixedBaseUrl {
    pub url: String,
}

/// A base URL the admin copies from the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct AdminSuppliedBaseUrl {
    /// What such a URL looks like.
    pub example: String,
    /// Where the admin finds it.
    pub help: String,
}

/// One default attribute mapping: a source in the directory, a SCIM target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct MappingDefault {
    /// Required mappings cannot be removed by the admin.
    pub required: bool,
    pub kind: MappingKind,
    /// Copied verbatim from the reference table: a directory field name for `direct`,
    /// the expression text for `expression`, the value for `constant`.
    pub source: String,
    /// For a `direct` mapping, the directory field Gatehouse reads when it is not
    /// `source`: the reference spells it differently (`jobtitle` for `jobTitle`,
    /// `phoneNumbers.value` for `phoneNumbers.number`), or a rule overrides the
    /// reference's choice (then `note` says why). Absent when Gatehouse reads `source`.
    pub directory_field: Option<String>,
    /// SCIM attribute path; `$enterpriseUser.x` for the enterprise extension.
    pub target: String,
    /// The reference's SCIM column verbatim, when it differs from `target`.
    pub reference_target: Option<String>,
    /// The reference's UI name for the source (`Work City`).
    pub label: Option<String>,
    /// The reference's column for the application's own attribute name.
    pub app_attribute: Option<String>,
    pub applied_on: AppliedOn,
    /// Why this row deviates from, or completes, the reference.
    pub note: Option<String>,
}

impl MappingDefault {
    /// The directory field a `direct` mapping reads; `None` for other kinds.
    pub fn directory_source(&self) -> Option<&str> {
        match self.kind {
            MappingKind::Direct => Some(self.directory_field.as_deref().unwrap_or(&self.source)),
            MappingKind::Expression | MappingKind::Constant => None,
        }
    }
}

/// How a mapping's value is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MappingKind {
    /// A directory field, sent as is.
    Direct,
    /// An expression over `jcUser` and `providerUser`.
    Expression,
    /// The same literal for every user.
    Constant,
}

/// When a mapping is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AppliedOn {
    /// On account creation and on every later update ("create and update").
    CreateAndUpdate,
    /// Only when the account is created.
    CreateOnly,
}

/// A machine-checkable rule about this connector's mappings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ConnectorRule {
    pub kind: RuleKind,
    /// Mapping targets the rule relates; at least two, each present in `mappings`.
    pub targets: Vec<String>,
    pub severity: RuleSeverity,
    /// Shown to the admin when the rule is broken.
    pub message: String,
}

impl ConnectorRule {
    /// For a `sameSource` rule, whether `mappings` give every target present the same
    /// source (targets without a mapping are skipped); `None` for other kinds, which
    /// need a user's values.
    pub fn same_source_holds(&self, mappings: &[MappingDefault]) -> Option<bool> {
        if self.kind != RuleKind::SameSource {
            return None;
        }
        let mut sources = self
            .targets
            .iter()
            .filter_map(|t| mappings.iter().find(|m| &m.target == t))
            .map(|m| (m.kind, m.directory_source().unwrap_or(&m.source)));
        let first = sources.next();
        Some(first.is_none_or(|first| sources.all(|s| s == first)))
    }
}

/// What a rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RuleKind {
    /// The targets' mappings read the same source: equal `kind` and equal source
    /// (`directorySource()` for direct mappings, the text otherwise). Checked on the
    /// mapping configuration.
    SameSource,
    /// The targets resolve to the same value for a user (for a multi-valued target,
    /// its primary or else first `value`). Checked per user, in previews and syncs.
    SameValue,
}

/// How hard a broken rule stops the admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RuleSeverity {
    /// The configuration cannot be saved.
    Error,
    /// Shown, but the admin may go on.
    Warning,
}

/// The admin's steps in the application's own console, as ordered short texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct SetupSteps {
    pub sso: Vec<String>,
    pub scim: Vec<String>,
}

/// A connector file that could not be loaded, or a part of one that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct CatalogIssue {
    /// The file, as `<catalog root>/<folder>/connector.json` (or `logo.svg`).
    pub file: String,
    /// JSON pointer to the offending value (`/scim/mappings/3/target`); empty when the
    /// whole file is at fault.
    pub field: String,
    /// Plain-language description.
    pub message: String,
}

/// Everything a catalog source yielded: the connectors that loaded, and what did not.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct CatalogSnapshot {
    /// Valid connectors, ordered by name.
    pub connectors: Vec<Connector>,
    pub issues: Vec<CatalogIssue>,
}

impl CatalogSnapshot {
    /// The connector with this id, if it loaded.
    pub fn get(&self, id: &str) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.id == id)
    }
}

impl Connector {
    /// The values the admin must supply for the SSO templates (none without SSO).
    pub fn placeholders(&self) -> &[Placeholder] {
        self.sso.as_ref().map_or(&[], |sso| sso.placeholders.as_slice())
    }
}
