-- migrate:up
-- gen_random_uuid() is built into PostgreSQL 13 and later: no uuid-ossp extension needed.
CREATE TABLE public.users (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
  handle text NOT NULL CHECK (handle ~ '^[A-Za-z0-9_]{1,40}$'),
  cognito_user_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Handles are unique regardless of case, so @Bayko and @bayko cannot both exist.
CREATE UNIQUE INDEX users_handle_key ON public.users (lower(handle));

-- migrate:down
DROP TABLE public.users;
