-- Issue 17 item 6: what the read paths need with years of history.
-- The ~2,000 open cases among a million: the queue's open filters, the board and the class sweep read only these
-- (the statuses as Data/Cases/OpenCases writes them; a case leaving them leaves the index at the next vacuum).
CREATE INDEX cases_open ON cases (id) WHERE status IN ('received', 'forwarded', 'answered');
-- The case file finds each message's delivery by message id (it scanned the outbox per message).
CREATE INDEX outbox_message ON outbox (message_id);
-- Reports list the period's important, hot and major cases: a small index (most cases are general), not the period.
CREATE INDEX cases_class_received ON cases (received_at) WHERE class <> 'general';
