package org.smsbridge.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.JdbcOutboxStore.Dialect;
import org.smsbridge.scheduler.internal.OptOutNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OptOutList} in a table of the host's database (PostgreSQL, MariaDB/MySQL, H2), next to
 * the {@link JdbcOutboxStore}'s table. One row per number: {@code phone} (primary key),
 * {@code opted_out_at} (epoch milliseconds), {@code source}.
 *
 * <pre>{@code
 * JdbcOptOutList optOut = JdbcOptOutList.builder(dataSource).tablePrefix("crm_").build();
 * optOut.createSchemaIfMissing();          // or apply JdbcOptOutList.ddl(dialect, "crm_") yourself
 * }</pre>
 *
 * <p>The DDL of each dialect ships as a resource ({@code org/smsbridge/scheduler/ddl/optout-<dialect>.sql}).
 * Thread-safe; uses one pooled connection per call. Failures are {@link OutboxStoreException}s.
 */
public final class JdbcOptOutList implements OptOutList {
    /** Table name prefix when none is given; the table is {@code <prefix>opt_out}. */
    public static final String DEFAULT_TABLE_PREFIX = JdbcOutboxStore.DEFAULT_TABLE_PREFIX;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOptOutList.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}|");

    private final DataSource dataSource;
    private final String prefix;
    private final String table;
    private volatile Dialect dialect;

    private JdbcOptOutList(Builder b) {
        this.dataSource = b.dataSource;
        this.prefix = b.tablePrefix;
        this.table = b.tablePrefix + "opt_out";
        this.dialect = b.dialect;
    }

    /** Starts a configuration on the host's {@code dataSource} (ideally a connection pool). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The table's name. */
    public String tableName() {
        return table;
    }

    /**
     * The DDL of {@code dialect} for the table with {@code tablePrefix}, each statement ending with {@code ;}.
     *
     * @throws IllegalArgumentException if the prefix is not a valid SQL identifier start
     */
    public static String ddl(Dialect dialect, String tablePrefix) {
        Objects.requireNonNull(dialect, "dialect");
        String p = checkPrefix(tablePrefix);
        String name = switch (dialect) {
            case POSTGRESQL -> "postgresql";
            case H2 -> "h2";
            case MARIADB, MARIADB_LOCKING, MYSQL -> "mariadb";
        };
        String path = "/org/smsbridge/scheduler/ddl/optout-" + name + ".sql";
        try (InputStream in = JdbcOptOutList.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("DDL resource " + path + " is missing from the sms-scheduler jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table}", p + "opt_out");
        } catch (IOException e) {
            throw new UncheckedIOException("reading DDL resource " + path + " failed", e);
        }
    }

    /**
     * Creates the table unless it exists. Safe to call on every start and from several nodes.
     *
     * @throws OutboxStoreException if the database refuses
     */
    public void createSchemaIfMissing() {
        String sql = ddl(dialect(), prefix);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement.strip());
                }
            }
            commit(c);
        } catch (SQLException e) {
            throw fail("creating the table", e);
        }
    }

    /**
     * Drops the table (every number is lost): for tests and uninstalling.
     *
     * @throws OutboxStoreException if the database refuses
     */
    public void dropSchema() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            commit(c);
        } catch (SQLException e) {
            throw fail("dropping the table", e);
        }
    }

    /** The dialect: as given, or detected from the connection's metadata on first use. */
    public Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = JdbcOutboxStore.detect(c.getMetaData().getDatabaseProductName(),
                        c.getMetaData().getDatabaseProductVersion(), c.getMetaData().getDatabaseMajorVersion(),
                        c.getMetaData().getDatabaseMinorVersion());
            } catch (SQLException e) {
                throw new OutboxStoreException("detecting the database dialect failed: " + e.getMessage(), e);
            }
            dialect = d;
        }
        return d;
    }

    @Override
    public boolean add(String e164, Instant at, String source) {
        OptOutNumbers.checkNumber(e164);
        Objects.requireNonNull(at, "at");
        OptOutNumbers.checkSource(source);
        try (Connection c = dataSource.getConnection()) {
            if (exists(c, e164)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (phone, opted_out_at, source) VALUES (?, ?, ?)")) {
                ps.setString(1, e164);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, source);
                ps.executeUpdate();
                commit(c);
            } catch (SQLException e) {
                if (isDuplicate(e)) { // another node added it between our check and our insert
                    rollback(c);
                    return false;
                }
                throw e;
            }
            LOG.debug("opt-out added {} ({})", PhoneNumbers.mask(e164), source);
            return true;
        } catch (SQLException e) {
            throw fail("adding a number", e);
        }
    }

    @Override
    public boolean remove(String e164) {
        OptOutNumbers.checkNumber(e164);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE phone = ?")) {
            ps.setString(1, e164);
            int n = ps.executeUpdate();
            commit(c);
            return n > 0;
        } catch (SQLException e) {
            throw fail("removing a number", e);
        }
    }

    @Override
    public boolean contains(String e164) {
        OptOutNumbers.checkNumber(e164);
        try (Connection c = dataSource.getConnection()) {
            return exists(c, e164);
        } catch (SQLException e) {
            throw fail("looking up a number", e);
        }
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("counting numbers", e);
        }
    }

    private boolean exists(Connection c, String e164) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE phone = ?")) {
            ps.setString(1, e164);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    private OutboxStoreException fail(String what, SQLException e) {
        return new OutboxStoreException("opt-out table " + table + ": " + what + " failed: " + e.getMessage()
                + " (SQLState " + e.getSQLState() + "); if the table is missing, call createSchemaIfMissing() or "
                + "apply JdbcOptOutList.ddl(...)", e);
    }

    private static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be a letter followed by up to 29 letters, digits "
                    + "or '_', was '" + prefix + "'");
        }
        return prefix;
    }

    @Override
    public String toString() {
        Dialect d = dialect;
        return "JdbcOptOutList{table=" + table + ", dialect=" + (d == null ? "not yet detected" : d) + '}';
    }

    /** Configures a {@link JdbcOptOutList}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private Dialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The table name prefix; default {@value #DEFAULT_TABLE_PREFIX} (table {@code sms_opt_out}).
         *
         * @throws IllegalArgumentException if not a letter followed by up to 29 letters, digits or '_'
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

        /** The list (the table is not created; see {@link JdbcOptOutList#createSchemaIfMissing()}). */
        public JdbcOptOutList build() {
            return new JdbcOptOutList(this);
        }
    }
}
