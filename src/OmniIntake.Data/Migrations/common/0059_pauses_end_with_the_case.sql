-- Issue 13: a pause ends with the case (closing, withdrawing or merging a waiting case ends its pause). Pauses still in
-- force on cases handled before that rule end at the case's last change, so the reports stop counting them as in force.
UPDATE case_pauses
SET resumed_at = (SELECT c.updated_at FROM cases c WHERE c.id = case_pauses.case_id),
    resumed_by = 'system',
    resumed_because = 'caseEnded'
WHERE resumed_at IS NULL
  AND case_id IN (SELECT id FROM cases WHERE status IN ('closed', 'withdrawn', 'merged'));
