-- A release's version: 1 when stored, one more at every write to it (an update, a publication, a
-- retraction). Editors may pass the version they read with a change: a different stored version
-- means someone else wrote meanwhile and the change is refused (CONFLICT) instead of undoing theirs.
-- A constant default: Postgres adds the column without rewriting the table.
ALTER TABLE "press_release" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
