-- Room on each page of line_inbox for the new versions of its rows (issue 12.6). A worker updates
-- every event twice without touching an indexed column (the claim's lease and attempt, the stored
-- answer): with free space on the row's page, PostgreSQL makes those HOT updates, writing no index
-- entry and far less WAL (bench:webhook:worker, 10,000 events: the claims' WAL 8.8 MB -> 1.7 MB).
-- Packed full by the split's inserts (fillfactor 100), nearly every update moved the row to
-- another page and added an entry to each index. Existing pages keep their layout; new ones follow.
ALTER TABLE "line_inbox" SET (fillfactor = 50);
