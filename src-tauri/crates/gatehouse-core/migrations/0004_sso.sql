-- SAML single sign-on: each application's IdP configuration and its signing certificates.
-- Private keys are never stored here: `certificates.key_ref` names the OS keychain entry.

-- One row per application whose SSO tab was saved; no row means the connector's defaults.
-- Entity IDs, ACS URLs and the SP login URL are templates: placeholder tokens in them
-- (YOURDOMAIN, ...) are replaced by `placeholders` values wherever they occur.
CREATE TABLE sso_configs (
  app_id              TEXT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  placeholders        TEXT NOT NULL DEFAULT '{}' CHECK (json_type(placeholders) = 'object'),  -- token -> value
  idp_entity_id       TEXT NOT NULL,
  sp_entity_id        TEXT NOT NULL,
  acs_urls            TEXT NOT NULL CHECK (json_type(acs_urls) = 'array'),      -- [{url, isDefault}], one default
  sp_login_url        TEXT,                                                     -- NULL: none
  name_id_format      TEXT NOT NULL,                                            -- NameID format URI
  name_id_field       TEXT NOT NULL,                                            -- directory field
  signing             TEXT NOT NULL CHECK (signing IN ('assertion', 'response', 'both')),
  user_attributes     TEXT NOT NULL CHECK (json_type(user_attributes) = 'array'),     -- [{name, field}]
  constant_attributes TEXT NOT NULL CHECK (json_type(constant_attributes) = 'array'), -- [{name, value}]
  group_attribute     TEXT,                                                     -- attribute name; NULL: not sent
  updated_at          TEXT NOT NULL
) STRICT;

-- Signing certificates. An application has at most one active and one next certificate
-- (partial unique indexes); retired ones are kept for the record.
CREATE TABLE certificates (
  id                 TEXT PRIMARY KEY,
  app_id             TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  status             TEXT NOT NULL CHECK (status IN ('active', 'next', 'retired')),
  algorithm          TEXT NOT NULL CHECK (algorithm IN ('rsa2048', 'rsa3072', 'rsa4096', 'p256')),
  pem                TEXT NOT NULL CHECK (pem LIKE '-----BEGIN CERTIFICATE-----%' AND instr(pem, 'PRIVATE') = 0),
  subject            TEXT NOT NULL,
  serial             TEXT NOT NULL,                 -- upper-case hex
  not_before         TEXT NOT NULL,                 -- RFC 3339, UTC
  not_after          TEXT NOT NULL,
  sha1_fingerprint   TEXT NOT NULL,
  sha256_fingerprint TEXT NOT NULL,
  key_ref            TEXT NOT NULL UNIQUE,          -- keychain reference saml-key:<app_id>:<id>; never key bytes
  created_at         TEXT NOT NULL,
  activated_at       TEXT,
  retired_at         TEXT
) STRICT;
CREATE UNIQUE INDEX certificates_one_active ON certificates (app_id) WHERE status = 'active';
CREATE UNIQUE INDEX certificates_one_next ON certificates (app_id) WHERE status = 'next';
CREATE INDEX certificates_by_app ON certificates (app_id, created_at);
