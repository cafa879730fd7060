-- SMS Bridge outbox, MariaDB 10.6+ or MySQL 8.0.1+ (SKIP LOCKED; older versions work without it, serialized). ${table} is the table name (prefix + "outbox_entry").
-- Times are epoch milliseconds (UTC), the same on every database and free of session time zones.
CREATE TABLE IF NOT EXISTS ${table} (
  id                  BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  folder              VARCHAR(16)  NOT NULL,
  origin_folder       VARCHAR(16),
  status              VARCHAR(16)  NOT NULL,
  phone               VARCHAR(32)  NOT NULL,
  sender              VARCHAR(32),
  content             TEXT,
  template_id         VARCHAR(200),
  template_params     TEXT,
  metadata            TEXT,
  reference           VARCHAR(200),
  tag                 VARCHAR(100),
  purpose             VARCHAR(32)  NOT NULL,
  valid_until         BIGINT,
  operator_name       VARCHAR(100),
  contact             VARCHAR(200),
  campaign_id         VARCHAR(100),
  created_at          BIGINT       NOT NULL,
  scheduled_at        BIGINT,
  next_attempt_at     BIGINT       NOT NULL,
  sent_at             BIGINT,
  delivered_at        BIGINT,
  attempts            INT          NOT NULL,
  last_error_kind     VARCHAR(32),
  last_error          VARCHAR(1000),
  provider_message_id VARCHAR(200),
  resend_of           BIGINT,
  claimed_by          VARCHAR(100),
  version             BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- idempotency: one entry per message reference (NULLs allowed many times)
CREATE UNIQUE INDEX IF NOT EXISTS ${table}_ref_ux ON ${table} (reference);
-- claiming: due outbox entries by time (no partial indexes here)
CREATE INDEX IF NOT EXISTS ${table}_due_ix ON ${table} (folder, next_attempt_at);
-- delivery receipts
CREATE INDEX IF NOT EXISTS ${table}_provider_id_ix ON ${table} (provider_message_id);
-- folder listings sorted by creation time, created-time ranges
CREATE INDEX IF NOT EXISTS ${table}_folder_created_ix ON ${table} (folder, created_at);
-- sent-time and scheduled-time ranges
CREATE INDEX IF NOT EXISTS ${table}_sent_ix ON ${table} (sent_at);
CREATE INDEX IF NOT EXISTS ${table}_scheduled_ix ON ${table} (scheduled_at);
-- contact and operator lookups
CREATE INDEX IF NOT EXISTS ${table}_contact_ix ON ${table} (contact);
CREATE INDEX IF NOT EXISTS ${table}_operator_ix ON ${table} (operator_name);
-- binary collation: equality and LIKE are exact and case-sensitive, as in the other dialects
