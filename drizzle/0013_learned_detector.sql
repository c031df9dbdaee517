-- Relitigation detector, learned and versioned (issue 17).
--
-- 1. decision_index: what the detector's model derives from a decision, one row per decision,
--    stamped with the model version that made it: the lexemes of words near the decision's own in
--    meaning (word-vector neighbours), so a message in other words still finds it. Rebuilt by
--    `npm run cli -- reindex` for a new model; retrieval reads only rows of the model judging.
-- 2. relitigation_judgements.model_version: which model made each judgement.
-- 3. relitigation_candidates also finds decisions through decision_index, and fills free places
--    with the channel's own recent decisions.
-- 4. p_isolated: a channel shared with another organisation (Slack Connect) is offered only its
--    own decisions, never the workspace's public ones.
-- 5. decisions.aliases emptied: no form or command ever set them; every alias stored was inferred
--    by the retired hand-written knowledge base, and would go stale with no model to rebuild it.
CREATE TABLE "decision_index" (
	"decision_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"model_version" text NOT NULL,
	"related" "tsvector" NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relitigation_judgements" ADD COLUMN "model_version" text;--> statement-breakpoint
ALTER TABLE "decision_index" ADD CONSTRAINT "decision_index_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_index_related_idx" ON "decision_index" USING gin ("related") WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX "decision_index_workspace_version_idx" ON "decision_index" USING btree ("workspace_id","model_version");--> statement-breakpoint
CREATE INDEX "decision_index_version_idx" ON "decision_index" USING btree ("model_version");
--> statement-breakpoint
UPDATE "decisions" SET "aliases" = '[]'::jsonb WHERE "aliases" <> '[]'::jsonb;
--> statement-breakpoint
DROP FUNCTION "relitigation_candidates"(text, text, text, text, text, text[], integer);
--> statement-breakpoint
CREATE FUNCTION "relitigation_candidates"(
  p_workspace text, p_channel text, p_typed text, p_own text, p_rivals text, p_typos text[], p_limit integer, p_model text, p_isolated boolean
) RETURNS TABLE (
  id text, ref integer, title text, rationale text, context text, alternatives text, aliases text, tags text,
  text_rank double precision, trigram double precision, recorded_here boolean
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
-- A generic plan does not know its LIMITs are rarely reached: a sequential scan that "stops after 8
-- matches" looks cheap, and reads every decision when there are none. Every pass here is meant to
-- start from an index (the issue's "no full scan per message").
SET enable_seqscan = off
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH message_terms AS (
    -- What the message typed counts whole; other names of what it names half; rivals of what it
    -- proposes less again. A typed word counts only where messageQuery kept it (not everyday words).
    SELECT lexemes.term,
           CASE WHEN bool_or(lexemes.source = 'typed') AND bool_or(lexemes.source = 'own') THEN 1.0
                WHEN bool_or(lexemes.source = 'own') THEN 0.5
                ELSE 0.3 END::float8 AS weight
    FROM (
      SELECT unnest(tsvector_to_array(to_tsvector('english', p_own))) AS term, 'own' AS source
      UNION ALL
      SELECT unnest(tsvector_to_array(to_tsvector('english', p_typed))), 'typed'
      UNION ALL
      SELECT unnest(tsvector_to_array(to_tsvector('english', p_rivals))), 'rival'
    ) AS lexemes
    -- Quoted into tsquery text below: the rare lexeme with a quote or backslash is left out, not escaped.
    WHERE strpos(lexemes.term, '''') = 0 AND strpos(lexemes.term, chr(92)) = 0
    GROUP BY lexemes.term
    HAVING bool_or(lexemes.source <> 'typed')
  ),
  known AS MATERIALIZED (
    -- The message's lexemes the workspace's decisions carry, rarest first, weighted by inverse
    -- document frequency over the decisions recorded (refs are sequential per workspace).
    SELECT m.term, s.decisions, s.in_names AS named_by, m.weight,
           m.weight * ln(1 + greatest(w.next_ref - 1, s.decisions)::float8 / s.decisions) AS score_weight,
           quote_literal(m.term)::tsquery AS anywhere,
           (quote_literal(m.term) || ':AB')::tsquery AS in_names
    FROM message_terms m
    JOIN decision_terms s ON s.workspace_id = p_workspace AND s.term = m.term
    JOIN workspaces w ON w.workspace_id = p_workspace
    WHERE s.decisions > 0
    ORDER BY s.decisions, m.term
    LIMIT 12
  ),
  anchors AS MATERIALIZED (
    -- Typed words decisions name, rarest first; the names of what it names only when it typed none.
    SELECT row_number() OVER (ORDER BY k.weight < 1, k.named_by, k.term) AS n, quote_literal(k.term) AS q, k.named_by
    FROM known k
    WHERE k.named_by > 0 AND (k.weight = 1 OR NOT EXISTS (SELECT 1 FROM known t WHERE t.weight = 1 AND t.named_by > 0))
    ORDER BY k.weight < 1, k.named_by, k.term
    LIMIT 6
  ),
  by_four AS MATERIALIZED (
    -- Decisions carrying four of the anchors, first: the most specific readings of the message.
    -- Plain lexemes, not restricted to the names' weights: GIN then answers exactly, with no
    -- recheck of each row's vector. Each pass's tsquery is an uncorrelated subquery (an InitPlan):
    -- evaluated once, a GIN index key.
    SELECT d.id FROM decisions d
    WHERE d.search @@ (SELECT string_agg('(' || a.q || ' & ' || b.q || ' & ' || c.q || ' & ' || e.q || ')', ' | ')::tsquery
                       FROM anchors a JOIN anchors b ON a.n < b.n JOIN anchors c ON b.n < c.n JOIN anchors e ON c.n < e.n)
      AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
      AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
    LIMIT 48
  ),
  by_three AS MATERIALIZED (
    SELECT f.id FROM by_four f
    UNION
    -- Three of the anchors, only when fours found too few.
    (SELECT d.id FROM decisions d
    WHERE (SELECT count(*) FROM by_four) < p_limit
      AND d.search @@ (SELECT string_agg('(' || a.q || ' & ' || b.q || ' & ' || c.q || ')', ' | ')::tsquery
                       FROM anchors a JOIN anchors b ON a.n < b.n JOIN anchors c ON b.n < c.n)
      AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
      AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
    LIMIT 48)
  ),
  by_words AS MATERIALIZED (
    SELECT t.id FROM by_three t
    UNION
    -- Pairs only when threes found too few: a one-time filter, so the index is not even read otherwise.
    (SELECT d.id FROM decisions d
     WHERE (SELECT count(*) FROM by_three) < p_limit
       AND d.search @@ (SELECT string_agg('(' || a.q || ' & ' || b.q || ')', ' | ')::tsquery FROM anchors a JOIN anchors b ON a.n < b.n)
       AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
       AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
     LIMIT 24)
    UNION
    -- Every decision carrying a word at most 32 decisions name: telling alone.
    (SELECT d.id FROM decisions d
     WHERE d.search @@ (SELECT string_agg(a.q, ' | ')::tsquery FROM anchors a WHERE a.named_by <= 32)
       AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
       AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
     LIMIT 24)
  ),
  typo_patterns AS MATERIALIZED (
    SELECT '%' || left(w, ceil(length(w) * 0.6)::int) || '%' AS pattern
    FROM unnest(p_typos) w
    WHERE NOT EXISTS (
      SELECT 1 FROM decision_terms s
      WHERE s.workspace_id = p_workspace AND s.term = ANY (tsvector_to_array(to_tsvector('english', w)))
    )
  ),
  meaning_terms AS MATERIALIZED (
    -- The message's rarest words in this workspace (those no decision carries first): a word the
    -- ledger already uses finds its decisions by the passes above.
    SELECT m.term, quote_literal(m.term)::tsquery AS q
    FROM message_terms m
    LEFT JOIN decision_terms s ON s.workspace_id = p_workspace AND s.term = m.term
    WHERE m.weight = 1.0
    ORDER BY coalesce(s.decisions, 0), m.term
    LIMIT 6
  ),
  by_meaning AS MATERIALIZED (
    -- Decisions whose words are near those in meaning ("homework" for a decision about a take-home
    -- exercise): the lexemes the detector's model derived for each decision (decision_index, of the
    -- model version judging now), on their GIN index; the most matches first.
    SELECT x.decision_id AS id, (SELECT count(*) FROM meaning_terms t WHERE x.related @@ t.q)::float8 AS hits
    FROM decision_index x JOIN decisions d ON d.id = x.decision_id
    WHERE x.related @@ (SELECT string_agg(quote_literal(t.term), ' | ')::tsquery FROM meaning_terms t)
      AND x.workspace_id = p_workspace AND x.model_version = p_model
      AND d.status = 'accepted' AND d.under_review_since IS NULL
      AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
    LIMIT 48
  ),
  found AS (
    SELECT passes.id, bool_or(passes.by_name) AS by_name FROM (
      SELECT b.id, false AS by_name FROM by_words b
      UNION ALL
      (SELECT m.id, false FROM by_meaning m ORDER BY m.hits DESC, m.id LIMIT 24)
      UNION ALL
      -- A channel's own recent decisions fill what words and meaning left free: in a team's
      -- channel they are the likeliest readings, and the judge compares every candidate's meaning.
      (SELECT d.id, false FROM decisions d
       WHERE (SELECT count(*) FROM by_words) < p_limit
         AND d.workspace_id = p_workspace AND d.channel_id = p_channel
         AND d.status = 'accepted' AND d.under_review_since IS NULL
       ORDER BY d.created_at DESC
       LIMIT p_limit)
      UNION ALL
      -- Only when the passes over names found too few: any decision carrying one of the rarest words anywhere.
      (SELECT d.id, false FROM decisions d
       WHERE (SELECT count(*) FROM by_words) < p_limit
         AND d.search @@ (SELECT string_agg(quote_literal(r.term), ' | ')::tsquery
                          FROM (SELECT k.term FROM known k ORDER BY k.decisions, k.term LIMIT 6) r)
         AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
         AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
       LIMIT 24)
      UNION ALL
      -- Typos and names the stemmer does not know: the first 60% of a long typed word no decision
      -- carries ("terraf" of "terrafrom") as a substring of the decisions' names, on the trigram
      -- index; the most similar first, which also keeps the planner from a scan it hopes to stop early.
      (SELECT d.id, true FROM decisions d
       WHERE (SELECT count(*) FROM typo_patterns) > 0
         AND d.match_text LIKE ANY (ARRAY(SELECT t.pattern FROM typo_patterns t))
         AND d.workspace_id = p_workspace AND d.status = 'accepted' AND d.under_review_since IS NULL
         AND ((d.channel_private = false AND NOT p_isolated) OR d.channel_id = p_channel)
       ORDER BY (SELECT max(word_similarity(w, d.match_text)) FROM unnest(p_typos) w) DESC
       LIMIT 8)
    ) AS passes
    GROUP BY passes.id
  ),
  best AS (
    -- Every decision found, scored by the weights of the words it shares with the message: whole
    -- in its names (title, alternatives, aliases, tags), a tenth in its reasons; a quarter more for
    -- one recorded in the message's channel.
    SELECT f.id, f.by_name, shared.score, d.channel_id = p_channel AS here,
           (shared.score + 0.5 * coalesce(m.hits, 0)) * (CASE WHEN d.channel_id = p_channel THEN 1.25 ELSE 1.0 END) AS ranked
    FROM found f JOIN decisions d ON d.id = f.id
    LEFT JOIN by_meaning m ON m.id = f.id
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(k.score_weight * (CASE WHEN d.search @@ k.in_names THEN 1.0 ELSE 0.1 END)), 0)::float8 AS score
      FROM known k WHERE d.search @@ k.anywhere
    ) AS shared
    ORDER BY ranked DESC, f.id
    LIMIT p_limit
  )
  SELECT d.id::text, d.ref::int, d.title, d.rationale, d.context,
         d.alternatives::text, d.aliases::text, d.tags::text,
         best.score,
         (CASE WHEN best.by_name THEN (SELECT max(word_similarity(w, d.match_text)) FROM unnest(p_typos) w) ELSE 0 END)::float8,
         best.here
  FROM best JOIN decisions d ON d.id = best.id
  ORDER BY best.ranked DESC, 10 DESC, d.ref DESC;
END $$;
