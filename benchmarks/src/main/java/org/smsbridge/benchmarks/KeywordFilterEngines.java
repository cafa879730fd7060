package org.smsbridge.benchmarks;

import com.github.houbb.sensitive.word.api.IWordResult;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.allow.WordAllows;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.filter.Normalization;

/**
 * The engines compared by {@link KeywordFilterBenchmark}, each built from one keyword list and
 * answering "all hits as (start, end)" the way its library does.
 */
final class KeywordFilterEngines {
    private KeywordFilterEngines() {
    }

    static KeywordFilter smsBridge(List<String> words, Normalization normalization) {
        return KeywordFilter.builder().addAll(words).normalization(normalization).build();
    }

    static AhoCorasickDoubleArrayTrie<String> hankcs(List<String> words) {
        TreeMap<String, String> map = new TreeMap<>();
        words.forEach(w -> map.put(w, w));
        AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        return trie;
    }

    static Trie robertBor(List<String> words) {
        return Trie.builder().addKeywords(words).build();
    }

    /** sensitive-word with only our words (no built-in dictionary or allow list), its normalization on. */
    static SensitiveWordBs sensitiveWord(List<String> words) {
        return SensitiveWordBs.newInstance()
                .wordDeny(() -> words)
                .wordAllow(WordAllows.empty())
                .enableNumCheck(false).enableEmailCheck(false).enableUrlCheck(false).enableIpv4Check(false)
                .init();
    }

    /** The reference: {@code indexOf} for every keyword. */
    static List<int[]> naive(List<String> words, String text) {
        List<int[]> hits = new ArrayList<>();
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                hits.add(new int[] {i, i + w.length()});
            }
        }
        return hits;
    }

    static TreeSet<String> spans(List<KeywordHit> hits) {
        TreeSet<String> s = new TreeSet<>();
        hits.forEach(h -> s.add(h.start() + "-" + h.end()));
        return s;
    }

    static TreeSet<String> spansOf(List<int[]> hits) {
        TreeSet<String> s = new TreeSet<>();
        hits.forEach(h -> s.add(h[0] + "-" + h[1]));
        return s;
    }

    static TreeSet<String> spansHankcs(AhoCorasickDoubleArrayTrie<String> trie, String text) {
        TreeSet<String> s = new TreeSet<>();
        trie.parseText(text).forEach(h -> s.add(h.begin + "-" + h.end));
        return s;
    }

    static TreeSet<String> spansRobertBor(Trie trie, String text) {
        TreeSet<String> s = new TreeSet<>();
        for (Emit e : trie.parseText(text)) {
            s.add(e.getStart() + "-" + (e.getEnd() + 1));
        }
        return s;
    }

    static TreeSet<String> spansSensitiveWord(SensitiveWordBs bs, String text) {
        TreeSet<String> s = new TreeSet<>();
        for (IWordResult r : bs.findAll(text, WordResultHandlers.raw())) {
            s.add(r.startIndex() + "-" + r.endIndex());
        }
        return s;
    }

    /**
     * Checks that every engine finds exactly the {@code indexOf} hits on ASCII texts made of
     * ASCII keywords that are not inside each other or the filler words.
     *
     * @throws IllegalStateException naming the engine, text and both answers on a difference
     */
    static void checkAsciiAgreement(List<String> words) {
        List<String> ascii = new ArrayList<>(KeywordFilterWorkload.ascii(words));
        Collections.sort(ascii);
        List<String> independent = new ArrayList<>();
        String filler = "your order ships today thanks see you at the shop bye";
        for (String w : ascii) {
            if (independent.size() == 200) {
                break;
            }
            boolean inside = filler.contains(w) || independent.stream().anyMatch(o -> o.contains(w) || w.contains(o));
            if (!inside) {
                independent.add(w);
            }
        }
        KeywordFilter standard = smsBridge(independent, Normalization.STANDARD);
        KeywordFilter none = smsBridge(independent, Normalization.NONE);
        AhoCorasickDoubleArrayTrie<String> hankcs = hankcs(independent);
        Trie robertBor = robertBor(independent);
        SensitiveWordBs sensitive = sensitiveWord(independent);
        for (int m = 0; m < 40; m++) {
            List<String> inserted = new ArrayList<>();
            for (int j = 0; j < 1 + m % 4; j++) {
                inserted.add(independent.get((m * 7 + j * 13) % independent.size()));
            }
            String text = KeywordFilterWorkload.asciiMessage(inserted, m);
            TreeSet<String> expected = spansOf(naive(independent, text));
            agree("sms-bridge STANDARD", text, expected, spans(standard.findAll(text)));
            agree("sms-bridge NONE", text, expected, spans(none.findAll(text)));
            agree("hankcs", text, expected, spansHankcs(hankcs, text));
            agree("robert-bor", text, expected, spansRobertBor(robertBor, text));
            agree("sensitive-word", text, expected, spansSensitiveWord(sensitive, text));
        }
    }

    private static void agree(String engine, String text, TreeSet<String> expected, TreeSet<String> actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(engine + " disagrees with indexOf on '" + text + "': expected " + expected
                    + ", got " + actual);
        }
    }
}
