-- PGlite has no autovacuum, so GIN pending lists would only grow and every relitigation lookup would
-- scan them. Without fastupdate, inserts merge into the index at once: slightly slower writes,
-- predictable reads, on PGlite and PostgreSQL alike.
ALTER INDEX "decisions_search_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "decisions_match_text_trgm_idx" SET (fastupdate = off);
