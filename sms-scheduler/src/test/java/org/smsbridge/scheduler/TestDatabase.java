package org.smsbridge.scheduler;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for integration tests: H2 in memory always; the PostgreSQL and MariaDB servers of
 * the machine when reachable. With {@code CI=true} an unreachable server fails the test instead of
 * skipping it. Each use gets its own table prefix and drops its table on close.
 */
final class TestDatabase implements AutoCloseable {
    enum Kind {
        H2("jdbc:h2:mem:%s;DB_CLOSE_DELAY=-1", "sa", ""),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

        final String url;
        final String user;
        final String password;

        Kind(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }
    }

    final Kind kind;
    final DataSource dataSource;
    final String prefix;
    private final HikariDataSource pool;
    private final JdbcOutboxStore store;

    private TestDatabase(Kind kind, DataSource dataSource, HikariDataSource pool) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.pool = pool;
        this.prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        this.store = store(dataSource);
        store.createSchemaIfMissing();
    }

    /** Opens {@code kind}, or skips (fails under CI=true) when its server is unreachable. */
    static TestDatabase open(Kind kind) {
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(String.format(kind.url, "outbox" + UUID.randomUUID()));
            h2.setUser(kind.user);
            return new TestDatabase(kind, h2, null);
        }
        try (Connection c = DriverManager.getConnection(kind.url, kind.user, kind.password)) {
            c.isValid(2);
        } catch (SQLException e) {
            String msg = kind + " at " + kind.url + " is not reachable (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + "; CI=true requires every database server");
            }
            Assumptions.abort(msg + "; skipped. Start it, or set CI=true to make this a failure.");
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(kind.url);
        cfg.setUsername(kind.user);
        cfg.setPassword(kind.password);
        cfg.setMaximumPoolSize(10);
        cfg.setPoolName("outbox-it-" + kind);
        HikariDataSource pool = new HikariDataSource(cfg);
        return new TestDatabase(kind, pool, pool);
    }

    /** The test's store on {@code ds} (which may wrap this database's data source). */
    JdbcOutboxStore store(DataSource ds) {
        return JdbcOutboxStore.builder(ds).tablePrefix(prefix).build();
    }

    JdbcOutboxStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            store.dropSchema();
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
