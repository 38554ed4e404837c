-- migrate:up transaction:false lock_timeout:2s
INSERT INTO widgets VALUES (1, 'sprocket'), (2, 'gear; large');
