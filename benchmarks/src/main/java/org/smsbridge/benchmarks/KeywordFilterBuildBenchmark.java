package org.smsbridge.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.smsbridge.filter.Normalization;

/**
 * Building a filter from a mixed-script word list: SMS Bridge ({@link Normalization#STANDARD} and
 * {@link Normalization#NONE}) against the peers of {@link KeywordFilterBenchmark}. Single-shot: each
 * iteration is one build.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar KeywordFilterBuildBenchmark -f 1 -wi 3 -i 5 -bm ss
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class KeywordFilterBuildBenchmark {
    @Param({"50000"})
    public int words;

    private List<String> keywords;

    @Setup(Level.Trial)
    public void setUp() {
        keywords = KeywordFilterWorkload.keywords(words, 42);
    }

    @Benchmark
    public Object smsBridgeStandard() {
        return KeywordFilterEngines.smsBridge(keywords, Normalization.STANDARD);
    }

    @Benchmark
    public Object smsBridgeNoNormalization() {
        return KeywordFilterEngines.smsBridge(keywords, Normalization.NONE);
    }

    @Benchmark
    public Object hankcsDoubleArrayTrie() {
        return KeywordFilterEngines.hankcs(keywords);
    }

    @Benchmark
    public Object robertBorAhoCorasick() {
        return KeywordFilterEngines.robertBor(keywords);
    }

    @Benchmark
    public Object sensitiveWord() {
        return KeywordFilterEngines.sensitiveWord(keywords);
    }
}
