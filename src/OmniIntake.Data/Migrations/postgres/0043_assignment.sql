-- Assignment and collision detection (issue 15 items 5-6).
-- An agent's availability for automatic assignment: "away" keeps them out of the round robin; last_assigned_at is
-- its turn order (whoever was given a case longest ago is next).
CREATE TABLE agent_availability (
    username          text PRIMARY KEY,
    away              boolean NOT NULL DEFAULT false,
    changed_at        timestamptz NOT NULL,
    last_assigned_at  timestamptz NULL
);
-- Who has a case open in their console (collision detection): one row per hub connection and case, refreshed by the
-- console every 20 seconds; a row older than a minute (a closed tab, a process that died) is ignored, then removed.
CREATE TABLE case_viewers (
    connection_id  text NOT NULL,
    case_id        bigint NOT NULL,
    username       text NOT NULL,
    display_name   text NOT NULL,
    seen_at        timestamptz NOT NULL,
    PRIMARY KEY (connection_id, case_id)
);
CREATE INDEX case_viewers_case ON case_viewers(case_id);
