package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcOutboxStoreTest {
    @ParameterizedTest
    @CsvSource({
        "PostgreSQL, 15.20, 15, 20, POSTGRESQL",
        "H2, 2.3.232 (2024-08-11), 2, 3, H2",
        "MariaDB, 10.11.19-MariaDB-0+deb12u1, 10, 11, MARIADB",
        "MariaDB, 10.5.2-MariaDB, 10, 5, MARIADB_LOCKING",
        "MySQL, 5.5.5-10.11.6-MariaDB, 10, 11, MARIADB",
        "MySQL, 8.0.36, 8, 0, MYSQL",
        "MySQL, 5.7.44, 5, 7, MARIADB_LOCKING"})
    void detectsTheDialectFromTheDatabaseMetadata(String product, String version, int major, int minor,
            JdbcOutboxStore.Dialect expected) {
        assertThat(JdbcOutboxStore.detect(product, version, major, minor)).isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownDatabaseAndSaysHowToOverride() {
        assertThatThrownBy(() -> JdbcOutboxStore.detect("Oracle", "19c", 19, 0))
                .isInstanceOf(OutboxStoreException.class).hasMessageContaining("dialect(...)");
    }

    @ParameterizedTest
    @EnumSource(JdbcOutboxStore.Dialect.class)
    void shipsDdlForEveryDialectWithTheTablePrefix(JdbcOutboxStore.Dialect dialect) {
        String ddl = JdbcOutboxStore.ddl(dialect, "crm_");

        assertThat(ddl).contains("CREATE TABLE IF NOT EXISTS crm_outbox_entry (")
                .contains("CREATE UNIQUE INDEX IF NOT EXISTS crm_outbox_entry_ref_ux")
                .contains("crm_outbox_entry_due_ix").contains("crm_outbox_entry_provider_id_ix")
                .doesNotContain("${table}");
    }

    @Test
    void rejectsTablePrefixesThatAreNotIdentifiers() {
        JdbcDataSource ds = new JdbcDataSource();
        assertThatThrownBy(() -> JdbcOutboxStore.builder(ds).tablePrefix("x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be empty or a letter");
        assertThat(JdbcOutboxStore.builder(ds).tablePrefix("CRM_").build().tableName()).isEqualTo("crm_outbox_entry");
        assertThat(new JdbcOutboxStore(ds).tableName()).isEqualTo("sms_outbox_entry");
    }

    @Test
    void aGivenDialectIsUsedWithoutAskingTheDatabase() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        JdbcOutboxStore store = JdbcOutboxStore.builder(unreachable).dialect(JdbcOutboxStore.Dialect.H2).build();

        assertThat(store.dialect()).isEqualTo(JdbcOutboxStore.Dialect.H2);
        assertThatThrownBy(() -> new JdbcOutboxStore(unreachable).dialect()).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("detecting the database dialect failed");
    }
}
