-- Backfill step of renaming activities.message to content (pre-deploy phase, after the expand step).
-- Runs while the release that writes message is live: rows it writes meanwhile are the sync trigger's job. Copies
-- message into content for the rows written before the trigger existed. With the batch executor it runs in short
-- transactions of 1,000 keys each, pausing 20 ms between them, and resumes after a kill; run once, the same statement
-- is one long but still correct UPDATE. To abort: stop the task (Ctrl-C, a killed task); the statement is idempotent,
-- so running it again is safe (an interrupted run is resumed, or retried with strata repair, see
-- docs/failure-recovery.md). To abandon the rename while the previous release still runs:
-- strata down --to 20240101000300 (this file's down does nothing, the expand step's drops content).
-- migrate:up transaction:false
-- strata:batch size=1000 pause=20
UPDATE public.activities SET content = message WHERE content IS DISTINCT FROM message;

-- migrate:down transaction:false
-- Nothing to undo: the copied values disappear with the column when the expand step is rolled back.
SELECT 1;
