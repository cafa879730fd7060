package org.smsbridge.filter;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.smsbridge.SmsException;

/**
 * Finds carrier-blocked keywords in a text, however they are disguised: full-width or styled
 * letters, another case, accents and tones, invisible characters, Greek or Cyrillic look-alikes,
 * traditional or simplified Chinese (see {@link Normalization}), letters spread out with spaces or
 * dots (words added with {@link Builder#addSpaced(String)}). Hits are reported at their position
 * in the original text. Allowed words ({@link Builder#allow(String)}) suppress hits inside them.
 * Accents and tones left out or added still hit ({@code "mien phi"} for {@code "miễn phí"}), but a
 * letter written with other accents than the keyword's is another word: {@code "bạn"} (friend)
 * does not hit the keyword {@code "bán"} (to sell), nor {@code "bắn"} (to shoot: the breve makes
 * another letter). Keywords that share their letters ({@code "bán"}, {@code "bàn"}; Latin
 * {@code "KINO"} and Greek {@code "ΚΙΝΟ"}) keep their own accents, script and whole-word rule; the
 * one written as in the text is reported.
 *
 * <pre>{@code
 * KeywordFilter filter = KeywordFilter.builder()
 *         .add("免费").add("miễn phí").add("δωρεάν")
 *         .addSpaced("free")          // also "f r e e", "f.r.e.e"
 *         .addWholeWord("class")      // not inside "classic"
 *         .allow("freedom")
 *         .build();                   // Normalization.STANDARD
 * filter.findAll("Get it ＦＲＥＥ now");  // [KeywordHit[keyword=free, start=7, end=11]]
 * filter.mask("MIỄN PHÍ hôm nay", '*'); // "******** hôm nay"
 * }</pre>
 *
 * <p>Matching normalizes the text in one pass into a per-thread buffer and runs an Aho–Corasick
 * automaton over a double array; a text without hits allocates nothing. Immutable and
 * thread-safe: share one filter between all threads.
 */
public final class KeywordFilter {
    /**
     * Characters that may stand between the letters of a spaced keyword by default: white space
     * and {@code . , - _ * + ~ | / \ : ; ! ? ' " ` · •}.
     */
    public static final String DEFAULT_SEPARATORS = " \t\n.,-_*+~|/\\:;!?'\"`\u00B7\u2022";

    static final int CODE_MASK = 0xFFFFF;
    static final int WORD = 1 << 20;
    static final int SEP = 1 << 21;
    static final int SPACE = 1 << 22;
    static final int FLAGS_UNKNOWN = 1 << 23;
    /** A decimal digit: a whole-word keyword that ends in one needs a neighbour that is no digit. */
    static final int DIGIT = 1 << 24;
    static final int SPECIAL = Integer.MIN_VALUE;
    private static final int GAP = 1 << 30;
    private static final int SPACED_KEY = 1 << 30;
    /** A confirmed main hit keeps its variant in bits 24..29 of the key. */
    private static final int VARIANT_SHIFT = 24;
    private static final int KEY_MASK = (1 << VARIANT_SHIFT) - 1;
    private static final int MAX_VARIANTS = 1 << (30 - VARIANT_SHIFT);
    private static final int MAX_MARKED_KEYS = 1 << VARIANT_SHIFT;
    private static final int FLAG_SPACED = 1;
    private static final int FLAG_WHOLE_WORD = 2;
    private static final int RETAINED_SCRATCH_LIMIT = 1 << 15;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    // configuration, kept for toBuilder()
    private final Map<String, Integer> keywords;
    private final Set<String> allowed;
    private final boolean wholeWords;
    private final String separators;
    private final Normalization normalization;

    // engine
    private final NormalizationTable table;
    /**
     * Per BMP char of the text: the entry (code and flags) of what it normalizes to, or
     * {@link #SPECIAL} when it is skipped, expands, is a surrogate or was not seen yet. Filled
     * lazily; racy writes are benign because every thread computes the same value.
     */
    private final int[] fused;
    /** Per normalized char: its code and flags ({@link #FLAGS_UNKNOWN} until first needed). */
    private final int[] entryOf;
    private final String sepChars;
    private final DoubleArrayAutomaton main;
    private final String[] mainKeyword;
    private final boolean[] mainAllow;
    private final int[] mainLength;
    private final byte[] mainEdges;
    private final byte[] mainScript;
    private final boolean hasAllow;
    /**
     * Per main key of one word with accents or tones (when accents are removed): the word's accent
     * marks per normalized letter, see {@link #marksAgree}; null for other keys. Null as a whole
     * when no key has any.
     */
    private final long[][] mainMarks;
    /**
     * Per main key that several words (blocked or allowed) normalize to (bán and bàn; Latin KINO
     * and Greek ΚΙΝΟ under look-alike folding; free and whole-word frée): each word with its own
     * accents, whole-word rule and script, told apart at each hit; null for keys of one word. Null
     * as a whole when there is no such key.
     */
    private final Variant[][] mainVariants;
    /** Whether the fast pass can rule out some raw hits by itself (allowed words, accents): see {@link #noHitEndsHere}. */
    private final boolean accentChecks;
    private final DoubleArrayAutomaton spaced;
    private final String[] spacedKeyword;
    private final int[] spacedLength;
    private final byte[] spacedEdges;
    private final byte[] spacedScript;
    private final boolean[][] spacedKeywordGaps;

