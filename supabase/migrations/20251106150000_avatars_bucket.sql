-- A private Storage bucket for profile pictures: each user uploads and replaces their own, and
-- signed-in users can see everyone's.
INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
VALUES ('avatars', 'avatars', false, 1048576, ARRAY['image/jpeg', 'image/png', 'image/webp']);

CREATE POLICY "Users upload their avatar" ON storage.objects
  FOR INSERT TO authenticated
  WITH CHECK (bucket_id = 'avatars' AND (SELECT auth.uid()) = owner);
CREATE POLICY "Signed-in users see avatars" ON storage.objects
  FOR SELECT TO authenticated USING (bucket_id = 'avatars');

-- DOWN (rollback): read by `schemasnap rollback` and `verify`; commented out, so runners skip it.
-- schemasnap:down
-- DROP POLICY "Signed-in users see avatars" ON storage.objects;
-- DROP POLICY "Users upload their avatar" ON storage.objects;
-- DELETE FROM storage.buckets WHERE id = 'avatars';
-- schemasnap:end
