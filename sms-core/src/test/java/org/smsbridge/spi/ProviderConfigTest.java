package org.smsbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
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
}
