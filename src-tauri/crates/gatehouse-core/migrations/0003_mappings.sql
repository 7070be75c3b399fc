-- User attribute mappings an admin saved for an application (SCIM provisioning).
-- No rows for an application means it uses its connector's default mappings; whether a
-- mapping is required comes from the connector, so it is not stored.
CREATE TABLE application_mappings (
  app_id   TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,                      -- order shown in the editor, from 0
  target   TEXT NOT NULL,                         -- SCIM path in the schema's spelling
  kind     TEXT NOT NULL CHECK (kind IN ('direct', 'expression', 'constant')),
  source   TEXT NOT NULL,                         -- directory field, expression text or constant
  PRIMARY KEY (app_id, position),
  UNIQUE (app_id, target)
) STRICT;
