-- migrate:up transaction:false
-- The home feed reads the newest activities first and pages with a (created_at, uuid) keyset. Built CONCURRENTLY so
-- writes to activities continue while it builds; that cannot run inside a transaction, hence transaction:false.
CREATE INDEX CONCURRENTLY IF NOT EXISTS activities_home_feed_idx
  ON public.activities (created_at DESC, uuid DESC);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS public.activities_home_feed_idx;
