-- The directory (users, groups, membership) and configured applications with their bound groups.
CREATE TABLE users (
  rowid               INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
  username            TEXT NOT NULL,
  username_key        TEXT NOT NULL UNIQUE,       -- lower(username): usernames are unique case-insensitively
  email               TEXT NOT NULL,
  firstname           TEXT NOT NULL DEFAULT '',
  middlename          TEXT NOT NULL DEFAULT '',
  lastname            TEXT NOT NULL DEFAULT '',
  displayname         TEXT NOT NULL DEFAULT '',
  job_title           TEXT NOT NULL DEFAULT '',
  employee_identifier TEXT NOT NULL DEFAULT '',
  employee_type       TEXT NOT NULL DEFAULT '',
  department          TEXT NOT NULL DEFAULT '',
  cost_center         TEXT NOT NULL DEFAULT '',
  company             TEXT NOT NULL DEFAULT '',
  manager             TEXT NOT NULL DEFAULT '',
  location            TEXT NOT NULL DEFAULT '',
  description         TEXT NOT NULL DEFAULT '',
  locale              TEXT NOT NULL DEFAULT '',
  preferred_language  TEXT NOT NULL DEFAULT '',
  addresses           TEXT NOT NULL DEFAULT '[]',  -- JSON array of typed addresses
  phone_numbers       TEXT NOT NULL DEFAULT '[]',  -- JSON array of typed phone numbers
  custom_attributes   TEXT NOT NULL DEFAULT '{}',  -- JSON object name -> string
  state               TEXT NOT NULL CHECK (state IN ('active', 'suspended', 'password_expired')),
  sort_name           TEXT NOT NULL,               -- lower(display name as shown), for sorting
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX users_by_name ON users (sort_name, username_key);
CREATE INDEX users_by_email ON users (email COLLATE NOCASE);
CREATE INDEX users_by_state ON users (state, username_key);
CREATE INDEX users_by_created ON users (created_at, username_key);

-- Substring search over name, username and email (trigram index, kept in step by triggers).
CREATE VIRTUAL TABLE users_search USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
CREATE TRIGGER users_search_ai AFTER INSERT ON users BEGIN
  INSERT INTO users_search (rowid, text) VALUES (new.rowid,
    new.username || ' ' || new.email || ' ' || new.firstname || ' ' || new.lastname || ' ' || new.displayname);
END;
CREATE TRIGGER users_search_ad AFTER DELETE ON users BEGIN
  DELETE FROM users_search WHERE rowid = old.rowid;
END;
CREATE TRIGGER users_search_au AFTER UPDATE OF username, email, firstname, lastname, displayname ON users BEGIN
  DELETE FROM users_search WHERE rowid = old.rowid;
  INSERT INTO users_search (rowid, text) VALUES (new.rowid,
    new.username || ' ' || new.email || ' ' || new.firstname || ' ' || new.lastname || ' ' || new.displayname);
END;

CREATE TABLE groups (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,                -- lower(name)
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE applications (
  id             TEXT PRIMARY KEY,
  connector_id   TEXT NOT NULL,
  label          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  portal_image   TEXT NOT NULL CHECK (portal_image IN ('logo', 'color')),
  portal_color   TEXT NOT NULL DEFAULT '',
  show_in_portal INTEGER NOT NULL DEFAULT 1,
  idp_url_suffix TEXT NOT NULL UNIQUE,             -- the {custom_value} of <base>/saml2/{custom_value}; fixed
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE application_groups (
  app_id   TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  bound_at TEXT NOT NULL,
  PRIMARY KEY (app_id, group_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX application_groups_by_group ON application_groups (group_id);
