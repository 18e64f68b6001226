-- Issue 17 item 6: the class sweep keeps the groups of similar complaints of its 30-day window in memory between runs
-- (in an outage each new complaint is alike to thousands, and reading their memberships and the group's members was
-- most of the sweep's time). Every change of membership raises this one version under its row lock, so a process
-- knows by one read whether what it keeps is still exact, and reads the window's memberships again when not.
CREATE TABLE similar_membership (
    id      integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO similar_membership (id, version) VALUES (1, 0);
