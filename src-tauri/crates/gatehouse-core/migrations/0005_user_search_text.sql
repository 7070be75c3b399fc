-- The text the users' search index holds, defined once as a column (virtual: computed, not
-- stored) so the triggers, a bulk import's one-statement fill and the short-query LIKE all use
-- the same definition. It leaves out what is already there: the username when the email starts
-- with it, and a display name that is just "first last". A substring of either still matches.
ALTER TABLE users ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
  CASE WHEN instr(email, username || '@') = 1 THEN '' ELSE username || ' ' END
  || email || ' ' || firstname || ' ' || lastname
  || CASE WHEN displayname = '' OR displayname = firstname || ' ' || lastname THEN '' ELSE ' ' || displayname END
) VIRTUAL;

DROP TRIGGER users_search_ai;
DROP TRIGGER users_search_au;
CREATE TRIGGER users_search_ai AFTER INSERT ON users BEGIN
  INSERT INTO users_search (rowid, text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER users_search_au AFTER UPDATE OF username, email, firstname, lastname, displayname ON users BEGIN
  DELETE FROM users_search WHERE rowid = old.rowid;
  INSERT INTO users_search (rowid, text) VALUES (new.rowid, new.search_text);
END;

-- Re-index existing users with the new text.
INSERT INTO users_search (users_search) VALUES ('delete-all');
INSERT INTO users_search (rowid, text) SELECT rowid, search_text FROM users;
