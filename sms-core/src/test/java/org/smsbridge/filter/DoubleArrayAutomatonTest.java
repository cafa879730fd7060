package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The automaton finds exactly what {@code indexOf} finds, for random dictionaries and texts. */
class DoubleArrayAutomatonTest {
    @Test
    void findsTheSameOccurrencesAsIndexOf() {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            boolean small = round % 2 == 0;
            String alphabet = small ? "abc" : "abcdefghij免费贷款δωρε";
            TreeSet<String> dictionary = new TreeSet<>();
            int size = 1 + random.nextInt(small ? 200 : round < 15 ? 20 : 2000); // "abc": 1092 words up to 6
            while (dictionary.size() < size) {
                dictionary.add(randomWord(random, alphabet, 1 + random.nextInt(6)));
            }
            String[] keys = dictionary.toArray(new String[0]);
            int[] codeOf = new int[0x10000];
            int next = 0;
            for (char c : alphabet.toCharArray()) {
                codeOf[c] = ++next;
            }
            DoubleArrayAutomaton a = DoubleArrayAutomaton.build(keys, codeOf, next);
            for (int t = 0; t < 20; t++) {
                String text = randomWord(random, alphabet + "xyz", random.nextInt(60));
                assertThat(find(a, keys, codeOf, text)).isEqualTo(indexOf(keys, text));
                assertDepths(a, keys, codeOf, text);
            }
        }
    }

    /** After each char, the state's depth is the longest end of the text read so far that begins a key. */
    private static void assertDepths(DoubleArrayAutomaton a, String[] keys, int[] codeOf, String text) {
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = codeOf[text.charAt(i)];
            s = c == 0 ? 0 : a.next(s, c);
            int expected = 0;
            for (int d = i + 1; d > 0 && expected == 0; d--) {
                String end = text.substring(i + 1 - d, i + 1);
                for (String k : keys) {
                    if (k.startsWith(end)) {
                        expected = d;
                        break;
                    }
                }
            }
            assertThat(a.depth[s]).as("depth after %s", text.substring(0, i + 1)).isEqualTo(expected);
        }
    }

    private static TreeSet<String> find(DoubleArrayAutomaton a, String[] keys, int[] codeOf, String text) {
        TreeSet<String> found = new TreeSet<>();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = codeOf[text.charAt(i)];
            s = c == 0 ? 0 : a.next(s, c);
            for (int r = a.report(s); r >= 0; r = a.nextReport(r)) {
                String k = keys[a.terminal[r]];
                found.add((i + 1 - k.length()) + ":" + k);
            }
        }
        return found;
    }

    private static TreeSet<String> indexOf(String[] keys, String text) {
        TreeSet<String> found = new TreeSet<>();
        for (String k : keys) {
            for (int i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) {
                found.add(i + ":" + k);
            }
        }
        return found;
    }

    private static String randomWord(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void emptyDictionaryNeverReports() {
        DoubleArrayAutomaton a = DoubleArrayAutomaton.build(new String[0], new int[0x10000], 0);
        assertThat(a.report(0)).isEqualTo(-1);
        assertThat(a.next(0, 0)).isZero();
    }
}
