-- Readout SQLite schema, version 1.
-- Offsets (start, length) are UTF-16 code units into articles.text, as in the document model.
-- Dates are ISO 8601 text: 'yyyy-MM-dd' sorts and compares correctly as text.

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    article_key      TEXT    NOT NULL UNIQUE,   -- 'url:<url>' or 'doc:<source>\x1f<id>'
    document_id      TEXT    NOT NULL,
    source           TEXT,
    url              TEXT,
    title            TEXT,
    published        TEXT,                      -- round-trip 'o' format with offset
    published_date   TEXT,                      -- 'yyyy-MM-dd'
    byline           TEXT,
    dateline         TEXT,
    language         TEXT    NOT NULL,
    origin           TEXT,
    text             TEXT    NOT NULL,
    text_length      INTEGER NOT NULL,          -- UTF-16 code units
    replaced_chars   INTEGER NOT NULL DEFAULT 0,-- lone surrogates stored as U+FFFD
    content_hash     TEXT    NOT NULL,          -- SHA-256, hex
    pipeline_version TEXT    NOT NULL,
    stored_at        TEXT    NOT NULL
);
CREATE INDEX ix_articles_published ON articles(published_date);
CREATE INDEX ix_articles_source ON articles(source);

CREATE TABLE regions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    kind       TEXT    NOT NULL,                -- Byline, Dateline, Boilerplate
    start      INTEGER NOT NULL,
    length     INTEGER NOT NULL,
    value      TEXT,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    first_token INTEGER NOT NULL,
    end_token  INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    length     INTEGER NOT NULL,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE entities (
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,            -- index in the entity layer
    kind           TEXT    NOT NULL,
    start          INTEGER NOT NULL,
    length         INTEGER NOT NULL,
    first_token    INTEGER NOT NULL,
    end_token      INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    actor_name     TEXT,
    actor_country  TEXT,
    actor_sector   TEXT,
    actor_role     TEXT,
    actor_evidence TEXT,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX ix_entities_actor ON entities(actor_country, actor_name);

CREATE TABLE places (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    entity       INTEGER NOT NULL,              -- entities.ordinal
    name         TEXT    NOT NULL,
    country      TEXT,
    latitude     REAL,
    longitude    REAL,
    gazetteer_id TEXT,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE timexes (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    length      INTEGER NOT NULL,
    first_token INTEGER NOT NULL,
    end_token   INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    type        TEXT    NOT NULL,               -- Date, Time, Duration, Set
    value       TEXT    NOT NULL,
    mod         TEXT,
    PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_key           TEXT    NOT NULL,       -- id within the article: 'e1'
    type                TEXT    NOT NULL,       -- PLOVER EventType name
    mode                TEXT,
    context             TEXT,
    cameo               TEXT    NOT NULL,
    source_text         TEXT, source_start INTEGER, source_length INTEGER,
    source_name         TEXT, source_country TEXT, source_sector TEXT, source_role TEXT,
    target_text         TEXT, target_start INTEGER, target_length INTEGER,
    target_name         TEXT, target_country TEXT, target_sector TEXT, target_role TEXT,
    attribution_text    TEXT, attribution_start INTEGER, attribution_length INTEGER,
    attribution_name    TEXT, attribution_country TEXT, attribution_sector TEXT, attribution_role TEXT,
    date                TEXT,                   -- TIMEX3 value as coded: '2016-10-02', '2016-12'
    date_precision      TEXT    NOT NULL,
    date_source         TEXT,
    date_start          TEXT,                   -- first day of the date, 'yyyy-MM-dd', null if not calendar
    date_end            TEXT,                   -- last day of the date
    location_name       TEXT, location_country TEXT, location_latitude REAL, location_longitude REAL,
    modality            TEXT    NOT NULL,
    sentence            INTEGER NOT NULL,       -- sentence index in the document
    trigger_start       INTEGER NOT NULL,
    trigger_length      INTEGER NOT NULL,
    rule                TEXT    NOT NULL,
    confidence          REAL    NOT NULL,
    UNIQUE (article_id, event_key)
);
-- Undated events sort last; queries use the same expression so the index applies.
CREATE INDEX ix_events_date ON events(ifnull(date_start, '9999-12-31'), id);
CREATE INDEX ix_events_source_country ON events(source_country, target_country);
CREATE INDEX ix_events_target_country ON events(target_country, source_country);
CREATE INDEX ix_events_type ON events(type);

-- Ordinal 0 is the event's main evidence; 1.. are further mentions in the same article.
CREATE TABLE evidence (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    sentence        INTEGER,                    -- sentence index, null when unknown
    start           INTEGER NOT NULL,
    length          INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_length INTEGER NOT NULL,
    sentence_text   TEXT    NOT NULL,
    UNIQUE (event_id, ordinal)
);
CREATE INDEX ix_evidence_article ON evidence(article_id);

-- Full-text indexes over external content, kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
    sentence_text, content='evidence', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts(rowid, sentence_text) VALUES (new.id, new.sentence_text);
END;
CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, sentence_text) VALUES ('delete', old.id, old.sentence_text);
END;
