-- Issue 13 item 2: the rule's stable code and its parameters (a JSON object) are stored with the deadline when its
-- clock starts, and rendered from there. Rows written before are filled in from their rule text by a step in code
-- (SchemaMigrator.CodeSteps, LegacyRuleTexts), in this migration's transaction.
ALTER TABLE deadlines ADD COLUMN rule_code text NULL;
ALTER TABLE deadlines ADD COLUMN rule_params text NULL;