    private KeywordFilter(Builder b) {
        this.keywords = Collections.unmodifiableMap(new LinkedHashMap<>(b.keywords));
        this.allowed = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowed));
        this.wholeWords = b.wholeWords;
        this.separators = b.separators;
        this.normalization = b.normalization;
        this.table = NormalizationTable.of(normalization);

        String sepNormalized = table.normalize(separators);
        Map<String, MainEntry> mainEntries = new HashMap<>();
        Map<String, SpacedEntry> spacedEntries = new HashMap<>();
        for (Map.Entry<String, Integer> k : keywords.entrySet()) {
            String keyword = k.getKey();
            boolean whole = wholeWords || (k.getValue() & FLAG_WHOLE_WORD) != 0;
            String normal = table.normalize(keyword).strip();
            if ((k.getValue() & FLAG_SPACED) != 0) {
                StringBuilder letters = new StringBuilder();
                List<Boolean> gaps = new ArrayList<>();
                boolean gap = false;
                for (int i = 0; i < normal.length(); i++) {
                    char c = normal.charAt(i);
                    if (separators.indexOf(c) >= 0 || sepNormalized.indexOf(c) >= 0) {
                        gap = true;
                    } else {
                        if (letters.length() > 0) {
                            gaps.add(gap);
                        }
                        letters.append(c);
                        gap = false;
                    }
                }
                requireNotEmpty(keyword, letters.toString(), " after removing separators");
                spacedEntries.computeIfAbsent(letters.toString(), x -> new SpacedEntry(keyword, whole, gaps));
            } else {
                requireNotEmpty(keyword, normal, "");
                MainEntry e = mainEntries.computeIfAbsent(normal, x -> new MainEntry());
                e.variants.add(new Variant(keyword, false, marksOf(keyword, normal), whole ? edges(normal) : 0,
                        keywordScript(keyword)));
                if (e.keyword == null) {
                    e.keyword = keyword;
                    e.wholeWord = whole;
                } else {
                    e.wholeWord &= whole;
                }
            }
        }
        for (String a : allowed) {
            String normal = table.normalize(a).strip();
            requireNotEmpty(a, normal, "");
            MainEntry e = mainEntries.computeIfAbsent(normal, x -> new MainEntry());
            e.allow = true;
            e.variants.add(new Variant(a, true, marksOf(a, normal), (byte) 0, keywordScript(a)));
        }
        this.hasAllow = !allowed.isEmpty();

        // alphabet: most frequent characters get the smallest codes
        int[] freq = new int[0x10000];
        mainEntries.keySet().forEach(s -> s.chars().forEach(c -> freq[c]++));
        spacedEntries.keySet().forEach(s -> s.chars().forEach(c -> freq[c]++));
        int[] codeOf = assignCodes(freq);
        int alphabetSize = 0;
        for (int c : codeOf) {
            alphabetSize = Math.max(alphabetSize, c);
        }

        this.sepChars = separators + sepNormalized;
        this.entryOf = new int[0x10000];
        for (int c = 0; c < 0x10000; c++) {
            entryOf[c] = codeOf[c] | FLAGS_UNKNOWN;
        }
        this.fused = new int[0x10000];
        Arrays.fill(fused, SPECIAL); // resolved char by char on first sight, see special()
        for (char c = 0; c < 0x80; c++) {
            resolve(c);
        }

        int m = mainEntries.size();
        this.mainKeyword = new String[m];
        this.mainAllow = new boolean[m];
        this.mainLength = new int[m];
        this.mainEdges = new byte[m];
        this.mainScript = new byte[m];
        String[] mainKeys = mainEntries.keySet().toArray(new String[0]);
        Arrays.sort(mainKeys); // the automaton builder needs sorted keys; key i reports i
        long[][] marks = null;
        Variant[][] variants = null;
        for (int i = 0; i < m; i++) {
            MainEntry me = mainEntries.get(mainKeys[i]);
            List<Variant> vs = me.variants;
            mainLength[i] = mainKeys[i].length();
            if (vs.size() > 1 && vs.size() <= MAX_VARIANTS && m < MAX_MARKED_KEYS) {
                // several words: each keeps its own rules, decided per hit (see bestVariant)
                if (variants == null) {
                    variants = new Variant[m][];
                }
                variants[i] = vs.toArray(new Variant[0]);
                mainKeyword[i] = me.keyword == null ? vs.get(0).word : me.keyword;
                mainAllow[i] = vs.stream().allMatch(v -> v.allow);
                continue;
            }
            // one word (or, beyond MAX_VARIANTS words, the first one's rules for all)
            mainKeyword[i] = me.keyword;
            mainAllow[i] = me.allow;
            mainEdges[i] = me.wholeWord ? edges(mainKeys[i]) : 0;
            mainScript[i] = keywordScript(me.keyword == null ? vs.get(0).word : me.keyword);
            if (vs.size() == 1 && vs.get(0).marks != null) {
                if (marks == null) {
                    marks = new long[m][];
                }
                marks[i] = vs.get(0).marks;
            }
        }
        this.mainMarks = marks;
        this.mainVariants = variants;
        this.accentChecks = marks != null || variants != null || hasAllow;
        this.main = DoubleArrayAutomaton.build(mainKeys, codeOf, alphabetSize);

        int sp = spacedEntries.size();
        this.spacedKeyword = new String[sp];
        this.spacedLength = new int[sp];
        this.spacedEdges = new byte[sp];
        this.spacedScript = new byte[sp];
        this.spacedKeywordGaps = new boolean[sp][];
        String[] spacedKeys = spacedEntries.keySet().toArray(new String[0]);
        Arrays.sort(spacedKeys);
        for (int i = 0; i < sp; i++) {
            SpacedEntry se = spacedEntries.get(spacedKeys[i]);
            spacedKeyword[i] = se.keyword;
            spacedLength[i] = spacedKeys[i].length();
            spacedEdges[i] = se.wholeWord ? edges(spacedKeys[i]) : 0;
            spacedScript[i] = keywordScript(se.keyword);
            spacedKeywordGaps[i] = new boolean[se.gaps.size()];
            for (int g = 0; g < se.gaps.size(); g++) {
                spacedKeywordGaps[i][g] = se.gaps.get(g);
            }
        }
        this.spaced = sp == 0 ? null : DoubleArrayAutomaton.build(spacedKeys, codeOf, alphabetSize);
    }

    /** Starts a filter: no keywords, {@link Normalization#STANDARD}, substring matching. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this filter's keywords, allowed words and settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A filter with {@link Normalization#STANDARD} and the keywords of a UTF-8 file: one keyword a
     * line, lines starting with {@code #} and blank lines ignored, leading and trailing white space
     * removed. Same as {@code builder().addAll(file).build()}.
     *
     * @param file the keyword list
     * @return the filter
     * @throws SmsException of kind {@code CONFIGURATION} if the file is missing, unreadable or not UTF-8
     * @throws IllegalArgumentException if a keyword normalizes to nothing
     */
    public static KeywordFilter load(Path file) {
        return builder().addAll(file).build();
    }

    /**
     * Every hit in {@code text}, sorted by start, then longest first. Overlapping keywords are all
     * reported; a hit inside an allowed word is not.
     *
     * @param text the text as the user wrote it
     * @return the hits with positions in {@code text}; an empty list when there is none
     */
    public List<KeywordHit> findAll(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Scratch sc = scratch(text.length());
        return hits(sc, scan(text, sc));
    }

    /**
     * {@link #findAll} without the fast pass and the windows: records the whole text and checks
     * every raw hit. The reference that tests hold the fast path to.
     */
    List<KeywordHit> findAllRecordingEverything(CharSequence text) {
        Scratch sc = new Scratch();
        return hits(sc, recordAll(text, sc.chars(text), sc));
    }

    /** Records the whole text, finds the spaced keys in it, and confirms the raw hits. */
    private int recordAll(CharSequence text, char[] chars, Scratch sc) {
        sc.reset(text.length());
        record(text, chars, sc, 0, text.length(), 0, false);
        if (spaced != null) {
            scanSpaced(sc);
        }
        return sc.rawCount == 0 ? 0 : confirm(text, sc);
    }

    private List<KeywordHit> hits(Scratch sc, int count) {
        int[] h = sc.hits;
        if (count == 0) {
            return List.of();
        } else if (count == 1) { // the usual case: no array (List.of(array) copies it)
            return List.of(new KeywordHit(keywordOf(h[0]), h[1], h[2]));
        }
        KeywordHit[] hits = new KeywordHit[count];
        for (int i = 0; i < count; i++) {
            hits[i] = new KeywordHit(keywordOf(h[3 * i]), h[3 * i + 1], h[3 * i + 2]);
        }
        return List.of(hits);
    }

    /**
     * Whether {@code text} contains any keyword (outside allowed words). Allocates nothing.
     *
     * @param text the text as the user wrote it
     * @return true if {@link #findAll(CharSequence)} would not be empty
     */
    public boolean matches(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return scan(text, scratch(text.length())) > 0;
    }

    /**
     * {@code text} with every char of every hit replaced by {@code mask}; the result has the same
     * length as {@code text} (a hit on an emoji or other surrogate pair masks both chars).
     *
     * @param text the text as the user wrote it
     * @param mask the replacement char, e.g. {@code '*'}
     * @return the masked text, or {@code text} itself as a string when there is no hit
     */
    public String mask(CharSequence text, char mask) {
        Objects.requireNonNull(text, "text");
        Scratch sc = scratch(text.length());
        int count = scan(text, sc);
        if (count == 0) {
            return text.toString();
        }
        char[] out = text.toString().toCharArray();
        int[] h = sc.hits;
        for (int i = 0; i < count; i++) {
            for (int j = h[3 * i + 1]; j < h[3 * i + 2]; j++) {
                out[j] = mask;
            }
        }
        return new String(out);
    }

    /** The keywords as added (after trimming), in the order added. */
    public Set<String> keywords() {
        return keywords.keySet();
    }

    /** The allowed words as added (after trimming). */
    public Set<String> allowed() {
        return allowed;
    }

    /** The normalization applied to keywords and texts. */
    public Normalization normalization() {
        return normalization;
    }

    @Override
    public String toString() {
        return "KeywordFilter[" + keywords.size() + " keywords, " + allowed.size() + " allowed, wholeWords="
                + wholeWords + ", " + normalization + "]";
    }

    // ---------------------------------------------------------------- matching

    private static Scratch scratch(int length) {
        return length <= RETAINED_SCRATCH_LIMIT ? SCRATCH.get() : new Scratch();
    }

    /** Finds the confirmed hits; stores them in {@code sc.hits} as (key, start, end) triples. */
    private int scan(CharSequence text, Scratch sc) {
        final char[] chars = sc.chars(text);
        final int n = text.length();
        sc.k = 0;
        if (spaced != null) {
            // spaced words are found over the whole recorded text
            if (possibleHit(text, chars, sc, main, false, 0, 0, 0, false) < 0) {
                if (possibleHit(text, chars, sc, spaced, true, 0, 0, 0, false) < 0) {
                    return 0;
                }
            }
            return recordAll(text, chars, sc);
        }
        int i = 0;
        int recorded = -1; // the last char recorded (chars between windows are not), -1 before the first window;
                           // the recording's state after it is sc.recState
        while (i < n) {
            int hit = recorded < 0 ? possibleHit(text, chars, sc, main, false, 0, 0, 0, false)
                    : possibleHit(text, chars, sc, main, false, i, sc.recState, recorded, sc.recPrevSpace);
            if (hit < 0) {
                break;
            }
            boolean contiguous;
            int start;
            if (recorded < 0) {
                sc.reset(n);
                contiguous = false;
                start = sc.fastRestart;
            } else {
                start = Math.max(sc.fastRestart, recorded + 1);
                contiguous = start == recorded + 1;
            }
            int w = windowStart(chars, hit, main.depth[sc.fastState]);
            if (w > start) {
                start = w;
                contiguous = false;
            }
            i = contiguous ? record(text, chars, sc, start, hit, sc.recState, sc.recPrevSpace)
                    : record(text, chars, sc, start, hit, 0, false);
            recorded = i - 1;
        }
        return recorded < 0 || sc.rawCount == 0 ? 0 : confirm(text, sc);
    }

    /**
     * The recording pass over a window: normalizes the chars from {@code start} on, in automaton
     * state {@code s}, keeping each normalized char's code and original index (appended at
     * {@code sc.k}) and every key that ends (as raw hits). Once past char {@code hit}, it stops
     * after the first char where no key that is still being read overlaps the last raw hit that
     * may be a hit (so an allowed word around it, and the char after it, are recorded; near
     * misses, see {@link #noHitEndsHere}, do not keep the window open). With {@code hit} at the
     * text's length it records the whole rest. Returns the index after the last char recorded;
     * leaves the state in {@code sc.recState} and {@code sc.recPrevSpace}.
     */
    private int record(CharSequence text, char[] chars, Scratch sc, int start, int hit, int s, boolean prevSpace) {
        final int n = text.length();
        final int[] fused = this.fused;
        final DoubleArrayAutomaton main = this.main;
        final int[] da = main.da;
        final int[] root = main.root;
        final int[] depth = main.depth;
        final boolean windowed = hit < n;
        int[] codes = sc.codes;
        int[] orig = sc.orig;
        int k = sc.k;
        int i = start;
        for (; i < n; i++) {
            int e = fused[chars[i]];
            if (e >= 0) {
                if ((e & SPACE) != 0) {
                    if (prevSpace) {
                        continue;
                    }
                    prevSpace = true;
                } else {
                    prevSpace = false;
                }
                codes[k] = e;
                orig[k] = i;
                int c = e & CODE_MASK;
                if (c == 0) {
                    s = 0;
                } else {
                    s = next(da, root, s, c);
                    if (da[s * DoubleArrayAutomaton.STRIDE + DoubleArrayAutomaton.REPORT] >= 0) {
                        collect(main, sc, s, k, 0);
                        if (!windowed || !accentChecks || !noHitEndsHere(text, chars, sc, s, i)) {
                            sc.lastRawEnd = k; // near misses do not keep the window open
                        }
                    }
                }
                k++;
            } else {
                sc.k = k;
                sc.prevSpace = prevSpace;
                i = special(text, i, sc);
                codes = sc.codes;
                orig = sc.orig;
                for (; k < sc.k; k++) {
                    int c = codes[k] & CODE_MASK;
                    s = c == 0 ? 0 : next(da, root, s, c);
                    if (main.report(s) >= 0) {
                        collect(main, sc, s, k, 0);
                        sc.lastRawEnd = k;
                    }
                }
                prevSpace = sc.prevSpace;
            }
            if (i >= hit && k - Math.max(depth[s], 1) > sc.lastRawEnd) {
                i++;
                break;
            }
        }
        sc.k = k;
        sc.recState = s;
        sc.recPrevSpace = prevSpace;
        return i;
    }

    /**
     * Where a recording window for a possible hit ending at char {@code i} starts: the char before
     * the last {@code letters} normalized letters (see {@link #walkBack}).
     * Recording from there in the root state reaches the same state at {@code i} as reading the
     * whole text, and records the char before any key that ends at {@code i}. Returns 0 when the
     * text starts first, -1 when a char on the way is skipped, expanded or otherwise special.
     */
    private int windowStart(char[] chars, int i, int letters) {
        int first = walkBack(chars, i, letters + 1, null);
        return first == TEXT_START ? 0 : first;
    }

    /** What {@link #walkBack} returns when the text starts before {@code count} letters were found. */
    private static final int TEXT_START = -2;

    /**
     * Walks back from char {@code i} over {@code count} normalized letters of chars that map one to
     * one (a run of spaces counts as its first space), storing each letter's index in
     * {@code window} when it is not null. Returns the index of the first of them, -1 when a char on
     * the way is skipped, expanded or otherwise special, or {@link #TEXT_START}.
     */
    private int walkBack(char[] chars, int i, int count, int[] window) {
        final int[] fused = this.fused;
        int j = i;
        for (int p = count - 1; ; p--, j--) {
            if (j < 0) {
                return TEXT_START;
            }
            int e = fused[chars[j]];
            if (e < 0) {
                return -1;
            }
            if ((e & SPACE) != 0) {
                j = firstOfSpaces(chars, j);
            }
            if (window != null) {
                window[p] = j;
            }
            if (p == 0) {
                return j;
            }
        }
    }

    /** The first char of the run of collapsed spaces that ends at char {@code j}. */
    private int firstOfSpaces(char[] chars, int j) {
        final int[] fused = this.fused;
        while (j > 0 && fused[chars[j - 1]] >= 0 && (fused[chars[j - 1]] & SPACE) != 0) {
            j--;
        }
        return j;
    }

    /**
     * The fast path: normalizes and matches from char {@code from} on without recording anything,
     * starting in automaton state {@code s} (after a space when {@code prevSpace}), and finds the
     * next char where a key of automaton {@code a} that may be a hit ends (near misses of the main
     * automaton are ruled out on the way, see {@link #noHitEndsHere}); only then does {@link #scan}
     * record. Returns that char's index (the last char read), or -1 when there is none. On a
     * possible hit it leaves the state there in {@code sc.fastState} and, in
     * {@code sc.fastRestart}, the last char read that no key contains ({@code restart} when none
     * was read): no match spans it, so {@link #record} may start there in the root state. With
     * {@code skipSeparators} (the spaced automaton) separator chars are left out, as in
     * {@link #scanSpaced}.
     */
    private int possibleHit(CharSequence text, char[] chars, Scratch sc, DoubleArrayAutomaton a,
            boolean skipSeparators, int from, int s, int restart, boolean prevSpace) {
        final int n = text.length();
        final int[] fused = this.fused;
        final int[] da = a.da;
        final int[] root = a.root;
        for (int i = from; i < n; i++) {
            int e = fused[chars[i]];
            if (e >= 0) {
                if ((e & SPACE) != 0) {
                    if (prevSpace) {
                        continue;
                    }
                    prevSpace = true;
                } else {
                    prevSpace = false;
                }
                if (skipSeparators && (e & SEP) != 0) {
                    continue;
                }
                int c = e & CODE_MASK;
                if (c == 0) {
                    s = 0;
                    restart = i; // no keyword spans this char: the recording may start here
                } else {
                    s = next(da, root, s, c);
                    if (da[s * DoubleArrayAutomaton.STRIDE + DoubleArrayAutomaton.REPORT] >= 0
                            && (skipSeparators || !accentChecks || !noHitEndsHere(text, chars, sc, s, i))) {
                        sc.fastState = s;
                        sc.fastRestart = restart;
                        return i;
                    }
                }
            } else {
                final int base = sc.k; // after what is recorded so far: the chars of this one are not kept
                sc.prevSpace = prevSpace;
                i = special(text, i, sc);
                int end = sc.k;
                sc.k = base;
                for (int j = base; j < end; j++) {
                    if (skipSeparators && (sc.codes[j] & SEP) != 0) {
                        continue;
                    }
                    int c = sc.codes[j] & CODE_MASK;
                    s = c == 0 ? 0 : next(da, root, s, c);
                    if (a.report(s) >= 0) {
                        sc.fastState = s;
                        sc.fastRestart = restart;
                        return i; // as any hit; windowStart gives up on a skipped, expanded or surrogate char
                    }
                }
                prevSpace = sc.prevSpace;
            }
        }
        return -1;
    }

    /**
     * Whether none of the main keys ending at char {@code i} in state {@code s} can be a hit: each
     * is an allowed word only, or every blocked variant of it has accents or tones that the text's
     * letters contradict (a near miss such as "bán" in "bạn"). Lets the fast pass go on over
     * ordinary Vietnamese or Greek text instead of starting the recording pass for near misses.
     * False (start the recording pass) whenever the letters cannot be lined up simply.
     */
    private boolean noHitEndsHere(CharSequence text, char[] chars, Scratch sc, int s, int i) {
        final DoubleArrayAutomaton a = main;
        for (int r = a.report(s); r >= 0; r = a.nextReport(r)) {
            int key = a.terminal[r];
            if (mainVariants != null && mainVariants[key] != null) {
                for (Variant v : mainVariants[key]) {
                    if (!v.allow && !disagrees(text, chars, sc, i, mainLength[key], v.marks)) {
                        return false;
                    }
                }
            } else if (!mainAllow[key]
                    && !disagrees(text, chars, sc, i, mainLength[key], mainMarks == null ? null : mainMarks[key])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word with accents {@code marks} certainly disagrees with the letters ending at {@code i}. */
    private boolean disagrees(CharSequence text, char[] chars, Scratch sc, int i, int length, long[] marks) {
        if (marks == null) {
            return false;
        }
        int[] window = lettersEndingAt(chars, sc, i, length);
        return window != null && !marksAgree(text, window, 0, marks);
    }

    /**
     * The original indices of the last {@code length} normalized letters ending at char {@code i},
     * found by walking back over chars that map one to one (a run of spaces counts as its first
     * space), or null when a char on the way is skipped, expanded or otherwise special.
     */
    private int[] lettersEndingAt(char[] chars, Scratch sc, int i, int length) {
        int[] window = sc.window(length);
        return walkBack(chars, i, length, window) >= 0 ? window : null;
    }

    /** The automaton's transition, inlined here for the hot loop; see {@link DoubleArrayAutomaton#next}. */
    private static int next(int[] da, int[] root, int s, int c) {
        for (;;) {
            if (s == 0) {
                return root[c];
            }
            int t = da[s * DoubleArrayAutomaton.STRIDE] + c;
            if (da[t * DoubleArrayAutomaton.STRIDE + DoubleArrayAutomaton.CHECK] == s) {
                return t;
            }
            s = da[s * DoubleArrayAutomaton.STRIDE + DoubleArrayAutomaton.FAIL];
        }
    }

    /** Handles a char that is skipped, expands to several chars, or is a surrogate. */
    private int special(CharSequence text, int i, Scratch sc) {
        int n = text.length();
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
            char low = text.charAt(i + 1);
            int cp = Character.toCodePoint(ch, low);
            char[] out = table.supplementary(cp);
            sc.ensure(sc.k + (out == null ? 2 : out.length) + n - i);
            if (out == null) {
                int word = NormalizationTable.isWordCodePoint(cp) ? WORD : Character.isDigit(cp) ? DIGIT : 0;
                emit(sc, entryOf(ch) | word, i);
                emit(sc, entryOf(low) | word, i);
            } else {
                for (char o : out) {
                    emit(sc, entryOf(o), i);
                }
            }
            return i + 1;
        }
        sc.ensure(sc.k + n - i + 1);
        if (Character.isSurrogate(ch)) {
            emit(sc, entryOf(ch), i);
            return i;
        }
        int e = resolve(ch);
        if (e >= 0) {
            emit(sc, e, i);
        } else if (table.single(ch) == NormalizationTable.MULTI) {
            char[] out = table.multi(ch);
            sc.ensure(sc.k + out.length + n - i);
            for (char o : out) {
                emit(sc, entryOf(o), i);
            }
        }
        return i;
    }

    /** Fills {@code fused[c]} for a BMP char that is not a surrogate; returns it. */
    private int resolve(char c) {
        int v = table.single(c);
        if (v < 0) {
            return SPECIAL;
        }
        int e = entryOf((char) v);
        fused[c] = e;
        return e;
    }

    /** The code and flags of normalized char {@code c}. */
    private int entryOf(char c) {
        int e = entryOf[c];
        if ((e & FLAGS_UNKNOWN) == 0) {
            return e;
        }
        e &= CODE_MASK;
        if (NormalizationTable.isWordCodePoint(c)) {
            e |= WORD;
        } else if (Character.isDigit(c)) {
            e |= DIGIT;
        }
        if (sepChars.indexOf(c) >= 0) {
            e |= SEP;
        }
        if (c == ' ' && table.collapseSpaces()) {
            e |= SPACE;
        }
        entryOf[c] = e;
        return e;
    }

    private static void emit(Scratch sc, int e, int origIndex) {
        if ((e & SPACE) != 0) {
            if (sc.prevSpace) {
                return;
            }
            sc.prevSpace = true;
        } else {
            sc.prevSpace = false;
        }
        sc.codes[sc.k] = e;
        sc.orig[sc.k] = origIndex;
        sc.k++;
    }

    /** Records every key that ends at normalized position {@code end} in state {@code s}. */
    private void collect(DoubleArrayAutomaton a, Scratch sc, int s, int end, int keyFlag) {
        for (int r = a.report(s); r >= 0; r = a.nextReport(r)) {
            int key = a.terminal[r];
            int length = keyFlag == 0 ? mainLength[key] : spacedLength[key];
            sc.addRaw(key | keyFlag, end - length + 1, end);
        }
    }

    /** Runs the spaced-keyword automaton over the normalized text with separators left out. */
    private void scanSpaced(Scratch sc) {
        final DoubleArrayAutomaton a = spaced;
        int[] codes = sc.codes;
        int k = sc.k;
        int[] pos = sc.ensureSpaced(k);
        int m = 0;
        int s = 0;
        boolean gap = false;
        int rawBefore = sc.rawCount;
        for (int j = 0; j < k; j++) {
            int e = codes[j];
            if ((e & SEP) != 0) {
                gap = true;
                continue;
            }
            pos[m] = gap ? j | GAP : j;
            gap = false;
            int c = e & CODE_MASK;
            s = c == 0 ? 0 : a.next(s, c);
            if (a.report(s) >= 0) {
                collect(a, sc, s, m, SPACED_KEY);
            }
            m++;
        }
        // translate the spaced hits to main positions, dropping those with uneven gaps
        int[] raw = sc.raw;
        int out = rawBefore;
        for (int r = rawBefore; r < sc.rawCount; r++) {
            int key = raw[3 * r] & ~SPACED_KEY;
            int ms = raw[3 * r + 1];
            int me = raw[3 * r + 2];
            if (evenGaps(pos, ms, me, spacedKeywordGaps[key])) {
                raw[3 * out] = raw[3 * r];
                raw[3 * out + 1] = pos[ms] & ~GAP;
                raw[3 * out + 2] = pos[me] & ~GAP;
                out++;
            }
        }
        sc.rawCount = out;
    }

    /**
     * Whether the letters of a spaced hit are either all adjacent or all separated, counting only
     * the places where the keyword itself has no separator; "of reed" does not hit "free".
     */
    private static boolean evenGaps(int[] pos, int ms, int me, boolean[] keywordGaps) {
        int withGap = 0;
        int without = 0;
        for (int j = ms + 1; j <= me; j++) {
            if (keywordGaps[j - ms - 1]) {
                continue;
            }
            if ((pos[j] & GAP) != 0) {
                withGap++;
            } else {
                without++;
            }
        }
        return withGap == 0 || without == 0;
    }

    /** Applies whole-word and allow-list rules to raw hits; converts them to original positions. */
    private int confirm(CharSequence text, Scratch sc) {
        int[] raw = sc.raw;
        int count = sc.rawCount;
        int kept = 0;
        int allowCount = 0;
        // allowed spans first
        if (hasAllow) {
            for (int r = 0; r < count; r++) {
                int key = raw[3 * r];
                if ((key & SPACED_KEY) != 0) {
                    continue;
                }
                int ns = raw[3 * r + 1];
                int ne = raw[3 * r + 2];
                long[] marks;
                if (mainVariants != null && mainVariants[key] != null) {
                    int v = bestVariant(text, sc, key, ns, ne, true);
                    if (v < 0) {
                        continue;
                    }
                    marks = mainVariants[key][v].marks;
                } else {
                    marks = mainMarks == null ? null : mainMarks[key];
                    if (!mainAllow[key] || !passes(text, sc, ns, ne, (byte) 0, mainScript[key], marks)) {
                        continue;
                    }
                }
                sc.addAllow(ns, ne, marksExact(text, sc.orig, ns, mainLength[key], marks));
                allowCount++;
            }
        }
        sc.ensureHits(count);
        int[] hits = sc.hits;
        int[] allows = sc.allows;
        for (int r = 0; r < count; r++) {
            int key = raw[3 * r];
            int ns = raw[3 * r + 1];
            int ne = raw[3 * r + 2];
            // inside an allowed word: 2 when the text is written exactly as it, 1 when it only agrees
            int allowed = 0;
            for (int a = 0; a < allowCount && allowed < 2; a++) {
                if (allows[3 * a] <= ns && ne <= allows[3 * a + 1]) {
                    allowed = Math.max(allowed, 1 + allows[3 * a + 2]);
                }
            }
            if (allowed == 2) {
                continue;
            }
            long[] marks;
            if ((key & SPACED_KEY) != 0) {
                int k = key & ~SPACED_KEY;
                if (allowed != 0 || !passes(text, sc, ns, ne, spacedEdges[k], spacedScript[k], null)) {
                    continue;
                }
                marks = null;
            } else if (mainVariants != null && mainVariants[key] != null) {
                int v = bestVariant(text, sc, key, ns, ne, false);
                if (v < 0) {
                    continue;
                }
                marks = mainVariants[key][v].marks;
                key |= v << VARIANT_SHIFT;
            } else {
                marks = mainMarks == null ? null : mainMarks[key];
                if (mainAllow[key] || !passes(text, sc, ns, ne, mainEdges[key], mainScript[key], marks)) {
                    continue;
                }
            }
            // an allowed word that the text only agrees with does not hide a word written exactly
            // as in the text: allow("loạn") lets "loạn" through but not "loan"
            if (allowed == 1 && !marksExact(text, sc.orig, ns, mainLength[key & KEY_MASK], marks)) {
                continue;
            }
            hits[3 * kept] = key;
            hits[3 * kept + 1] = sc.orig[ns];
            hits[3 * kept + 2] = originalEnd(text, sc.orig[ne]);
            kept++;
        }
        return sortAndDedupe(hits, kept);
    }

    /**
     * Whether a word with these rules is found at normalized positions {@code ns..ne}: whole-word
     * edges, the script rule (an ordinary word of another script that only looks alike is not a
     * disguise), then, dearest, the accents.
     */
    private boolean passes(CharSequence text, Scratch sc, int ns, int ne, byte edges, byte script, long[] marks) {
        return edgesAgree(sc, ns, ne, edges)
                && (script == 0 || !otherScript(scripts(text, sc.orig[ns], originalEnd(text, sc.orig[ne])), script))
                && marksAgree(text, sc.orig, ns, marks);
    }

    /**
     * Whether the whole-word {@code edges} of a word hold around normalized positions {@code ns..ne}:
     * next to an end that is a letter there is no letter, next to an end that is a digit no digit
     * ("sex18" hits "sex"; "2018" does not hit "18").
     */
    private static boolean edgesAgree(Scratch sc, int ns, int ne, byte edges) {
        if (edges == 0) {
            return true;
        }
        int[] codes = sc.codes;
        int before = ns == 0 ? 0 : codes[ns - 1];
        int after = ne + 1 >= sc.k ? 0 : codes[ne + 1];
        return ((edges & 1) == 0 || (before & WORD) == 0) && ((edges & 4) == 0 || (before & DIGIT) == 0)
                && ((edges & 2) == 0 || (after & WORD) == 0) && ((edges & 8) == 0 || (after & DIGIT) == 0);
    }

    /** The end in the original text of a hit whose last normalized char comes from char {@code last}. */
    private static int originalEnd(CharSequence text, int last) {
        return endOfCluster(text, last + (Character.isHighSurrogate(text.charAt(last))
                && last + 1 < text.length() && Character.isLowSurrogate(text.charAt(last + 1)) ? 2 : 1));
    }

    /**
     * Among the words that normalize to main key {@code key} (allowed ones when {@code allow}, else
     * blocked ones), the one found at {@code ns..ne}: of those whose rules pass, the first written
     * with exactly the text's accents, else the first added; -1 when none passes.
     */
    private int bestVariant(CharSequence text, Scratch sc, int key, int ns, int ne, boolean allow) {
        Variant[] variants = mainVariants[key];
        int first = -1;
        boolean firstChecked = false;
        int textScripts = -1; // of the matched text, found once for all the words
        for (int v = 0; v < variants.length; v++) {
            Variant x = variants[v];
            if (x.allow != allow || !edgesAgree(sc, ns, ne, x.edges)) {
                continue;
            }
            if (x.script != 0) {
                if (textScripts < 0) {
                    textScripts = scripts(text, sc.orig[ns], originalEnd(text, sc.orig[ne]));
                }
                if (otherScript(textScripts, x.script)) {
                    continue;
                }
            }
            if (!marksAgree(text, sc.orig, ns, x.marks)) {
                continue;
            }
            if (first < 0) {
                first = v; // usually the only one: then how exactly it matches does not matter
                continue;
            }
            // another word passes too: the first one written exactly as in the text wins
            if (!firstChecked) {
                firstChecked = true;
                if (marksExact(text, sc.orig, ns, mainLength[key], variants[first].marks)) {
                    return first;
                }
            }
            if (marksExact(text, sc.orig, ns, mainLength[key], x.marks)) {
                return v;
            }
        }
        return first;
    }

    /** Whether each of the {@code length} letters from {@code ns} has exactly the word's marks. */
    private static boolean marksExact(CharSequence text, int[] orig, int ns, int length, long[] wordMarks) {
        for (int j = 0; j < length; j++) {
            long w = wordMarks == null ? 0 : wordMarks[j] & MARKS;
            if (marksAt(text, orig[ns + j]) != w) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text's accents agree with a word's, letter by letter. A letter written without
     * accents agrees (the "mien phi" disguise of "miễn phí"), and so does one written with exactly
     * the word's accents, or with fewer or more tone and accent marks ("δώρεαν" for "δωρεάν"). It
     * does not agree when its accents differ from the word's ("bạn", friend, is not "bán", to sell;
     * "tầng", floor, is not "tặng", to give), nor when the marks that make another letter differ:
     * the breve, circumflex and horn of Vietnamese ă â ê ô ơ ư and the stroke of đ ("bắn", to shoot,
     * is not "bán"; "vậy" is not "vay"). A text that writes its accents is taken at its word. A word
     * with no accents at all (null marks) agrees with any text.
     */
    private static boolean marksAgree(CharSequence text, int[] orig, int ns, long[] wordMarks) {
        if (wordMarks == null) {
            return true;
        }
        int n = text.length();
        for (int j = 0; j < wordMarks.length; j++) {
            int i = orig[ns + j];
            char c = text.charAt(i);
            boolean alone = i + 1 >= n || !isMark(text.charAt(i + 1));
            if (alone && (c < '\u00C0' || Character.toLowerCase(c) == (char) (wordMarks[j] >>> LETTER_SHIFT))) {
                continue; // no accents, or written exactly as the word: decided without decomposing
            }
            long t = marksAt(text, i);
            if (t == 0) {
                continue;
            }
            long w = wordMarks[j] & MARKS;
            long both = t & w;
            if (both != t && both != w || ((t ^ w) & LETTER_MARKS) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The accent marks of the letter at {@code i} of the text, with the combining marks after it. */
    private static long marksAt(CharSequence text, int i) {
        char letter = text.charAt(i);
        long m = marksOfLetter(letter);
        for (int j = i + 1; j < text.length() && isMark(text.charAt(j)); j++) {
            m |= markBit(text.charAt(j));
        }
        return stress(letter, m);
    }

    /** The marks of a precomposed letter ({@code đ} has the stroke); 0 outside the table's range. */
    private static long marksOfLetter(char c) {
        return c >= MarkTable.FIRST && c < MarkTable.END ? MarkTable.MARKS[c - MarkTable.FIRST] : 0;
    }

    /**
     * The bit of a combining mark. The Greek tone marks U+0340, U+0341 and U+0343 are the same
     * marks as U+0300, U+0301 and U+0313 (canonical singletons), and U+0344 is U+0308 with U+0301.
     */
    private static long markBit(char mark) {
        switch (mark) {
            case '\u0340':
                return 1L << ('\u0300' % 45);
            case '\u0341':
                return 1L << ('\u0301' % 45);
            case '\u0343':
                return 1L << ('\u0313' % 45);
            case '\u0344':
                return 1L << ('\u0308' % 45) | 1L << ('\u0301' % 45);
            default:
                return 1L << (mark % 45);
        }
    }

    private static final long ACUTE = markBit('\u0301');
    /** The grave (varia) and the circumflex (perispomeni) of polytonic Greek. */
    private static final long GREEK_OTHER_STRESS = markBit('\u0300') | markBit('\u0342');

    /**
     * A Greek letter's marks with every stress accent written as the acute (tonos): in Greek the
     * acute, grave and circumflex of polytonic spelling only mark the stressed syllable
     * ("δωρεὰν" and "δωρεᾶν" are "δωρεάν"). Other letters' marks are returned as they are.
     */
    private static long stress(char letter, long marks) {
        if ((marks & GREEK_OTHER_STRESS) == 0
                || !(letter >= '\u0370' && letter <= '\u03FF' || letter >= '\u1F00' && letter <= '\u1FFF')) {
            return marks;
        }
        return marks & ~GREEK_OTHER_STRESS | ACUTE;
    }

    /** Bits 0..45 of a letter's entry: its marks (a bit per mark, and {@link #STROKE}). */
    private static final long MARKS = (1L << 46) - 1;
    /** Bits 47..62 of a word's letter entry: the letter itself, composed and lower-cased. */
    private static final int LETTER_SHIFT = 47;

    /**
     * The accent marks of each precomposed letter from U+00C0 to U+1FFF (accented Latin,
     * Vietnamese, Greek, Cyrillic), decomposed once when the first filter with accented keywords
     * is built (about 8,000 letters, 64 KB).
     */
    private static final class MarkTable {
        static final char FIRST = '\u00C0';
        static final char END = '\u2000';
        static final long[] MARKS = new long[END - FIRST];

        static {
            for (char c = FIRST; c < END; c++) {
                MARKS[c - FIRST] = stress(c, marks(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)));
            }
        }

        private MarkTable() {
        }
    }

    private static boolean isMark(int codePoint) {
        if (codePoint < 0x10000) {
            return (BmpMarks.BITS[codePoint >>> 6] & (1L << codePoint)) != 0;
        }
        return isMarkType(codePoint);
    }

    private static boolean isMarkType(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** A bit per BMP char that is a combining mark (8 KB): the accent checks ask this per letter. */
    private static final class BmpMarks {
        static final long[] BITS = new long[0x10000 >>> 6];

        static {
            for (int c = 0x300; c < 0x10000; c++) {
                if (isMarkType(c)) {
                    BITS[c >>> 6] |= 1L << c;
                }
            }
        }

        private BmpMarks() {
        }
    }

    /** A bit per combining mark found in decomposed {@code s}, and one for the stroke of đ. */
    private static long marks(String s) {
        long m = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == 'đ' || c == 'Đ') {
                m |= STROKE;
            } else if (isMark(c)) {
                m |= markBit(c);
            }
        }
        return m;
    }

    private static final long STROKE = 1L << 45;
    /** The marks that make another letter in Vietnamese: breve (ă), circumflex (â ê ô), horn (ơ ư), stroke (đ). */
    private static final long LETTER_MARKS = markBit('\u0306') | markBit('\u0302') | markBit('\u031B') | STROKE;

    /**
     * The accent marks of each normalized letter of {@code word} (whose normalized form is
     * {@code normal}), or null when it has none or its letters cannot be lined up one to one with
     * the normalized form (then any accents match, as without this check).
     */
    private long[] marksOf(String word, String normal) {
        if (!normalization.accentRemoval()) {
            return null; // accents are matched as written
        }
        String w = word.strip();
        long[] out = new long[normal.length()];
        int letter = -1;
        boolean any = false;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (isMark(c)) {
                if (letter >= 0) {
                    out[letter] |= markBit(c);
                    any = true;
                }
                continue;
            }
            if (Character.getType(c) == Character.FORMAT) {
                continue; // invisible: not a letter of the normalized form
            }
            letter++;
            if (letter >= out.length) {
                return null;
            }
            long m = marksOfLetter(c);
            out[letter] |= m | (long) Character.toLowerCase(c) << LETTER_SHIFT;
            any |= m != 0;
        }
        for (int j = 0; j <= letter && j < out.length; j++) {
            long m = out[j] & MARKS;
            out[j] = out[j] & ~MARKS | stress((char) (out[j] >>> LETTER_SHIFT), m);
        }
        // letters that do not line up one to one with the normalized form: no check, as before
        return any && letter == out.length - 1 ? out : null;
    }

    /**
     * Moves {@code end} past the combining marks that follow it: in decomposed text (NFD, as some
     * keyboards and systems write Vietnamese and Greek) the accent of a hit's last letter comes after
     * it, and a hit, its highlight and its mask must cover the whole letter, not leave the accent
     * behind on the next character.
     */
    private static int endOfCluster(CharSequence text, int end) {
        int n = text.length();
        while (end < n) {
            int cp = Character.codePointAt(text, end);
            if (!isMark(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    /**
     * Whether the matched text, whose {@link #scripts} are {@code textScripts}, is written entirely
     * in one of Latin, Greek and Cyrillic, but not in the keyword's script: then it is an ordinary
     * word of that script that only looks like the keyword (Greek "το" is not Latin "to"), not a
     * disguise, which mixes scripts.
     */
    private static boolean otherScript(int textScripts, byte keywordScript) {
        return (textScripts == LATIN || textScripts == GREEK || textScripts == CYRILLIC) && textScripts != keywordScript;
    }

    private static final byte LATIN = 1;
    private static final byte GREEK = 2;
    private static final byte CYRILLIC = 4;
    private static final byte OTHER_SCRIPT = 8;

    private static int scripts(CharSequence text, int start, int end) {
        int mask = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    mask |= LATIN;
                }
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            if (cp <= 0x24F || (cp >= 0x1E00 && cp <= 0x1EFF)) { // Latin-1, Latin Extended A/B and Additional
                mask |= LATIN;
                continue;
            }
            if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF)) {
                mask |= GREEK;
                continue;
            }
            if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3)) { // CJK, Hangul
                mask |= OTHER_SCRIPT;
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN: mask |= LATIN; break;
                case GREEK: mask |= GREEK; break;
                case CYRILLIC: mask |= CYRILLIC; break;
                case COMMON: case INHERITED: break;
                default: mask |= OTHER_SCRIPT;
            }
        }
        return mask;
    }

    /** The script of a keyword written in only one of Latin, Greek and Cyrillic, else 0. */
    private byte keywordScript(String keyword) {
        if (!normalization.confusableFolding()) {
            return 0;
        }
        int mask = scripts(keyword, 0, keyword.length());
        return mask == LATIN || mask == GREEK || mask == CYRILLIC ? (byte) mask : 0;
    }

    /** Insertion sort by start, then end descending, then key; removes exact duplicates. */
    private int sortAndDedupe(int[] h, int n) {
        for (int i = 1; i < n; i++) {
            int key = h[3 * i];
            int start = h[3 * i + 1];
            int end = h[3 * i + 2];
            int j = i - 1;
            while (j >= 0 && compare(h[3 * j + 1], h[3 * j + 2], h[3 * j], start, end, key) > 0) {
                h[3 * (j + 1)] = h[3 * j];
                h[3 * (j + 1) + 1] = h[3 * j + 1];
                h[3 * (j + 1) + 2] = h[3 * j + 2];
                j--;
            }
            h[3 * (j + 1)] = key;
            h[3 * (j + 1) + 1] = start;
            h[3 * (j + 1) + 2] = end;
        }
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (out > 0 && h[3 * (out - 1) + 1] == h[3 * i + 1] && h[3 * (out - 1) + 2] == h[3 * i + 2]
                    && keywordOf(h[3 * (out - 1)]).equals(keywordOf(h[3 * i]))) {
                continue;
            }
            h[3 * out] = h[3 * i];
            h[3 * out + 1] = h[3 * i + 1];
            h[3 * out + 2] = h[3 * i + 2];
            out++;
        }
        return out;
    }

    private static int compare(int s1, int e1, int k1, int s2, int e2, int k2) {
        if (s1 != s2) {
            return Integer.compare(s1, s2);
        }
        if (e1 != e2) {
            return Integer.compare(e2, e1);
        }
        return Integer.compare(k1, k2);
    }

    private String keywordOf(int key) {
        if ((key & SPACED_KEY) != 0) {
            return spacedKeyword[key & ~SPACED_KEY];
        }
        int k = key & KEY_MASK;
        return mainVariants != null && mainVariants[k] != null ? mainVariants[k][key >>> VARIANT_SHIFT].word
                : mainKeyword[k];
    }

    // ---------------------------------------------------------------- building

    private static int[] assignCodes(int[] freq) {
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < freq.length; c++) {
            if (freq[c] > 0) {
                used.add(c);
            }
        }
        used.sort((a, b) -> freq[b] != freq[a] ? Integer.compare(freq[b], freq[a]) : Integer.compare(a, b));
        int[] codeOf = new int[0x10000];
        for (int i = 0; i < used.size(); i++) {
            codeOf[used.get(i)] = i + 1;
        }
        return codeOf;
    }

    /**
     * Which ends of a whole-word keyword need a boundary: bits 1 and 2 for a first or last char that
     * is a letter (no letter may touch it), 4 and 8 for one that is a digit (no digit may touch it).
     */
    private static byte edges(String normal) {
        char first = normal.charAt(0);
        char last = normal.charAt(normal.length() - 1);
        int e = 0;
        if (NormalizationTable.isWordCodePoint(first)) {
            e |= 1;
        } else if (Character.isDigit(first)) {
            e |= 4;
        }
        if (NormalizationTable.isWordCodePoint(last)) {
            e |= 2;
        } else if (Character.isDigit(last)) {
            e |= 8;
        }
        return (byte) e;
    }

    private void requireNotEmpty(String word, String normal, String detail) {
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("keyword '" + escape(word) + "' normalizes to nothing" + detail
                    + " with " + normalization + "; remove it from the list");
        }
    }

    /** {@code s} with invisible and control characters shown as {@code \\uXXXX}. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(c)
                    || type == Character.NON_SPACING_MARK || type == Character.UNASSIGNED) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static final class MainEntry {
        String keyword;
        boolean wholeWord;
        boolean allow;
        final List<Variant> variants = new ArrayList<>(1);
    }

    /**
     * A word (blocked or allowed) as added, with its accent marks per normalized letter (or null),
     * its whole-word edges and its script (see {@link #keywordScript}).
     */
    private static final class Variant {
        final String word;
        final boolean allow;
        final long[] marks;
        final byte edges;
        final byte script;

        Variant(String word, boolean allow, long[] marks, byte edges, byte script) {
            this.word = word;
            this.allow = allow;
            this.marks = marks;
            this.edges = edges;
            this.script = script;
        }
    }

    private static final class SpacedEntry {
        final String keyword;
        final boolean wholeWord;
        final List<Boolean> gaps;

        SpacedEntry(String keyword, boolean wholeWord, List<Boolean> gaps) {
            this.keyword = keyword;
            this.wholeWord = wholeWord;
            this.gaps = gaps;
        }
    }

    /** Per-thread buffers, reused from message to message so that a clean text allocates nothing. */
    private static final class Scratch {
        int[] codes = new int[256];
        int[] orig = new int[256];
        int[] spacedPos = new int[256];
        char[] chars = new char[256];
        int[] raw = new int[3 * 16];
        int[] hits = new int[3 * 16];
        int[] allows = new int[3 * 8];
        int[] window = new int[32];
        int k;
        boolean prevSpace;
        int rawCount;
        int allowCount;
        /** The normalized position where the last raw hit that may be a hit ends (near misses left out), or -1. */
        int lastRawEnd;
        /** Where the fast pass found a possible hit: the automaton state there, and its restart char. */
        int fastState;
        int fastRestart;
        /** The recording pass's automaton state after its last char, and whether that was a space. */
        int recState;
        boolean recPrevSpace;

        void reset(int n) {
            ensure(n);
            k = 0;
            prevSpace = false;
            rawCount = 0;
            allowCount = 0;
            lastRawEnd = -1;
        }

        void ensure(int capacity) {
            if (codes.length < capacity) {
                int size = Math.max(capacity, codes.length * 2);
                codes = Arrays.copyOf(codes, size);
                orig = Arrays.copyOf(orig, size);
            }
        }

        /** The chars of {@code text} in a reused array (bulk copy: faster than charAt per char). */
        char[] chars(CharSequence text) {
            int n = text.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            if (text instanceof String str) {
                str.getChars(0, n, chars, 0);
            } else {
                for (int i = 0; i < n; i++) {
                    chars[i] = text.charAt(i);
                }
            }
            return chars;
        }

        int[] window(int length) {
            if (window.length < length) {
                window = new int[Math.max(length, window.length * 2)];
            }
            return window;
        }

        int[] ensureSpaced(int capacity) {
            if (spacedPos.length < capacity) {
                spacedPos = new int[Math.max(capacity, spacedPos.length * 2)];
            }
            return spacedPos;
        }

        void addRaw(int key, int start, int end) {
            if (3 * rawCount + 3 > raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            raw[3 * rawCount] = key;
            raw[3 * rawCount + 1] = start;
            raw[3 * rawCount + 2] = end;
            rawCount++;
        }

        /** Records an allowed word at normalized {@code start..end}, written exactly as in the text or not. */
        void addAllow(int start, int end, boolean exact) {
            if (3 * allowCount + 3 > allows.length) {
                allows = Arrays.copyOf(allows, allows.length * 2);
            }
            allows[3 * allowCount] = start;
            allows[3 * allowCount + 1] = end;
            allows[3 * allowCount + 2] = exact ? 1 : 0;
            allowCount++;
        }

        void ensureHits(int count) {
            if (hits.length < 3 * count) {
                hits = new int[3 * count];
            }
        }
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds a {@link KeywordFilter}. Keywords and allowed words are trimmed; blank entries and
     * exact duplicates are ignored. Not thread-safe; the filter it builds is.
     */
    public static final class Builder {
        private final Map<String, Integer> keywords = new LinkedHashMap<>();
        private final Set<String> allowed = new LinkedHashSet<>();
        private boolean wholeWords;
        private String separators = DEFAULT_SEPARATORS;
        private Normalization normalization = Normalization.STANDARD;

        private Builder() {
        }

        private Builder(KeywordFilter f) {
            keywords.putAll(f.keywords);
            allowed.addAll(f.allowed);
            wholeWords = f.wholeWords;
            separators = f.separators;
            normalization = f.normalization;
        }

        /**
         * Adds a keyword matched anywhere in the text, also inside longer words (unless
         * {@link #wholeWords(boolean)} is on). Blank keywords and duplicates are ignored.
         *
         * @param keyword the word or phrase, e.g. {@code "miễn phí"}
         * @return this builder
         */
        public Builder add(String keyword) {
            return put(keyword, 0);
        }

        /**
         * Adds keywords; see {@link #add(String)}.
         *
         * @param keywords the keywords; none may be null
         * @return this builder
         */
        public Builder addAll(Collection<String> keywords) {
            Objects.requireNonNull(keywords, "keywords");
            keywords.forEach(this::add);
            return this;
        }

        /**
         * Adds the keywords of a UTF-8 file: one keyword a line, lines starting with {@code #} and
         * blank lines ignored, leading and trailing white space removed.
         *
         * @param file the keyword list
         * @return this builder
         * @throws SmsException of kind {@code CONFIGURATION} if the file is missing, unreadable or not UTF-8
         */
        public Builder addAll(Path file) {
            Objects.requireNonNull(file, "file");
            addAll(Utf8Lines.read(file, "keyword file"));
            return this;
        }

        /**
         * Adds a keyword that also matches with separators between its letters, such as
         * {@code "f r e e"}, {@code "f.r.e.e"} or {@code "免 费"}; see {@link #separators(String)}.
         * A hit needs the letters either all together or all apart, so {@code "of reed"} does not
         * hit {@code "free"}.
         *
         * @param keyword the word, e.g. {@code "free"}
         * @return this builder
         */
        public Builder addSpaced(String keyword) {
            return put(keyword, FLAG_SPACED);
        }

        /**
         * Adds a keyword that only matches as a whole word: {@code "class"} hits
         * {@code "a class act"} and {@code "上class课"} but not {@code "classic"}. A boundary is
         * any char that is not a letter, digit or mark of a script written with spaces (Chinese,
         * Japanese and Thai characters are boundaries).
         *
         * @param keyword the word
         * @return this builder
         */
        public Builder addWholeWord(String keyword) {
            return put(keyword, FLAG_WHOLE_WORD);
        }

        /**
         * Adds an allowed word: a keyword found entirely inside it is not a hit, so
         * {@code allow("Scunthorpe")} keeps {@code "cunt"} from hitting the town. Matched with the
         * same normalization as keywords.
         *
         * @param word the allowed word; blank is ignored
         * @return this builder
         */
        public Builder allow(String word) {
            Objects.requireNonNull(word, "word");
            if (!word.isBlank()) {
                allowed.add(word.strip());
            }
            return this;
        }

        /**
         * Adds allowed words; see {@link #allow(String)}.
         *
         * @param words the words; none may be null
         * @return this builder
         */
        public Builder allowAll(Collection<String> words) {
            Objects.requireNonNull(words, "words");
            words.forEach(this::allow);
            return this;
        }

        /**
         * Whether every keyword matches as a whole word only, like
         * {@link #addWholeWord(String)}. Default false.
         *
         * @param on true for whole words
         * @return this builder
         */
        public Builder wholeWords(boolean on) {
            this.wholeWords = on;
            return this;
        }

        /**
         * The characters that may stand between the letters of a spaced keyword. Default
         * {@link KeywordFilter#DEFAULT_SEPARATORS}.
         *
         * @param separators the characters; empty allows only invisible characters between letters
         * @return this builder
         * @throws IllegalArgumentException if it contains a letter or digit
         */
        public Builder separators(String separators) {
            Objects.requireNonNull(separators, "separators");
            separators.codePoints().filter(Character::isLetterOrDigit).findFirst().ifPresent(c -> {
                throw new IllegalArgumentException("separators must not contain letters or digits, found '"
                        + new String(Character.toChars(c)) + "'");
            });
            this.separators = separators;
            return this;
        }

        /**
         * The normalization applied to keywords and texts. Default {@link Normalization#STANDARD}.
         *
         * @param normalization e.g. {@code Normalization.NONE} for exact matching
         * @return this builder
         */
        public Builder normalization(Normalization normalization) {
            this.normalization = Objects.requireNonNull(normalization, "normalization");
            return this;
        }

        /**
         * Creates the filter.
         *
         * @return the filter
         * @throws IllegalArgumentException naming the first keyword or allowed word that normalizes
         *                                  to nothing (e.g. only a zero-width space)
         */
        public KeywordFilter build() {
            return new KeywordFilter(this);
        }

        private Builder put(String keyword, int flags) {
            Objects.requireNonNull(keyword, "keyword");
            if (keyword.isBlank()) {
                return this;
            }
            keywords.merge(keyword.strip(), flags, (old, add) ->
                    (old | add) & ~FLAG_WHOLE_WORD | (old & add & FLAG_WHOLE_WORD));
            return this;
        }
    }
}
