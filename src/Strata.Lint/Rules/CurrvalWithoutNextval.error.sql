INSERT INTO plan_features (plan_id, feature) VALUES (currval('plans_id_seq'), 'export');
