-- Every committed change of a release's status notifies channel release_status with
-- {"id": ..., "status": ..., "was": ...} ("was" is null for a new release). Each service instance
-- listens and hands the event to its subscribers (pressReleasePublished, pressReleaseRetracted), so a
-- release published through one instance reaches the subscribers of all of them. Postgres delivers
-- notifications on commit only, when everything the transaction wrote is visible.
-- The function body is an escape string with each semicolon written as the octal escape 073 (see
-- migration archive_change_notify: the migration runner splits the script at every semicolon).
CREATE FUNCTION notify_release_status() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''release_status'', json_build_object(
    ''id'', NEW.id,
    ''status'', NEW.status,
    ''was'', CASE WHEN TG_OP = ''UPDATE'' THEN OLD.status END
  )::text)\073
  RETURN NULL\073
END
';

CREATE TRIGGER release_status_inserted AFTER INSERT ON "press_release"
  FOR EACH ROW EXECUTE FUNCTION notify_release_status();

CREATE TRIGGER release_status_changed AFTER UPDATE OF "status" ON "press_release"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION notify_release_status();
