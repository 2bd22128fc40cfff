-- The dashboard's first view (and the dyad picker) asks for the event counts of every country pair by
-- type: over 100,000 events a GROUP BY of the whole table, ~400 ms on a warm cache, which the first
-- view waited for. Triggers keep the counts as events are written and deleted (an article replaced
-- deletes its events), so the unfiltered country network is read from this small table instead.
CREATE TABLE country_pair_counts (
    source_country TEXT    NOT NULL,
    target_country TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    events         INTEGER NOT NULL,
    PRIMARY KEY (source_country, target_country, type)
) WITHOUT ROWID;
INSERT INTO country_pair_counts (source_country, target_country, type, events)
    SELECT source_country, target_country, type, count(*) FROM events
    WHERE source_country IS NOT NULL AND target_country IS NOT NULL
    GROUP BY source_country, target_country, type;
CREATE TRIGGER events_pair_counts_ai AFTER INSERT ON events
    WHEN new.source_country IS NOT NULL AND new.target_country IS NOT NULL BEGIN
    INSERT INTO country_pair_counts (source_country, target_country, type, events)
        VALUES (new.source_country, new.target_country, new.type, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER events_pair_counts_ad AFTER DELETE ON events
    WHEN old.source_country IS NOT NULL AND old.target_country IS NOT NULL BEGIN
    UPDATE country_pair_counts SET events = events - 1
        WHERE source_country = old.source_country AND target_country = old.target_country AND type = old.type;
    DELETE FROM country_pair_counts
        WHERE source_country = old.source_country AND target_country = old.target_country AND type = old.type AND events <= 0;
END;
CREATE TRIGGER events_pair_counts_au AFTER UPDATE OF source_country, target_country, type ON events BEGIN
    UPDATE country_pair_counts SET events = events - 1
        WHERE source_country = old.source_country AND target_country = old.target_country AND type = old.type;
    DELETE FROM country_pair_counts
        WHERE source_country = old.source_country AND target_country = old.target_country AND type = old.type AND events <= 0;
    INSERT INTO country_pair_counts (source_country, target_country, type, events)
        SELECT new.source_country, new.target_country, new.type, 1
        WHERE new.source_country IS NOT NULL AND new.target_country IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1;
END;
