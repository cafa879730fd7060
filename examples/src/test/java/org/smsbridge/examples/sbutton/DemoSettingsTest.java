package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {
    @TempDir
    Path dir;

    @Test
    void senderCaptionIsCheckedAsTyped() {
        assertThat(DemoSettings.senderProblem("ACME")).isEmpty();
        assertThat(DemoSettings.senderProblem("ACME Auto 1")).isEmpty();
        assertThat(DemoSettings.senderProblem("")).as("empty means the provider's default").isEmpty();
        assertThat(DemoSettings.senderProblem("ACME SERVICES")).get().asString()
                .contains("has 13 characters").contains("11");
        assertThat(DemoSettings.senderProblem("ΑΚΜΕ")).as("English letters only").isPresent();
        assertThat(DemoSettings.senderProblem("汽修")).isPresent();
        assertThat(DemoSettings.senderProblem("ACME!")).isPresent();
    }

    @Test
    void sendIntervalMustBeBetweenOneMinuteAndOneDay() {
        assertThat(DemoSettings.intervalProblem(1)).isEmpty();
        assertThat(DemoSettings.intervalProblem(1440)).isEmpty();
        assertThat(DemoSettings.intervalProblem(0)).contains("the send interval must be between 1 and 1440 minutes, was 0");
        assertThat(DemoSettings.intervalProblem(1441)).isPresent();
    }

    @Test
    void furtherSettingsAreKeyValueLines() {
        assertThat(DemoSettings.parseExtra("# Twilio\naccountSid = AC123\n\nauthToken=t=ok\n"))
                .containsExactly(Map.entry("accountSid", "AC123"), Map.entry("authToken", "t=ok"));
        assertThatThrownBy(() -> DemoSettings.parseExtra("a=1\nno equals sign"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 of the further settings is not key=value: 'no equals sign'");
        assertThat(DemoSettings.parseExtra(DemoSettings.formatExtra(Map.of("k", "v")))).containsEntry("k", "v");
    }

    @Test
    void problemsListEveryBadSetting() {
        assertThat(DemoSettings.defaults().problems()).isEmpty();
        DemoSettings bad = DemoSettings.defaults().withAccount("", "ACME SERVICES", "", "", Map.of())
                .withSignature("x", " ").withOutbox(true, Duration.ZERO, false);
        assertThat(bad.problems()).hasSize(4).anyMatch(p -> p.contains("provider"))
                .anyMatch(p -> p.contains("13 characters")).anyMatch(p -> p.contains("interval"))
                .anyMatch(p -> p.contains("operator"));
    }

    @Test
    void passwordIsASecretInTheProviderConfigAndNeverShown() {
        DemoSettings s = DemoSettings.defaults().withAccount("http", "ACME", "shop", "s3cret!",
                Map.of("url", "https://sms.example.com/send", "apiKey", "k-123"));
        assertThat(s.providerConfig().get("password")).contains("s3cret!");
        assertThat(s.providerConfig().isSecret("password")).isTrue();
        assertThat(s.toString()).doesNotContain("s3cret!").doesNotContain("k-123").contains("****");
        assertThat(s.providerConfig().toString()).doesNotContain("s3cret!");
    }

    @Test
    void savedSettingsComeBackWithoutThePasswordOrSecretExtras() throws Exception {
        Path file = dir.resolve("settings.properties");
        assertThat(DemoSettings.load(file)).isEqualTo(DemoSettings.defaults());
        DemoSettings s = DemoSettings.defaults().withAccount("fake", "ACME", "shop", "s3cret!",
                Map.of("balance", "5", "apiKey", "k-123")).withOutbox(false, Duration.ofMinutes(10), true)
                .withSignature("Συνεργείο Νίκος", "maria");
        s.save(file);
        String written = Files.readString(file);
        assertThat(written).doesNotContain("s3cret!").doesNotContain("k-123");
        DemoSettings back = DemoSettings.load(file);
        assertThat(back).isEqualTo(s.withAccount("fake", "ACME", "shop", "", Map.of("balance", "5")));
    }

    @Test
    void consumingATypedPasswordClearsTheCharacters() {
        char[] typed = "pw".toCharArray();
        assertThat(DemoSettings.consume(typed)).isEqualTo("pw");
        assertThat(typed).containsOnly('\0');
    }
}
