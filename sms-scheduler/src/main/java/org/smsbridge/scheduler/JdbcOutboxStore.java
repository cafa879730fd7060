package org.smsbridge.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsMessage;
import org.smsbridge.scheduler.internal.FieldCodec;
import org.smsbridge.scheduler.internal.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OutboxStore} in one table of the host's own database: PostgreSQL, MariaDB/MySQL or H2.
 * Several application nodes may share it: due entries are claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and a lease (the claiming node's id and the lease end are
 * stored with the entry, so a crashed node's claims become due again when the lease ends), and
 * every update is a compare-and-set on the entry's version, in a transaction.
 *
 * <pre>{@code
 * JdbcOutboxStore store = JdbcOutboxStore.builder(dataSource).tablePrefix("crm_").build();
 * store.createSchemaIfMissing();          // or run JdbcOutboxStore.ddl(Dialect.POSTGRESQL, "crm_") yourself
 * Outbox outbox = Outbox.builder().client(sms).store(store).build();
 * }</pre>
 *
 * <p>The dialect is detected from the connection's metadata on first use unless given. The DDL of
 * each dialect ships as a resource ({@code org/smsbridge/scheduler/ddl/<dialect>.sql}) and is
 * returned by {@link #ddl(Dialect, String)}. Times are stored as epoch milliseconds (UTC). An
 * insert whose message reference is stored already changes nothing and raises no database error on
 * PostgreSQL ({@code ON CONFLICT (reference) DO NOTHING}) and MariaDB/MySQL (a no-op
 * {@code ON DUPLICATE KEY UPDATE}); on H2 the unique violation is caught.
 * Thread-safe; uses one pooled connection per call.
 */
public final class JdbcOutboxStore implements OutboxStore {
    /** Table name prefix when none is given; the table is {@code <prefix>outbox_entry}. */
    public static final String DEFAULT_TABLE_PREFIX = "sms_";

    /** The SQL dialects this store speaks. */
    public enum Dialect {
        /** PostgreSQL 9.5 or later: single-statement claim with {@code SKIP LOCKED}. */
        POSTGRESQL("postgresql", true),
        /** MariaDB 10.6 or later ({@code SKIP LOCKED}); older versions with {@link #MARIADB_LOCKING}. */
        MARIADB("mariadb", true),
        /** MariaDB or MySQL without {@code SKIP LOCKED} (MariaDB &lt; 10.6, MySQL 5.7): correct, but claims queue up. */
        MARIADB_LOCKING("mariadb", false),
        /** MySQL 8.0.1 or later ({@code SKIP LOCKED}); the MariaDB DDL. */
        MYSQL("mariadb", true),
        /** H2 2.2.220 or later (MVStore). */
        H2("h2", true);

        private final String ddlName;
        private final boolean skipLocked;

        Dialect(String ddlName, boolean skipLocked) {
            this.ddlName = ddlName;
            this.skipLocked = skipLocked;
        }

        private boolean mariaLike() {
            return ddlName.equals("mariadb");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutboxStore.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}|");
    private static final String COLUMNS = "id, folder, origin_folder, status, phone, sender, content, template_id, "
            + "template_params, metadata, reference, tag, purpose, valid_until, operator_name, contact, campaign_id, "
            + "created_at, scheduled_at, next_attempt_at, sent_at, delivered_at, attempts, last_error_kind, last_error, "
            + "provider_message_id, resend_of, claimed_by, version";
    private static final String SET_COLUMNS = "folder = ?, origin_folder = ?, status = ?, phone = ?, sender = ?, "
            + "content = ?, template_id = ?, template_params = ?, metadata = ?, reference = ?, tag = ?, purpose = ?, "
            + "valid_until = ?, operator_name = ?, contact = ?, campaign_id = ?, created_at = ?, scheduled_at = ?, "
            + "next_attempt_at = ?, sent_at = ?, delivered_at = ?, attempts = ?, last_error_kind = ?, last_error = ?, "
            + "provider_message_id = ?, resend_of = ?, claimed_by = ?";

    private final DataSource dataSource;
    private final String table;
    private volatile Dialect dialect;

    /**
     * A store on {@code dataSource} with the default table prefix ({@value #DEFAULT_TABLE_PREFIX})
     * and the dialect detected on first use.
     */
    public JdbcOutboxStore(DataSource dataSource) {
        this(builder(dataSource));
    }

    private JdbcOutboxStore(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tablePrefix + "outbox_entry";
        this.dialect = b.dialect;
    }

    /** Starts a store configuration on the host's {@code dataSource} (ideally a connection pool). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The table's name. */
    public String tableName() {
        return table;
    }

    /**
     * The dialect: as given, or detected from the database product name and version.
     *
     * @throws OutboxStoreException if the database cannot be reached or is not supported
     */
    public Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = detect(c.getMetaData().getDatabaseProductName(), c.getMetaData().getDatabaseProductVersion(),
                        c.getMetaData().getDatabaseMajorVersion(), c.getMetaData().getDatabaseMinorVersion());
            } catch (SQLException e) {
                throw new OutboxStoreException("detecting the database dialect failed: " + e.getMessage(), e);
            }
            dialect = d;
            LOG.debug("outbox table {} uses dialect {}", table, d);
        }
        return d;
    }

    static Dialect detect(String product, String version, int major, int minor) {
        String p = product.toLowerCase(Locale.ROOT);
        String v = version.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return Dialect.POSTGRESQL;
        }
        if (p.contains("h2")) {
            return Dialect.H2;
        }
        if (p.contains("mariadb") || v.contains("mariadb")) {
            return major > 10 || major == 10 && minor >= 6 ? Dialect.MARIADB : Dialect.MARIADB_LOCKING;
        }
        if (p.contains("mysql")) {
            return major >= 8 ? Dialect.MYSQL : Dialect.MARIADB_LOCKING;
        }
        throw new OutboxStoreException("database '" + product + " " + version + "' is not supported; use PostgreSQL, "
                + "MariaDB/MySQL or H2, or set JdbcOutboxStore.builder(ds).dialect(...) to the closest one", null);
    }

    /**
     * The DDL of {@code dialect} for the table with {@code tablePrefix}: the table and its indexes,
     * each statement ending with {@code ;}. For review or a migration tool.
     *
     * @throws IllegalArgumentException if the prefix is not a valid SQL identifier start
     */
    public static String ddl(Dialect dialect, String tablePrefix) {
        Objects.requireNonNull(dialect, "dialect");
        String prefix = checkPrefix(tablePrefix);
        String path = "/org/smsbridge/scheduler/ddl/" + dialect.ddlName + ".sql";
        try (InputStream in = JdbcOutboxStore.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("DDL resource " + path + " is missing from the sms-scheduler jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table}", prefix + "outbox_entry");
        } catch (IOException e) {
            throw new UncheckedIOException("reading DDL resource " + path + " failed", e);
        }
    }

    /**
     * Creates the table and its indexes unless they exist ({@code IF NOT EXISTS}). Safe to call on
     * every start and from several nodes.
     *
     * @throws OutboxStoreException if the database refuses
     */
    public void createSchemaIfMissing() {
        String sql = ddl(dialect(), table.substring(0, table.length() - "outbox_entry".length()));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw fail("creating the schema", e);
        }
    }

    /**
     * Drops the table and its indexes (all entries are lost): for tests and uninstalling.
     *
     * @throws OutboxStoreException if the database refuses
     */
    public void dropSchema() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw fail("dropping the table", e);
        }
    }

    private static List<String> statements(String sql) {
        StringBuilder body = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : body.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    private static final int CONFLICT_RETRIES = 4;

    private interface Work<T> {
        T run();
    }

    /**
     * Runs a write again when the database chose it as a deadlock or serialization victim (it was
     * rolled back completely, so running it again is safe).
     */
    private <T> T retrying(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (OutboxStoreException e) {
                if (attempt >= CONFLICT_RETRIES || !(e.getCause() instanceof SQLException sql) || !isConflict(sql)) {
                    throw e;
                }
                LOG.debug("table {}: transaction conflict ({}), trying again", table, e.getMessage());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransactionRollbackException || "40001".equals(state) || "40P01".equals(state);
    }

    @Override
    public Optional<OutboxEntry> insert(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return retrying(() -> insertOnce(entry));
    }

    @Override
    public List<Optional<OutboxEntry>> insertAll(List<OutboxEntry> entries) {
        List<OutboxEntry> copy = List.copyOf(entries);
        if (copy.size() < 2 || dialect().mariaLike()) {
            return OutboxStore.super.insertAll(copy);
        }
        return retrying(() -> insertAllOnce(copy));
    }

    @Override
    public List<Optional<OutboxEntry>> updateAll(List<OutboxEntry> entries) {
        List<OutboxEntry> copy = List.copyOf(entries);
        return copy.isEmpty() ? List.of() : retrying(() -> updateAllOnce(copy));
    }

    @Override
    public boolean delete(long id, long version) {
        return retrying(() -> deleteOnce(id, version));
    }

    @Override
    public List<OutboxEntry> claimDue(String nodeId, Instant now, Instant leaseUntil, int limit) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return retrying(() -> claimDueOnce(nodeId, now, leaseUntil, limit));
    }

    @Override
    public int releaseClaims(String nodeId, Instant now) {
        return retrying(() -> releaseClaimsOnce(nodeId, now));
    }

    private Optional<OutboxEntry> insertOnce(OutboxEntry entry) {
        String sql = insertSql();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            c.setAutoCommit(true);
            bind(ps, entry, 1);
            ps.setLong(28, 1);
            int rows;
            try {
                rows = ps.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicate(e)) { // H2 (no conflict-free insert): the reference is taken
                    return Optional.empty();
                }
                throw e;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                // a known reference: PostgreSQL counts 0 rows; MariaDB/MySQL's no-op ON DUPLICATE KEY UPDATE
                // counts 0 or, with the drivers' default found-rows counting, 1, but generates no id
                long id = rows > 0 && keys.next() ? keys.getLong(1) : 0;
                return id > 0 ? Optional.of(Times.truncate(entry.toBuilder().id(id).version(1).build()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("inserting an entry", e);
        }
    }

    private List<Optional<OutboxEntry>> insertAllOnce(List<OutboxEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insertSql(), new String[] {"id", "reference"})) {
                for (OutboxEntry e : entries) {
                    bind(ps, e, 1);
                    ps.setLong(28, 1);
                    ps.addBatch();
                }
                ps.executeBatch();
                List<Optional<OutboxEntry>> out;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    out = withIds(entries, keys);
                }
                c.commit();
                return out;
            } catch (SQLException e) {
                c.rollback();
                if (isDuplicate(e)) {
                    c.setAutoCommit(true);
                    return OutboxStore.super.insertAll(entries); // one by one: duplicates become empty results
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("inserting " + entries.size() + " entries", e);
        }
    }

    /**
     * Gives each inserted entry its generated id. A batch that skips known references
     * ({@code ON CONFLICT DO NOTHING}) returns an (id, reference) row for the inserted rows only: an
     * entry whose reference has no row was skipped, and of two entries with one new reference the
     * first was inserted. Entries without a reference are always inserted, in order.
     */
    private static List<Optional<OutboxEntry>> withIds(List<OutboxEntry> entries, ResultSet keys) throws SQLException {
        Map<String, Long> byReference = new HashMap<>();
        Deque<Long> unreferenced = new ArrayDeque<>();
        while (keys.next()) {
            long id = keys.getLong(1);
            String reference = keys.getString(2);
            if (reference == null) {
                unreferenced.add(id);
            } else if (byReference.putIfAbsent(reference, id) != null) {
                throw new SQLException("the driver returned two generated ids for reference '" + reference + "'");
            }
        }
        List<Optional<OutboxEntry>> out = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            Long id = e.reference().isPresent() ? byReference.remove(e.reference().get()) : unreferenced.poll();
            if (id == null && e.reference().isEmpty()) {
                throw new SQLException("the driver returned fewer generated ids than rows inserted");
            }
            out.add(id == null ? Optional.empty() : Optional.of(Times.truncate(e.toBuilder().id(id).version(1).build())));
        }
        if (!byReference.isEmpty() || !unreferenced.isEmpty()) {
            throw new SQLException("the driver returned generated ids for rows that were not inserted: "
                    + byReference.keySet() + ", " + unreferenced.size() + " without a reference");
        }
        return out;
    }

    @Override
    public Optional<OutboxEntry> update(OutboxEntry entry) {
        return updateAll(List.of(entry)).get(0);
    }

    private List<Optional<OutboxEntry>> updateAllOnce(List<OutboxEntry> entries) {
        String sql = "UPDATE " + table + " SET " + SET_COLUMNS + ", version = version + 1 WHERE id = ? AND version = ?";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(entries.size() == 1);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int[] counts = new int[entries.size()];
                // MariaDB/MySQL: one statement at a time (same transaction): every entry needs its exact
                // update count to detect a lost claim, which batched execution may not report there
                boolean batch = entries.size() > 1 && !dialect().mariaLike();
                for (int i = 0; i < entries.size(); i++) {
                    OutboxEntry e = entries.get(i);
                    int n = bind(ps, e, 1);
                    ps.setLong(n, e.id());
                    ps.setLong(n + 1, e.version());
                    if (batch) {
                        ps.addBatch();
                    } else {
                        counts[i] = ps.executeUpdate();
                    }
                }
                if (batch) {
                    counts = ps.executeBatch();
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                List<Optional<OutboxEntry>> out = new ArrayList<>(entries.size());
                for (int i = 0; i < entries.size(); i++) {
                    OutboxEntry e = entries.get(i);
                    if (counts[i] == Statement.SUCCESS_NO_INFO) {
                        throw new SQLException("the driver did not report update counts; cannot tell lost updates");
                    }
                    out.add(counts[i] == 1 ? Optional.of(Times.truncate(e.toBuilder().version(e.version() + 1).build()))
                            : Optional.empty());
                }
                return out;
            } catch (SQLException e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                if (entries.size() == 1 && isDuplicate(e)) {
                    throw new IllegalArgumentException("entry " + entries.get(0).id() + " cannot take reference '"
                            + entries.get(0).reference().orElse("") + "': another entry has it", e);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("updating " + entries.size() + " entries", e);
        }
    }

    private boolean deleteOnce(long id, long version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ? AND version = ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, id);
            ps.setLong(2, version);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw fail("deleting entry " + id, e);
        }
    }

    private List<OutboxEntry> claimDueOnce(String nodeId, Instant now, Instant leaseUntil, int limit) {
        long nowMs = now.toEpochMilli();
        long leaseMs = leaseUntil.toEpochMilli();
        Dialect d = dialect();
        try (Connection c = dataSource.getConnection()) {
            if (d == Dialect.POSTGRESQL) {
                return claimPostgres(c, nodeId, nowMs, leaseMs, limit);
            }
            return claimInTransaction(c, d, nodeId, nowMs, leaseMs, limit);
        } catch (SQLException e) {
            throw fail("claiming due entries", e);
        }
    }

    private List<OutboxEntry> claimPostgres(Connection c, String nodeId, long nowMs, long leaseMs, int limit)
            throws SQLException {
        c.setAutoCommit(true);
        String sql = "WITH due AS MATERIALIZED (SELECT id FROM " + table
                + " WHERE folder = 'OUTBOX' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED) UPDATE " + table + " t SET status = 'SENDING', claimed_by = ?,"
                + " next_attempt_at = ?, attempts = t.attempts + 1, version = t.version + 1 FROM due"
                + " WHERE t.id = due.id RETURNING " + COLUMNS.replaceAll("(\\w+)", "t.$1");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, nowMs);
            ps.setInt(2, limit);
            ps.setString(3, nodeId);
            ps.setLong(4, leaseMs);
            return readAll(ps);
        }
    }

    private List<OutboxEntry> claimInTransaction(Connection c, Dialect d, String nodeId, long nowMs, long leaseMs,
            int limit) throws SQLException {
        int isolation = c.getTransactionIsolation();
        if (d.mariaLike()) {
            // no gap locks: concurrent inserts then never deadlock with a claim's locking read
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        c.setAutoCommit(false);
        try {
            String lock = d.skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
            // H2 applies the row limit before skipping locked rows when the query is ordered, so H2 claims unordered
            String select = d == Dialect.H2
                    ? "SELECT id FROM " + table + " WHERE folder = 'OUTBOX' AND next_attempt_at <= ? FETCH FIRST ? ROWS ONLY"
                    : "SELECT id FROM " + table + " WHERE folder = 'OUTBOX' AND next_attempt_at <= ?"
                            + " ORDER BY next_attempt_at LIMIT ?";
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select + lock)) {
                ps.setLong(1, nowMs);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                c.commit();
                return List.of();
            }
            Collections.sort(ids);
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'SENDING', claimed_by = ?,"
                    + " next_attempt_at = ?, attempts = attempts + 1, version = version + 1"
                    + " WHERE folder = 'OUTBOX' AND next_attempt_at <= ? AND id IN (" + in + ")")) {
                ps.setString(1, nodeId);
                ps.setLong(2, leaseMs);
                ps.setLong(3, nowMs);
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(4 + i, ids.get(i));
                }
                ps.executeUpdate();
            }
            List<OutboxEntry> claimed;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE claimed_by = ? AND status = 'SENDING' AND next_attempt_at = ? AND id IN (" + in + ")")) {
                ps.setString(1, nodeId);
                ps.setLong(2, leaseMs);
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(3 + i, ids.get(i));
                }
                claimed = readAll(ps);
            }
            c.commit();
            return claimed;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            if (c.getTransactionIsolation() != isolation) {
                c.setTransactionIsolation(isolation);
            }
        }
    }

    private int releaseClaimsOnce(String nodeId, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'QUEUED', claimed_by = NULL,"
                        + " next_attempt_at = ?, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,"
                        + " version = version + 1 WHERE folder = 'OUTBOX' AND status = 'SENDING' AND claimed_by = ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, nodeId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("releasing the claims of node " + nodeId, e);
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<OutboxEntry> get(long id) {
        return one("id", id);
    }

    @Override
    public Optional<OutboxEntry> findByReference(String reference) {
        return one("reference", Objects.requireNonNull(reference, "reference"));
    }

    @Override
    public Optional<OutboxEntry> findByProviderMessageId(String providerMessageId) {
        return one("provider_message_id", Objects.requireNonNull(providerMessageId, "providerMessageId"));
    }

    private Optional<OutboxEntry> one(String column, Object value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE " + column
                        + " = ?")) {
            ps.setObject(1, value);
            List<OutboxEntry> all = readAll(ps);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        } catch (SQLException e) {
            throw fail("reading the entry with " + column + " " + value, e);
        }
    }

    @Override
    public List<OutboxEntry> query(OutboxQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ").append(table);
        where(query, sql, params);
        String key = switch (query.sort()) {
            case CREATED_AT -> "created_at";
            case SCHEDULED_AT -> "scheduled_at";
            case SENT_AT -> "sent_at";
            case ID -> null;
        };
        String dir = query.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        if (key != null) {
            sql.append("CASE WHEN ").append(key).append(" IS NULL THEN 1 ELSE 0 END, ").append(key).append(dir)
                    .append(", ");
        }
        sql.append("id").append(dir);
        if (dialect().mariaLike()) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(query.limit());
            params.add(query.offset());
        } else {
            sql.append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
            params.add(query.offset());
            params.add(query.limit());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            setAll(ps, params);
            return readAll(ps);
        } catch (SQLException e) {
            throw fail("querying entries", e);
        }
    }

    @Override
    public long count(OutboxQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(table);
        where(query, sql, params);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw fail("counting entries", e);
        }
    }

    private static void where(OutboxQuery q, StringBuilder sql, List<Object> params) {
        List<String> and = new ArrayList<>();
        in(and, params, "folder", q.folders().stream().map(Enum::name).toList());
        in(and, params, "status", q.statuses().stream().map(Enum::name).toList());
        in(and, params, "last_error_kind", q.errorKinds().stream().map(Enum::name).toList());
        eq(and, params, "operator_name", q.operator());
        eq(and, params, "contact", q.contact());
        eq(and, params, "tag", q.tag());
        eq(and, params, "campaign_id", q.campaignId());
        q.phone().ifPresent(p -> {
            and.add("phone LIKE ? ESCAPE '" + FieldCodec.LIKE_ESCAPE + "'");
            params.add(FieldCodec.containsPattern(p));
        });
        q.content().ifPresent(p -> {
            and.add("content LIKE ? ESCAPE '" + FieldCodec.LIKE_ESCAPE + "'");
            params.add(FieldCodec.containsPattern(p));
        });
        range(and, params, "created_at", q.createdFrom(), q.createdTo());
        range(and, params, "sent_at", q.sentFrom(), q.sentTo());
        range(and, params, "scheduled_at", q.scheduledFrom(), q.scheduledTo());
        if (!and.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", and));
        }
    }

    private static void in(List<String> and, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            and.add(column + " IN (" + String.join(",", Collections.nCopies(values.size(), "?")) + ")");
            params.addAll(values);
        }
    }

    private static void eq(List<String> and, List<Object> params, String column, Optional<String> value) {
        value.ifPresent(v -> {
            and.add(column + " = ?");
            params.add(v);
        });
    }

    private static void range(List<String> and, List<Object> params, String column, Optional<Instant> from,
            Optional<Instant> to) {
        // OutboxQuery truncates nothing: an entry time t (ms) is >= from iff t >= ceil(from to ms)
        from.ifPresent(f -> {
            and.add(column + " >= ?");
            params.add(ceilMillis(f));
        });
        to.ifPresent(t -> {
            and.add(column + " < ?");
            params.add(ceilMillis(t));
        });
    }

    private static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return Times.millis(t).equals(t) ? ms : ms + 1;
    }

    // ------------------------------------------------------------------ mapping

    /**
     * The insert of one entry. A known reference is skipped by the database without an error where
     * the dialect can (no unique violation for the driver to log): PostgreSQL
     * {@code ON CONFLICT (reference) DO NOTHING}, MariaDB/MySQL a no-op
     * {@code ON DUPLICATE KEY UPDATE id = id} (not {@code INSERT IGNORE}, which would also turn a
     * too-long value into a truncating warning). H2 has neither outside its compatibility modes: its
     * unique violation is caught.
     */
    private String insertSql() {
        String cols = COLUMNS.substring("id, ".length());
        String insert = "INSERT INTO " + table + " (" + cols + ") VALUES ("
                + String.join(",", Collections.nCopies(28, "?")) + ")";
        return switch (dialect()) {
            case POSTGRESQL -> insert + " ON CONFLICT (reference) DO NOTHING";
            case MARIADB, MARIADB_LOCKING, MYSQL -> insert + " ON DUPLICATE KEY UPDATE id = id";
            case H2 -> insert;
        };
    }

    /** Binds the 27 columns after id (version excluded) from {@code index}; returns the next index. */
    private static int bind(PreparedStatement ps, OutboxEntry e, int index) throws SQLException {
        SmsMessage m = e.message();
        int i = index;
        ps.setString(i++, e.folder().name());
        setString(ps, i++, e.originFolder().map(Enum::name));
        ps.setString(i++, e.status().name());
        ps.setString(i++, m.to());
        setString(ps, i++, m.from());
        setString(ps, i++, m.text());
        setString(ps, i++, m.templateId());
        setString(ps, i++, Optional.ofNullable(FieldCodec.encode(m.templateParams())));
        setString(ps, i++, Optional.ofNullable(FieldCodec.encode(m.metadata())));
        setString(ps, i++, m.reference());
        setString(ps, i++, m.tag());
        ps.setString(i++, m.purpose().name());
        setLong(ps, i++, m.validUntil().map(Instant::toEpochMilli));
        setString(ps, i++, e.operator());
        setString(ps, i++, e.contact());
        setString(ps, i++, e.campaignId());
        ps.setLong(i++, e.createdAt().toEpochMilli());
        setLong(ps, i++, e.scheduledAt().map(Instant::toEpochMilli));
        ps.setLong(i++, e.nextAttemptAt().toEpochMilli());
        setLong(ps, i++, e.sentAt().map(Instant::toEpochMilli));
        setLong(ps, i++, e.deliveredAt().map(Instant::toEpochMilli));
        ps.setInt(i++, e.attempts());
        setString(ps, i++, e.lastErrorKind().map(Enum::name));
        setString(ps, i++, e.lastError());
        setString(ps, i++, e.providerMessageId());
        setLong(ps, i++, e.resendOf());
        setString(ps, i++, e.claimedBy());
        return i;
    }

    private static void setString(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            ps.setString(i, v.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Optional<Long> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.get());
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    private static void setAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    private static List<OutboxEntry> readAll(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        SmsMessage.Builder m = SmsMessage.builder().to(rs.getString("phone"));
        str(rs, "sender").ifPresent(m::from);
        Optional<String> template = str(rs, "template_id");
        if (template.isPresent()) {
            m.templateId(template.get()).templateParams(FieldCodec.decode(rs.getString("template_params")));
        } else {
            m.text(Objects.requireNonNullElse(rs.getString("content"), ""));
        }
        str(rs, "reference").ifPresent(m::reference);
        str(rs, "tag").ifPresent(m::tag);
        m.purpose(MessagePurpose.valueOf(rs.getString("purpose")));
        time(rs, "valid_until").ifPresent(m::validUntil);
        m.metadata(FieldCodec.decode(rs.getString("metadata")));
        OutboxEntry.Builder b = OutboxEntry.builder().id(rs.getLong("id"))
                .folder(Folder.valueOf(rs.getString("folder")))
                .originFolder(str(rs, "origin_folder").map(Folder::valueOf))
                .status(MessageStatus.valueOf(rs.getString("status"))).message(m.build())
                .createdAt(Instant.ofEpochMilli(rs.getLong("created_at"))).scheduledAt(time(rs, "scheduled_at"))
                .nextAttemptAt(Instant.ofEpochMilli(rs.getLong("next_attempt_at"))).sentAt(time(rs, "sent_at"))
                .deliveredAt(time(rs, "delivered_at")).attempts(rs.getInt("attempts"))
                .lastError(str(rs, "last_error_kind").map(ErrorKind::valueOf), str(rs, "last_error"))
                .providerMessageId(str(rs, "provider_message_id")).claimedBy(str(rs, "claimed_by"))
                .version(rs.getLong("version"));
        long resendOf = rs.getLong("resend_of");
        b.resendOf(rs.wasNull() ? Optional.empty() : Optional.of(resendOf));
        EntryOptions.Builder o = EntryOptions.builder();
        str(rs, "operator_name").ifPresent(o::operator);
        str(rs, "contact").ifPresent(o::contact);
        str(rs, "campaign_id").ifPresent(o::campaignId);
        return b.options(o.build()).build();
    }

    private static Optional<String> str(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static boolean isDuplicate(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
            if (x instanceof BatchUpdateException && x.getCause() instanceof SQLException cause
                    && cause.getSQLState() != null && cause.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private OutboxStoreException fail(String what, SQLException e) {
        if (isMissingTable(e)) {
            return new OutboxStoreException(what + " failed: table " + table + " does not exist; call "
                    + "createSchemaIfMissing() on the store once at startup, or apply JdbcOutboxStore.ddl(...) with "
                    + "your migration tool (" + e.getMessage() + ")", e);
        }
        return new OutboxStoreException(what + " in table " + table + " failed: " + e.getMessage(), e);
    }

    /** PostgreSQL 42P01, MySQL/MariaDB 42S02 (error 1146), H2 42S02/42S04 (codes 42102/42104). */
    private static boolean isMissingTable(SQLException e) {
        String state = e.getSQLState();
        return "42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state) || e.getErrorCode() == 1146
                || e.getErrorCode() == 42102 || e.getErrorCode() == 42104;
    }

    private static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix '" + prefix + "' must be empty or a letter followed by at "
                    + "most 29 letters, digits or underscores");
        }
        return prefix.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        Dialect d = dialect;
        return "JdbcOutboxStore{table=" + table + ", dialect=" + (d == null ? "not yet detected" : d) + '}';
    }

    /** Configures a {@link JdbcOutboxStore}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private Dialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The table name prefix; default {@value #DEFAULT_TABLE_PREFIX} (table {@code sms_outbox_entry}).
         * Lower-cased.
         *
         * @throws IllegalArgumentException if not empty or a letter followed by up to 29 letters, digits or underscores
         */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = checkPrefix(tablePrefix);
            return this;
        }

        /** The dialect, instead of detecting it from the connection's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The store; connects to nothing yet. */
        public JdbcOutboxStore build() {
            return new JdbcOutboxStore(this);
        }
    }
}
