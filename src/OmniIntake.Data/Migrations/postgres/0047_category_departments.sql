-- Category → department mapping (issue 14 item 4): the admin names which department each category's complaints go to;
-- the agent's forward action preselects it. One row per mapped category; a category without a row has no preselection.
CREATE TABLE category_departments (
    category_code  text PRIMARY KEY REFERENCES categories(code) ON DELETE CASCADE,
    department_id  bigint NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL
);
