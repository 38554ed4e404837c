-- expect: ok
-- server: none
-- migrate:up transaction:false
DROP INDEX CONCURRENTLY orders_user_id;
