//! What Gatehouse sends and publishes as an identity provider: the signed Response of an
//! IdP-initiated sign-in for one user (its preview, and the self-posting page of "Test
//! SSO"), and the IdP metadata XML.
//!
//! Invariants: a Response is built only for a user who reaches the application through a
//! bound group and is active; it is signed with the active certificate's key, read from
//! the secret store for this one signature; every value is escaped by `gatehouse-saml`.
//! Issuing a Response is recorded (`sso_response_issue`): it is a sign-in credential.

use base64::Engine as _;
use gatehouse_catalog::find_placeholders;
use gatehouse_saml::{
    build_response, idp_metadata, post_form_html, pretty, validity_window, NameIdFormat, OffsetDateTime, ResponseError,
    ResponseSpec, SamlSigning, AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
};
use gatehouse_secrets::SecretRef;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

use super::fields::{self, Use};
use super::{validate, SsoConfigInput};
use crate::applications::table as apps;
use crate::directory::model::UserState;
use crate::directory::users;
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::Gatehouse;

/// One attribute of the Response, with all its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssertionAttribute {
    pub name: String,
    pub values: Vec<String>,
}

/// The Response an IdP-initiated sign-in of one user would post, and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssertionPreview {
    pub user_id: String,
    pub username: String,
    /// The signed Response exactly as it would be posted (save this one).
    pub xml: String,
    /// `xml` indented for reading; re-indenting breaks the signatures, so never send it.
    pub pretty_xml: String,
    /// Issuer: the IdP entity ID.
    pub issuer: String,
    /// Destination and bearer Recipient: the default ACS URL.
    pub destination: String,
    /// Audience: the SP entity ID.
    pub audience: String,
    pub name_id: String,
    pub name_id_format: NameIdFormat,
    /// The attribute statement, in order; a group attribute has one value per group.
    pub attributes: Vec<AssertionAttribute>,
    /// Configured attributes left out because the user has no value for them.
    pub omitted_attributes: Vec<String>,
    /// Validity window of the assertion (RFC 3339, UTC).
    pub not_before: String,
    pub not_on_or_after: String,
    pub signing: SamlSigning,
    /// Serial of the certificate that signed it (the active one).
    pub certificate_serial: String,
}

/// Why a Response is issued (recorded in the event).
#[derive(Clone, Copy)]
enum Purpose {
    Preview,
    Test,
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn response_error(e: ResponseError) -> CoreError {
    match e {
        ResponseError::InvalidText(t) => CoreError::invalid("user", format!("The Response cannot carry {t}.")),
        ResponseError::EmptyField(what) => CoreError::invalid("user", format!("The Response needs {what}.")),
        other => CoreError::invalid("certificates", format!("The Response could not be signed: {other}.")),
    }
}

impl Gatehouse {
    /// The signed Response an IdP-initiated sign-in of `username` (or user id) would post
    /// at `now`, with what it carries. Refused for users without access (not in a bound
    /// group) or inactive, when the configuration is incomplete, and when there is no
    /// active certificate or its key is not in the keychain (each message says what to
    /// do). Records `sso_response_issue`.
    pub fn assertion_preview(&self, app_id: &str, username: &str, now: OffsetDateTime) -> CoreResult<AssertionPreview> {
        let (xml, parts) = self.issue_response(app_id, username, now, Purpose::Preview)?;
        Ok(parts.finish(xml))
    }

    /// "Test SSO": the HTML page that posts the same Response as
    /// [`Gatehouse::assertion_preview`] to the default ACS URL and submits itself, as an
    /// IdP-initiated sign-in reaches the application. Records `sso_response_issue`.
    pub fn sso_test_form(&self, app_id: &str, username: &str, now: OffsetDateTime) -> CoreResult<String> {
        let (xml, parts) = self.issue_response(app_id, username, now, Purpose::Test)?;
        let b64 = base64::engine::general_purpose::STANDARD.encode(xml.as_bytes());
        Ok(post_form_html(&parts.spec.destination, &b64, None))
    }

    /// The IdP metadata XML to give the application: the IdP entity ID, the SSO endpoint
    /// (the IdP URL, HTTP-POST and HTTP-Redirect), the NameID format, and a signing
    /// KeyDescriptor for the active certificate and, during a rollover, the next one.
    pub fn idp_metadata_xml(&self, app_id: &str) -> CoreResult<String> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        let resolved = self.current_sso(&conn, &app)?.resolved();
        if let Some(token) = find_placeholders(&resolved.idp_entity_id)
            .into_iter()
            .find(|t| app.sso.placeholders.iter().any(|p| &p.token == t))
        {
            return Err(CoreError::invalid(
                format!("placeholders.{token}"),
                format!("Fill in {token} and save the SSO configuration first: the IdP entity ID contains it."),
            ));
        }
        if resolved.idp_entity_id.trim().is_empty() {
            return Err(CoreError::invalid("idpEntityId", "Set and save the IdP entity ID first."));
        }
        let active = self.active_certificate(&conn, &app)?;
        let next = self.next_certificate(&conn, &app.id)?;
        let mut certs = vec![active.info.pem.as_str()];
        if let Some(n) = &next {
            certs.push(n.info.pem.as_str());
        }
        idp_metadata(&resolved.idp_entity_id, &app.idp_url, &certs, &[resolved.name_id_format])
            .map_err(|e| CoreError::invalid("idpEntityId", format!("The IdP metadata cannot be written: {e}.")))
    }

