INSERT INTO plans (name) VALUES ('team');
INSERT INTO plan_features (plan_id, feature) VALUES (currval('plans_id_seq'), 'export');
INSERT INTO plan_features (plan_id, feature) SELECT id, 'audit' FROM plans WHERE name = 'team';
