-- Where each poller stands (issue 3: an IMAP mailbox's UIDVALIDITY and highest committed UID): a lease so two
-- processes never work one source at once, the cursor advanced only after the messages it covers are committed,
-- and the last outcome for the health endpoint and the supervisors.
CREATE TABLE pollers (
    name              text PRIMARY KEY,
    cursor_epoch      text NULL,
    cursor_position   bigint NOT NULL DEFAULT 0,
    lease_holder      text NULL,
    lease_until       text NULL,
    last_attempt_at   text NULL,
    last_success_at   text NULL,
    last_error        text NULL,
    failures          integer NOT NULL DEFAULT 0,
    taken             bigint NOT NULL DEFAULT 0
);

-- The same bytes seen again under another identity (an IMAP UIDVALIDITY reset) are the same mail, not a new one.
ALTER TABLE raw_messages ADD COLUMN content_sha256 text NULL;
CREATE INDEX raw_messages_content ON raw_messages(channel, content_sha256);

-- Acknowledgements and dialog prompts are sent with Auto-Submitted: auto-replied and rate limited per recipient.
ALTER TABLE outbox ADD COLUMN automatic integer NOT NULL DEFAULT 0;
CREATE INDEX outbox_automatic_recipient ON outbox(recipient, created_at) WHERE automatic = 1;
