-- Issue 13 item 4: a case waits for the customer or for outside expertise; its pausable clocks stop (state 'paused')
-- keeping the window they had left, and resume with it. Each pause is one row: the reports count the time paused.
CREATE TABLE case_pauses (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         integer NOT NULL REFERENCES cases(id),
    waiting_for     text NOT NULL,
    reason          text NOT NULL,
    paused_by       text NOT NULL,
    paused_at       text NOT NULL,
    resumed_at      text NULL,
    resumed_by      text NULL,
    resumed_because text NULL
);
-- At most one pause in force per case.
CREATE UNIQUE INDEX case_pauses_open ON case_pauses(case_id) WHERE resumed_at IS NULL;
CREATE INDEX case_pauses_paused_at ON case_pauses(paused_at);
ALTER TABLE deadlines ADD COLUMN paused_at text NULL;
-- While paused: the window left; once resumed (started_by 'resumption'): the window it runs from starts_at.
ALTER TABLE deadlines ADD COLUMN remaining_seconds integer NULL;
