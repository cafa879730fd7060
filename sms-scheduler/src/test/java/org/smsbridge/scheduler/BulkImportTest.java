package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.MessagePurpose;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;
import org.smsbridge.text.Encoding;

class BulkImportTest {
    private static final String ZH = "+8613800138000";
    private static final String EL = "+306912345678";
    private static final String VI = "+84912345678";
    private static final String EN = "+12015550123";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).build();
    private final ManualExecutor executor = new ManualExecutor();
    private final Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).clock(clock)
            .executor(executor).autoSend(false).build();
    private final BulkImport bulk = BulkImport.builder().outbox(outbox).clock(clock).executor(Runnable::run)
            .channel("fake").batchSize(2).build();

    @AfterEach
    void tearDown() {
        outbox.close();
        executor.shutdownNow();
    }

    private static ImportSource file(Charset cs, String... lines) {
        return ImportSource.of("customers.csv", (String.join("\n", lines) + "\n").getBytes(cs));
    }

    private static ImportSource file(String... lines) {
        return file(StandardCharsets.UTF_8, lines);
    }

    private static ImportOptions.Builder options(String template) {
        return ImportOptions.builder().phoneColumn("phone").variable("name", "name").tagColumn("tag")
                .template(Template.compile(template));
    }

    private static final String[] FOUR_SCRIPTS = {
        "phone,name,tag",
        ZH + ",王小明,vip",
        EL + ",Γιώργος Παπαδόπουλος,vip",
        VI + ",Nguyễn Thị Hương,new",
        EN + ",John Smith,new"};

    // ---------------------------------------------------------------- the happy path

    @Test
    void importsAFileInFourScriptsAndSendsEveryRowThroughItsTemplate() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Dear {name}, your order is ready.").build());

        assertThat(plan.rowsRead()).isEqualTo(4);
        assertThat(plan.accepted()).isEqualTo(4);
        assertThat(plan.rejected()).isZero();
        ImportRun run = bulk.start(plan);
        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.COMPLETED);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(4);

        outbox.sendNow().join();

        assertThat(outbox.count(BulkImport.sent(plan.planId()))).isEqualTo(4);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isZero();
        assertThat(fake.sent()).extracting(OutgoingSms::to).containsExactlyInAnyOrder(ZH, EL, VI, EN);
        assertThat(fake.lastTo(ZH).orElseThrow().text()).hasValue("Dear 王小明, your order is ready.");
        assertThat(fake.lastTo(EL).orElseThrow().text()).hasValue("Dear Γιώργος Παπαδόπουλος, your order is ready.");
        assertThat(fake.lastTo(VI).orElseThrow().text()).hasValue("Dear Nguyễn Thị Hương, your order is ready.");
        assertThat(fake.lastTo(EN).orElseThrow().text()).hasValue("Dear John Smith, your order is ready.");
    }

    @Test
    void theConfirmationShowsAScheduledSendTimeToTheSecondInTheUsersZone() {
        ImportConfirmation c = new ImportConfirmation("import-1", "fake", "customers.csv", List.of("vip"), 2, 0,
                Instant.parse("2026-11-27T04:07:06.945834163Z"), true, "Hi {name}", 2);
        assertThat(c.summary()).contains("Send at:   2026-11-27 04:07:06 (UTC)");
        assertThat(c.summary(java.time.ZoneId.of("Europe/Athens"))).contains("Send at:   2026-11-27 06:07:06 (Europe/Athens)");
    }

    @Test
    void aHeaderWrittenDecomposedNamesTheSameColumnAsTheComposedName() {
        String nfdHeader = java.text.Normalizer.normalize("phone,tên,tag", java.text.Normalizer.Form.NFD);
        ImportPlan plan = bulk.plan(file(nfdHeader, VI + ",Hương,vip"), ImportOptions.builder().phoneColumn("phone")
                .variable("ten", "tên").tagColumn("tag").template(Template.compile("Chào {ten}")).build());
        assertThat(plan.accepted()).isEqualTo(1);
    }

    @Test
    void aFileSavedAgainAfterThePreviewIsNotSentAndTheRunSaysWhy(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("change.csv");
        Files.writeString(csv, "phone,name,tag\n" + ZH + ",王小明,vip\n" + EL + ",Γιώργος,vip\n");
        ImportPlan plan = bulk.plan(ImportSource.of(csv), options("Dear {name}").build());
        assertThat(plan.accepted()).isEqualTo(2);
        // fixed in a spreadsheet, or exported again, between the preview and the click on Send
        Files.writeString(csv, "phone,name,tag\n" + ZH + ",Mallory,vip\n" + EL + ",Γιώργος,vip\n" + VI + ",Hương,vip\n");

        ImportRun run = bulk.start(plan);

        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.FAILED);
        assertThat(run.progress().failure()).hasValueSatisfying(e -> assertThat(e)
                .contains("changed after it was previewed", "nothing was enqueued", "make a new plan"));
        assertThatThrownBy(() -> run.future().join()).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isZero();
    }

    @Test
    void aFileThatChangesAfterTheCheckCannotReachTheRunWhichSendsThePreviewedRows() {
        byte[] previewed = (String.join("\n", FOUR_SCRIPTS) + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder longer = new StringBuilder(String.join("\n", FOUR_SCRIPTS)).append('\n');
        for (int i = 0; i < 50; i++) {
            longer.append("+3069123456").append(10 + i).append(",Extra,vip\n");
        }
        AtomicInteger opens = new AtomicInteger();
        ImportSource source = new ImportSource() {
            @Override
            public String name() {
                return "moving.csv";
            }

            @Override
            public InputStream open() {
                // 1: the plan, 2: the checked copy before enqueuing; any later read sees the change
                byte[] now = opens.incrementAndGet() < 3 ? previewed : longer.toString().getBytes(StandardCharsets.UTF_8);
                return new java.io.ByteArrayInputStream(now);
            }
        };
        ImportPlan plan = bulk.plan(source, options("Dear {name}").build());

        ImportRun run = bulk.start(plan);

        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.COMPLETED);
        assertThat(opens).as("the rows came from the checked copy").hasValue(2);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(plan.accepted());
        assertThat(outbox.query(BulkImport.pending(plan.planId()))).noneMatch(e -> e.message().text().orElse("").contains("Extra"));
    }

    @Test
    void marksEveryEntryWithThePlanIdTagReferenceAndOptions() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").operator("maria").sender("ACME")
                .purpose(MessagePurpose.CUSTOMER_CARE).build());
        bulk.start(plan);

        List<OutboxEntry> entries = outbox.query(BulkImport.pending(plan.planId()));
        assertThat(entries).hasSize(4).allSatisfy(e -> {
            assertThat(e.campaignId()).contains(plan.planId());
            assertThat(e.operator()).contains("maria");
            assertThat(e.message().from()).contains("ACME");
            assertThat(e.message().purpose()).isEqualTo(MessagePurpose.CUSTOMER_CARE);
        });
        assertThat(entries).extracting(e -> e.reference().orElseThrow()).containsExactlyInAnyOrder(
                plan.planId() + "#2", plan.planId() + "#3", plan.planId() + "#4", plan.planId() + "#5");
        assertThat(outbox.count(OutboxQuery.builder().tag("vip").build())).isEqualTo(2);
    }

    @Test
    void sentAndFailedListsAreOutboxQueriesOfThePlan() {
        fake.failWhen(s -> s.to().equals(VI), org.smsbridge.ErrorKind.INVALID_CONTENT);
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build());
        bulk.start(plan);

        outbox.sendNow().join();

        assertThat(outbox.query(BulkImport.failed(plan.planId()))).extracting(OutboxEntry::phone).containsExactly(VI);
        assertThat(outbox.query(BulkImport.sent(plan.planId()))).extracting(OutboxEntry::phone)
                .containsExactlyInAnyOrder(ZH, EL, EN);
    }

    // ---------------------------------------------------------------- row rules

    @Test
    void rejectsABadNumberWithItsLineColumnAndReasonAndGoesOn() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", "12,Ann,vip", "2101234567,Bob,vip", EL + ",Γιώργος,vip"),
                options("Hi {name}").build());

        assertThat(plan.accepted()).isEqualTo(1);
        assertThat(plan.rejectedSample()).hasSize(2);
        RejectedRow tooShort = plan.rejectedSample().get(0);
        assertThat(tooShort.line()).isEqualTo(2);
        assertThat(tooShort.column()).hasValue(1);
        assertThat(tooShort.reason()).isEqualTo(RejectReason.BAD_NUMBER);
        assertThat(tooShort.value()).isEqualTo("12");
        RejectedRow national = plan.rejectedSample().get(1);
        assertThat(national.line()).isEqualTo(3);
        assertThat(national.message()).contains("default region");
        assertThat(plan.rejectCounts()).containsExactly(Map.entry(RejectReason.BAD_NUMBER, 2L));
    }

    @Test
    void readsNationalNumbersWithTheDefaultRegionAndRejectsLandlines() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", "691 234 5678,Γιώργος,vip", "210 123 4567,Ελένη,vip"),
                options("Γεια σου {name}").defaultRegion("GR").build());

        assertThat(plan.rows("vip")).extracting(PreviewRow::phone).containsExactly(EL);
        assertThat(plan.rejectedSample().get(0).message()).contains("fixed line");
    }

    @Test
    void rejectsADuplicateNumberEvenWhenWrittenDifferently() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", EL + ",Γιώργος,vip", "0030 691 234 5678,Νίκος,new",
                "6912345678,Ελένη,vip"), options("Hi {name}").defaultRegion("GR").build());

        assertThat(plan.accepted()).isEqualTo(1);
        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason, RejectedRow::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.DUPLICATE_NUMBER, 3L),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.DUPLICATE_NUMBER, 4L));
        assertThat(plan.rejectedSample().get(0).message()).contains(EL).contains("earlier row");
    }

    @Test
    void aRejectedRowDoesNotMakeALaterRowWithTheSameNumberADuplicate() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", EL + ",Γιώργος,", EL + ",Γιώργος,vip"),
                options("Hi {name}").build());

        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason).containsExactly(RejectReason.MISSING_TAG);
        assertThat(plan.accepted()).isEqualTo(1);
    }

    @Test
    void rejectsARowWithoutTag() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",王小明,"), options("Hi {name}").build());

        RejectedRow r = plan.rejectedSample().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_TAG);
        assertThat(r.column()).hasValue(3);
        assertThat(r.line()).isEqualTo(2);
    }

    @Test
    void rejectsARowMissingATemplateVariableAndUsesFallbacksWhereGiven() {
        ImportPlan plan = bulk.plan(file("phone,name,city,tag", ZH + ",,北京,vip", EL + ",Γιώργος,,vip"),
                ImportOptions.builder().phoneColumn("phone").variable("name", "name").variable("city", "city")
                        .tagColumn("tag").template(Template.compile("{name}, welcome to {city|our shop}")).build());

        RejectedRow r = plan.rejectedSample().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_VARIABLE);
        assertThat(r.column()).hasValue(2);
        assertThat(r.message()).contains("'name'");
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("Γιώργος, welcome to our shop");
    }

    @Test
    void fillsDottedTemplatePathsFromColumns() {
        ImportPlan plan = bulk.plan(file("phone,plate,tag", EL + ",ΙΚΒ-1234,garage", ZH + ",,garage"),
                ImportOptions.builder().phoneColumn(1).variable("car.plate", 2).tagColumn(3)
                        .template(Template.compile("Το αυτοκίνητο {car.plate} είναι έτοιμο")).build());

        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("Το αυτοκίνητο ΙΚΒ-1234 είναι έτοιμο");
        assertThat(plan.rows("garage").get(0).variables()).containsExactly(Map.entry("car.plate", "ΙΚΒ-1234"));
        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason, r -> r.column().getAsInt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.MISSING_VARIABLE, 2));
    }

    @Test
    void rejectsAValueThatDoesNotSuitItsFormat() {
        ImportPlan plan = bulk.plan(file("phone,balance,tag", EN + ",lots,vip", EL + ",12.5,vip"),
                ImportOptions.builder().phoneColumn(1).variable("balance", 2).tagColumn(3)
                        .template(Template.compile("Balance {balance:number:2}")).build());

        assertThat(plan.rejectedSample()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BAD_VALUE);
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.column()).hasValue(2); // the balance column, with the cell that is no number
            assertThat(r.value()).isEqualTo("lots");
            assertThat(r.message()).contains("{balance:number:2}");
        });
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("Balance 12.50");
    }

    @Test
    void rejectsRowsWithTheWrongColumnCount() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",王小明", EL + ",Γιώργος,vip,extra",
                VI + ",Hương,new"), options("Hi {name}").build());

        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason, RejectedRow::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RejectReason.WRONG_COLUMN_COUNT, 2L),
                org.assertj.core.groups.Tuple.tuple(RejectReason.WRONG_COLUMN_COUNT, 3L));
        assertThat(plan.rejectedSample().get(0).message()).isEqualTo("row has 2 columns; the header has 3");
        assertThat(plan.rejectedSample().get(0).column()).isEmpty();
        assertThat(plan.accepted()).isEqualTo(1);
    }

    @Test
    void withoutHeaderTheFirstRowSetsTheColumnCount() {
        ImportPlan plan = bulk.plan(file(ZH + ",王小明,vip", EL + ",Γιώργος"),
                options("Hi {name}").header(ImportOptions.Header.NONE).phoneColumn(1).variable("name", 2).tagColumn(3)
                        .build());

        assertThat(plan.rejectedSample().get(0).message()).isEqualTo("row has 2 columns; the first row has 3");
    }

    @Test
    void reportsAnUnclosedQuoteAsAMalformedRowAndKeepsTheRowsBefore() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",王小明,vip", EL + ",\"Γιώργος,vip", VI + ",Hương,new"),
                options("Hi {name}").build());

        assertThat(plan.accepted()).isEqualTo(1);
        RejectedRow r = plan.rejectedSample().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.message()).contains("unclosed quote");
    }

    @Test
    void reportsTextAfterAClosingQuoteAndReadsTheRowsAfter() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",\"王\"小明,vip", EL + ",Γιώργος,vip"),
                options("Hi {name}").build());

        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason).containsExactly(RejectReason.MALFORMED_CSV);
        assertThat(plan.rejectedSample().get(0).line()).isEqualTo(2);
        assertThat(plan.rows("vip")).extracting(PreviewRow::phone).containsExactly(EL);
    }

    @Test
    void readsQuotedCellsWithDelimitersAndLineBreaksAndCountsLinesRight() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",\"王, 小明\nsecond line\",vip", "12,x,vip"),
                options("Hi {name}").build());

        assertThat(plan.rows("vip").get(0).variables()).containsEntry("name", "王, 小明\nsecond line");
        assertThat(plan.rejectedSample().get(0).line()).isEqualTo(4);
    }

    @Test
    void rejectsRowsBeyondTheTagLimit() {
        List<String> lines = new ArrayList<>(List.of("phone,name,tag"));
        for (int i = 0; i <= BulkImport.MAX_TAGS; i++) {
            lines.add("+3069" + (10000000 + i) + ",n,t" + i);
        }
        ImportPlan plan = bulk.plan(file(lines.toArray(String[]::new)), options("Hi {name}").build());

        assertThat(plan.tags()).hasSize(BulkImport.MAX_TAGS);
        assertThat(plan.rejectedSample()).extracting(RejectedRow::reason).containsExactly(RejectReason.TOO_MANY_TAGS);
    }

    @Test
    void refusesATemplateVariableWithoutColumnOrFallback() {
        ImportOptions o = options("Hi {name}, you have {points} points").build();

        assertThatThrownBy(() -> bulk.plan(file(FOUR_SCRIPTS), o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[points] have no column");
    }

    @Test
    void refusesANamedColumnThatIsNotInTheHeader() {
        ImportOptions o = options("Hi {name}").phoneColumn("mobile").build();

        assertThatThrownBy(() -> bulk.plan(file(FOUR_SCRIPTS), o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'mobile' is not in the header [phone, name, tag]; use one of these names or a "
                        + "column number");
    }

    // ---------------------------------------------------------------- formats and charsets

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "GB18030", "GBK"})
    void readsChineseFilesInTheirCharset(String charset) {
        Charset cs = Charset.forName(charset);
        ImportPlan plan = bulk.plan(file(cs, "电话,姓名,标签", ZH + ",王小明,贵宾"),
                ImportOptions.builder().phoneColumn("电话").variable("姓名", "姓名").tagColumn("标签").charset(cs)
                        .template(Template.compile("{姓名}，您好！")).build());

        assertThat(plan.tags()).extracting(TagSummary::tag).containsExactly("贵宾");
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("王小明，您好！");
        assertThat(plan.firstMessage().orElseThrow().segmentInfo().encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void readsAGreekWindows1253File() {
        Charset cs = Charset.forName("windows-1253");
        ImportPlan plan = bulk.plan(file(cs, "τηλέφωνο,όνομα,ομάδα", EL + ",Γιώργος Παπαδόπουλος,πελάτες"),
                ImportOptions.builder().phoneColumn("τηλέφωνο").variable("όνομα", "όνομα").tagColumn("ομάδα").charset(cs)
                        .template(Template.compile("Αγαπητέ {όνομα}, ευχαριστούμε.")).build());

        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("Αγαπητέ Γιώργος Παπαδόπουλος, ευχαριστούμε.");
        assertThat(plan.tags()).extracting(TagSummary::tag).containsExactly("πελάτες");
    }

    @Test
    void dropsTheUtf8ByteOrderMarkSoTheFirstHeaderNameMatches() {
        ImportPlan plan = bulk.plan(file("\uFEFFphone,name,tag", VI + ",Nguyễn Thị Hương,khách"),
                options("Chào {name}").build());

        assertThat(plan.firstRow().orElseThrow().phone()).isEqualTo(VI);
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("Chào Nguyễn Thị Hương");
    }

    @Test
    void dropsTheByteOrderMarkOfAFileWithoutHeader() {
        ImportPlan plan = bulk.plan(file("\uFEFF" + EN, EL),
                ImportOptions.builder().format(ImportOptions.Format.TXT).fixedTag("all")
                        .template(Template.compile("Hello")).build());

        assertThat(plan.accepted()).isEqualTo(2);
    }

    @Test
    void refusesAFileThatIsNotInTheCharsetWithAMessageThatNamesIt() {
        ImportSource gbk = file(Charset.forName("GBK"), "phone,name,tag", ZH + ",王小明,贵宾");

        assertThatThrownBy(() -> bulk.plan(gbk, options("{name}").build())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("GB18030");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkReadInAnotherCharsetIsToldToUseUtf8() {
        byte[] utf8 = ("\uFEFFphone,name,tag\n" + ZH + ",王小明,vip\n").getBytes(StandardCharsets.UTF_8);
        ImportSource source = ImportSource.of("customers.csv", utf8);
        assertThatThrownBy(() -> bulk.plan(source, options("{name}").charset(Charset.forName("GB18030")).build()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("byte order mark").hasMessageContaining("set the charset to UTF-8");
        // and read as UTF-8, the file is fine: the plan's check of the bytes sees each byte once
        ImportPlan plan = bulk.plan(source, options("{name}").build());
        assertThat(plan.accepted()).isEqualTo(1);
        assertThat(bulk.start(plan).progress().state()).isEqualTo(ImportProgress.State.COMPLETED);
    }

    @Test
    void aUtf16FileIsReadWithItsMarkAndAWrongByteOrderIsToldToUseUtf16() {
        String csv = "\uFEFFphone,name,tag\n" + ZH + ",王小明,vip\n";
        ImportSource bigEndian = ImportSource.of("unicode.txt", csv.getBytes(StandardCharsets.UTF_16BE));
        assertThat(bulk.plan(bigEndian, options("{name}").charset(StandardCharsets.UTF_16).build()).accepted())
                .isEqualTo(1);
        assertThatThrownBy(() -> bulk.plan(bigEndian, options("{name}").charset(StandardCharsets.UTF_16LE).build()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("set the charset to UTF-16");
    }

    @Test
    void readsATsvFile() {
        ImportPlan plan = bulk.plan(file("phone\tname\ttag", ZH + "\t王, 小明\tvip"),
                options("Hi {name}").format(ImportOptions.Format.TSV).build());

        assertThat(plan.rows("vip").get(0).variables()).containsEntry("name", "王, 小明");
    }

    @Test
    void readsATxtFileWithOneNumberALineAndBlankLines() {
        ImportPlan plan = bulk.plan(file(ZH, "", "  " + EL + "  ", "not a number", VI),
                ImportOptions.builder().format(ImportOptions.Format.TXT).fixedTag("notice")
                        .template(Template.compile("Shop closed today / Ενημέρωση / Thông báo / 通知")).build());

        assertThat(plan.accepted()).isEqualTo(3);
        assertThat(plan.rejectedSample()).extracting(RejectedRow::line).containsExactly(4L);
        assertThat(plan.tags()).containsExactly(new TagSummary("notice", 4, 3, 3, 3));
    }

    @Test
    void skipsATitleLineAndMapsParamsByColumnWithAnotherDelimiter() {
        ImportPlan plan = bulk.plan(file("Customers March;;", ZH + ";王小明;88.50"),
                ImportOptions.builder().header(ImportOptions.Header.SKIP).delimiter(';').phoneColumn(1).params(2, 3)
                        .fixedTag("march").template(Template.compile("{param0}，余额 {param1} 元")).build());

        assertThat(plan.rows("march").get(0).variables()).containsExactly(Map.entry("param0", "王小明"),
                Map.entry("param1", "88.50"));
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("王小明，余额 88.50 元");
    }

    // ---------------------------------------------------------------- preview and confirmation

    @Test
    void previewShowsTheFirstTwelveRowsOfATagWithTheirVariables() {
        List<String> lines = new ArrayList<>(List.of("phone,name,tag"));
        IntStream.range(0, 15).forEach(i -> lines.add("+3069" + (12345600 + i) + ",Πελάτης " + i + ",vip"));
        ImportPlan plan = bulk.plan(file(lines.toArray(String[]::new)), options("Γεια {name}").build());

        assertThat(plan.rows("vip")).hasSize(ImportPlan.PREVIEW_ROWS);
        assertThat(plan.rows("vip").get(0)).isEqualTo(new PreviewRow(2, "+306912345600", "vip",
                Map.of("name", "Πελάτης 0")));
        assertThat(plan.rows("vip").get(11).line()).isEqualTo(13);
        assertThat(plan.rows("other")).isEmpty();
    }

    @Test
    void previewCountsEachTagWithANumberOutOfTotal() {
        ImportPlan plan = bulk.plan(file("phone,name,tag", ZH + ",王小明,vip", "12,Ann,vip", EL + ",,vip",
                VI + ",Hương,new"), options("Hi {name}").build());

        assertThat(plan.tags()).containsExactly(new TagSummary("vip", 3, 2, 1, 1), new TagSummary("new", 1, 1, 1, 1));
        assertThat(plan.tag("vip").orElseThrow()).hasToString("vip (2/3)");
        assertThat(plan.tag("nope")).isEmpty();
    }

    @Test
    void previewRendersTheFirstCustomerWithItsSegments() {
        String longGreek = "Αγαπητέ {name}, η παραγγελία σας είναι έτοιμη για παραλαβή από το κατάστημα μας στην "
                + "Αθήνα. Ευχαριστούμε που μας προτιμάτε!";
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options(longGreek).build());

        assertThat(plan.firstRow().orElseThrow().phone()).isEqualTo(ZH);
        assertThat(plan.firstMessage().orElseThrow().text()).startsWith("Αγαπητέ 王小明,");
        assertThat(plan.firstMessage().orElseThrow().segmentInfo().segments()).isEqualTo(2);
        assertThat(plan.firstMessage("new").orElseThrow().text()).startsWith("Αγαπητέ Nguyễn Thị Hương,");
    }

    @Test
    void confirmationSummarizesChannelGroupsCountTimeTemplateAndSegments() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS),
                options("Hi {name}").templateName("order ready").build());

        ImportConfirmation all = plan.confirmation();
        assertThat(all.channel()).isEqualTo("fake");
        assertThat(all.source()).isEqualTo("customers.csv");
        assertThat(all.tags()).containsExactly("vip", "new");
        assertThat(all.messages()).isEqualTo(4);
        assertThat(all.sendAt()).isEqualTo(clock.instant());
        assertThat(all.scheduled()).isFalse();
        assertThat(all.template()).isEqualTo("order ready");
        assertThat(all.estimatedSegments()).isEqualTo(4);
        assertThat(all.summary()).contains("Channel:   fake").contains("Groups:    vip, new").contains("Send at:   now");

        ImportConfirmation vip = plan.confirmation(List.of("vip"));
        assertThat(vip.messages()).isEqualTo(2);
        assertThat(vip.tags()).containsExactly("vip");
    }

    @Test
    void refusesAnUnknownOrEmptyTagSelection() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build());

        assertThatThrownBy(() -> plan.confirmation(List.of("gold"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tag 'gold' is not in customers.csv; the file's tags are [vip, new]");
        assertThatThrownBy(() -> bulk.start(plan, List.of(), p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tag selected");
    }

    @Test
    void startingSelectedTagsEnqueuesOnlyThoseAndCountsTheRestAsSkipped() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build());

        ImportRun run = bulk.start(plan, List.of("new"), p -> { });

        assertThat(run.progress().enqueued()).isEqualTo(2);
        assertThat(run.progress().skipped()).isEqualTo(2);
        assertThat(outbox.query(BulkImport.pending(plan.planId()))).extracting(OutboxEntry::phone)
                .containsExactlyInAnyOrder(VI, EN);
    }

    // ---------------------------------------------------------------- execution time

    @Test
    void aFutureExecutionTimeSchedulesEveryMessage() {
        Instant at = clock.instant().plus(Duration.ofHours(3));
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").executeAt(at).build());

        assertThat(plan.confirmation().scheduled()).isTrue();
        assertThat(plan.confirmation().sendAt()).isEqualTo(at);
        bulk.start(plan);

        assertThat(outbox.query(BulkImport.pending(plan.planId()))).hasSize(4).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
            assertThat(e.scheduledAt()).contains(at);
        });
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        clock.advance(Duration.ofHours(3));
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);
    }

    @Test
    void aPastExecutionTimeMeansNow() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS),
                options("Hi {name}").executeAt(clock.instant().minus(Duration.ofDays(1))).build());

        assertThat(plan.confirmation().scheduled()).isFalse();
        assertThat(plan.confirmation().sendAt()).isEqualTo(clock.instant());
        bulk.start(plan);

        assertThat(outbox.query(BulkImport.pending(plan.planId())))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(MessageStatus.QUEUED));
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);
    }

    // ---------------------------------------------------------------- progress and cancel

    @Test
    void reportsProgressWhileScanningAndRunningAndAnswersItAfterwards() {
        List<ImportProgress> scanned = new ArrayList<>();
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build(), scanned::add);
        assertThat(scanned).extracting(ImportProgress::state).containsExactly(ImportProgress.State.SCANNING,
                ImportProgress.State.SCANNING, ImportProgress.State.PLANNED);
        assertThat(bulk.progress(plan.planId()).orElseThrow().state()).isEqualTo(ImportProgress.State.PLANNED);
        assertThat(bulk.cancel(plan.planId())).isFalse();
        assertThat(bulk.cancel("import-unknown")).isFalse();

        List<ImportProgress> seen = new ArrayList<>();
        ImportRun run = bulk.start(plan, List.of("vip", "new"), seen::add);

        assertThat(seen).extracting(ImportProgress::state, ImportProgress::rowsRead, ImportProgress::enqueued)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ImportProgress.State.RUNNING, 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple(ImportProgress.State.RUNNING, 4L, 4L),
                        org.assertj.core.groups.Tuple.tuple(ImportProgress.State.COMPLETED, 4L, 4L));
        assertThat(seen.get(0).fraction()).isEqualTo(0.5);
        ImportProgress last = bulk.progress(plan.planId()).orElseThrow();
        assertThat(last).isEqualTo(run.progress());
        assertThat(last.accepted()).isEqualTo(4);
        assertThat(run.completion().join().state()).isEqualTo(ImportProgress.State.COMPLETED);
        assertThat(bulk.progress("import-unknown")).isEmpty();
    }

    @Test
    void cancellingStopsReadingAndTheEnqueuedEntriesCanBeDeleted() {
        List<String> lines = new ArrayList<>(List.of("phone,name,tag"));
        IntStream.range(0, 10).forEach(i -> lines.add("+3069" + (12345600 + i) + ",Πελάτης " + i + ",vip"));
        ImportPlan plan = bulk.plan(file(lines.toArray(String[]::new)), options("Γεια {name}").build());

        ImportRun run = bulk.start(plan, List.of("vip"), p -> {
            if (p.state() == ImportProgress.State.RUNNING && p.enqueued() == 4) {
                assertThat(bulk.cancel(p.planId())).isTrue();
            }
        });

        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.CANCELLED);
        assertThat(run.progress().enqueued()).isEqualTo(4);
        assertThat(run.progress().rowsRead()).isEqualTo(4);
        assertThat(run.completion().join().state()).isEqualTo(ImportProgress.State.CANCELLED);
        assertThat(run.cancel()).isFalse();
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(4);

        assertThat(bulk.deleteEnqueued(plan.planId())).isEqualTo(4);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isZero();
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
    }

    @Test
    void aCancelledPlanCanBeStartedAgainWithoutDuplicatesButACompletedOneCannot() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build());
        bulk.start(plan, List.of("vip", "new"), p -> bulk.cancel(p.planId()));
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(2);

        ImportRun again = bulk.start(plan);

        assertThat(again.progress().state()).isEqualTo(ImportProgress.State.COMPLETED);
        assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(4);
        assertThatThrownBy(() -> bulk.start(plan)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is completed");
    }

    @Test
    void aFileThatCannotBeReadAgainFailsTheRun() {
        AtomicInteger opens = new AtomicInteger();
        byte[] bytes = String.join("\n", FOUR_SCRIPTS).getBytes(StandardCharsets.UTF_8);
        ImportSource once = new ImportSource() {
            @Override
            public String name() {
                return "upload.csv";
            }

            @Override
            public InputStream open() throws IOException {
                if (opens.getAndIncrement() > 0) {
                    throw new IOException("upload expired");
                }
                return new java.io.ByteArrayInputStream(bytes);
            }
        };
        ImportPlan plan = bulk.plan(once, options("Hi {name}").build());

        ImportRun run = bulk.start(plan);

        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.FAILED);
        assertThat(run.progress().failure()).hasValueSatisfying(f -> assertThat(f).contains("upload expired"));
        assertThatThrownBy(() -> run.completion().join()).isInstanceOf(CompletionException.class);
    }

    @Test
    void aFailingListenerDoesNotStopTheImport() {
        ImportPlan plan = bulk.plan(file(FOUR_SCRIPTS), options("Hi {name}").build());

        ImportRun run = bulk.start(plan, List.of("vip", "new"), p -> {
            throw new IllegalStateException("broken bar");
        });

        assertThat(run.progress().state()).isEqualTo(ImportProgress.State.COMPLETED);
    }

    // ---------------------------------------------------------------- rejects export

    @Test
    void exportsEveryRejectedRowAsCsvWithFormulaCellsEscaped() {
        List<String> lines = new ArrayList<>(List.of("phone,name,tag"));
        lines.add("=HYPERLINK(\"http://x\"),Ann,vip");
        lines.add("@SUM(1),Bob,vip");
        lines.add("-12,Eve,vip");
        lines.add(EL + ",Γιώργος,");
        IntStream.range(0, ImportPlan.REJECTED_SAMPLE + 5).forEach(i -> lines.add("12" + i + ",x,vip"));
        ImportPlan plan = bulk.plan(file(lines.toArray(String[]::new)), options("Hi {name}").build());
        assertThat(plan.rejectedSample()).hasSize(ImportPlan.REJECTED_SAMPLE);
        assertThat(plan.rejected()).isEqualTo(ImportPlan.REJECTED_SAMPLE + 9);

        StringBuilder out = new StringBuilder();
        long n = plan.writeRejects(out);

        assertThat(n).isEqualTo(plan.rejected());
        List<String> csv = out.toString().lines().collect(Collectors.toList());
        assertThat(csv).hasSize((int) n + 1);
        assertThat(csv.get(0)).isEqualTo("line,column,reason,message,value");
        assertThat(csv.get(1)).startsWith("2,1,BAD_NUMBER,").endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(csv.get(2)).endsWith(",'@SUM(1)");
        assertThat(csv.get(3)).endsWith(",'-12");
        assertThat(csv.get(4)).startsWith("5,3,MISSING_TAG,");
    }

    @Test
    void writesASampleOfRejectedRowsAsCsv() {
        StringBuilder out = new StringBuilder();
        RejectedRow.writeCsv(List.of(new RejectedRow(7, OptionalInt.of(1), RejectReason.BAD_NUMBER, "too short",
                "+30 69"), new RejectedRow(9, OptionalInt.empty(), RejectReason.MALFORMED_CSV, "malformed, \"bad\"", "")),
                out);

        assertThat(out.toString()).isEqualTo("line,column,reason,message,value\r\n"
                + "7,1,BAD_NUMBER,too short,'+30 69\r\n"
                + "9,,MALFORMED_CSV,\"malformed, \"\"bad\"\"\",\r\n");
    }

    // ---------------------------------------------------------------- configuration errors

    @Test
    void optionsSayWhatIsMissingOrWrong() {
        Template t = Template.compile("Hi");
        assertThatThrownBy(() -> ImportOptions.builder().phoneColumn(1).fixedTag("a").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no template");
        assertThatThrownBy(() -> ImportOptions.builder().phoneColumn(1).template(t).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tagColumn(...)");
        assertThatThrownBy(() -> ImportOptions.builder().fixedTag("a").template(t).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no phone column");
        assertThatThrownBy(() -> ImportOptions.builder().format(ImportOptions.Format.TXT).tagColumn(2).template(t).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TXT file has one number a line");
        assertThatThrownBy(() -> ImportOptions.builder().header(ImportOptions.Header.SKIP).phoneColumn("phone")
                .fixedTag("a").template(t).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("columns are named but header is SKIP");
        assertThatThrownBy(() -> ImportOptions.builder().phoneColumn(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the first column is 1), was 0");
        assertThatThrownBy(() -> ImportOptions.builder().delimiter('"'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter cannot be '\"'");
        assertThatThrownBy(() -> ImportOptions.builder().params(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10 params");
        assertThatThrownBy(() -> ImportOptions.builder().defaultRegion("XX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region 'XX'");
        assertThatThrownBy(() -> ImportOptions.builder().fixedTag(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag must not be blank");
        assertThatThrownBy(() -> BulkImport.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no outbox");
        assertThatThrownBy(() -> BulkImport.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> BulkImport.builder().clock(clock).clock(clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock was already set");
    }

    @Test
    void optionsDefaultsFollowTheFormatAndSurviveToBuilder() {
        ImportOptions csv = options("Hi {name}").build();
        assertThat(csv.header()).isEqualTo(ImportOptions.Header.NAMES);
        assertThat(csv.delimiter()).isEqualTo(',');
        assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(csv.templateName()).isEqualTo("Hi {name}");
        assertThat(csv.variableColumns()).containsExactly(Map.entry("name", "column 'name'"));
        assertThat(csv.toBuilder().build()).isEqualTo(csv).hasSameHashCodeAs(csv);
        ImportOptions tsv = options("x").format(ImportOptions.Format.TSV).build();
        assertThat(tsv.delimiter()).isEqualTo('\t');
        ImportOptions txt = ImportOptions.builder().format(ImportOptions.Format.TXT).fixedTag("a")
                .template(Template.compile("x")).build();
        assertThat(txt.header()).isEqualTo(ImportOptions.Header.NONE);
        assertThat(txt.fixedTag()).contains("a");
    }
}
