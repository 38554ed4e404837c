-- migrate:up transaction:false
DROP INDEX CONCURRENTLY orders_customer_id_idx;
