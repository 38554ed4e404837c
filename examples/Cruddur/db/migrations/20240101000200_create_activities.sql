-- migrate:up
CREATE TABLE public.activities (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_uuid uuid NOT NULL REFERENCES public.users (uuid) ON DELETE CASCADE,
  message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 280),
  replies_count integer NOT NULL DEFAULT 0 CHECK (replies_count >= 0),
  reposts_count integer NOT NULL DEFAULT 0 CHECK (reposts_count >= 0),
  likes_count integer NOT NULL DEFAULT 0 CHECK (likes_count >= 0),
  -- A reply points at another activity by its uuid (an integer here could never match a uuid key).
  reply_to_activity_uuid uuid REFERENCES public.activities (uuid) ON DELETE SET NULL,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX activities_user_uuid_idx ON public.activities (user_uuid);

-- migrate:down
DROP TABLE public.activities;
