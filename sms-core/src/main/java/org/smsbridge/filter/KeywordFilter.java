package org.smsbridge.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds carrier-blocked keywords in a text. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeywordFilter filter = KeywordFilter.builder().add("free").build();
 * filter.findAll("Get it FREE now");   // [KeywordHit[keyword=free, start=7, end=11]]
 * }</pre>
 */
public final class KeywordFilter {
    private final List<String> keywords;

    private KeywordFilter(Builder b) {
        this.keywords = List.copyOf(b.keywords);
    }

    /** Starts a filter. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every hit in {@code text}, by start position. */
    public List<KeywordHit> findAll(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toString().toLowerCase(Locale.ROOT);
        List<KeywordHit> hits = new ArrayList<>();
        for (String k : keywords) {
            String lk = k.toLowerCase(Locale.ROOT);
            for (int i = lower.indexOf(lk); i >= 0; i = lower.indexOf(lk, i + 1)) {
                hits.add(new KeywordHit(k, i, i + lk.length()));
            }
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return hits;
    }

    /** Whether {@code text} contains any keyword. */
    public boolean matches(CharSequence text) {
        return !findAll(text).isEmpty();
    }

    /** {@code text} with every hit replaced by {@code mask}, one per char. */
    public String mask(CharSequence text, char mask) {
        char[] out = text.toString().toCharArray();
        for (KeywordHit h : findAll(text)) {
            for (int i = h.start(); i < h.end(); i++) {
                out[i] = mask;
            }
        }
        return new String(out);
    }

    /** Builds a {@link KeywordFilter}. */
    public static final class Builder {
        private final Set<String> keywords = new LinkedHashSet<>();

        private Builder() {
        }

        /** Adds a keyword. */
        public Builder add(String keyword) {
            Objects.requireNonNull(keyword, "keyword");
            if (!keyword.isBlank()) {
                keywords.add(keyword.strip());
            }
            return this;
        }

        /** Adds keywords. */
        public Builder addAll(Collection<String> words) {
            words.forEach(this::add);
            return this;
        }

        /** Creates the filter. */
        public KeywordFilter build() {
            return new KeywordFilter(this);
        }
    }
}
