-- Issue 13: a deadline knows what started its clock (receipt, reopening, sendBack, forwarding, classification) and
-- from when (starts_at), so a calendar change computes it again from that start, never from the case's receipt.
ALTER TABLE deadlines ADD COLUMN started_by text NULL;
UPDATE deadlines d SET starts_at = c.received_at
FROM cases c WHERE c.id = d.case_id AND d.starts_at IS NULL AND d.kind IN ('forward', 'majorFirstAnswer');
-- Rows written before: a forwarding clock that did not start at receipt started at a send-back (audited at that
-- instant) or a reopening.
UPDATE deadlines d SET started_by = CASE
    WHEN d.kind IN ('ownerAnswer', 'publicReply') THEN 'forwarding'
    WHEN d.kind = 'majorFirstAnswer' THEN 'classification'
    WHEN d.starts_at = c.received_at THEN 'receipt'
    WHEN EXISTS (SELECT 1 FROM audit a WHERE a.case_id = d.case_id AND a.action = 'case.sent-back' AND a.at = d.starts_at) THEN 'sendBack'
    ELSE 'reopening' END
FROM cases c WHERE c.id = d.case_id;
