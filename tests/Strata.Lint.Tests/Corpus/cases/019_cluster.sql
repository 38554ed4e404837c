-- expect: error
-- server: rewrite public.users
-- migrate:up
CLUSTER users USING users_pkey;
