package org.smsbridge.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deterministic keyword lists and messages for {@link KeywordFilterBenchmark}: words mixing
 * Chinese, Vietnamese, Greek and English (a quarter each), messages of ordinary mixed-script text
 * of an exact length, clean or with keywords inserted.
 */
final class KeywordFilterWorkload {
    private static final String[] VI_ONSETS = {"b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n",
        "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"};
    private static final String[] VI_VOWELS = {"a", "á", "à", "ả", "ã", "ạ", "ă", "ắ", "ằ", "â", "ấ", "ầ", "e", "é",
        "è", "ê", "ế", "ề", "ệ", "i", "í", "ì", "o", "ó", "ò", "ô", "ố", "ồ", "ơ", "ớ", "ờ", "u", "ú", "ù", "ư",
        "ứ", "ừ", "y", "ý"};
    private static final String[] VI_FINALS = {"", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
    private static final String GREEK = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ";

    /** Ordinary text the filler is cut from, in the four scripts. */
    private static final String[] FILLER = {
        "Your appointment is confirmed for Tuesday at ten. ",
        "Xe của bạn đã sẵn sàng, mời đến nhận tại cửa hàng. ",
        "Το αυτοκίνητό σας είναι έτοιμο για παραλαβή. ",
        "您的验证码已发送，请在五分钟内输入。",
        "Thank you for your order, it ships tomorrow. ",
        "Cảm ơn quý khách đã sử dụng dịch vụ của chúng tôi. ",
        "Ευχαριστούμε για την παραγγελία σας. ",
        "明天上午十点请到服务中心取车。",
    };

    private KeywordFilterWorkload() {
    }

    /** {@code count} distinct keywords, a quarter in each script, reproducible for a seed. */
    static List<String> keywords(int count, long seed) {
        Random r = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        int i = 0;
        while (words.size() < count) {
            words.add(word(r, i++ % 4));
        }
        return new ArrayList<>(words);
    }

    /** Only the English (ASCII) keywords of a list. */
    static List<String> ascii(List<String> keywords) {
        return keywords.stream().filter(w -> w.chars().allMatch(c -> c < 0x80)).toList();
    }

    private static String word(Random r, int script) {
        StringBuilder sb = new StringBuilder();
        switch (script) {
            case 0 -> { // English-like
                int n = 4 + r.nextInt(7);
                for (int i = 0; i < n; i++) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
            }
            case 1 -> { // Vietnamese, two or three syllables
                int n = 2 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(VI_ONSETS[r.nextInt(VI_ONSETS.length)]).append(VI_VOWELS[r.nextInt(VI_VOWELS.length)])
                            .append(VI_FINALS[r.nextInt(VI_FINALS.length)]);
                }
            }
            case 2 -> { // Greek
                int n = 5 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(GREEK.charAt(r.nextInt(GREEK.length())));
                }
            }
            default -> { // Chinese, two to four characters of the common block
                int n = 2 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sb.append((char) (0x4E00 + r.nextInt(0x1500)));
                }
            }
        }
        return sb.toString();
    }

    /**
     * A message of exactly {@code length} chars of mixed-script filler; with {@code hits > 0} that
     * many keywords (from {@code keywords}) are written into it. {@code clean} must accept the
     * filler (no keyword in it); candidates that fail are skipped.
     */
    static String message(int length, int hits, List<String> keywords, long seed, Predicate<String> clean) {
        Random r = new Random(seed);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < length) {
                sb.append(FILLER[r.nextInt(FILLER.length)]);
            }
            String filler = sb.substring(0, length);
            if (!clean.test(filler)) {
                continue;
            }
            if (hits == 0) {
                return filler;
            }
            StringBuilder m = new StringBuilder(filler);
            int slot = length / hits;
            for (int h = 0; h < hits; h++) {
                String k = keywords.get(r.nextInt(keywords.size()));
                int at = h * slot + r.nextInt(Math.max(1, slot - k.length() - 2));
                m.replace(at, Math.min(length, at + k.length() + 2), " " + k + " ");
            }
            return m.substring(0, length);
        }
        throw new IllegalStateException("no clean filler found for length " + length);
    }

    /** An ASCII-only lowercase message with the given keywords between plain words. */
    static String asciiMessage(List<String> inserted, long seed) {
        Random r = new Random(seed);
        String[] plain = {"your", "order", "ships", "today", "thanks", "see", "you", "at", "the", "shop"};
        StringBuilder sb = new StringBuilder();
        for (String k : inserted) {
            sb.append(plain[r.nextInt(plain.length)]).append(' ').append(k).append(' ');
        }
        return sb.append("bye").toString();
    }
}
