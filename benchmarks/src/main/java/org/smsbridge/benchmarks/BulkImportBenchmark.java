package org.smsbridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.BulkImport;
import org.smsbridge.scheduler.ImportOptions;
import org.smsbridge.scheduler.ImportPlan;
import org.smsbridge.scheduler.ImportProgress;
import org.smsbridge.scheduler.ImportSource;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.scheduler.OutboxQuery;
import org.smsbridge.scheduler.OutboxStore;
import org.smsbridge.scheduler.internal.CsvRowReader;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;

/**
 * {@link BulkImport} on a generated {@value #ROWS}-row CSV file (phone, name in Chinese, Greek,
 * Vietnamese or English, balance, one of 10 tags; one row in 100 has a bad number), on one
 * thread, in a JVM limited to a 256 MB heap ({@code -Xmx256m}), which is the streaming check:
 * <ul>
 * <li>{@code plan}: parse + validate (number, duplicate, tag, column count, variables) + render
 * through the template + count segments, every row;</li>
 * <li>{@code planAndEnqueue}: {@code plan} and then {@code start} into an outbox whose store keeps
 * nothing (so the heap measures the import, not the stored entries);</li>
 * <li>{@code parseJacksonCsv}: the CSV parsing step alone (Jackson CSV through the import's
 * reader) against {@code parseBufferedReaderSplit}: a plain {@code BufferedReader} and
 * {@code String.split} (no quoting rules) over the same file;</li>
 * <li>{@code normalizeNumbersOnly}: {@code PhoneNumbers.normalize} (libphonenumber) of each row's
 * number alone, the share of the checks that the import cannot make cheaper.</li>
 * </ul>
 * Scores are time per row; rows/s = 1 / score. After each iteration the peak heap used is printed.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar BulkImportBenchmark -wi 1 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BulkImportBenchmark.ROWS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class BulkImportBenchmark {
    static final int ROWS = 1_000_000;
    static final int BAD_EVERY = 100;
    private static final String[] NAMES = {"王小明", "Γιώργος Παπαδόπουλος", "Nguyễn Thị Hương", "John Smith"};

    private Path file;
    private ImportOptions options;
    private BulkImport bulk;
    private Outbox outbox;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = Files.createTempFile("bulk-import-", ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFphone,name,balance,tag\r\n");
            for (int i = 0; i < ROWS; i++) {
                String phone = i % BAD_EVERY == 99 ? "12" : "+3069" + (40_000_000 + i);
                w.write(phone + "," + NAMES[i % 4] + "," + (i % 1000) + "." + (i % 100) + ",group-" + (i % 10) + "\r\n");
            }
        }
        options = ImportOptions.builder().phoneColumn("phone").variable("name", "name").variable("balance", "balance")
                .tagColumn("tag")
                .template(Template.compile("{name}, your balance is {balance} EUR / το υπόλοιπό σας / 余额 / số dư"))
                .build();
        outbox = Outbox.builder().client(SmsClient.builder().provider(new FakeSmsProvider()).build())
                .store(new DiscardingStore()).autoSend(false).build();
        bulk = BulkImport.builder().outbox(outbox).executor(Runnable::run).build();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        outbox.close();
        Files.deleteIfExists(file);
    }

    @Setup(Level.Iteration)
    public void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Iteration)
    public void printPeak() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%n[peak heap used %d MB of max %d MB]%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    @Benchmark
    public ImportPlan plan() {
        ImportPlan plan = bulk.plan(ImportSource.of(file), options);
        check(plan.accepted() == ROWS - ROWS / BAD_EVERY, "accepted " + plan.accepted());
        return plan;
    }

    @Benchmark
    public ImportProgress planAndEnqueue() {
        ImportPlan plan = bulk.plan(ImportSource.of(file), options);
        ImportProgress done = bulk.start(plan).completion().join();
        check(done.enqueued() == ROWS - ROWS / BAD_EVERY, "enqueued " + done.enqueued());
        return done;
    }

    @Benchmark
    public long parseJacksonCsv(Blackhole bh) throws IOException {
        long rows = 0;
        try (InputStream in = Files.newInputStream(file);
                CsvRowReader reader = new CsvRowReader(in, StandardCharsets.UTF_8, ',', true)) {
            for (Optional<CsvRowReader.Record> r = reader.next(); r.isPresent(); r = reader.next()) {
                bh.consume(r.get().cells());
                rows++;
            }
        }
        check(rows == ROWS + 1, "rows " + rows);
        return rows;
    }

    @Benchmark
    public long parseBufferedReaderSplit(Blackhole bh) throws IOException {
        long rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                bh.consume(line.split(","));
                rows++;
            }
        }
        check(rows == ROWS + 1, "rows " + rows);
        return rows;
    }

    @Benchmark
    public long normalizeNumbersOnly(Blackhole bh) throws IOException {
        long valid = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                try {
                    bh.consume(PhoneNumbers.normalize(line.substring(0, line.indexOf(','))));
                    valid++;
                } catch (SmsException e) {
                    bh.consume(e);
                }
            }
        }
        check(valid == ROWS - ROWS / BAD_EVERY, "valid " + valid);
        return valid;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected result: " + what);
        }
    }

    /** Gives each entry an id and keeps nothing. */
    static final class DiscardingStore implements OutboxStore {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Optional<OutboxEntry> insert(OutboxEntry entry) {
            return Optional.of(entry.toBuilder().id(ids.incrementAndGet()).build());
        }

        @Override
        public Optional<OutboxEntry> get(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<OutboxEntry> findByReference(String reference) {
            return Optional.empty();
        }

        @Override
        public Optional<OutboxEntry> findByProviderMessageId(String providerMessageId) {
            return Optional.empty();
        }

        @Override
        public List<OutboxEntry> claimDue(String nodeId, Instant now, Instant leaseUntil, int limit) {
            return List.of();
        }

        @Override
        public Optional<OutboxEntry> update(OutboxEntry entry) {
            return Optional.of(entry);
        }

        @Override
        public boolean delete(long id, long version) {
            return false;
        }

        @Override
        public int releaseClaims(String nodeId, Instant now) {
            return 0;
        }

        @Override
        public List<OutboxEntry> query(OutboxQuery query) {
            return List.of();
        }

        @Override
        public long count(OutboxQuery query) {
            return 0;
        }
    }
}
