-- Keep the release heap narrow: a row is toasted down to 256 bytes, so the body goes out of line
-- beside the search vector and a heap page holds about 30 releases instead of 5.
-- Counting the matches of a search is a bitmap heap scan that visits every page holding a match,
-- so its cost follows the heap size. On 100k synthetic releases the heap went from 163 MB to
-- 24 MB and counting a word found in half of them from 59 to 15 ms (bench/README.md).
-- The setting applies to rows written from now on. VACUUM FULL rewrites the rows already there
-- under an exclusive lock (seconds for 100k releases): run once, at this migration.
ALTER TABLE "press_release" SET (toast_tuple_target = 256);
VACUUM FULL "press_release";
