-- A full-text index of the evidence sentences whose rowid is the listing order: an event listing
-- filtered by text reads the matches in (date, id) order and stops after the page, with no lookup
-- per match.
--
-- With evidence_fts (rowid = evidence id) a text filter had to map every matching sentence to its
-- event (a b-tree lookup each) and then find the page among them: 'sanctions' over 100,000 events
-- is 5,085 matches, ~3.5 ms before the first row of the page. Here the rowid of a sentence is
--     (date code << 40) | (event id << 8) | evidence ordinal
-- where the date code of the event's sort key, ifnull(date_start, '9999-12-31') ('yyyy-MM-dd'), is
-- yyyy * 416 + MM * 32 + dd: increasing with the key (months < 13, days < 32) and below 2^22. So
-- rowid order is (sort key, event id) order, the event id is (rowid >> 8) & 0xFFFFFFFF, and an
-- event's sentences are adjacent. Event ids must stay below 2^32 (checked on insert: a store would need
-- terabytes first). Only ordinals below 256 are indexed: an article with more mentions of one event is
-- stored whole (refusing it would stop an ingest on one odd text), and its 257th and later mentions are
-- not matched by a text filter that reads this index.
--
-- The table is contentless (content=''): the text is in evidence already; 'delete' must repeat the
-- rowid and text that were inserted, which the triggers below recompute from the event's date.
-- evidence_fts stays: a listing with a common word and a country, dyad or actor filter still maps its
-- matches to events through it (see FewTextMatchesAsync), and it is the index whose agreement with its
-- content can be checked ('integrity-check').
CREATE VIRTUAL TABLE evidence_sorted_fts USING fts5(
    sentence_text, content='', tokenize='porter unicode61 remove_diacritics 2');

INSERT INTO evidence_sorted_fts (rowid, sentence_text)
    SELECT ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
            | (x.event_id << 8) | x.ordinal,
        x.sentence_text
    FROM evidence x JOIN (SELECT id, ifnull(date_start, '9999-12-31') AS k FROM events) e ON e.id = x.event_id
    WHERE x.ordinal BETWEEN 0 AND 255;

CREATE TRIGGER evidence_sorted_ai AFTER INSERT ON evidence BEGIN
    SELECT RAISE(ABORT, 'evidence_sorted_fts: event ids must be below 2^32')
        WHERE new.event_id NOT BETWEEN 0 AND 4294967295;
    INSERT INTO evidence_sorted_fts (rowid, sentence_text)
        SELECT ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (new.event_id << 8) | new.ordinal,
            new.sentence_text
        FROM (SELECT ifnull(date_start, '9999-12-31') AS k FROM events WHERE id = new.event_id)
        WHERE new.ordinal BETWEEN 0 AND 255;
END;

-- An event deleted before its evidence (ON DELETE CASCADE from events or articles) takes its entries
-- with it while its date is still there to compute them; evidence deleted first (what the store does
-- when an article is replaced) removes its own, and an event deleted after that finds none.
CREATE TRIGGER events_sorted_fts_bd BEFORE DELETE ON events BEGIN
    INSERT INTO evidence_sorted_fts (evidence_sorted_fts, rowid, sentence_text)
        SELECT 'delete',
            ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (x.event_id << 8) | x.ordinal,
            x.sentence_text
        FROM evidence x, (SELECT ifnull(old.date_start, '9999-12-31') AS k)
        WHERE x.event_id = old.id AND x.ordinal BETWEEN 0 AND 255;
END;

CREATE TRIGGER evidence_sorted_ad AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_sorted_fts (evidence_sorted_fts, rowid, sentence_text)
        SELECT 'delete',
            ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (old.event_id << 8) | old.ordinal,
            old.sentence_text
        FROM (SELECT ifnull(date_start, '9999-12-31') AS k FROM events WHERE id = old.event_id)
        WHERE old.ordinal BETWEEN 0 AND 255;
END;

-- The store never updates these columns; the triggers keep the index true if anything else does.
CREATE TRIGGER evidence_sorted_au AFTER UPDATE OF event_id, ordinal, sentence_text ON evidence BEGIN
    SELECT RAISE(ABORT, 'evidence_sorted_fts: event ids must be below 2^32')
        WHERE new.event_id NOT BETWEEN 0 AND 4294967295;
    INSERT INTO evidence_sorted_fts (evidence_sorted_fts, rowid, sentence_text)
        SELECT 'delete',
            ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (old.event_id << 8) | old.ordinal,
            old.sentence_text
        FROM (SELECT ifnull(date_start, '9999-12-31') AS k FROM events WHERE id = old.event_id)
        WHERE old.ordinal BETWEEN 0 AND 255;
    INSERT INTO evidence_sorted_fts (rowid, sentence_text)
        SELECT ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (new.event_id << 8) | new.ordinal,
            new.sentence_text
        FROM (SELECT ifnull(date_start, '9999-12-31') AS k FROM events WHERE id = new.event_id)
        WHERE new.ordinal BETWEEN 0 AND 255;
END;

CREATE TRIGGER events_sorted_fts_au AFTER UPDATE OF date_start ON events
    WHEN old.date_start IS NOT new.date_start BEGIN
    INSERT INTO evidence_sorted_fts (evidence_sorted_fts, rowid, sentence_text)
        SELECT 'delete',
            ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (x.event_id << 8) | x.ordinal,
            x.sentence_text
        FROM evidence x, (SELECT ifnull(old.date_start, '9999-12-31') AS k)
        WHERE x.event_id = new.id AND x.ordinal BETWEEN 0 AND 255;
    INSERT INTO evidence_sorted_fts (rowid, sentence_text)
        SELECT ((CAST(substr(k, 1, 4) AS INTEGER) * 416 + CAST(substr(k, 6, 2) AS INTEGER) * 32 + CAST(substr(k, 9, 2) AS INTEGER)) << 40)
                | (x.event_id << 8) | x.ordinal,
            x.sentence_text
        FROM evidence x, (SELECT ifnull(new.date_start, '9999-12-31') AS k)
        WHERE x.event_id = new.id AND x.ordinal BETWEEN 0 AND 255;
END;
