-- strata:lint-ignore renaming-column
ALTER TABLE users RENAME COLUMN nick TO nickname;
