package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcOptOutListTest {
    @Test
    void ddlExistsForEveryDialectWithTheTableName() {
        for (JdbcOutboxStore.Dialect d : JdbcOutboxStore.Dialect.values()) {
            assertThat(JdbcOptOutList.ddl(d, "crm_")).contains("CREATE TABLE IF NOT EXISTS crm_opt_out")
                    .contains("phone").doesNotContain("${table}");
        }
        assertThat(JdbcOptOutList.ddl(JdbcOutboxStore.Dialect.MARIADB, "")).contains("utf8mb4");
    }

    @Test
    void rejectsPrefixesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> JdbcOptOutList.ddl(JdbcOutboxStore.Dialect.H2, "x; DROP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
        assertThatThrownBy(() -> JdbcOptOutList.builder(new org.h2.jdbcx.JdbcDataSource()).tablePrefix("1a"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
