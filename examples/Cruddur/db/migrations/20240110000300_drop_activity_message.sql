-- Contract step of renaming activities.message to content (post-deploy phase: strata up --phase post).
-- Runs only once every instance of the previous release (the one that reads message) has stopped and the release that
-- reads and writes content is stable: that release never touches message or the trigger. Validates the checks added
-- NOT VALID (a scan that blocks no reads or writes), makes content NOT NULL without another scan (the validated check
-- proves it), and drops the trigger, its function and message.
-- To abort after it ran: strata down --to 20240110000200 restores message, its constraints and the trigger, filled
-- from content, so the previous release can be rolled back to.
-- migrate:up phase:post
ALTER TABLE public.activities VALIDATE CONSTRAINT activities_content_not_null;
ALTER TABLE public.activities VALIDATE CONSTRAINT activities_content_check;
ALTER TABLE public.activities ALTER COLUMN content SET NOT NULL;
ALTER TABLE public.activities DROP CONSTRAINT activities_content_not_null;
DROP TRIGGER activities_sync_content ON public.activities;
DROP FUNCTION public.activities_sync_content();
-- strata:lint-ignore dropping-column runs after the deploy; no running release reads message
ALTER TABLE public.activities DROP COLUMN message;

-- migrate:down
-- Back to the schema after the expand step: message re-added (PostgreSQL appends it as the last column; strata verify
-- reports that position and nothing else) and filled from content, the NOT VALID checks and the trigger as they were.
ALTER TABLE public.activities ADD COLUMN message text;
ALTER TABLE public.activities ALTER COLUMN content DROP NOT NULL;
ALTER TABLE public.activities DROP CONSTRAINT activities_content_check;
ALTER TABLE public.activities
  ADD CONSTRAINT activities_content_check CHECK (char_length(content) BETWEEN 1 AND 280) NOT VALID;
ALTER TABLE public.activities
  ADD CONSTRAINT activities_content_not_null CHECK (content IS NOT NULL) NOT VALID;

CREATE FUNCTION public.activities_sync_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.content := coalesce(NEW.content, NEW.message);
    NEW.message := coalesce(NEW.message, NEW.content);
  ELSIF NEW.message IS DISTINCT FROM OLD.message THEN
    NEW.content := NEW.message;
  ELSIF NEW.content IS DISTINCT FROM OLD.content THEN
    NEW.message := NEW.content;
  END IF;
  -- An update of a row the backfill has not reached yet (a reply bumping its parent's counter) fills it in, so the
  -- NOT VALID check above, which applies to every updated row, holds.
  NEW.content := coalesce(NEW.content, NEW.message);
  RETURN NEW;
END $$;

CREATE TRIGGER activities_sync_content BEFORE INSERT OR UPDATE ON public.activities
  FOR EACH ROW EXECUTE FUNCTION public.activities_sync_content();

UPDATE public.activities SET message = content;
ALTER TABLE public.activities ALTER COLUMN message SET NOT NULL;
ALTER TABLE public.activities ADD CONSTRAINT activities_message_check CHECK (char_length(message) BETWEEN 1 AND 280);
