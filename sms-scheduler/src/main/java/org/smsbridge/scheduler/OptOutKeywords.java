package org.smsbridge.scheduler;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Recognizes replies that ask to stop receiving advertising, in the four languages of the seeds
 * and the usual carrier keywords. Stateless and thread-safe.
 *
 * <p>A reply is normalized first: Unicode compatibility form (full-width {@code ＳＴＯＰ} becomes
 * {@code STOP}), accents and tones removed ({@code HỦY} becomes {@code huy}, {@code ΔΙΑΓΡΑΦΉ}
 * becomes {@code διαγραφη}, {@code đ} becomes {@code d}), lower case, runs of spaces made one,
 * and punctuation and spaces at both ends dropped. Then it is an opt-out when:
 * <ul>
 *   <li>the whole reply is one of {@link #KEYWORDS}, or</li>
 *   <li>the reply starts with one of {@link #LEADING_KEYWORDS} followed by a space or punctuation
 *       ({@code "STOP please"}, {@code "退订，谢谢"}); the short or everyday words ({@code end},
 *       {@code cancel}, {@code quit}, {@code t}, {@code td}, {@code tc}, {@code huy}) count only as
 *       the whole reply, so {@code "End of the month?"} is not an opt-out.</li>
 * </ul>
 */
public final class OptOutKeywords {
    /**
     * Whole-reply keywords (normalized): English {@code stop, stopall, unsubscribe, cancel, end,
     * quit, optout, opt out, remove}; Chinese {@code 退订, 退定, 取消订阅, 取消, t, td}; Greek
     * {@code διαγραφη, στοπ, απεγγραφη}; Vietnamese {@code huy, huy dang ky, tu choi, tc, dung}.
     */
    public static final Set<String> KEYWORDS = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit",
            "optout", "opt out", "opt-out", "remove", "退订", "退定", "取消订阅", "取消", "t", "td", "διαγραφη", "στοπ",
            "απεγγραφη", "huy", "huy dang ky", "tu choi", "tc", "dung");
    /** Keywords that also count at the start of a longer reply (normalized). */
    public static final Set<String> LEADING_KEYWORDS = Set.of("stop", "stopall", "unsubscribe", "optout", "opt out",
            "opt-out", "退订", "退定", "取消订阅", "διαγραφη", "στοπ", "απεγγραφη", "huy dang ky", "tu choi");

    private OptOutKeywords() {
    }

    /** Whether {@code reply} asks to opt out, by the rules above. */
    public static boolean isOptOut(String reply) {
        Objects.requireNonNull(reply, "reply");
        String n = normalize(reply);
        if (n.isEmpty()) {
            return false;
        }
        if (KEYWORDS.contains(n)) {
            return true;
        }
        for (String k : LEADING_KEYWORDS) {
            if (n.startsWith(k) && n.length() > k.length() && isSeparator(n.codePointAt(k.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The normalized form of a reply, as compared with the keywords. */
    public static String normalize(String reply) {
        String s = Normalizer.normalize(reply, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                return;
            }
            if (cp == 'đ' || cp == 'Đ') {
                b.append('d');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        String lower = b.toString().toLowerCase(Locale.ROOT).replace('ς', 'σ').replaceAll(" +", " ");
        int start = 0;
        int end = lower.length();
        while (start < end && isSeparator(lower.codePointAt(start))) {
            start += Character.charCount(lower.codePointAt(start));
        }
        while (end > start && isSeparator(lower.codePointBefore(end))) {
            end -= Character.charCount(lower.codePointBefore(end));
        }
        return lower.substring(start, end);
    }

    private static boolean isSeparator(int cp) {
        return !Character.isLetterOrDigit(cp) && cp != '-';
    }
}
