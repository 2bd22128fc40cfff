-- Event listings filtered by actor or by dyad read their matches in (date, id) order from an index
-- instead of walking the date index and looking up each event's row; text filters map matches to
-- events through a narrow index.
--
-- The actor filter is a case-insensitive substring of the source or target name. Over 100,000 events it
-- walked the date index and called the substring test on both names of every row until the page was
-- full (a name on 3% of events: ~2,400 rows, ~15 ms). Now the test runs over the distinct names only
-- (actor_names, a few hundred or thousand rows, kept by triggers; names are never removed, so it may
-- hold names no event has any more, which match nothing), and each direction reads the events of the
-- matching names from (name, date, id) indexes.
CREATE TABLE actor_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO actor_names (name)
    SELECT source_name FROM events WHERE source_name IS NOT NULL
    UNION SELECT target_name FROM events WHERE target_name IS NOT NULL;
CREATE TRIGGER events_actor_names_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO actor_names (name) SELECT new.source_name WHERE new.source_name IS NOT NULL;
    INSERT OR IGNORE INTO actor_names (name) SELECT new.target_name WHERE new.target_name IS NOT NULL;
END;
CREATE TRIGGER events_actor_names_au AFTER UPDATE OF source_name, target_name ON events BEGIN
    INSERT OR IGNORE INTO actor_names (name) SELECT new.source_name WHERE new.source_name IS NOT NULL;
    INSERT OR IGNORE INTO actor_names (name) SELECT new.target_name WHERE new.target_name IS NOT NULL;
END;
CREATE INDEX ix_events_source_name_sorted ON events(source_name, ifnull(date_start, '9999-12-31'), id);
CREATE INDEX ix_events_target_name_sorted ON events(target_name, ifnull(date_start, '9999-12-31'), id);

-- A dyad branch (source = A and target = B) read source A's events in date order and looked up each
-- row's target: with a rare extra filter (dyad=CHN,DEU&modality=planned) that was every CHN event.
-- One index serves both directions. It is on the pair as one expression ('CHN DEU'), not on the two
-- columns: an index led by source_country made the planner read it for country=JPN listings and sort
-- (see 0003), instead of ix_events_source_sorted in order.
CREATE INDEX ix_events_dyad_sorted ON events((source_country || ' ' || target_country), ifnull(date_start, '9999-12-31'), id);

-- A text filter maps each matching evidence sentence to its event. Looked up in the evidence table
-- (rows with their sentence text) that was ~0.8 µs a match, most of a listing for a common word
-- ('sanctions': 5,085 matches, ~4 ms); this narrow index (named in the query with INDEXED BY) halves it.
CREATE INDEX ix_evidence_event_of ON evidence(id, event_id);
