-- Trigram matching (typos, product names) for the relitigation watcher. Trusted since PostgreSQL 13,
-- so the app's own role can create it; PGlite loads it from @electric-sql/pglite/contrib/pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
