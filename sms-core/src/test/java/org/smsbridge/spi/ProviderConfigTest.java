package org.smsbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

class ProviderConfigTest {
    private static final String SECRET = "s3cr3t-T0ken-value";

    @Test
    void missingSettingsAreOneConfigurationErrorNamingEveryKey() {
        ProviderConfig config = ProviderConfig.builder().put("username", "shop").build();
        assertThatThrownBy(() -> config.requireAll("enterpriseCode", "username", "password"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("missing provider settings: enterpriseCode, password");
    }

    @Test
    void toStringMasksExplicitAndSecretLookingValues() {
        ProviderConfig config = ProviderConfig.builder().put("accountSid", "AC123").secret("pin", SECRET)
                .put("authToken", SECRET + "1").put("password", SECRET + "2").put("apiKey", SECRET + "3").build();
        assertThat(config.toString()).contains("accountSid=AC123").doesNotContain(SECRET)
                .contains("pin=****", "authToken=****", "password=****", "apiKey=****");
        assertThat(config.isSecret("pin")).isTrue();
        assertThat(config.isSecret("accountSid")).isFalse();
    }

    @Test
    void keysThatLocalGatewaysUseForPasswordsAreMaskedToo() {
        ProviderConfig config = ProviderConfig.of(java.util.Map.of("pwd", SECRET, "pass", SECRET, "param.pwd", SECRET,
                "userPin", SECRET, "header.Authorization", "Bearer " + SECRET, "hmac_secret", SECRET,
                "spinner", "on", "passengerLimit", "4", "username", "acme"));
        assertThat(config.toString()).doesNotContain(SECRET).contains("spinner=on", "passengerLimit=4", "username=acme");
        assertThat(config.isSecret("pwd")).isTrue();
        assertThat(config.isSecret("userPin")).isTrue();
        assertThat(config.isSecret("header.Authorization")).isTrue();
        assertThat(config.isSecret("signName")).isFalse();
        assertThat(config.isSecret("auth")).isFalse();
    }

    @Test
    void malformedSecretSettingNeverShowsTheValueInTheError() {
        ProviderConfig config = ProviderConfig.builder().secret("timeoutToken", SECRET).build();
        assertThatThrownBy(() -> config.duration("timeoutToken", Duration.ZERO))
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> config.integer("timeoutToken", 1)).hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> config.bool("timeoutToken", true)).hasMessageNotContaining(SECRET);
    }

