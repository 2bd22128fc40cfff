-- The dashboard's first view asks for the span of event dates and the country-pair counts. Over
-- 100,000 events min(date_start) and max(date_end) scanned the whole table (~90 ms in sqlite3), and
-- the counts per (source country, target country, type) read every row (~440 ms); with these the
-- span is two index lookups and the counts read a covering index (~120 ms). The pair index keeps the
-- leading columns of ix_events_source_country, which it replaces.
CREATE INDEX ix_events_date_start ON events(date_start);
CREATE INDEX ix_events_date_end ON events(date_end);
CREATE INDEX ix_events_pair_type ON events(source_country, target_country, type);
DROP INDEX ix_events_source_country;
