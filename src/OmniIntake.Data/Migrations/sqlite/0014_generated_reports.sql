-- The half-monthly (1st-15th, due by the 18th) and monthly (due by the 3rd) reports (policy 5.6.1), generated once
-- each when their period has ended and kept as submitted: a later correction of a case does not rewrite them.
CREATE TABLE generated_reports (
    id            integer PRIMARY KEY AUTOINCREMENT,
    kind          text NOT NULL,
    period        text NOT NULL,
    due_by        text NOT NULL,
    generated_at  text NOT NULL,
    content       text NOT NULL,
    UNIQUE (kind, period)
);
