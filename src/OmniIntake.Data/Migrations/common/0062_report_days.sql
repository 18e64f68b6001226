-- Issue 17 item 6: reports and trends sum stored per-day figures for finished local days instead of re-reading their
-- cases. report_days holds, for each stored day (and the zone whose midnight bounds it), one row per combination of
-- what the reports and trend charts count by; report_days_stored marks a day as stored (also a day with no cases),
-- with the event position its figures were computed at. A day is forgotten (and recomputed when asked for) when an
-- event of one of its cases is sequenced after the watermark report_days_state.through (ReportDays.AdvanceAsync).
CREATE TABLE report_days (
    zone               text NOT NULL,
    day                text NOT NULL,
    category           text NOT NULL,
    channel            text NOT NULL,
    class              text NOT NULL,
    department_id      bigint NULL,
    is_closed          integer NOT NULL,
    is_forwarded       integer NOT NULL,
    is_redispatched    integer NOT NULL,
    is_linked          integer NOT NULL,
    forward_state      text NULL,
    cases              bigint NOT NULL,
    owner_met          bigint NOT NULL,
    owner_breached     bigint NOT NULL,
    satisfaction_sum   bigint NOT NULL,
    satisfaction_count bigint NOT NULL
);
CREATE INDEX report_days_day ON report_days (zone, day);

CREATE TABLE report_days_stored (
    zone   text NOT NULL,
    day    text NOT NULL,
    as_of  bigint NOT NULL,
    PRIMARY KEY (zone, day)
);

CREATE TABLE report_days_state (
    id       integer PRIMARY KEY,
    through  bigint NOT NULL
);
INSERT INTO report_days_state (id, through) VALUES (1, 0);

-- The repeat indicator (another case of the same contact in the same period) does not add up over days: it is counted
-- live per period, from this index alone (an index-only pass on PostgreSQL) rather than from the cases' rows.
CREATE INDEX cases_received_contact ON cases (received_at, contact_id, status, related_case_id);
