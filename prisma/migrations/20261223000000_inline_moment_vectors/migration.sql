-- A moment's row (text, its tsvector and a 384-dimension embedding: ~2.3 KB) is over the 2 KB
-- at which Postgres moves a row's largest value out of line, so every embedding lived in the
-- TOAST table and ranking a filter's moments exactly fetched each one from there. Rows up to a
-- page now stay whole; moments written from now on (a new or re-indexed sermon) are kept inline.
ALTER TABLE "Chunk" SET (toast_tuple_target = 8160);
