-- Every message as it arrived, kept before it is parsed (issue 3): nothing unreadable is lost, anything can be re-processed.
CREATE TABLE raw_messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    channel       text NOT NULL,
    external_id   text NOT NULL,
    content       blob NOT NULL,
    content_type  text NOT NULL,
    size          integer NOT NULL,
    received_at   text NOT NULL,
    disposition   text NOT NULL,
    case_id       bigint NULL REFERENCES cases(id),
    error         text NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX raw_messages_failed ON raw_messages(received_at) WHERE disposition = 'failed';
