-- Every committed write to the archive notifies channel archive_changed (payload: the table).
-- Each service instance listens and drops its cached responses, whoever wrote: another
-- instance, the bulk loader, an admin in psql. Postgres sends notifications only on commit and
-- folds repeats within a transaction, so one ingest sends a handful, not one per row.
-- Statement-level triggers: one call per statement, whatever the number of rows.
-- api_key is left out on purpose: keys do not change what any read returns.
-- The function body is an escape string with each semicolon written as the octal escape 073:
-- the migration runner of the pg adapter splits the script at every semicolon, even quoted ones.
CREATE FUNCTION notify_archive_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''archive_changed'', TG_TABLE_NAME)\073
  RETURN NULL\073
END
';

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "country"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "topic"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "press_release"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "person"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "person_role"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "participant"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_mention"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_topic"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_country"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_topic"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();

CREATE TRIGGER archive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_initiative"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_archive_changed();
