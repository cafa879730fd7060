package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcOptOutListIT {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keepsNumbersInTheHostsDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOptOutList list = JdbcOptOutList.builder(db.dataSource).tablePrefix(db.prefix).build();
            list.createSchemaIfMissing();
            list.createSchemaIfMissing(); // idempotent
            try {
                OptOutListTest.behavesAsAnOptOutList(list);
                JdbcOptOutList again = JdbcOptOutList.builder(db.dataSource).tablePrefix(db.prefix).build();
                assertThat(again.contains("+8613800138000")).as("a second instance sees the same table").isTrue();
                assertThat(list.tableName()).isEqualTo(db.prefix + "opt_out");
            } finally {
                list.dropSchema();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentAddsOfOneNumberAddItOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOptOutList list = JdbcOptOutList.builder(db.dataSource).tablePrefix(db.prefix).build();
            list.createSchemaIfMissing();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> adds = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    adds.add(() -> list.add("+84912345678", Instant.EPOCH, "reply: STOP"));
                }
                int added = 0;
                for (Future<Boolean> f : pool.invokeAll(adds)) {
                    added += f.get() ? 1 : 0;
                }
                assertThat(added).isEqualTo(1);
                assertThat(list.size()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
                list.dropSchema();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void missingTableIsReportedWithTheFix(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOptOutList list = JdbcOptOutList.builder(db.dataSource).tablePrefix(db.prefix + "x").build();
            assertThatThrownBy(() -> list.contains("+84912345678")).isInstanceOf(OutboxStoreException.class)
                    .hasMessageContaining("createSchemaIfMissing()");
        }
    }
}
