-- Follow-up after resolution (回访, issue 6): one row per resolution, answered by the customer through a link sent on
-- their channel (the link holds a random token; only its SHA-256 is kept) or recorded by an agent who called them.
-- "Not solved" reopens the case.
CREATE TABLE follow_ups (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id       bigint NOT NULL REFERENCES cases(id),
    resolved_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    channel       text NULL,
    token_hash    text NULL UNIQUE,
    answered_at   timestamptz NULL,
    answered_by   text NULL,
    satisfaction  integer NULL CHECK (satisfaction BETWEEN 1 AND 5),
    solved        boolean NULL,
    comment       text NULL,
    UNIQUE (case_id, resolved_at)
);
CREATE INDEX cases_resolved_at ON cases(resolved_at) WHERE status = 'resolved';
