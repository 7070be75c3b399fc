-- Foundation: organization settings and the activity log.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,              -- RFC 3339, UTC, milliseconds
  name          TEXT NOT NULL,              -- e.g. settings_update, user_create_provision
  app_id        TEXT,                       -- no foreign key: events outlive applications
  app_label     TEXT,
  subject_kind  TEXT,                       -- user | group | application | certificate | settings
  subject_id    TEXT,
  subject_label TEXT,
  outcome       TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
  actor         TEXT NOT NULL,              -- admin (app) | admin (cli) | sync
  detail        TEXT NOT NULL DEFAULT '{}'  -- JSON object, never a secret
) STRICT;
CREATE INDEX events_by_app ON events (app_id, id DESC);
CREATE INDEX events_by_name ON events (name, id DESC);
