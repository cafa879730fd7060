package org.smsbridge.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCodecTest {
    @Test
    void likePatternTakesWildcardsAndTheEscapeLiterally() {
        assertThat(FieldCodec.containsPattern("50% off_now!")).isEqualTo("%50!% off!_now!!%");
        assertThat(FieldCodec.containsPattern("καλημέρα")).isEqualTo("%καλημέρα%");
    }

    @Test
    void mapsSurviveEncodingWithSeparatorsAndEveryScript() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a=b", "c&d");
        m.put("名字", "Nguyễn Văn Ánh");
        m.put("όνομα", "");
        assertThat(FieldCodec.decode(FieldCodec.encode(m))).isEqualTo(m);
        assertThat(FieldCodec.encode(Map.of())).isNull();
        assertThat(FieldCodec.decode(null)).isEmpty();
    }
}
