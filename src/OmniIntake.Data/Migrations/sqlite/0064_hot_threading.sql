-- Issue 17 item 3: the phone rule finds a contact's cases by contact alone (as on PostgreSQL, where last_inbound_at
-- left the index so that threading a message onto a case is a heap-only update); a contact has a handful of cases.
DROP INDEX IF EXISTS cases_contact_recent;
CREATE INDEX cases_contact ON cases (contact_id);
