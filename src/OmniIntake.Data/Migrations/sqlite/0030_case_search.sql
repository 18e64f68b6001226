-- Search everything (issue 15 item 1). The embedded database matches free text with LIKE over the rows (it holds a
-- small centre's cases); phones and e-mails go through these indexes, a full case number through its unique index.
CREATE INDEX cases_contact_phone ON cases (contact_phone) WHERE contact_phone IS NOT NULL;
CREATE INDEX cases_contact_email ON cases (lower(contact_email)) WHERE contact_email IS NOT NULL;
-- Results in date order: each lookup walks this index newest (or oldest) first and stops at the page's end, so a word
-- found in a fifth of the cases costs a few probes, not a sort of all its cases.
CREATE INDEX cases_received_id ON cases (received_at, id);
