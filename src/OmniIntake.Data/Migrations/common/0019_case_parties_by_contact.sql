-- The intake's phone rule and the party check look complainants up by contact (case_parties' key starts with the case).
CREATE INDEX case_parties_contact ON case_parties(contact_id);
