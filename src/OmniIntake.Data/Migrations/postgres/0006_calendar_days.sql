-- An admin's changes to the business calendar (issue 6), on top of the shipped holidays and make-up days.
CREATE TABLE calendar_days (
    day         text PRIMARY KEY,
    working     boolean NOT NULL,
    name        text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Every change an admin made to the calendar: who, when, what.
CREATE TABLE calendar_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day         text NOT NULL,
    working     boolean NOT NULL,
    name        text NOT NULL,
    actor       text NOT NULL,
    at          timestamptz NOT NULL
);
