-- migrate:up
SELECT 3;
