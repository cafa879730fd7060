package org.smsbridge.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.scheduler.EntryOptions;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.JdbcOutboxStore;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxQuery;
import org.smsbridge.scheduler.OutboxStore;

/**
 * Messages per second from enqueue to Sent with a fake provider ({@link OutboxCountingProvider}): the sms-scheduler outbox on the
 * in-memory store and on PostgreSQL with two nodes, against db-scheduler 16.7.1 executing one task
 * per message (which sends it through the same client) on the same PostgreSQL, with two schedulers
 * of 16 threads in both of its polling modes. Each invocation handles {@value #MESSAGES} messages
 * on fresh tables and checks afterwards that each was sent exactly once. Scores are time per message;
 * messages/s = 1 / score.
 *
 * <p>PostgreSQL: {@code -Doutbox.pg.url=jdbc:postgresql://127.0.0.1:5432/test} (user postgres).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class OutboxBenchmark {
    static final int MESSAGES = 10_000;
    static final int IN_MEMORY_MESSAGES = 100_000;

    static final String PG_URL = System.getProperty("outbox.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final AtomicInteger TABLES = new AtomicInteger();

    static List<SmsMessage> messages(int n) {
        List<SmsMessage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(SmsMessage.builder().to("+30691" + String.format("%07d", i)).reference("m" + i)
                    .text("Το αυτοκίνητό σας είναι έτοιμο / your car is ready " + i).build());
        }
        return out;
    }

    static HikariDataSource pool(String name) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(PG_URL);
        cfg.setUsername(System.getProperty("outbox.pg.user", "postgres"));
        cfg.setPassword(System.getProperty("outbox.pg.password", ""));
        cfg.setMaximumPoolSize(20);
        cfg.setPoolName(name);
        return new HikariDataSource(cfg);
    }

    static void sql(HikariDataSource ds, String... statements) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark SQL failed: " + e.getMessage(), e);
        }
    }

    /** Two connection pools of 20 on PostgreSQL, one per node, for the whole trial. */
    public abstract static class TwoNodes {
        HikariDataSource poolA;
        HikariDataSource poolB;

        @Setup(Level.Trial)
        public void pools() {
            poolA = pool(getClass().getSimpleName() + "-a");
            poolB = pool(getClass().getSimpleName() + "-b");
        }

        @TearDown(Level.Trial)
        public void closePools() {
            poolA.close();
            poolB.close();
        }
    }

    /** The outbox on its in-memory store, one node. */
    @State(Scope.Thread)
    public static class InMemory {
        final List<SmsMessage> messages = messages(IN_MEMORY_MESSAGES);
        OutboxCountingProvider fake;
        Outbox outbox;

        @Setup(Level.Invocation)
        public void setUp() {
            fake = new OutboxCountingProvider();
            outbox = Outbox.builder().client(SmsClient.builder().provider(fake).build()).store(OutboxStore.inMemory())
                    .autoSend(false).batchSize(500).build();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            outbox.close();
            fake.checkSentOnce(IN_MEMORY_MESSAGES);
        }
    }

    /** Two outbox nodes, each with its own pool, on one PostgreSQL table. */
    @State(Scope.Benchmark)
    public static class Postgres extends TwoNodes {
        final List<SmsMessage> messages = messages(MESSAGES);
        OutboxCountingProvider fake;
        JdbcOutboxStore storeA;
        Outbox a;
        Outbox b;

        @Setup(Level.Invocation)
        public void setUp() {
            String prefix = "bench" + TABLES.incrementAndGet() + "_";
            storeA = JdbcOutboxStore.builder(poolA).tablePrefix(prefix).build();
            storeA.dropSchema();
            storeA.createSchemaIfMissing();
            JdbcOutboxStore storeB = JdbcOutboxStore.builder(poolB).tablePrefix(prefix).build();
            fake = new OutboxCountingProvider();
            SmsClient sms = SmsClient.builder().provider(fake).build();
            a = Outbox.builder().client(sms).store(storeA).nodeId("a").autoSend(false).batchSize(200).build();
            b = Outbox.builder().client(sms).store(storeB).nodeId("b").autoSend(false).batchSize(200).build();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            a.close();
            b.close();
            fake.checkSentOnce(MESSAGES);
            long sent = storeA.count(OutboxQuery.builder().folder(Folder.SENT).build());
            if (sent != MESSAGES) {
                throw new IllegalStateException("expected " + MESSAGES + " entries in SENT, found " + sent);
            }
            storeA.dropSchema();
        }
    }

    /** Two db-scheduler instances of 16 threads each on one PostgreSQL table, one task per message. */
    @State(Scope.Benchmark)
    public static class DbScheduler extends TwoNodes {
        @Param({"LOCK_AND_FETCH", "FETCH"})
        public String polling;

        final List<SmsMessage> messages = messages(MESSAGES);
        OutboxCountingProvider fake;
        Map<String, Integer> executions;
        CountDownLatch done;
        OneTimeTask<String> task;
        Scheduler a;
        Scheduler b;
        String table;

        @Setup(Level.Invocation)
        public void setUp() {
            table = "dbs_bench" + TABLES.incrementAndGet();
            sql(poolA, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (task_name TEXT NOT NULL, "
                    + "task_instance TEXT NOT NULL, task_data BYTEA, execution_time TIMESTAMPTZ NOT NULL, "
                    + "picked BOOLEAN NOT NULL, picked_by TEXT, last_success TIMESTAMPTZ, last_failure TIMESTAMPTZ, "
                    + "consecutive_failures INT, last_heartbeat TIMESTAMPTZ, version BIGINT NOT NULL, "
                    + "priority SMALLINT, PRIMARY KEY (task_name, task_instance))",
                    "CREATE INDEX " + table + "_execution_time_idx ON " + table + " (execution_time)",
                    "CREATE INDEX " + table + "_last_heartbeat_idx ON " + table + " (last_heartbeat)");
            fake = new OutboxCountingProvider();
            SmsClient sms = SmsClient.builder().provider(fake).build();
            executions = new ConcurrentHashMap<>();
            done = new CountDownLatch(MESSAGES);
            task = Tasks.oneTime("send-sms", String.class).execute((instance, ctx) -> {
                int i = Integer.parseInt(instance.getId());
                sms.send(SmsMessage.builder().to("+30691" + String.format("%07d", i)).reference("m" + i)
                        .text(instance.getData()).build());
                executions.merge(instance.getId(), 1, Integer::sum);
                done.countDown();
            });
            a = scheduler(poolA, "a");
            b = scheduler(poolB, "b");
            a.start();
            b.start();
        }

        private Scheduler scheduler(HikariDataSource ds, String name) {
            var builder = Scheduler.create(ds, task).tableName(table).threads(16)
                    .pollingInterval(Duration.ofMillis(100)).shutdownMaxWait(Duration.ofSeconds(5))
                    .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name));
            if (polling.equals("LOCK_AND_FETCH")) {
                builder.pollUsingLockAndFetch(1.0, 4.0);
            } else {
                builder.pollUsingFetchAndLockOnExecute(0.5, 3.0);
            }
            return builder.build();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            a.stop();
            b.stop();
            if (executions.size() != MESSAGES || executions.values().stream().anyMatch(n -> n != 1)) {
                throw new IllegalStateException("db-scheduler: expected " + MESSAGES + " tasks executed once, got "
                        + executions.size() + " tasks, duplicates " + executions.values().stream()
                                .filter(n -> n > 1).count());
            }
            fake.checkSentOnce(MESSAGES);
            sql(poolA, "DROP TABLE IF EXISTS " + table);
        }
    }

    @Benchmark
    @OperationsPerInvocation(IN_MEMORY_MESSAGES)
    public int outboxInMemory(InMemory s) {
        s.outbox.enqueueAll(s.messages, EntryOptions.none());
        return s.outbox.sendNow().join().sent();
    }

    /** The floor under {@link #outboxInMemory}: the same messages sent by the client alone, no outbox. */
    @Benchmark
    @OperationsPerInvocation(IN_MEMORY_MESSAGES)
    public int clientAloneNoOutbox(InMemory s) {
        SmsClient sms = SmsClient.builder().provider(s.fake).build();
        int sent = 0;
        for (SmsMessage m : s.messages) {
            sms.sendAsync(m).join();
            sent++;
        }
        return sent;
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int outboxPostgresTwoNodes(Postgres s) {
        int half = MESSAGES / 2;
        CompletableFuture<?> ea = CompletableFuture.runAsync(
                () -> s.a.enqueueAll(s.messages.subList(0, half), EntryOptions.none()));
        CompletableFuture<?> eb = CompletableFuture.runAsync(
                () -> s.b.enqueueAll(s.messages.subList(half, MESSAGES), EntryOptions.none()));
        CompletableFuture.allOf(ea, eb).join();
        var ra = s.a.sendNow();
        var rb = s.b.sendNow();
        return ra.join().sent() + rb.join().sent();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long dbSchedulerPostgresTwoNodes(DbScheduler s) throws InterruptedException {
        List<TaskInstance<?>> instances = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            instances.add(s.task.instance(Integer.toString(i), s.messages.get(i).text().orElseThrow()));
        }
        int half = MESSAGES / 2;
        Instant now = Instant.now();
        CompletableFuture<?> ea = CompletableFuture.runAsync(() -> s.a.scheduleBatch(instances.subList(0, half), now));
        CompletableFuture<?> eb = CompletableFuture.runAsync(
                () -> s.b.scheduleBatch(instances.subList(half, MESSAGES), now));
        CompletableFuture.allOf(ea, eb).join();
        if (!s.done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("db-scheduler did not finish in 5 minutes");
        }
        return s.done.getCount();
    }
}
