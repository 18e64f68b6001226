-- Issue 14 item 3: an admin switches an account off (and on again) without losing its roles; accounts are never
-- deleted because the audit trail names them. A switched-off account cannot sign in and is not given cases.
ALTER TABLE users ADD COLUMN disabled_at timestamptz NULL;
