-- Development data: two users and one activity. Safe to run twice.
INSERT INTO public.users (display_name, handle, cognito_user_id)
VALUES
  ('Pop Goes the Weasel', 'hotwheels', 'MOCK'),
  ('Fifty Pence', 'getFullOrDieTryin', 'MOCK')
ON CONFLICT DO NOTHING;

INSERT INTO public.activities (user_uuid, content, expires_at)
SELECT uuid, 'This was imported as seed data', now() + interval '10 days'
FROM public.users
WHERE handle = 'hotwheels'
  AND NOT EXISTS (SELECT 1 FROM public.activities a WHERE a.content = 'This was imported as seed data');
