-- Backfill step of renaming activities.message to content (pre-deploy phase, after the expand step).
-- Runs while the release that writes message is live: rows it writes meanwhile are the sync trigger's job. Copies
-- message into content for the rows written before the trigger existed. With the batch executor it runs in short
-- transactions of 1,000 keys each, pausing 20 ms between them, and resumes after a kill; run once, the same statement
-- is one long but still correct UPDATE. Idempotent, so aborting (Ctrl-C, a killed task) and running it again is safe.
-- migrate:up transaction:false
-- strata:batch size=1000 pause=20
UPDATE public.activities SET content = message WHERE content IS DISTINCT FROM message;

-- migrate:down transaction:false
-- Nothing to undo: the copied values disappear with the column when the expand step is rolled back.
SELECT 1;
