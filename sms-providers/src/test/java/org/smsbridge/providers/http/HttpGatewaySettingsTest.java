package org.smsbridge.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.ProviderConfig;

/** Every kind of broken gateway configuration is a CONFIGURATION error naming the setting. */
class HttpGatewaySettingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no url|param.to={to}|url",
        "plain http to a remote host|url=http://sms.vendor.example/send|https",
        "unknown placeholder|url=https://sms.vendor.example/send;param.m={mobile}|{mobile}",
        "json body with form|url=https://sms.vendor.example/send;jsonBody={}|bodyType=json",
        "json without body|url=https://sms.vendor.example/send;bodyType=json|jsonBody",
        "json with GET|url=https://sms.vendor.example/send;bodyType=json;method=get;jsonBody={}|POST",
        "json body not JSON|url=https://sms.vendor.example/send;bodyType=json;jsonBody={\"t\":{text}}|quotes",
        "pointer and regex|url=https://sms.vendor.example/send;successPointer=/a;successRegex=ok|either",
        "bad regex|url=https://sms.vendor.example/send;messageIdRegex=(unclosed|messageIdRegex",
        "bad pointer|url=https://sms.vendor.example/send;messageIdPointer=data/id|JSON pointer",
        "money without currency|url=https://sms.vendor.example/send;balanceUrl=https://sms.vendor.example/b;"
                + "balancePointer=/b;balanceUnit=money|balanceCurrency",
        "balance without pointer|url=https://sms.vendor.example/send;balanceUrl=https://sms.vendor.example/b|balancePointer",
        "bad method|url=https://sms.vendor.example/send;method=PUT|get, post",
        "bad header name|url=https://sms.vendor.example/send;header.Bad Name=x|invalid HTTP header",
        "restricted header|url=https://sms.vendor.example/send;header.Host=evil.example|sets itself",
        "bad error kind|url=https://sms.vendor.example/send;errorKind.-4=BROKE|ErrorKind",
        "bad charset|url=https://sms.vendor.example/send;charset=klingon|character set",
        "unknown hash algorithm|url=https://sms.vendor.example/send;hash.sign=crc32:{text}|md5, sha1 or sha256",
        "hash using a hash|url=https://sms.vendor.example/send;hash.a=md5:{text};hash.b=md5:{a}|a hash can only use",
        "basic without password|url=https://sms.vendor.example/send;auth=basic;username=u|password"
    })
    void rejectsBrokenSettingsNamingTheProblem(String what, String settings, String expected) {
        ProviderConfig.Builder b = ProviderConfig.builder();
        for (String kv : settings.split(";")) {
            int eq = kv.indexOf('=');
            b.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        assertThatThrownBy(() -> new HttpGatewaySettings(b.build())).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.getMessage()).contains(expected);
        });
    }

    @Test
    void findsPlaceholdersButLeavesJsonBracesAlone() {
        assertThat(Placeholders.names("{\"to\":\"{to}\",\"n\":{\"a\":\"{text}\"},\"ts\":{timestamp}}"))
                .containsExactly("to", "text", "timestamp");
        assertThat(Placeholders.render("{\"to\":\"{to}\",\"t\":\"{text}\"}", Map.of("to", "+1", "text", "Σ \"q\""),
                Placeholders::json)).isEqualTo("{\"to\":\"+1\",\"t\":\"Σ \\\"q\\\"\"}");
    }

    @Test
    void escapesValuesForFormsInTheirCharset() {
        assertThat(Placeholders.render("mobile={to}&c={text}", Map.of("to", "+86138", "text", "a&b 短*"),
                Placeholders.url(StandardCharsets.UTF_8))).isEqualTo("mobile=%2B86138&c=a%26b+%E7%9F%AD%2A");
        assertThat(Placeholders.render("c={text}", Map.of("text", "短"), Placeholders.url(Charset.forName("GBK"))))
                .isEqualTo("c=%B6%CC");
    }

    @Test
    void refusesLineBreaksInHeaderValues() {
        assertThatThrownBy(() -> Placeholders.header("a\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Placeholders.header("Bearer abc")).isEqualTo("Bearer abc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "quote \" here|quote \\\" here",
        "back\\slash|back\\\\slash",
        "tab\there|tab\\there"
    })
    void escapesJsonStringContent(String raw, String escaped) {
        assertThat(Placeholders.json(raw)).isEqualTo(escaped);
    }
}
