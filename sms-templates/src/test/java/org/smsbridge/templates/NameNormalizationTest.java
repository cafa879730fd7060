package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Placeholder names typed in NFC and NFD are one name, and find values under keys in either form. */
class NameNormalizationTest {
    private static final String NFC = "tên_khách";
    private static final String NFD = "te\u0302n_kha\u0301ch";

    /** A record whose component name was typed in NFD (javac keeps identifiers as typed). */
    record DecomposedGuest(String te\u0302n_kha\u0301ch) {
    }

    /** A record whose component name was typed in NFC. */
    record ComposedGuest(String tên_khách) {
    }

    static Stream<Arguments> mapKinds() {
        List<Function<Map<String, Object>, Map<String, Object>>> kinds = List.of(
                HashMap::new, LinkedHashMap::new, TreeMap::new, Map::copyOf);
        List<String> names = List.of("HashMap", "LinkedHashMap", "TreeMap", "Map.of");
        return Stream.of(NFC, NFD).flatMap(body -> Stream.of(NFC, NFD).flatMap(key -> IntStream.range(0, kinds.size())
                .mapToObj(i -> Arguments.of(form(body), form(key), names.get(i), body, key, kinds.get(i)))));
    }

    private static String form(String name) {
        return name.equals(NFC) ? "NFC" : "NFD";
    }

    @ParameterizedTest(name = "template in {0}, key in {1}, {2}")
    @MethodSource("mapKinds")
    void findsAMapKeyTypedInEitherForm(String bodyForm, String keyForm, String mapKind, String name, String key,
                                       Function<Map<String, Object>, Map<String, Object>> kind) {
        Template t = Template.compile("Xin chào {" + name + "}, {" + name + ":upper} {khách." + name + "|-}");
        Map<String, Object> values = kind.apply(Map.of(key, "An", "khách", kind.apply(Map.of(key, "Bình"))));
        for (int i = 0; i < 3; i++) { // the first render fills the inline caches, the next ones use them
            assertThat(t.render(values)).isEqualTo("Xin chào An, AN Bình");
        }
        assertThat(t.variables()).containsExactly(NFC, "khách." + NFC);
    }

    @Test
    void listsVariablesInNfcWhateverFormTheTemplateWasTypedIn() {
        assertThat(Template.compile("{" + NFD + "} {" + NFC + "} {xe.bi\u00EA\u0309n_so\u0302\u0301}").variables())
                .containsExactly(NFC, Normalizer.normalize("xe.biển_số", Normalizer.Form.NFC))
                .allMatch(name -> Normalizer.isNormalized(name, Normalizer.Form.NFC));
    }

    @Test
    void namesMissingValuesInNfc() {
        Template t = Template.compile("Xin chào {" + NFD + "}, {đơn.mã_so\u0302\u0301}");
        assertThatThrownBy(() -> t.render(Map.of("tên", "An")))
                .isInstanceOfSatisfying(MissingValuesException.class,
                        e -> assertThat(e.missingNames()).containsExactly(NFC, "đơn.mã_số"))
                .hasMessage("no value for tên_khách, đơn.mã_số; add them to the values or give a fallback such as "
                        + "{tên_khách|text}");
        assertThat(t.preview(Map.of()).missing()).containsExactly(NFC, "đơn.mã_số");
    }

    @Test
    void keepsAMissingPlaceholderAsItWasTyped() {
        TemplateEngine keep = TemplateEngine.builder().missingValues(MissingValues.KEEP_PLACEHOLDER).build();
        assertThat(keep.render("Hi {" + NFD + "}", Map.of())).isEqualTo("Hi {" + NFD + "}");
    }

    @Test
    void findsAJsonFieldTypedInEitherForm() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode decomposed = mapper.readTree("{\"" + NFD + "\": \"An\", \"khách\": {\"" + NFD + "\": \"Bình\"}}");
        JsonNode composed = mapper.readTree("{\"" + NFC + "\": \"An\", \"khách\": {\"" + NFC + "\": \"Bình\"}}");
        for (String name : List.of(NFC, NFD)) {
            Template t = Template.compile("{" + name + "} {khách." + name + "}");
            assertThat(t.render(decomposed)).isEqualTo("An Bình");
            assertThat(t.render(composed)).isEqualTo("An Bình");
        }
        Template nested = Template.compile("{g." + NFC + "}");
        assertThat(nested.render(Map.of("g", decomposed))).isEqualTo("An");
        assertThat(nested.render(Map.of("g", composed))).isEqualTo("An");
    }

    @Test
    void findsARecordComponentTypedInEitherForm() {
        for (String name : List.of(NFC, NFD)) {
            Template t = Template.compile("Xin chào {" + name + "}");
            assertThat(t.render(new DecomposedGuest("An"))).isEqualTo("Xin chào An");
            assertThat(t.render(new ComposedGuest("An"))).isEqualTo("Xin chào An");
            assertThat(Template.compile("{guest." + name + "}").render(Map.of("guest", new DecomposedGuest("Bình"))))
                    .isEqualTo("Bình");
        }
    }

    @Test
    void findsAFlatDottedKeyAndAKeyInsideAnOptionalTypedInEitherForm() {
        Template t = Template.compile("{khách." + NFC + "} {o." + NFC + "}");
        Map<String, Object> values = Map.of("khách." + NFD, "An", "o", Optional.of(Map.of(NFD, "Bình")));
        assertThat(t.render(values)).isEqualTo("An Bình");
    }

    @Test
    void prefersTheExactKeyAndIgnoresKeysThatOnlyLookAlike() {
        Map<String, Object> both = new HashMap<>();
        both.put(NFC, "exact");
        both.put(NFD, "equivalent");
        assertThat(Template.compile("{" + NFD + "}").render(both)).isEqualTo("exact");
        // "tên" without its accent, and a different accent, are other names
        assertThat(Template.compile("{" + NFC + "|-}").render(Map.of("ten_khach", "x", "tến_khách", "y")))
                .isEqualTo("-");
        // the Kelvin sign is canonically equivalent to K
        assertThat(Template.compile("{K}").render(Map.of("\u212A", "kelvin"))).isEqualTo("kelvin");
        assertThat(Template.compile("{name|-}").render(Map.of("Name", "x"))).isEqualTo("-");
    }

    @Test
    void namesProviderParametersInNfc() {
        Template t = Template.compile("Xin chào {" + NFD + "}");
        assertThat(t.export(ProviderSyntax.ALIYUN).body()).isEqualTo("Xin chào ${" + NFC + "}");
        assertThat(t.renderVariables(Map.of(NFC, "An"))).containsExactly(Map.entry(NFC, "An"));
    }
}
