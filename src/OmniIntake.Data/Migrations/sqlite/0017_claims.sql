-- Claiming (issue 7): one agent works a case at a time; "mine" and "unassigned" filter the queue.
ALTER TABLE cases ADD COLUMN claimed_by text NULL;
ALTER TABLE cases ADD COLUMN claimed_at text NULL;
CREATE INDEX cases_claimed_by ON cases(claimed_by) WHERE claimed_by IS NOT NULL;
