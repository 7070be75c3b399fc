//! SP metadata import: an application's metadata XML fills in its entity ID, ACS URLs and
//! NameID format. The input comes from outside, so it is checked before any parsing: at
//! most 1 MiB, and no DTD (`<!DOCTYPE`, `<!ENTITY`), which shuts out entity-expansion and
//! external-entity attacks whatever the parser does.

use crate::{name_id_format_from_uri, ns, NameIdFormat};
use roxmltree::{Document, Node, ParsingOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Largest SP metadata accepted. Real SP metadata is a few kilobytes.
pub const MAX_SP_METADATA_BYTES: usize = 1024 * 1024;

/// What Gatehouse takes from an SP's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SpMetadata {
    /// The SP's entity ID: the Audience of our assertions.
    pub entity_id: String,
    /// HTTP-POST AssertionConsumerService URLs: the default one first, then by `index`.
    pub acs_urls: Vec<String>,
    /// The first NameID format the SP lists that Gatehouse can assert.
    pub name_id_format: Option<NameIdFormat>,
    /// `WantAssertionsSigned`, when the SP states it.
    pub want_assertions_signed: Option<bool>,
}

/// Why SP metadata was refused. Each reason is distinct so the UI can say what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpMetadataError {
    #[error("the file is {size} bytes; SP metadata is limited to 1 MiB")]
    TooLarge { size: usize },
    #[error("the file contains a DOCTYPE or ENTITY declaration; SAML metadata never needs one, and it is refused for safety")]
    Dtd,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("the file is not well-formed XML: {0}")]
    Malformed(String),
    #[error("this is not SAML metadata: the root element is <{0}>, expected an EntityDescriptor in the SAML 2.0 metadata namespace")]
    NotSamlMetadata(String),
    #[error("the metadata has no SPSSODescriptor{}", if *.idp_only { " (it looks like identity-provider metadata)" } else { "" })]
    NoSpDescriptor { idp_only: bool },
    #[error("the metadata describes {0} service providers; import one application's metadata")]
    Ambiguous(usize),
    #[error("the SPSSODescriptor does not support SAML 2.0")]
    NotSaml2,
    #[error("the EntityDescriptor has no entityID")]
    MissingEntityId,
    #[error("no AssertionConsumerService uses the HTTP-POST binding (found: {})", if .0.is_empty() { "none".to_owned() } else { .0.join(", ") })]
    NoPostAcs(Vec<String>),
}

/// Reads SP metadata: a single `EntityDescriptor`, or an `EntitiesDescriptor` holding
/// exactly one SP.
pub fn parse_sp_metadata(xml: &[u8]) -> Result<SpMetadata, SpMetadataError> {
    if xml.len() > MAX_SP_METADATA_BYTES {
        return Err(SpMetadataError::TooLarge { size: xml.len() });
    }
    if contains_ignore_case(xml, b"<!DOCTYPE") || contains_ignore_case(xml, b"<!ENTITY") {
        return Err(SpMetadataError::Dtd);
    }
    let text = std::str::from_utf8(xml).map_err(|_| SpMetadataError::NotUtf8)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let options = ParsingOptions { allow_dtd: false, nodes_limit: 100_000, entity_resolver: None };
    let doc = Document::parse_with_options(text, options).map_err(|e| SpMetadataError::Malformed(e.to_string()))?;

    let root = doc.root_element();
    if !is_md(root, "EntityDescriptor") && !is_md(root, "EntitiesDescriptor") {
        let name = match root.tag_name().namespace() {
            Some(ns) => format!("{} xmlns=\"{ns}\"", root.tag_name().name()),
            None => root.tag_name().name().to_owned(),
        };
        return Err(SpMetadataError::NotSamlMetadata(name));
    }
    let entities: Vec<Node> = root.descendants().filter(|n| is_md(*n, "EntityDescriptor")).collect();
    let sps: Vec<(Node, Node)> =
        entities.iter().filter_map(|e| children(*e, "SPSSODescriptor").next().map(|sp| (*e, sp))).collect();
    let (entity, sp) = match sps.as_slice() {
        [] => {
            let idp_only = entities.iter().any(|e| children(*e, "IDPSSODescriptor").next().is_some());
            return Err(SpMetadataError::NoSpDescriptor { idp_only });
        }
        [one] => *one,
        many => return Err(SpMetadataError::Ambiguous(many.len())),
    };
    if let Some(protocols) = sp.attribute("protocolSupportEnumeration") {
        if !protocols.split_whitespace().any(|p| p == ns::PROTOCOL) {
            return Err(SpMetadataError::NotSaml2);
        }
    }
    let entity_id = entity
        .attribute("entityID")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or(SpMetadataError::MissingEntityId)?
        .to_owned();

    let mut bindings = Vec::new();
    let mut post = Vec::new();
    for (order, acs) in children(sp, "AssertionConsumerService").enumerate() {
        let binding = acs.attribute("Binding").unwrap_or("").trim();
        let location = acs.attribute("Location").unwrap_or("").trim();
        if binding != ns::BINDING_POST || location.is_empty() {
            bindings.push(binding.rsplit(':').next().unwrap_or(binding).to_owned());
            continue;
        }
        let is_default = acs.attribute("isDefault").map(str::trim) == Some("true")
            || acs.attribute("isDefault").map(str::trim) == Some("1");
        let index = acs.attribute("index").and_then(|i| i.trim().parse::<u32>().ok()).unwrap_or(u32::MAX);
        post.push((!is_default, index, order, location.to_owned()));
    }
    if post.is_empty() {
        return Err(SpMetadataError::NoPostAcs(bindings));
    }
    post.sort();
    let acs_urls = post.into_iter().map(|(_, _, _, url)| url).collect();

    let name_id_format = children(sp, "NameIDFormat").filter_map(|n| n.text()).find_map(name_id_format_from_uri);
    let want_assertions_signed = match sp.attribute("WantAssertionsSigned").map(str::trim) {
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        _ => None,
    };

    Ok(SpMetadata { entity_id, acs_urls, name_id_format, want_assertions_signed })
}

fn is_md(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns::METADATA)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| is_md(*n, name))
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}
