package org.smsbridge.benchmarks;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.StringSubstitutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smsbridge.templates.Template;
import org.smsbridge.templates.TemplateEngine;

/**
 * Rendering a typical SMS template with five fields (name, plate, a money amount, a date, a
 * signature), el-GR, from a {@code Map} and from a record: sms-templates against JMustache 1.16,
 * Mustache.java 0.9.14 and commons-text {@code StringSubstitutor} rendering the equivalent
 * template, and a hand-written {@code StringBuilder} as the floor.
 *
 * <ul>
 * <li>{@code *Preformatted}: the amount and date are already strings (Mustache has no formats).</li>
 * <li>{@code *Formatted}: raw {@code BigDecimal} and {@code LocalDate}; ours use {@code {amount:money}}
 *     and {@code {due:date:dd/MM/yyyy}}, the peers format with the JDK first, with the formatters
 *     cached per thread (the best a careful caller can do: {@code NumberFormat} is not thread-safe).</li>
 * </ul>
 * Every variant must produce the same text; that is checked in {@link #setup()}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TemplateBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TemplateBenchmark {
    static final Locale GREEK = Locale.forLanguageTag("el-GR");
    static final String EXPECTED = "Αγαπητέ Γιώργο Παπαδόπουλο, το αυτοκίνητό σας ΙΚΑ-1234 είναι έτοιμο. "
            + "Κόστος 1.234,50 €, πληρωμή έως 05/12/2026. Συνεργείο Νίκος";

    /** The values as a record, as an application would hold them. */
    public record Repair(String name, String plate, BigDecimal amount, LocalDate due, String signature) {
    }

    /** The same with the amount and date already formatted. */
    public record RepairText(String name, String plate, String amount, String due, String signature) {
    }

    private Template oursFormatted;
    /** The same template in English with en-US formats: its output is all Latin-1 (one byte a char). */
    private Template oursFormattedEnglish;
    static final String EXPECTED_ENGLISH = "Dear George Papadopoulos, your car IKA-1234 is ready. Cost $1,234.50, due "
            + "05/12/2026. Nikos Garage";
    private Map<String, Object> rawEnglish;
    private Template oursPlain;
    private com.samskivert.mustache.Template jmustache;
    private Mustache mustacheJava;
    private static final String SUBSTITUTOR_TEMPLATE = "Αγαπητέ ${name}, το αυτοκίνητό σας ${plate} είναι έτοιμο. "
            + "Κόστος ${amount}, πληρωμή έως ${due}. ${signature}";

    private Map<String, Object> raw;
    private Map<String, Object> text;
    private Repair rawRecord;
    private RepairText textRecord;

    private NumberFormat money;
    private final DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy", GREEK);

    @Setup
    public void setup() {
        TemplateEngine engine = TemplateEngine.builder().locale(GREEK).build();
        oursFormatted = engine.compile("Αγαπητέ {name}, το αυτοκίνητό σας {plate} είναι έτοιμο. "
                + "Κόστος {amount:money}, πληρωμή έως {due:date:dd/MM/yyyy}. {signature}");
        oursPlain = engine.compile("Αγαπητέ {name}, το αυτοκίνητό σας {plate} είναι έτοιμο. "
                + "Κόστος {amount}, πληρωμή έως {due}. {signature}");
        String mustache = "Αγαπητέ {{name}}, το αυτοκίνητό σας {{plate}} είναι έτοιμο. "
                + "Κόστος {{amount}}, πληρωμή έως {{due}}. {{signature}}";
        jmustache = com.samskivert.mustache.Mustache.compiler().escapeHTML(false).compile(mustache);
        DefaultMustacheFactory factory = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        mustacheJava = factory.compile(new StringReader(mustache), "sms");
        money = NumberFormat.getCurrencyInstance(GREEK);

        raw = new HashMap<>();
        raw.put("name", "Γιώργο Παπαδόπουλο");
        raw.put("plate", "ΙΚΑ-1234");
        raw.put("amount", new BigDecimal("1234.50"));
        raw.put("due", LocalDate.of(2026, 12, 5));
        raw.put("signature", "Συνεργείο Νίκος");
        text = new HashMap<>(raw);
        text.put("amount", "1.234,50 €");
        text.put("due", "05/12/2026");
        rawRecord = new Repair("Γιώργο Παπαδόπουλο", "ΙΚΑ-1234", new BigDecimal("1234.50"), LocalDate.of(2026, 12, 5),
                "Συνεργείο Νίκος");
        textRecord = new RepairText("Γιώργο Παπαδόπουλο", "ΙΚΑ-1234", "1.234,50 €", "05/12/2026", "Συνεργείο Νίκος");

        oursFormattedEnglish = TemplateEngine.builder().locale(Locale.US).build().compile("Dear {name}, your car {plate} "
                + "is ready. Cost {amount:money}, due {due:date:dd/MM/yyyy}. {signature}");
        rawEnglish = new HashMap<>(raw);
        rawEnglish.put("name", "George Papadopoulos");
        rawEnglish.put("plate", "IKA-1234");
        rawEnglish.put("signature", "Nikos Garage");
        if (!EXPECTED_ENGLISH.equals(oursMapFormattedEnglish())) {
            throw new IllegalStateException("oursMapFormattedEnglish rendered '" + oursMapFormattedEnglish() + "'");
        }
        check("oursMapFormatted", oursMapFormatted());
        check("oursRecordFormatted", oursRecordFormatted());
        check("oursMapPreformatted", oursMapPreformatted());
        check("oursRecordPreformatted", oursRecordPreformatted());
        check("jmustachePreformatted", jmustachePreformatted());
        check("mustacheJavaPreformatted", mustacheJavaPreformatted());
        check("substitutorPreformatted", substitutorPreformatted());
        check("handWrittenPreformatted", handWrittenPreformatted());
        check("jmustacheJdkFormatted", jmustacheJdkFormatted());
        check("handWrittenJdkFormatted", handWrittenJdkFormatted());
    }

    private static void check(String name, String got) {
        if (!EXPECTED.equals(got)) {
            throw new IllegalStateException(name + " rendered '" + got + "', expected '" + EXPECTED + "'");
        }
    }

    private String jdkMoney(Object amount) {
        return money.format(amount).replace('\u00A0', ' ');
    }

    @Benchmark
    public String oursMapFormatted() {
        return oursFormatted.render(raw);
    }

    /** Latin-1 output: the render allocates exactly its result, formats included. */
    @Benchmark
    public String oursMapFormattedEnglish() {
        return oursFormattedEnglish.render(rawEnglish);
    }

    @Benchmark
    public String oursRecordFormatted() {
        return oursFormatted.render(rawRecord);
    }

    @Benchmark
    public String oursMapPreformatted() {
        return oursPlain.render(text);
    }

    @Benchmark
    public String oursRecordPreformatted() {
        return oursPlain.render(textRecord);
    }

    @Benchmark
    public String jmustachePreformatted() {
        return jmustache.execute(text);
    }

    @Benchmark
    public String mustacheJavaPreformatted() {
        StringWriter out = new StringWriter(160);
        mustacheJava.execute(out, text);
        return out.toString();
    }

    @Benchmark
    public String substitutorPreformatted() {
        return new StringSubstitutor(text).replace(SUBSTITUTOR_TEMPLATE);
    }

    @Benchmark
    public String handWrittenPreformatted() {
        Map<String, Object> v = text;
        return new StringBuilder(160).append("Αγαπητέ ").append(v.get("name"))
                .append(", το αυτοκίνητό σας ").append(v.get("plate")).append(" είναι έτοιμο. Κόστος ")
                .append(v.get("amount")).append(", πληρωμή έως ").append(v.get("due")).append(". ")
                .append(v.get("signature")).toString();
    }

    @Benchmark
    public String jmustacheJdkFormatted() {
        Map<String, Object> v = new HashMap<>(raw);
        v.put("amount", jdkMoney(raw.get("amount")));
        v.put("due", date.format((LocalDate) raw.get("due")));
        return jmustache.execute(v);
    }

    @Benchmark
    public String handWrittenJdkFormatted() {
        Map<String, Object> v = raw;
        return new StringBuilder(160).append("Αγαπητέ ").append(v.get("name"))
                .append(", το αυτοκίνητό σας ").append(v.get("plate")).append(" είναι έτοιμο. Κόστος ")
                .append(jdkMoney(v.get("amount"))).append(", πληρωμή έως ").append(date.format((LocalDate) v.get("due")))
                .append(". ").append(v.get("signature")).toString();
    }
}
