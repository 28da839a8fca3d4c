-- The link tables indexed by their key and then the release: the latest releases of a country or an
-- initiative are a short backward index scan (related releases read 500 of each, they sorted all
-- 26,000 releases of a common country before), and filters by topic or country read the release
-- ids from the index alone. Each new index replaces one on its first column.
CREATE INDEX "initiative_mention_initiative_id_press_release_id_idx" ON "initiative_mention"("initiative_id", "press_release_id");
CREATE INDEX "release_topic_topic_id_press_release_id_idx" ON "release_topic"("topic_id", "press_release_id");
CREATE INDEX "release_country_country_code_press_release_id_idx" ON "release_country"("country_code", "press_release_id");

DROP INDEX "initiative_mention_initiative_id_idx";
DROP INDEX "release_topic_topic_id_idx";
DROP INDEX "release_country_country_code_idx";
