-- the instants of following and of what changes (follows, project updates, comments, and when a
-- plan or an event last changed) in microseconds since 1970 instead of whole seconds, so that
-- a change made in the same second as a follow is still after it
UPDATE follows SET created_at = created_at * 1000000;
UPDATE project_updates SET published_at = published_at * 1000000;
UPDATE comments SET created_at = created_at * 1000000;
UPDATE plans SET updated_at = updated_at * 1000000;
UPDATE events SET updated_at = updated_at * 1000000;
