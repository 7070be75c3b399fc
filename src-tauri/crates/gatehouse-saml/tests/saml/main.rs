//! gatehouse-saml against independent tools: `openssl` reads our certificates, the
//! `xmlsec1` binary verifies our signatures (and rejects tampered copies), and SP metadata
//! import is fed real-looking and hostile files.

#[path = "../common/mod.rs"]
mod common;

mod certificates;
mod idp_metadata;
mod responses;
mod sp_metadata;
