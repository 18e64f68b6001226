-- Issue 17 item 3: fewer index entries where they buy nothing. Every message threaded onto a case moves its
-- last_inbound_at; while that column was indexed (cases_contact_recent), each such UPDATE wrote a new entry into every
-- index of cases (about fifteen, the search grams among them). A contact has a handful of cases, so the phone rule
-- finds them by contact alone and filters the window on the rows: the UPDATE touches no indexed column and, with
-- room left on each page (fillfactor 90; new pages only), stays a heap-only (HOT) update.
DROP INDEX IF EXISTS cases_contact_recent;
CREATE INDEX cases_contact ON cases (contact_id);
ALTER TABLE cases SET (fillfactor = 90);
