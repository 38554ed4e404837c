\set id random(1, 10000)
SELECT counter FROM hot WHERE id = :id;
UPDATE hot SET counter = counter + 1 WHERE id = :id;
