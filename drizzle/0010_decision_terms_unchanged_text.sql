-- Hand-written: the word-count triggers of 0008 touched only the words a change concerns, except in
-- one place: after every UPDATE or DELETE of decisions they looked for counts fallen to zero among
-- ALL of the workspace's words. Most updates change no text at all (a card's place, a status, a
-- review), and each of them read every word the workspace's decisions use: recording a decision,
-- which updates it once its card is posted, got twice as slow. Now an update that changes no text
-- returns at once, and only words a change took away are looked at for removal.
CREATE OR REPLACE FUNCTION "decision_terms_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE decision_terms AS t SET decisions = t.decisions - gone.n, in_names = t.in_names - gone.in_names
  FROM (
    SELECT d.workspace_id, u.lexeme AS term, count(*)::int AS n, count(*) FILTER (WHERE u.weights && '{A,B}')::int AS in_names
    FROM deleted d, unnest(d.search) AS u
    GROUP BY d.workspace_id, u.lexeme
    ORDER BY d.workspace_id, u.lexeme
  ) AS gone
  WHERE t.workspace_id = gone.workspace_id AND t.term = gone.term;
  DELETE FROM decision_terms AS t
  USING (SELECT DISTINCT d.workspace_id, u.lexeme AS term FROM deleted d, unnest(d.search) AS u) AS gone
  WHERE t.workspace_id = gone.workspace_id AND t.term = gone.term AND t.decisions <= 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "decision_terms_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (card place, status, review, supersession) leave the text, and so the vector, as it was.
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.search IS DISTINCT FROM n.search) THEN
    RETURN NULL;
  END IF;
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
  -- Only a word the old text had can have fallen to zero.
  DELETE FROM decision_terms AS t
  USING (
    SELECT DISTINCT n.workspace_id, u.lexeme AS term
    FROM old_rows o JOIN new_rows n ON n.id = o.id, unnest(o.search) AS u
    WHERE o.search IS DISTINCT FROM n.search
  ) AS gone
  WHERE t.workspace_id = gone.workspace_id AND t.term = gone.term AND t.decisions <= 0;
  RETURN NULL;
END $$;
