-- The intake spine (issue 2). Instants are timestamptz (UTC); enums are lower-case text.
CREATE TABLE departments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text NOT NULL UNIQUE,
    display_name    text NOT NULL,
    password_hash   text NOT NULL,
    roles           text NOT NULL,
    department_id   bigint NULL REFERENCES departments(id),
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz NULL,
    created_at      timestamptz NOT NULL
);

CREATE TABLE categories (
    code     text PRIMARY KEY,
    name_zh  text NOT NULL,
    name_en  text NOT NULL,
    sort     integer NOT NULL
);

CREATE TABLE contacts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE contact_handles (
    kind        text NOT NULL,
    value       text NOT NULL,
    contact_id  bigint NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (kind, value)
);
CREATE INDEX contact_handles_contact ON contact_handles(contact_id);

-- One sequence for the serial of every case number: unique across server processes, never locked.
CREATE SEQUENCE case_serial;

CREATE TABLE cases (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number              text NOT NULL UNIQUE,
    channel             text NOT NULL,
    status              text NOT NULL,
    class               text NOT NULL,
    category            text NULL REFERENCES categories(code),
    contact_id          bigint NOT NULL REFERENCES contacts(id),
    subject             text NULL,
    complainant_name    text NULL,
    contact_phone       text NULL,
    contact_email       text NULL,
    occurred_at         text NULL,
    location            text NULL,
    customer_request    text NULL,
    department_id       bigint NULL REFERENCES departments(id),
    session_key         text NULL,
    related_case_id     bigint NULL REFERENCES cases(id),
    received_at         timestamptz NOT NULL,
    last_inbound_at     timestamptz NOT NULL,
    first_forwarded_at  timestamptz NULL,
    resolved_at         timestamptz NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX cases_contact_recent ON cases(contact_id, last_inbound_at DESC);
CREATE INDEX cases_session ON cases(session_key) WHERE session_key IS NOT NULL;
CREATE INDEX cases_received ON cases(received_at DESC);

CREATE TABLE messages (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id           bigint NOT NULL REFERENCES cases(id),
    direction         text NOT NULL,
    channel           text NOT NULL,
    external_id       text NULL,
    sender            text NOT NULL,
    author            text NULL,
    subject           text NULL,
    body_text         text NOT NULL,
    body_html         text NULL,
    attachments       text NOT NULL,
    email_message_id  text NULL,
    created_at        timestamptz NOT NULL
);
-- Dedupe (issue 2): one inbound message per (channel, external id).
CREATE UNIQUE INDEX messages_inbound_external ON messages(channel, external_id) WHERE direction = 'inbound';
CREATE INDEX messages_case ON messages(case_id, id);
CREATE INDEX messages_email_id ON messages(email_message_id) WHERE email_message_id IS NOT NULL;

CREATE TABLE audit (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   bigint NOT NULL REFERENCES cases(id),
    at        timestamptz NOT NULL,
    actor     text NOT NULL,
    action    text NOT NULL,
    detail    text NOT NULL
);
CREATE INDEX audit_case ON audit(case_id, id);

-- position is given after commit by the event sequencer, in commit order (see EventSequencer).
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position     bigint NULL UNIQUE,
    kind         text NOT NULL,
    case_id      bigint NOT NULL,
    case_number  text NOT NULL,
    occurred_at  timestamptz NOT NULL,
    data         text NOT NULL
);
CREATE INDEX events_unpositioned ON events(id) WHERE position IS NULL;

CREATE TABLE deadlines (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES cases(id),
    kind        text NOT NULL,
    due_at      timestamptz NOT NULL,
    rule        text NOT NULL,
    state       text NOT NULL,
    closed_at   timestamptz NULL,
    UNIQUE (case_id, kind)
);
CREATE INDEX deadlines_pending_due ON deadlines(due_at) WHERE state = 'pending';

CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          bigint NOT NULL REFERENCES cases(id),
    message_id       bigint NOT NULL REFERENCES messages(id),
    channel          text NOT NULL,
    recipient        text NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text NULL,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status = 'pending';
