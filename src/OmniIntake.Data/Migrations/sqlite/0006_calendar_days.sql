-- An admin's changes to the business calendar (issue 6), on top of the shipped holidays and make-up days.
CREATE TABLE calendar_days (
    day         text PRIMARY KEY,
    working     integer NOT NULL,
    name        text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  text NOT NULL
);

-- Every change an admin made to the calendar: who, when, what.
CREATE TABLE calendar_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    day         text NOT NULL,
    working     integer NOT NULL,
    name        text NOT NULL,
    actor       text NOT NULL,
    at          text NOT NULL
);
