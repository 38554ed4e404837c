UPDATE users SET plan = 'free';
WITH gone AS (DELETE FROM sessions RETURNING *) INSERT INTO archived_sessions SELECT * FROM gone;
