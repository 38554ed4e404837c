-- The feed benchmark's data: 1,000 users and 100,000 activities spread over the last 30 days (a few share a
-- timestamp, two by two, so pages must split ties by uuid), then fresh planner statistics. Takes a few seconds.
INSERT INTO public.users (display_name, handle, cognito_user_id)
SELECT 'Bench User ' || n, 'bench_' || n, 'MOCK'
FROM generate_series(1, 1000) AS n;

INSERT INTO public.activities (user_uuid, content, likes_count, created_at)
SELECT u.uuid,
       'Bench activity ' || n || ': ' || repeat('lorem ipsum ', 1 + n % 12),
       n % 50,
       now() - (n / 2) * interval '50 seconds'
FROM generate_series(1, 100000) AS n
JOIN (SELECT uuid, row_number() OVER (ORDER BY handle) - 1 AS i FROM public.users) u ON u.i = n % 1000;

VACUUM ANALYZE public.users;
VACUUM ANALYZE public.activities;
