"""The schema's later migrations: events, the comparison, framing, full-text search, analyst
corrections, failures, story redirects and run states. Appended to, never rewritten: see
``store.migrations``."""

from __future__ import annotations

from crossbearing.store.migration import Migration

ANALYSIS_MIGRATIONS: tuple[Migration, ...] = (
    Migration(5, "event mentions and events merged across articles", (
        # One row per event mention in an article (annotate/events.py).
        """CREATE TABLE event_mentions (
            article_id      TEXT NOT NULL REFERENCES articles(article_id),
            start           INTEGER NOT NULL,  -- the trigger word's offsets in the article text
            "end"           INTEGER NOT NULL,
            text            TEXT NOT NULL,     -- the trigger as written ("strike", "vowed")
            sentence_start  INTEGER NOT NULL,  -- the sentence it stands in
            sentence_end    INTEGER NOT NULL,
            event_type      TEXT NOT NULL,     -- a type of data/events.toml ("air_drone_strike")
            mode            TEXT NOT NULL,     -- asserted, future, hypothetical, suspended, negated
            aggregate       INTEGER NOT NULL,  -- 1 for a count or series of events
            arguments       TEXT NOT NULL,     -- JSON: [{role, start, end, text, actor_id, canonical}]
            means           TEXT NOT NULL,     -- JSON array: "air/drone", "rocket/missile/artillery"
            place_id        TEXT,              -- the place of the event, where the text gives it
            place_start     INTEGER,
            place_end       INTEGER,
            date_start      TEXT,              -- resolved time expression (inclusive ISO dates)
            date_end        TEXT,
            date_precision  TEXT,
            date_resolved   INTEGER,           -- 0: the expression could not be resolved
            time_start      INTEGER,           -- the time expression's offsets
            time_end        INTEGER,
            fatalities_low  REAL,              -- the toll as written; NULL when none is given
            fatalities_high REAL,
            fatalities_hedge TEXT,
            fatalities_start INTEGER,
            fatalities_end  INTEGER,
            fatalities_added INTEGER,          -- named victims added to an "other" figure
            injuries_low    REAL,
            injuries_high   REAL,
            injuries_hedge  TEXT,
            injuries_start  INTEGER,
            injuries_end    INTEGER,
            reported_by     TEXT,              -- who the article attributes it to; NULL: own voice
            reported_by_actor TEXT,
            antecedent      INTEGER,           -- start of the earlier mention it refers back to
            produced_by     TEXT NOT NULL,
            PRIMARY KEY (article_id, start)
        )""",
        # Events: the mentions of one real event across a story's articles (corpus/events.py).
        """CREATE TABLE events (
            event_id        TEXT PRIMARY KEY,  -- 'ev-' + hash of its first mention
            story_id        TEXT,              -- the story (events are recomputed with stories)
            event_type      TEXT NOT NULL,
            family          TEXT NOT NULL,     -- violent, material, verbal
            mode            TEXT NOT NULL,     -- asserted unless every mention says otherwise
            aggregate       INTEGER NOT NULL,
            date_start      TEXT,              -- resolved value (rule in docs/events.md)
            date_end        TEXT,
            date_precision  TEXT,
            place_id        TEXT,
            fatalities      REAL,              -- ACLED's rule: the lowest credible figure
            injuries        REAL,
            detail          TEXT NOT NULL,     -- JSON: values per source, disagreements, actors
            mentions        INTEGER NOT NULL,
            articles        INTEGER NOT NULL,
            produced_by     TEXT NOT NULL
        )""",
        "CREATE INDEX events_story ON events (story_id)",
        """CREATE TABLE event_sources (
            event_id        TEXT NOT NULL REFERENCES events(event_id),
            article_id      TEXT NOT NULL,
            start           INTEGER NOT NULL,  -- the event mention (event_mentions key)
            PRIMARY KEY (article_id, start)
        )""",
        "CREATE INDEX event_sources_event ON event_sources (event_id)",
    )),
    Migration(6, "comparison: claim groups and quote groups per story", (
        # Numeric facts of one story about the same counted thing, and how they compare.
        """CREATE TABLE claim_groups (
            group_id    TEXT PRIMARY KEY,     -- 'claims-' + hash of story, thing and members
            story_id    TEXT NOT NULL REFERENCES stories(story_id),
            thing       TEXT NOT NULL,        -- what is counted, normalised: 'attacks', 'troops'
            toll        TEXT,                 -- killed, wounded, detained, ...; NULL for no toll
            unit        TEXT,                 -- '%' or a currency code; NULL for a count
            status      TEXT NOT NULL,        -- agree, differ or single-source
            kind        TEXT,                 -- for differ: time_scope, hedge or conflict
            sources     INTEGER NOT NULL,     -- distinct outlets (unknown outlet: per article)
            members     INTEGER NOT NULL,
            low         REAL NOT NULL,        -- smallest written value of the members
            high        REAL NOT NULL,        -- largest written value of the members
            produced_by TEXT NOT NULL
        )""",
        "CREATE INDEX claim_groups_story ON claim_groups (story_id, status)",
        # The numeric facts in each claim group (a snapshot of what was compared).
        """CREATE TABLE claim_members (
            group_id    TEXT NOT NULL REFERENCES claim_groups(group_id),
            article_id  TEXT NOT NULL REFERENCES articles(article_id),
            start       INTEGER NOT NULL,     -- the numeric fact's offsets in the article
            "end"       INTEGER NOT NULL,
            outlet      TEXT,
            text        TEXT NOT NULL,        -- the number as written, with its hedge
            low         REAL NOT NULL,
            high        REAL NOT NULL,
            hedge       TEXT,
            counted     TEXT,                 -- the counted phrase as the numbers layer read it
            time_scope  TEXT,
            place_scope TEXT,
            speaker     TEXT,                 -- who gave the number, when attributed
            PRIMARY KEY (group_id, article_id, start, "end")
        )""",
        # Quotes of several articles of one story that carry the same statement.
        """CREATE TABLE quote_groups (
            group_id    TEXT PRIMARY KEY,     -- 'quotes-' + hash of story and member quote ids
            story_id    TEXT NOT NULL REFERENCES stories(story_id),
            label       TEXT NOT NULL,        -- same, partial or paraphrase
            speakers    TEXT NOT NULL,        -- same, differs or unattributed in some
            sources     INTEGER NOT NULL,     -- distinct outlets (unknown outlet: per article)
            members     INTEGER NOT NULL,
            produced_by TEXT NOT NULL
        )""",
        "CREATE INDEX quote_groups_story ON quote_groups (story_id)",
        # The quotes in each quote group, with the speaker as each article gives it.
        """CREATE TABLE quote_members (
            group_id          TEXT NOT NULL REFERENCES quote_groups(group_id),
            quote_id          TEXT NOT NULL,  -- 'quote-' + hash of (article_id, start, end)
            article_id        TEXT NOT NULL REFERENCES articles(article_id),
            start             INTEGER NOT NULL,  -- the quote's extent (quotes' key)
            "end"             INTEGER NOT NULL,
            content           TEXT NOT NULL,  -- JSON [[start, end], ...] as in quotes.content
            outlet            TEXT,
            text              TEXT NOT NULL,  -- the content's parts joined by ' … '
            kind              TEXT NOT NULL,  -- direct, indirect or mixed
            relation          TEXT NOT NULL,  -- its strongest link in the group: same, partial, paraphrase
            speaker_text      TEXT,           -- the speaker as written in this article
            speaker_actor     TEXT,           -- resolved knowledge-base actor
            speaker_canonical TEXT,           -- resolved name
            descriptor        TEXT,           -- a description such as 'US officials'
            PRIMARY KEY (group_id, quote_id)
        )""",
    )),
    Migration(7, "framing: descriptors of actors and loaded terms", (
        # How an article describes an actor it names: appositive, premodifier, predicate,
        # relative clause or label (docs/framing.md).
        """CREATE TABLE framing_descriptors (
            article_id    TEXT NOT NULL REFERENCES articles(article_id),
            start         INTEGER NOT NULL,     -- the descriptor: articles.text[start:end]
            "end"         INTEGER NOT NULL,
            text          TEXT NOT NULL,
            kind          TEXT NOT NULL,        -- appositive, premodifier, predicate, relative, label
            mention_start INTEGER NOT NULL,     -- the mention it describes (mentions' key)
            mention_end   INTEGER NOT NULL,
            actor_id      TEXT,                 -- that mention's knowledge-base actor, if known
            canonical     TEXT NOT NULL,        -- that mention's canonical name
            voice         TEXT NOT NULL,        -- own, or quoted (inside a quote's content)
            quote_start   INTEGER,              -- the quote it stands in (quotes' key), if quoted
            quote_end     INTEGER,
            produced_by   TEXT NOT NULL,        -- stage version
            PRIMARY KEY (article_id, mention_start, start, "end")
        )""",
        # Words of the framing lexicon (data/framing_lexicon.toml) found in an article.
        """CREATE TABLE loaded_terms (
            article_id    TEXT NOT NULL REFERENCES articles(article_id),
            start         INTEGER NOT NULL,     -- the word as written: articles.text[start:end]
            "end"         INTEGER NOT NULL,
            text          TEXT NOT NULL,
            term          TEXT NOT NULL,        -- the lexicon's headword: 'assassination'
            category      TEXT NOT NULL,        -- act or actor
            tag           TEXT NOT NULL,        -- delegitimising, legitimising, violence-emphasis, minimising
            neutral       TEXT,                 -- the lexicon's plain counterpart: 'killing'
            mention_start INTEGER,              -- the mention of the actor it is about, if any
            mention_end   INTEGER,
            actor_id      TEXT,                 -- that mention's knowledge-base actor, if known
            canonical     TEXT,                 -- that mention's canonical name
            voice         TEXT NOT NULL,        -- own, or quoted (inside a quote's content)
            quote_start   INTEGER,              -- the quote it stands in (quotes' key), if quoted
            quote_end     INTEGER,
            produced_by   TEXT NOT NULL,        -- stage version
            PRIMARY KEY (article_id, start, "end")
        )""",
    )),
    Migration(8, "full-text search over articles and quotes", (
        # Article titles and texts for full-text search; rowid = articles.rowid. Kept by triggers.
        """CREATE VIRTUAL TABLE article_search USING fts5(
            article_id UNINDEXED,                -- articles.article_id
            title,                               -- articles.title ('' when untitled)
            body,                                -- articles.text
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
        # What each quote says (its content spans joined by ' … '); rowid = quotes.rowid.
        """CREATE VIRTUAL TABLE quote_search USING fts5(
            article_id UNINDEXED,                -- quotes.article_id
            start UNINDEXED,                     -- quotes.start: first content character
            "end" UNINDEXED,                     -- quotes."end"
            speaker,                             -- resolved name, else description, else as written
            body,                                -- the quoted words
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search (rowid, article_id, title, body)
            VALUES (NEW.rowid, NEW.article_id, COALESCE(NEW.title, ''), NEW.text);
        END""",
        """CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            DELETE FROM article_search WHERE rowid = OLD.rowid;
        END""",
        """CREATE TRIGGER quote_search_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quote_search (rowid, article_id, start, "end", speaker, body)
            VALUES (NEW.rowid, NEW.article_id, NEW.start, NEW."end",
                    COALESCE(NEW.speaker_canonical, NEW.descriptor, NEW.speaker_text, ''),
                    (SELECT group_concat(substr(a.text, json_extract(j.value, '$[0]') + 1,
                                                json_extract(j.value, '$[1]')
                                                - json_extract(j.value, '$[0]')), ' … ')
                     FROM json_each(NEW.content) j, articles a
                     WHERE a.article_id = NEW.article_id));
        END""",
        """CREATE TRIGGER quote_search_delete AFTER DELETE ON quotes BEGIN
            DELETE FROM quote_search WHERE rowid = OLD.rowid;
        END""",
        # Index what is stored already.
        """INSERT INTO article_search (rowid, article_id, title, body)
            SELECT rowid, article_id, COALESCE(title, ''), text FROM articles""",
        """INSERT INTO quote_search (rowid, article_id, start, "end", speaker, body)
            SELECT q.rowid, q.article_id, q.start, q."end",
                   COALESCE(q.speaker_canonical, q.descriptor, q.speaker_text, ''),
                   (SELECT group_concat(substr(a.text, json_extract(j.value, '$[0]') + 1,
                                               json_extract(j.value, '$[1]')
                                               - json_extract(j.value, '$[0]')), ' … ')
                    FROM json_each(q.content) j, articles a WHERE a.article_id = q.article_id)
            FROM quotes q""",
    ), postgresql=(
        # PostgreSQL: a generated tsvector per article, and a side table of quote texts kept by
        # a trigger function, both with GIN indexes.
        # Curly quotes and dashes are made word breaks first, as in SQLite's tokenizer.
        """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', regexp_replace(COALESCE(title, ''), {punct}, ' ', 'g')), 'A')
            || setweight(to_tsvector('simple', regexp_replace(text, {punct}, ' ', 'g')), 'B')) STORED""",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        """CREATE TABLE quote_search (
            article_id  TEXT NOT NULL,        -- quotes.article_id
            start       INTEGER NOT NULL,     -- quotes.start
            "end"       INTEGER NOT NULL,     -- quotes."end"
            speaker     TEXT NOT NULL,        -- resolved name, else description, else as written
            body        TEXT NOT NULL,        -- the quoted words
            search      tsvector GENERATED ALWAYS AS (
                to_tsvector('simple', regexp_replace(speaker || ' ' || body, {punct}, ' ', 'g'))) STORED,
            PRIMARY KEY (article_id, start, "end")
        )""",
        "CREATE INDEX quote_search_search ON quote_search USING GIN (search)",
        """CREATE FUNCTION quote_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM quote_search WHERE article_id = OLD.article_id
                    AND start = OLD.start AND "end" = OLD."end";
                RETURN OLD;
            END IF;
            INSERT INTO quote_search (article_id, start, "end", speaker, body)
            SELECT NEW.article_id, NEW.start, NEW."end",
                   COALESCE(NEW.speaker_canonical, NEW.descriptor, NEW.speaker_text, ''),
                   string_agg(substr(a.text, (j.span->>0)::int + 1,
                                     (j.span->>1)::int - (j.span->>0)::int), ' … ')
            FROM articles a, jsonb_array_elements(NEW.content::jsonb) AS j(span)
            WHERE a.article_id = NEW.article_id
            ON CONFLICT (article_id, start, "end") DO NOTHING;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER quote_search_sync AFTER INSERT OR DELETE ON quotes
            FOR EACH ROW EXECUTE FUNCTION quote_search_sync()""",
    )),
    Migration(9, "analyst corrections", (
        # Corrections an analyst made, kept apart from what the stages compute so that they
        # survive re-analysis: the stages and the views apply them to fresh results.
        """CREATE TABLE overrides (
            override_id  TEXT PRIMARY KEY,    -- stable id of (kind, target, value)
            kind         TEXT NOT NULL,       -- merge-entities, split-entity, not-reuse, event
            target       TEXT NOT NULL,       -- what is corrected: an entity id, a passage key
                                              -- 'a|b|a_start|b_start', an event id
            value        TEXT NOT NULL,       -- the correction: entity merged into, spelling
                                              -- split off, 'confirm' or 'reject'
            note         TEXT NOT NULL DEFAULT '',  -- why, in the analyst's words
            created_at   TEXT NOT NULL        -- ISO 8601 UTC; corrections apply in this order
        )""",
        "CREATE INDEX overrides_kind ON overrides (kind, target)",
    )),
    Migration(10, "failures: what a stage could not do, and why", (
        # An article an annotator raised on, a story a corpus step or the comparison could not
        # handle, a dossier section that could not be built. The run goes on without it; the
        # row says what failed and why. An article's failure is retried once the stage's version
        # changes; the corpus, comparison and report stages recompute theirs every run.
        """CREATE TABLE failures (
            stage        TEXT NOT NULL,       -- annotate, corpus.<step>, compare, report
            target       TEXT NOT NULL,       -- an article id, a story id, 'story-id/section',
                                              -- or '' for a whole step
            target_kind  TEXT NOT NULL,       -- article, story, pair, section, step
            version      TEXT NOT NULL,       -- the stage's version when it failed
            error_type   TEXT NOT NULL,       -- the exception's class name, e.g. 'ValueError'
            message      TEXT NOT NULL,       -- the exception's message (one line, shortened)
            failed_at    TEXT NOT NULL,       -- ISO 8601 UTC
            PRIMARY KEY (stage, target)
        )""",
    )),
    Migration(11, "story redirects: old story ids lead to the story their articles went to", (
        # Stories are recomputed every corpus run and keep their ids by overlap; an id no story
        # keeps (its story merged into another) leads to the story holding most of its articles,
        # so that links to it keep working. Never a live story id.
        """CREATE TABLE story_redirects (
            old_id        TEXT PRIMARY KEY,   -- a story id no longer in use
            story_id      TEXT NOT NULL,      -- the story that holds most of its articles now
            redirected_at TEXT NOT NULL       -- ISO 8601 UTC, when the id was retired
        )""",
        "CREATE INDEX story_redirects_story ON story_redirects (story_id)",
    )),
    Migration(12, "run states: what a complete analysis read, so a rerun with nothing new skips", (
        # Written at the end of a complete `analyze`: a digest of everything the corpus steps,
        # the comparison, the dossier and the exports read. A rerun whose digest is the same
        # (and whose output files still hash the same) skips those stages. Computed results
        # only: deleting a row makes the next run do the work again.
        """CREATE TABLE run_states (
            name         TEXT PRIMARY KEY,    -- 'results' (corpus steps and comparison) or
                                              -- 'outputs' (the dossier and exports)
            fingerprint  TEXT NOT NULL,       -- SHA-256 of what those stages read
            detail       TEXT NOT NULL DEFAULT '{}',  -- JSON: the files' SHA-256 and counts
            recorded_at  TEXT NOT NULL        -- ISO 8601 UTC
        )""",
    )),
)
