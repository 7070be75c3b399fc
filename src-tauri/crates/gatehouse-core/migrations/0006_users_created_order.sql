-- Users sorted by creation use the rowid, which only grows (a new row's rowid is above every
-- existing one), so the order is the creation order without an index of its own. One index
-- fewer to update makes a bulk import faster.
DROP INDEX users_by_created;
