package org.smsbridge.benchmarks;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.filter.Normalization;

/**
 * Finding blocked keywords in one message: SMS Bridge's {@link KeywordFilter} with
 * {@link Normalization#STANDARD} and with {@link Normalization#NONE}, against hankcs'
 * aho-corasick-double-array-trie, robert-bor's ahocorasick, houbb's sensitive-word (with its own
 * normalization) and a naive {@code indexOf} loop. Word lists mix Chinese, Vietnamese, Greek and
 * English; messages are ordinary mixed-script text, clean ({@code hits=0}) or with one keyword.
 * Before measuring, every engine must agree with {@code indexOf} on ASCII texts.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar KeywordFilterBenchmark.find -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class KeywordFilterBenchmark {
    @Param({"50000"})
    public int words;

    @Param({"160"})
    public int length;

    @Param({"0", "1"})
    public int hits;

    private List<String> keywords;
    private String message;
    private KeywordFilter standard;
    private KeywordFilter none;
    private AhoCorasickDoubleArrayTrie<String> hankcs;
    private Trie robertBor;
    private SensitiveWordBs sensitiveWord;

    @Setup(Level.Trial)
    public void setUp() {
        keywords = KeywordFilterWorkload.keywords(words, 42);
        KeywordFilterEngines.checkAsciiAgreement(keywords);
        standard = KeywordFilterEngines.smsBridge(keywords, Normalization.STANDARD);
        none = KeywordFilterEngines.smsBridge(keywords, Normalization.NONE);
        hankcs = KeywordFilterEngines.hankcs(keywords);
        robertBor = KeywordFilterEngines.robertBor(keywords);
        sensitiveWord = KeywordFilterEngines.sensitiveWord(keywords);
        // clean means clean for every engine; a hit message has one keyword written as listed
        message = KeywordFilterWorkload.message(length, hits, keywords, 7,
                s -> !standard.matches(s) && hankcs.parseText(s).isEmpty() && robertBor.parseText(s).isEmpty()
                        && sensitiveWord.findAll(s).isEmpty());
        int expected = hits == 0 ? 0 : 1;
        if (standard.findAll(message).size() < expected || none.findAll(message).size() < expected
                || hankcs.parseText(message).size() < expected) {
            throw new IllegalStateException("message does not have the expected hits: " + message);
        }
    }

    @Benchmark
    public Object smsBridgeStandard() {
        return standard.findAll(message);
    }

    @Benchmark
    public Object smsBridgeNoNormalization() {
        return none.findAll(message);
    }

    @Benchmark
    public Object hankcsDoubleArrayTrie() {
        return hankcs.parseText(message);
    }

    @Benchmark
    public Object robertBorAhoCorasick() {
        return robertBor.parseText(message);
    }

    @Benchmark
    public Object sensitiveWord() {
        return sensitiveWord.findAll(message, WordResultHandlers.raw());
    }

    @Benchmark
    public Object naiveIndexOf() {
        return KeywordFilterEngines.naive(keywords, message);
    }
}
