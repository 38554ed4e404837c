CREATE TABLE drafts (id bigint PRIMARY KEY, titel text);
ALTER TABLE drafts RENAME COLUMN titel TO title;
