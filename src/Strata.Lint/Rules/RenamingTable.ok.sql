CREATE TABLE draft (id bigint PRIMARY KEY);
ALTER TABLE draft RENAME TO drafts;
