"""The schema's first migrations: inputs, articles, raw records and rejections; annotations;
quotes and numeric facts; the corpus layer (signatures, duplicates, passages, stories,
entities). Appended to, never rewritten: see ``store.migrations``."""

from __future__ import annotations

from crossbearing.store.migration import Migration

ARTICLE_MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "inputs, articles, raw records and rejections", (
        # One row per input file (or standard input) per extractor version: what was read.
        """CREATE TABLE inputs (
            input_id     TEXT PRIMARY KEY,   -- stable id of (path, sha256, extractor)
            path         TEXT NOT NULL,      -- the path as given; '<stdin>' for standard input
            sha256       TEXT NOT NULL,      -- hash of the input's bytes
            size_bytes   BIGINT NOT NULL,
            format       TEXT,               -- sniffed format; NULL when rejected before sniffing
            extractor    TEXT NOT NULL,      -- version of the ingestion code that read it
            articles     INTEGER NOT NULL DEFAULT 0,  -- articles read from it, new or not
            duplicates   INTEGER NOT NULL DEFAULT 0,  -- of those, already stored before
            rejections   INTEGER NOT NULL DEFAULT 0,  -- records of it that were rejected
            ingested_at  TEXT NOT NULL       -- ISO 8601 UTC
        )""",
        # The raw bytes behind each article (the page, the message, the JSON line), compressed.
        """CREATE TABLE raw_records (
            raw_sha256   TEXT PRIMARY KEY,   -- hash of the uncompressed bytes
            size_bytes   BIGINT NOT NULL,    -- uncompressed size
            compression  TEXT NOT NULL,      -- 'zlib'
            content      {blob} NOT NULL
        )""",
        # One row per distinct article. article_id is derived from its clean text and URL.
        """CREATE TABLE articles (
            article_id           TEXT PRIMARY KEY,
            external_id          TEXT,       -- the id a JSONL/CSV dump or a feed gave it
            title                TEXT,
            outlet               TEXT,       -- outlet name, canonical where the outlet table knows it
            outlet_source        TEXT,       -- where the outlet name was read
            url                  TEXT,
            domain               TEXT,       -- host of the URL without www.
            published            TEXT,       -- ISO 8601 date or date-time
            published_precision  TEXT,       -- second, minute, day, month or year
            published_source     TEXT,       -- where the date was read
            authors              TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
            language             TEXT,       -- ISO 639-1 code, identified from the text
            language_score       REAL,       -- identifier's probability for that language
            analysable           INTEGER NOT NULL,  -- 1 when the English pipeline analyses it
            skip_reason          TEXT,       -- why not, when analysable = 0
            text                 TEXT NOT NULL,  -- canonical clean text; every span points into it
            text_sha256          TEXT NOT NULL,  -- hash of the normalised text (exact duplicates)
            input_id             TEXT NOT NULL REFERENCES inputs(input_id),
            source_path          TEXT NOT NULL,  -- the input it was first read from
            locator              TEXT NOT NULL,  -- where inside that input ('' for the whole file)
            format               TEXT NOT NULL,  -- reader that read it: html, eml, mbox, ...
            raw_sha256           TEXT NOT NULL REFERENCES raw_records(raw_sha256),
            metadata             TEXT NOT NULL DEFAULT '{}',  -- JSON object of everything else
            ingested_at          TEXT NOT NULL
        )""",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_text_sha256 ON articles (text_sha256)",
        "CREATE INDEX articles_external_id ON articles (external_id)",
        # One row per input, or record inside an input, that did not become an article.
        """CREATE TABLE rejections (
            rejection_id  TEXT PRIMARY KEY,  -- stable id of (path, sha256, locator, reason)
            input_id      TEXT NOT NULL REFERENCES inputs(input_id),
            path          TEXT NOT NULL,
            locator       TEXT NOT NULL,     -- record inside the input ('' for the whole input)
            reason        TEXT NOT NULL,     -- short code: empty, binary, too-large, no-text, ...
            detail        TEXT NOT NULL,     -- human-readable explanation
            sha256        TEXT,
            size_bytes    BIGINT,
            rejected_at   TEXT NOT NULL
        )""",
        "CREATE INDEX rejections_reason ON rejections (reason)",
    )),
    Migration(2, "annotations: sentences, mentions, places, actors, time expressions", (
        # Which version of which article stage has annotated which article (incremental runs).
        """CREATE TABLE stage_runs (
            article_id  TEXT NOT NULL REFERENCES articles(article_id),
            stage       TEXT NOT NULL,       -- e.g. 'annotate'
            version     TEXT NOT NULL,       -- the stage's version; another version redoes it
            ran_at      TEXT NOT NULL,
            PRIMARY KEY (article_id, stage)
        )""",
        # Sentence boundaries: every annotation lies inside one, for tracing items to sentences.
        """CREATE TABLE sentences (
            article_id  TEXT NOT NULL REFERENCES articles(article_id),
            sentence    INTEGER NOT NULL,    -- 0-based index in the article
            start       INTEGER NOT NULL,    -- character offsets into articles.text
            "end"       INTEGER NOT NULL,
            PRIMARY KEY (article_id, sentence)
        )""",
        # Knowledge-base actors referred to by mentions (a snapshot of the bundled data).
        """CREATE TABLE actors (
            actor_id    TEXT PRIMARY KEY,    -- the knowledge base's id, e.g. 'kataib-hezbollah'
            name        TEXT NOT NULL,
            type        TEXT NOT NULL,       -- PERSON, ORG, GPE, NORP
            kind        TEXT NOT NULL,       -- state, armed-group, person, media, ...
            country     TEXT,                -- ISO 3166-1 alpha-2
            wikidata    TEXT,
            kb_version  TEXT NOT NULL
        )""",
        # Places referred to by mentions: countries, regions, cities and curated sites.
        """CREATE TABLE places (
            place_id    TEXT PRIMARY KEY,    -- 'country:IQ', 'geonames:98182', 'site:tower-22'
            name        TEXT NOT NULL,
            kind        TEXT NOT NULL,       -- country, region, city, site
            country     TEXT,
            latitude    REAL,
            longitude   REAL,
            precision   TEXT NOT NULL,       -- country, region, city, site
            source      TEXT NOT NULL        -- pycountry, geonames, curated
        )""",
        # Names of actors and places in article text (standoff: offsets into articles.text).
        """CREATE TABLE mentions (
            article_id  TEXT NOT NULL REFERENCES articles(article_id),
            start       INTEGER NOT NULL,
            "end"       INTEGER NOT NULL,
            text        TEXT NOT NULL,       -- articles.text[start:end]
            label       TEXT NOT NULL,       -- PERSON, ORG, GPE, NORP, LOC, FAC
            actor_id    TEXT REFERENCES actors(actor_id),  -- knowledge-base actor, if known
            canonical   TEXT NOT NULL,       -- the fullest name the article gives it
            name_key    TEXT NOT NULL,       -- normalised name for comparing across articles
            link        TEXT NOT NULL,       -- kb, short-form, acronym or model
            place_id    TEXT REFERENCES places(place_id),
            produced_by TEXT NOT NULL,       -- stage version
            PRIMARY KEY (article_id, start, "end")
        )""",
        "CREATE INDEX mentions_actor ON mentions (actor_id)",
        "CREATE INDEX mentions_name_key ON mentions (name_key)",
        # Time expressions resolved against the publication date (standoff, like mentions).
        """CREATE TABLE time_expressions (
            article_id  TEXT NOT NULL REFERENCES articles(article_id),
            start       INTEGER NOT NULL,
            "end"       INTEGER NOT NULL,
            text        TEXT NOT NULL,
            date_start  TEXT,                -- ISO date, inclusive; NULL when unresolved
            date_end    TEXT,                -- ISO date, inclusive
            precision   TEXT,                -- day, week, month, quarter, year, decade
            resolved    INTEGER NOT NULL,
            reason      TEXT,                -- why it is unresolved
            open_start  INTEGER NOT NULL DEFAULT 0,
            open_end    INTEGER NOT NULL DEFAULT 0,
            anchor      TEXT,                -- the publication date it was resolved against
            produced_by TEXT NOT NULL,
            PRIMARY KEY (article_id, start, "end")
        )""",
    )),
    Migration(3, "quotes and numeric facts", (
        # Attributed speech (standoff). content is a JSON array of [start, end] spans.
        """CREATE TABLE quotes (
            article_id        TEXT NOT NULL REFERENCES articles(article_id),
            start             INTEGER NOT NULL,  -- first content character
            "end"             INTEGER NOT NULL,  -- last content character + 1
            content           TEXT NOT NULL,     -- JSON [[start, end], ...]: what was said
            cue_start         INTEGER,           -- the verb or phrase of saying
            cue_end           INTEGER,
            speaker_start     INTEGER,           -- the speaker as named here (may be a pronoun)
            speaker_end       INTEGER,
            speaker_text      TEXT,
            speaker_actor     TEXT REFERENCES actors(actor_id),  -- resolved knowledge-base actor
            speaker_canonical TEXT,              -- resolved name, when the text gives one
            descriptor        TEXT,              -- a description such as 'a US defense official'
            kind              TEXT NOT NULL,     -- direct, indirect or mixed
            produced_by       TEXT NOT NULL,
            PRIMARY KEY (article_id, start, "end")
        )""",
        "CREATE INDEX quotes_speaker ON quotes (speaker_actor)",
        # Counts and amounts with hedge, what is counted and its scope (standoff).
        """CREATE TABLE numeric_facts (
            article_id    TEXT NOT NULL REFERENCES articles(article_id),
            start         INTEGER NOT NULL,
            "end"         INTEGER NOT NULL,
            text          TEXT NOT NULL,       -- the number as written, with its hedge
            low           REAL NOT NULL,
            high          REAL NOT NULL,
            hedge         TEXT,                -- at least, more than, about, up to, nearly, ...
            counted       TEXT,                -- what is counted: 'attacks on US forces'
            counted_start INTEGER,
            counted_end   INTEGER,
            time_scope    TEXT,                -- 'since Oct. 17'
            place_scope   TEXT,                -- 'in Iraq, Syria and Jordan'
            speaker       TEXT,                -- who gave the number, when it is attributed
            produced_by   TEXT NOT NULL,
            PRIMARY KEY (article_id, start, "end")
        )""",
    )),
    Migration(4, "corpus: signatures, duplicates, passages, stories, entities", (
        # MinHash signatures of article texts, kept so new articles query them, never recomputed.
        """CREATE TABLE signatures (
            article_id  TEXT PRIMARY KEY REFERENCES articles(article_id),
            num_perm    INTEGER NOT NULL,
            signature   {blob} NOT NULL,      -- little-endian uint64 values
            produced_by TEXT NOT NULL
        )""",
        # Pairs of articles that are copies: exact (same normalised text) or near (MinHash).
        """CREATE TABLE duplicates (
            article_a   TEXT NOT NULL REFERENCES articles(article_id),  -- article_a < article_b
            article_b   TEXT NOT NULL REFERENCES articles(article_id),
            kind        TEXT NOT NULL,        -- exact or near
            similarity  REAL NOT NULL,        -- estimated Jaccard similarity of word shingles
            PRIMARY KEY (article_a, article_b)
        )""",
        # Passages two articles share: reprinted text, or quotation of the same speaker.
        """CREATE TABLE passages (
            article_a   TEXT NOT NULL REFERENCES articles(article_id),
            article_b   TEXT NOT NULL REFERENCES articles(article_id),
            a_start     INTEGER NOT NULL,     -- offsets into article_a's text
            a_end       INTEGER NOT NULL,
            b_start     INTEGER NOT NULL,     -- offsets into article_b's text
            b_end       INTEGER NOT NULL,
            words       INTEGER NOT NULL,     -- identical aligned words
            similarity  REAL NOT NULL,
            kind        TEXT NOT NULL,        -- reprint or shared-quotation
            direction   TEXT NOT NULL,        -- a→b, b→a or unknown (from publication dates)
            PRIMARY KEY (article_a, article_b, a_start, b_start)
        )""",
        # Pairs already aligned by a version of the reuse stage (so reruns skip them).
        """CREATE TABLE aligned_pairs (
            article_a   TEXT NOT NULL REFERENCES articles(article_id),
            article_b   TEXT NOT NULL REFERENCES articles(article_id),
            version     TEXT NOT NULL,
            PRIMARY KEY (article_a, article_b)
        )""",
        # Stories: articles grouped as an editor would group them.
        """CREATE TABLE stories (
            story_id    TEXT PRIMARY KEY,     -- 'story-' + the id of its first article
            title       TEXT,                 -- its most central headline
            first_date  TEXT,                 -- span of its articles' publication dates
            last_date   TEXT,
            articles    INTEGER NOT NULL,
            produced_by TEXT NOT NULL
        )""",
        """CREATE TABLE story_articles (
            article_id  TEXT PRIMARY KEY REFERENCES articles(article_id),
            story_id    TEXT NOT NULL REFERENCES stories(story_id)
        )""",
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
        # Per-article terms (tokens and lemmas) for story clustering, from the annotation stage.
        """CREATE TABLE article_terms (
            article_id  TEXT PRIMARY KEY REFERENCES articles(article_id),
            terms       TEXT NOT NULL,        -- JSON object: term -> count
            produced_by TEXT NOT NULL
        )""",
        # One identity per actor or place across the collection.
        """CREATE TABLE entities (
            entity_id   TEXT PRIMARY KEY,     -- the knowledge-base id, or 'ent-' + a hash
            name        TEXT NOT NULL,
            label       TEXT NOT NULL,
            actor_id    TEXT REFERENCES actors(actor_id),
            mentions    INTEGER NOT NULL
        )""",
        "ALTER TABLE mentions ADD COLUMN entity_id TEXT",
    )),
)