    fn issue_response(
        &self,
        app_id: &str,
        username: &str,
        now: OffsetDateTime,
        purpose: Purpose,
    ) -> CoreResult<(String, PreviewParts)> {
        let conn = self.store().conn();
        let app = self.sso_app(&conn, app_id)?;
        let current = self.current_sso(&conn, &app)?;
        let input = SsoConfigInput { placeholders: current.placeholders.clone(), config: current.config.clone() };
        let config = validate::input(&app, &input)?.resolved();

        let user = users::find(&conn, username.trim())
            .map_err(|_| CoreError::invalid("user", format!("No user '{}'.", username.trim())))?;
        let name = user.draft.username.clone();
        if user.draft.state != UserState::Active {
            let state = if user.draft.state == UserState::Suspended { "suspended" } else { "password-expired" };
            return Err(CoreError::invalid(
                "user",
                format!("{name} is {state}: an inactive user cannot sign in to any application."),
            ));
        }
        let groups = apps::granting_groups(&conn, &app.id, &user.id)?;
        if groups.is_empty() {
            return Err(CoreError::invalid(
                "user",
                format!(
                    "{name} has no access to {}: add them to a user group bound to it (access is denied otherwise).",
                    app.label
                ),
            ));
        }
        let cert = self.active_certificate(&conn, &app)?;
        drop(conn);

        let json = serde_json::to_value(&user).map_err(|e| CoreError::Internal(e.to_string()))?;
        let read = |field: &str| -> CoreResult<Option<String>> {
            let source = fields::parse(field, Use::Attribute).map_err(CoreError::Internal)?;
            Ok(fields::read(&source, &json))
        };
        let name_id = read(&config.name_id_field)?.ok_or_else(|| {
            CoreError::invalid(
                "user",
                format!(
                    "{name} has no {}, which fills the NameID: fill it in the directory first.",
                    config.name_id_field
                ),
            )
        })?;
        let mut attributes = Vec::new();
        let mut omitted = Vec::new();
        for a in &config.attributes {
            match read(&a.field)? {
                Some(v) => attributes.push((a.name.clone(), vec![v])),
                None => omitted.push(a.name.clone()),
            }
        }
        attributes.extend(config.constant_attributes.iter().map(|c| (c.name.clone(), vec![c.value.clone()])));
        if let Some(g) = &config.group_attribute {
            attributes.push((g.clone(), groups));
        }
        let default_acs = config.acs_urls.iter().find(|a| a.is_default).or(config.acs_urls.first());
        let destination = default_acs.map(|a| a.url.clone()).unwrap_or_default();
        let (not_before, not_on_or_after) = validity_window(now);
        let spec = ResponseSpec {
            issuer: config.idp_entity_id.clone(),
            destination,
            audience: config.sp_entity_id.clone(),
            name_id,
            name_id_format: config.name_id_format,
            attributes,
            session_index: None,
            issue_instant: now,
            authn_instant: now,
            not_before,
            not_on_or_after,
            authn_context: AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT.into(),
            signing: config.signing,
        };

        let key_ref = SecretRef::new(cert.key_ref.as_str())?;
        let key = self.secrets().get(&key_ref)?.ok_or_else(|| {
            CoreError::invalid(
                "certificates",
                format!(
                    "The private key of the active certificate (serial {}) is not in the OS keychain (it was removed, or \
                     the data folder came from another computer). Generate a next certificate, give the application the \
                     new metadata, and activate it.",
                    cert.info.serial_hex
                ),
            )
        })?;
        let xml = build_response(&spec, &key, &cert.info.pem).map_err(response_error)?;
        drop(key);

        let purpose_word = match purpose {
            Purpose::Preview => "preview",
            Purpose::Test => "test",
        };
        let ev = NewEvent::success("sso_response_issue")
            .app(&app.id, &app.label)
            .subject("user", &user.id, &name)
            .detail(serde_json::json!({
                "purpose": purpose_word,
                "destination": spec.destination,
                "certificate": cert.info.serial_hex,
            }));
        self.store().with_tx(|tx| self.record(tx, ev))?;

        let parts =
            PreviewParts { user_id: user.id, username: name, spec, omitted, certificate_serial: cert.info.serial_hex };
        Ok((xml, parts))
    }
}

/// Everything of a preview but the XML.
struct PreviewParts {
    user_id: String,
    username: String,
    spec: ResponseSpec,
    omitted: Vec<String>,
    certificate_serial: String,
}

impl PreviewParts {
    fn finish(self, xml: String) -> AssertionPreview {
        let s = self.spec;
        AssertionPreview {
            user_id: self.user_id,
            username: self.username,
            pretty_xml: pretty(&xml),
            xml,
            issuer: s.issuer,
            destination: s.destination,
            audience: s.audience,
            name_id: s.name_id,
            name_id_format: s.name_id_format,
            attributes: s
                .attributes
                .into_iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(name, values)| AssertionAttribute { name, values })
                .collect(),
            omitted_attributes: self.omitted,
            not_before: rfc3339(s.not_before),
            not_on_or_after: rfc3339(s.not_on_or_after),
            signing: s.signing,
            certificate_serial: self.certificate_serial,
        }
    }
}
