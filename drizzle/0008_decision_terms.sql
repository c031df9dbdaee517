CREATE TABLE "decision_terms" (
	"workspace_id" text NOT NULL,
	"term" text NOT NULL,
	"decisions" integer NOT NULL,
	"in_names" integer NOT NULL,
	CONSTRAINT "decision_terms_workspace_id_term_pk" PRIMARY KEY("workspace_id","term")
);--> statement-breakpoint
-- Hand-written from here: drizzle-kit does not model triggers.
-- decision_terms counts, per workspace, the decisions whose `search` vector holds each lexeme (and
-- those holding it in their names: title, alternatives, aliases, tags — weights A and B). It is
-- kept by statement-level triggers, so a batch insert of 64 decisions is one ordered upsert (rows
-- locked in key order: concurrent batches cannot deadlock on a shared word such as "service").
CREATE FUNCTION "decision_terms_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO decision_terms AS t (workspace_id, term, decisions, in_names)
  SELECT i.workspace_id, u.lexeme, count(*)::int, count(*) FILTER (WHERE u.weights && '{A,B}')::int
  FROM inserted i, unnest(i.search) AS u
  GROUP BY i.workspace_id, u.lexeme
  ORDER BY i.workspace_id, u.lexeme
  ON CONFLICT (workspace_id, term) DO UPDATE SET decisions = t.decisions + excluded.decisions, in_names = t.in_names + excluded.in_names;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "decision_terms_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE decision_terms AS t SET decisions = t.decisions - gone.n, in_names = t.in_names - gone.in_names
  FROM (
    SELECT d.workspace_id, u.lexeme AS term, count(*)::int AS n, count(*) FILTER (WHERE u.weights && '{A,B}')::int AS in_names
    FROM deleted d, unnest(d.search) AS u
    GROUP BY d.workspace_id, u.lexeme
    ORDER BY d.workspace_id, u.lexeme
  ) AS gone
  WHERE t.workspace_id = gone.workspace_id AND t.term = gone.term;
  DELETE FROM decision_terms WHERE decisions <= 0 AND workspace_id IN (SELECT DISTINCT workspace_id FROM deleted);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "decision_terms_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (status, review, supersession) leave the text, and so the vector, as it was.
  WITH changed AS (
    SELECT n.workspace_id, o.search AS old_search, n.search AS new_search
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.search IS DISTINCT FROM n.search
  ), changes AS (
    SELECT c.workspace_id, u.lexeme AS term, 1 AS change, (u.weights && '{A,B}')::int AS in_names FROM changed c, unnest(c.new_search) AS u
    UNION ALL
    SELECT c.workspace_id, u.lexeme, -1, -(u.weights && '{A,B}')::int FROM changed c, unnest(c.old_search) AS u
  ), delta AS (
    SELECT workspace_id, term, sum(change)::int AS change, sum(in_names)::int AS in_names
    FROM changes GROUP BY workspace_id, term
    HAVING sum(change) <> 0 OR sum(in_names) <> 0
  )
  INSERT INTO decision_terms AS t (workspace_id, term, decisions, in_names)
  SELECT workspace_id, term, change, in_names FROM delta ORDER BY workspace_id, term
  ON CONFLICT (workspace_id, term) DO UPDATE SET decisions = t.decisions + excluded.decisions, in_names = t.in_names + excluded.in_names;
  DELETE FROM decision_terms WHERE decisions <= 0 AND workspace_id IN (SELECT DISTINCT workspace_id FROM new_rows);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "decision_terms_after_insert" AFTER INSERT ON "decisions"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "decision_terms_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "decision_terms_after_delete" AFTER DELETE ON "decisions"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "decision_terms_count_deleted"();--> statement-breakpoint
CREATE TRIGGER "decision_terms_after_update" AFTER UPDATE ON "decisions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "decision_terms_count_updated"();--> statement-breakpoint
INSERT INTO "decision_terms" ("workspace_id", "term", "decisions", "in_names")
SELECT d."workspace_id", u.lexeme, count(*)::int, count(*) FILTER (WHERE u.weights && '{A,B}')::int
FROM "decisions" d, unnest(d."search") AS u GROUP BY d."workspace_id", u.lexeme;
