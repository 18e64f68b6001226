-- /readyz writes here (issue 12, item 6): ready means a complaint can be written now, not only that the database
-- answers a read (a full disk, a read-only file). One row, overwritten by every probe.
CREATE TABLE readiness_probe (
    id         integer PRIMARY KEY,
    probed_at  text NOT NULL
);
