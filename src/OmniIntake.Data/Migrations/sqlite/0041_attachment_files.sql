-- Issue 16 item 4: the files customers and agents send (widget, MMS, status page, agents' replies), kept in the database
-- beside the raw messages: one backup, one transaction, no orphaned files on a disk; e-mail attachments stay parts of
-- the kept raw e-mail. content_type is the SNIFFED type, never the declared one.
CREATE TABLE attachment_files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size          integer NOT NULL,
    content_sha256 text NOT NULL,
    content       blob NOT NULL,
    created_at    text NOT NULL
);

-- Issue 16 item 5: a complainant's withdrawal from the status page, kept with the record with its reason; an agent
-- checks that it is voluntary (policy) before the case is withdrawn.
CREATE TABLE case_withdrawals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       bigint NOT NULL REFERENCES cases(id),
    reason        text NOT NULL,
    requested_at  text NOT NULL,
    message_id    bigint NULL
);
CREATE INDEX case_withdrawals_case ON case_withdrawals(case_id, id);
