-- expect: 6 statements
CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL, motto text);

CREATE TABLE cities (id serial PRIMARY KEY, country char(2) REFERENCES countries, name text NOT NULL);

INSERT INTO countries (code, name, motto) VALUES
    ('FR', 'France', 'Liberté, égalité, fraternité'),
    ('US', 'United States', 'In God we trust; E pluribus unum'),
    ('GB', 'United Kingdom', 'Dieu et mon droit'),
    ('JP', '日本', NULL),
    ('IE', 'Ireland', 'Ní neart go cur le chéile; it''s a proverb'),
    ('NL', 'Netherlands', 'Je maintiendrai')
ON CONFLICT (code) DO UPDATE SET motto = EXCLUDED.motto;

INSERT INTO cities (country, name)
SELECT c.code, v.name
FROM (VALUES ('FR', 'Paris'), ('FR', 'Saint-Étienne'), ('US', 'O''Fallon'), ('JP', '東京')) AS v (code, name)
JOIN countries c ON c.code = v.code;

WITH moved AS (
    UPDATE cities SET name = name || ' (city)' WHERE name LIKE '%;%' RETURNING id
)
SELECT count(*) FROM moved;

INSERT INTO cities (country, name) VALUES ('GB', 'London'), ('GB', 'Llanfair­pwllgwyngyll'), ('IE', 'Dún Laoghaire')
RETURNING id;
