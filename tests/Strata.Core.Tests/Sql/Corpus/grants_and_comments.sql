-- expect: 10 statements
CREATE SCHEMA reporting;

CREATE TABLE reporting.daily_totals (day date PRIMARY KEY, total numeric NOT NULL);

CREATE VIEW reporting.recent AS
    SELECT day, total FROM reporting.daily_totals WHERE day > current_date - 7;

REVOKE ALL ON SCHEMA reporting FROM PUBLIC;

GRANT USAGE ON SCHEMA reporting TO PUBLIC;

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO PUBLIC;

ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO PUBLIC;

COMMENT ON SCHEMA reporting IS 'Read-only reporting; refreshed nightly';

COMMENT ON VIEW reporting.recent IS 'The last week''s totals';

COMMENT ON COLUMN reporting.daily_totals.total IS NULL;
