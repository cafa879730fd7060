package org.smsbridge.examples.sbutton;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The demo's "host application database": an H2 database with a {@code customer} table, created
 * with sample data (Chinese, Greek, Vietnamese and English customers) on first start, behind a
 * HikariCP pool. The outbox table of SMS Bridge lives in the same database, as it would in a real
 * host application.
 *
 * <p>Thread-safe (the pool is).
 */
public final class CustomerDatabase implements AutoCloseable {
    private static final String DDL = "CREATE TABLE IF NOT EXISTS customer ("
            + "id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, phone VARCHAR(32) NOT NULL, "
            + "plate VARCHAR(20) NOT NULL, balance DECIMAL(14,2) NOT NULL, birthday DATE NOT NULL, "
            + "language VARCHAR(16) NOT NULL)";

    /** The sample customers written on first start. */
    static final List<Customer> SAMPLE = List.of(
            new Customer(1, "王伟", "+86 138 0013 8000", "浙A-T0386", new BigDecimal("291.00"),
                    LocalDate.of(1978, 3, 14), "zh-CN"),
            new Customer(2, "李娜", "+86 139 1234 5678", "京N-8A321", new BigDecimal("1280.50"),
                    LocalDate.of(1990, 11, 2), "zh-CN"),
            new Customer(3, "Γιώργος Παπαδόπουλος", "691 234 5678", "ΙΚΑ-1234", new BigDecimal("80.50"),
                    LocalDate.of(1985, 6, 21), "el-GR"),
            new Customer(4, "Μαρία Κωνσταντίνου", "+30 697 765 4321", "ΥΧΡ-5521", new BigDecimal("245.00"),
                    LocalDate.of(1972, 1, 9), "el-GR"),
            new Customer(5, "Δημήτρης Νικολάου", "210 123 4567", "ΖΚΝ-9090", new BigDecimal("35.00"),
                    LocalDate.of(1969, 9, 30), "el-GR"),
            new Customer(6, "Nguyễn Văn An", "+84 912 345 678", "29A-123.45", new BigDecimal("1500000.00"),
                    LocalDate.of(1988, 4, 5), "vi-VN"),
            new Customer(7, "Trần Thị Bích", "+84 987 654 321", "51F-678.90", new BigDecimal("850000.00"),
                    LocalDate.of(1995, 12, 24), "vi-VN"),
            new Customer(8, "John Smith", "+44 7911 123456", "AB12 CDE", new BigDecimal("120.50"),
                    LocalDate.of(1980, 7, 4), "en-GB"),
            new Customer(9, "Emily Clarke", "+44 7400 123456", "YK19 XHF", new BigDecimal("64.99"),
                    LocalDate.of(1993, 2, 28), "en-GB"));

    private final HikariDataSource pool;

    private CustomerDatabase(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("sbutton-demo");
        this.pool = new HikariDataSource(config);
    }

    /**
     * Opens (and on first start creates) the database in {@code directory} (file {@code customers.mv.db}).
     *
     * @throws IllegalStateException if the database cannot be opened or created, naming the file
     */
    public static CustomerDatabase open(Path directory) {
        Path file = directory.toAbsolutePath().resolve("customers");
        return create("jdbc:h2:file:" + file.toString().replace('\\', '/'), file + ".mv.db");
    }

    /** A private in-memory database with the sample data, for tests. */
    public static CustomerDatabase inMemory(String name) {
        return create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "in-memory database " + name);
    }

    private static CustomerDatabase create(String url, String what) {
        CustomerDatabase db;
        try {
            db = new CustomerDatabase(url);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open " + what + " (is another demo running on it?): "
                    + e.getMessage(), e);
        }
        try {
            db.createIfMissing();
            return db;
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("cannot create the customer table in " + what + ": " + e.getMessage(), e);
        }
    }

    private void createIfMissing() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(DDL);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer "
                    + "(id, name, phone, plate, balance, birthday, language) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Customer cu : SAMPLE) {
                    insert.setLong(1, cu.id());
                    insert.setString(2, cu.name());
                    insert.setString(3, cu.phone());
                    insert.setString(4, cu.plate());
                    insert.setBigDecimal(5, cu.balance());
                    insert.setDate(6, Date.valueOf(cu.birthday()));
                    insert.setString(7, cu.language());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The pooled data source; the outbox store uses it too. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Every customer, by id.
     *
     * @throws IllegalStateException if the database fails
     */
    public List<Customer> customers() {
        List<Customer> all = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, phone, plate, balance, birthday, language "
                        + "FROM customer ORDER BY id")) {
            while (rs.next()) {
                all.add(new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getDate(6).toLocalDate(), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the customer table: " + e.getMessage(), e);
        }
        return List.copyOf(all);
    }

    /** Closes the pool. */
    @Override
    public void close() {
        pool.close();
    }
}
