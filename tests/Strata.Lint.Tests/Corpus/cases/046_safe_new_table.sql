-- expect: ok
-- server: none
-- migrate:up
CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL, total numeric(12,2) NOT NULL, note text);
CREATE INDEX invoices_user_id ON invoices (user_id);
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total > 0);
