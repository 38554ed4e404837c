-- varchar(n) to text is binary-coercible: no rewrite, only a brief ACCESS EXCLUSIVE lock
ALTER TABLE users ALTER COLUMN nickname TYPE text;
