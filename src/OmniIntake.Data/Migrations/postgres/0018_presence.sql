-- Who has a console open, across server processes (issue 7): one row per hub connection, refreshed by its process;
-- a row not refreshed for two minutes belongs to a process that died and is ignored, then removed.
CREATE TABLE presence (
    connection_id  text PRIMARY KEY,
    username       text NOT NULL,
    node           text NOT NULL,
    seen_at        timestamptz NOT NULL
);
