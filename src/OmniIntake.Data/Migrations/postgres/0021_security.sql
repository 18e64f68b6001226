-- Issue 12 item 13. Failed sign-ins are counted per account name AND client address, for names that exist and names
-- that do not alike: one address's guesses lock that address out of that name only (no one can lock a colleague out
-- from elsewhere), and the answer never tells whether the name exists. users.failed_logins/locked_until are no longer used.
CREATE TABLE sign_in_failures (
    username      text NOT NULL,
    source        text NOT NULL,
    failures      integer NOT NULL,
    locked_until  timestamptz NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (username, source)
);
-- A follow-up's link holds a secret token the case file must not show (an agent could answer for the customer): the
-- message on the case keeps the text without it, the outbox row the text to send, protected with the Data Protection
-- key ring, and only until the row is final (sent, failed or manual).
ALTER TABLE outbox ADD COLUMN sealed_text text NULL;