    @Test
    void readsTypedSettingsWithDefaults() {
        ProviderConfig config = ProviderConfig.of(Map.of("timeout", "PT5S", "retries", "3", "sandbox", "TRUE",
                "connectTimeout", "1500"));
        assertThat(config.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.duration("connectTimeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.duration("other", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.integer("retries", 0)).isEqualTo(3);
        assertThat(config.bool("sandbox", false)).isTrue();
        assertThatThrownBy(() -> ProviderConfig.of(Map.of("retries", "x")).integer("retries", 0))
                .hasMessageContaining("retries must be a whole number");
    }

    @Test
    void readsPrefixedPropertiesWithOrWithoutTheTrailingDot() {
        Properties p = new Properties();
        p.setProperty("sms.twilio.accountSid", "AC1");
        p.setProperty("sms.twilioX.accountSid", "AC2");
        p.setProperty("sms.other.x", "y");
        assertThat(ProviderConfig.fromProperties(p, "sms.twilio.").keys()).containsExactly("accountSid");
        assertThat(ProviderConfig.fromProperties(p, "sms.twilio").get("accountSid")).contains("AC1");
        assertThat(ProviderConfig.fromProperties(p, "sms.twilio").keys()).containsExactly("accountSid");
    }

    @Test
    void nullOrBlankValuesLeaveTheSettingUnsetSoTheCheckNamesIt() {
        // what System.getenv gives for an unset variable, or an empty settings field
        ProviderConfig config = ProviderConfig.builder().put("accountSid", " ").secret("authToken", null)
                .put("region", "eu").put("region", "").secret("password", "").build();
        assertThat(config.keys()).isEmpty();
        assertThat(config.get("authToken")).isEmpty();
        assertThatThrownBy(() -> config.requireAll("accountSid", "authToken", "password"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("missing provider settings: accountSid, authToken, password");
    }

    @Test
    void rejectsBlankKeys() {
        assertThatThrownBy(() -> ProviderConfig.builder().put(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setting key must not be blank");
        assertThatThrownBy(() -> ProviderConfig.builder().secret(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key");
    }

    @Test
    void placeholdersInPropertiesAreFilledInFromTheEnvironmentOrSystemProperties() throws IOException {
        String env = System.getenv().keySet().stream().filter(k -> k.matches("[A-Za-z_][A-Za-z0-9_]*")
                && !System.getenv(k).isBlank()).findFirst().orElseThrow();
        System.setProperty("SMSBRIDGE_TEST_TOKEN", SECRET);
        try {
            Properties p = new Properties();
            p.load(new StringReader("sms.twilio.accountSid=AC1\nsms.twilio.authToken=${SMSBRIDGE_TEST_TOKEN}\n"
                    + "sms.twilio.fromEnv=${" + env + "}\nsms.twilio.baseUrl=https://${NO_SUCH_VAR_42:api.example}/v1\n"
                    + "sms.twilio.region=${NO_SUCH_VAR_42}\nsms.twilio.literal=${no closing brace\n"));
            ProviderConfig config = ProviderConfig.fromProperties(p, "sms.twilio");
            assertThat(config.get("authToken")).contains(SECRET);
            assertThat(config.get("fromEnv")).contains(System.getenv(env));
            assertThat(config.get("baseUrl")).contains("https://api.example/v1");
            assertThat(config.get("region")).as("an unset variable: the key counts as missing").isEmpty();
            assertThat(config.get("literal")).contains("${no closing brace");
            assertThat(ProviderConfig.fillIn("authToken", "${ SMSBRIDGE_TEST_TOKEN }", System::getProperty))
                    .as("blanks around the name").isEqualTo(SECRET);
            assertThat(config.toString()).doesNotContain(SECRET);
        } finally {
            System.clearProperty("SMSBRIDGE_TEST_TOKEN");
        }
    }

    @Test
    void anUnsetPlaceholderInsideALongerValueIsAConfigurationErrorNamingIt() {
        Properties p = new Properties();
        p.setProperty("sms.http.url", "https://${NO_SUCH_VAR_42}/send");
        assertThatThrownBy(() -> ProviderConfig.fromProperties(p, "sms.http"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("setting url refers to ${NO_SUCH_VAR_42}");
    }

    @Test
    void passwordsThatLookLikePlaceholdersStayLiteralOrAreNeverShown() {
        Properties p = new Properties();
        p.setProperty("sms.http.password", "Zx${9kQ}mm");   // not a variable name: literal
        p.setProperty("sms.http.token", "a$${HOME}b");      // escaped: literal ${
        assertThat(ProviderConfig.fromProperties(p, "sms.http").get("password")).contains("Zx${9kQ}mm");
        assertThat(ProviderConfig.fromProperties(p, "sms.http").get("token")).contains("a${HOME}b");
        p.setProperty("sms.http.password", "Ab${XyQ_UNSET_42}z");
        assertThatThrownBy(() -> ProviderConfig.fromProperties(p, "sms.http"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("setting password refers to a variable").hasMessageNotContaining("XyQ");
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstSetting(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.properties");
        Files.writeString(file, "\uFEFFsms.twilio.accountSid=AC1\nsms.twilio.authToken=x1234\n", StandardCharsets.UTF_8);
        assertThat(ProviderConfig.fromProperties(file, "sms.twilio").keys()).containsExactly("accountSid", "authToken");
    }

    @Test
    void secretWordsAreFoundInAcronymKeysToo() {
        ProviderConfig config = ProviderConfig.of(Map.of("OTPCode", SECRET, "PINCode", SECRET, "useHTTPSPin", SECRET));
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void aPropertiesFileIsReadInItsOwnOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sms.properties");
        Files.writeString(file, "# vendor wants this order\nsms.http.param.ecode=10086\nsms.http.param.account=carshop\n"
                + "sms.http.param.pswd={password}\nsms.http.param.mobile={to_national}\nsms.http.param.msg={text}\n"
                + "sms.http.url=https://sms.vendor.example/send\nother.key=x\nsms.http.param.sign=短信\n",
                StandardCharsets.UTF_8);
        ProviderConfig config = ProviderConfig.fromProperties(file, "sms.http");
        assertThat(config.keys()).containsExactly("param.ecode", "param.account", "param.pswd", "param.mobile",
                "param.msg", "url", "param.sign");
        assertThat(config.get("param.sign")).contains("短信");
    }

    @Test
    void aMissingOrBrokenPropertiesFileIsAConfigurationErrorNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> ProviderConfig.fromProperties(missing, "sms"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, "sms.sign=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ProviderConfig.fromProperties(latin1, "sms"))
                .hasMessageContaining("is not valid UTF-8");
        Path badEscape = dir.resolve("bad.properties");
        Files.writeString(badEscape, "sms.x=\\uZZZZ\n");
        assertThatThrownBy(() -> ProviderConfig.fromProperties(badEscape, "sms"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }
}
