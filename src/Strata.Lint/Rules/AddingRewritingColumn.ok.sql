ALTER TABLE orders ADD COLUMN legacy_id bigint;
