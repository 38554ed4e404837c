-- strata:lint-ignore renaming-column the column is unused since release 41
ALTER TABLE users RENAME COLUMN nick TO nickname;
