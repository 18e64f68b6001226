-- Every message as it arrived, kept before it is parsed (issue 3): nothing unreadable is lost, anything can be re-processed.
CREATE TABLE raw_messages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel       text NOT NULL,
    external_id   text NOT NULL,
    content       bytea NOT NULL,
    content_type  text NOT NULL,
    size          integer NOT NULL,
    received_at   timestamptz NOT NULL,
    disposition   text NOT NULL,
    case_id       bigint NULL REFERENCES cases(id),
    error         text NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX raw_messages_failed ON raw_messages(received_at) WHERE disposition = 'failed';
