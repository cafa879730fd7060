package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One filter shared by many threads gives every thread the same answers as a single thread. */
class KeywordFilterConcurrencyTest {
    @Test
    void sharedFilterAnswersEveryThreadCorrectly() throws Exception {
        // the filter fills its per-char lookup table lazily: here by all threads at once
        Normalization normalization = Normalization.STANDARD.toBuilder().leetDigits(true).build();
        KeywordFilter filter = KeywordFilter.builder().add("free").add("δωρεάν").add("miễn phí").add("免费")
                .addSpaced("cash").allow("freedom").normalization(normalization).build();
        List<String> texts = List.of("Get ＦＲＥＥ stuff 😀", "ΔΩΡΕΆΝ μεταφορικά", "MIỄN PHÍ hôm nay", "点击免費领取",
                "c a s h", "freedom", "nothing here at all", "fr33 ß ﬁ 𝐟𝐫𝐞𝐞", "Ａ".repeat(300) + "free");
        List<List<KeywordHit>> expected = new ArrayList<>();
        KeywordFilter reference = filter.toBuilder().normalization(Normalization.STANDARD.toBuilder()
                .leetDigits(true).build()).build();
        for (String t : texts) {
            expected.add(reference.findAll(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                tasks.add(() -> {
                    int checked = 0;
                    for (int round = 0; round < 2_000; round++) {
                        int i = (round + offset) % texts.size();
                        String text = texts.get(i);
                        assertThat(filter.findAll(text)).isEqualTo(expected.get(i));
                        assertThat(filter.matches(text)).isEqualTo(!expected.get(i).isEmpty());
                        assertThat(filter.mask(text, '*')).hasSameSizeAs(text);
                        checked++;
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(16_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
