-- expect: 8 statements
-- Comments with semicolons; and 'quotes' and "double quotes" and $$ dollars $$.
/* A block comment; with /* a nested one; */ and an unmatched ' quote */

CREATE TABLE "semi;colon" ("quo""te" text, "$$" text, plain text);

INSERT INTO "semi;colon" VALUES ('a;b', 'it''s', E'back\\slash and \'quote\'; done');

INSERT INTO "semi;colon" VALUES ('$$ not a dollar quote $$', '--not a comment', '/* nor this */');

INSERT INTO "semi;colon" ("quo""te") VALUES ($tag$ can hold ' and " and ; and $$ $tag$);

SELECT "quo""te" AS "result;", plain -- trailing comment; with semicolon
FROM "semi;colon" /* inline; comment */ WHERE plain <> ';'
ORDER BY 1;

SELECT U&'d\0061t\+000061;' AS unicode, B'1010' AS bits, X'1F' AS hex, N'national;' AS n;

SELECT 'multi-line
string; with a semicolon
' AS text;

SELECT 1 AS "U&""x"""; -- the last statement; followed by a comment
/* and a block comment at the end; */
