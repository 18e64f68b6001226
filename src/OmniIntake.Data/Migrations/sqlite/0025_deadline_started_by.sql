-- Issue 13: a deadline knows what started its clock (receipt, reopening, sendBack, forwarding, classification) and
-- from when (starts_at), so a calendar change computes it again from that start, never from the case's receipt.
ALTER TABLE deadlines ADD COLUMN started_by text NULL;
UPDATE deadlines SET starts_at = (SELECT c.received_at FROM cases c WHERE c.id = deadlines.case_id)
WHERE starts_at IS NULL AND kind IN ('forward', 'majorFirstAnswer');
-- Rows written before: a forwarding clock that did not start at receipt started at a send-back (audited at that
-- instant) or a reopening.
UPDATE deadlines SET started_by = CASE
    WHEN kind IN ('ownerAnswer', 'publicReply') THEN 'forwarding'
    WHEN kind = 'majorFirstAnswer' THEN 'classification'
    WHEN starts_at = (SELECT c.received_at FROM cases c WHERE c.id = deadlines.case_id) THEN 'receipt'
    WHEN EXISTS (SELECT 1 FROM audit a WHERE a.case_id = deadlines.case_id AND a.action = 'case.sent-back' AND a.at = deadlines.starts_at) THEN 'sendBack'
    ELSE 'reopening' END;
