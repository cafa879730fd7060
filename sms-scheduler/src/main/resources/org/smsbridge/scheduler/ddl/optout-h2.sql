-- SMS Bridge opt-out list (h2). ${table} is the table name (prefix + "opt_out").
-- One row per E.164 number that asked not to receive advertising; times are epoch milliseconds (UTC).
CREATE TABLE IF NOT EXISTS ${table} (
  phone VARCHAR(32) NOT NULL PRIMARY KEY,
  opted_out_at BIGINT       NOT NULL,
  source       VARCHAR(200) NOT NULL
);
