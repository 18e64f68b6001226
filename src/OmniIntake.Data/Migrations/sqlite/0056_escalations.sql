-- Issue 13 item 5: what an escalation did when a clock was at risk or breached, once per clock and phase (the unique
-- key: a restart or a second node that fires the same phase again inserts nothing and does nothing).
CREATE TABLE escalations (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id             integer NOT NULL REFERENCES cases(id),
    deadline_id         integer NOT NULL REFERENCES deadlines(id),
    clock               text NOT NULL,
    phase               text NOT NULL,
    clock_started_at    text NOT NULL,
    at                  text NOT NULL,
    notified            integer NOT NULL,
    raise_class         integer NOT NULL,
    assign_to           text NULL,
    raised_from         text NULL,
    raised_to           text NULL,
    assigned_to         text NULL,
    assign_refused_code text NULL,
    UNIQUE (deadline_id, phase, clock_started_at)
);
CREATE INDEX escalations_case ON escalations(case_id);
