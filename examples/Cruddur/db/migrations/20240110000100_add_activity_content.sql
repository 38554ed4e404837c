-- Expand step of renaming activities.message to content (pre-deploy phase: strata up --phase pre).
-- Runs while the release that reads and writes message is live; that release never sees content. Adds content, nullable
-- and checked NOT VALID so no statement scans or rewrites the table, and a trigger that keeps both columns equal
-- whichever one a writer set: the running release writes message, the next one writes content.
-- To abort before the next release is rolled out: strata down --to 20240101000300 (this file's down below).
-- migrate:up
ALTER TABLE public.activities ADD COLUMN content text;

-- NOT VALID: enforced for every row written from now on, existing rows are checked by VALIDATE in the contract step.
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

-- migrate:down
DROP TRIGGER activities_sync_content ON public.activities;
DROP FUNCTION public.activities_sync_content();
ALTER TABLE public.activities DROP COLUMN content;
