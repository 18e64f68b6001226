-- When an answer window started (the forwarding), so a calendar change can compute the answer deadline again (issue 6).
ALTER TABLE deadlines ADD COLUMN starts_at timestamptz NULL;
