-- Follow-up after resolution (回访, issue 6): one row per resolution, answered by the customer through a link sent on
-- their channel (the link holds a random token; only its SHA-256 is kept) or recorded by an agent who called them.
-- "Not solved" reopens the case.
CREATE TABLE follow_ups (
    id            integer PRIMARY KEY AUTOINCREMENT,
    case_id       integer NOT NULL REFERENCES cases(id),
    resolved_at   text NOT NULL,
    created_at    text NOT NULL,
    channel       text NULL,
    token_hash    text NULL UNIQUE,
    answered_at   text NULL,
    answered_by   text NULL,
    satisfaction  integer NULL CHECK (satisfaction BETWEEN 1 AND 5),
    solved        integer NULL,
    comment       text NULL,
    UNIQUE (case_id, resolved_at)
);
CREATE INDEX cases_resolved_at ON cases(resolved_at) WHERE status = 'resolved';
