-- The outbox dispatcher claims rows that are pending, retrying, or sending with an expired lease.
DROP INDEX IF EXISTS outbox_due;
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status IN ('pending', 'sending', 'retrying');
