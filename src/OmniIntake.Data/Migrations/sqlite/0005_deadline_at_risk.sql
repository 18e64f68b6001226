-- At-risk warnings (issue 6): a deadline warns once, at a configurable share of its window, before it breaches.
ALTER TABLE deadlines ADD COLUMN warn_at text NULL;
ALTER TABLE deadlines ADD COLUMN warned_at text NULL;
CREATE INDEX deadlines_pending_warn ON deadlines(warn_at) WHERE state = 'pending' AND warned_at IS NULL;
