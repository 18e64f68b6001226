-- The queue orders by id (keyset paging); nothing reads cases by received_at through this index, and every
-- intake paid for maintaining it (issue 2 benchmark).
DROP INDEX IF EXISTS cases_received;
