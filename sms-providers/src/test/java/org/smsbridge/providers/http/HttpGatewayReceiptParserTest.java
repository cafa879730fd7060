package org.smsbridge.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.WebhookRequest;

/**
 * Receipt pushes of small vendors ("状态报告推送"): typically a form POST or GET with
 * {@code msgid}, {@code mobile}, {@code stat} ({@code DELIVRD} or a carrier code such as
 * {@code UNDELIV}, {@code MK:0001}), or a JSON array of such objects; modelled on the common
 * CMPP-style report fields, not one vendor's contract.
 */
class HttpGatewayReceiptParserTest {
    static HttpGatewayReceiptParser parser(ProviderConfig.Builder extra) {
        return HttpGatewayReceiptParser.from(extra.put("receiptIdField", "msgid").put("receiptStatusField", "stat")
                .put("receiptToField", "mobile").build()).orElseThrow();
    }

    static WebhookRequest form(String url, String body) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/x-www-form-urlencoded")
                .body(body).build();
    }

    @Test
    void readsAFormPush() {
        List<DeliveryReceipt> r = parser(ProviderConfig.builder().put("region", "CN"))
                .parse(form("https://shop.example/sms/receipts/http", "msgid=2311241400001&mobile=8613800138000&stat=DELIVRD"));
        assertThat(r).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("2311241400001");
            assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(d.to()).contains("+8613800138000");
            assertThat(d.errorCode()).isEmpty();
        });
    }

    @Test
    void readsANationalNumberAsANumberOfTheConfiguredRegion() {
        WebhookRequest get = WebhookRequest.builder("GET",
                "https://shop.example/sms/receipts/http?msgid=M1&stat=DELIVRD&mobile=13800138000").build();
        assertThat(parser(ProviderConfig.builder().put("region", "cn")).parse(get)).singleElement()
                .satisfies(d -> assertThat(d.to()).contains("+8613800138000"));
    }

    @Test
    void withoutARegionDoesNotGuessTheCountryOfANumberWithoutPlus() {
        WebhookRequest get = WebhookRequest.builder("GET",
                "https://shop.example/sms/receipts/http?msgid=M1&stat=DELIVRD&mobile=13800138000").build();
        assertThat(parser(ProviderConfig.builder()).parse(get)).singleElement().satisfies(d -> {
            assertThat(d.to()).as("13800138000 is not +1 380 013 8000").isEmpty();
            assertThat(d.rawFields()).containsEntry("mobile", "13800138000");
        });
    }

    @Test
    void withoutARegionUsesANumberWrittenWithPlus() {
        WebhookRequest get = WebhookRequest.builder("GET",
                "https://shop.example/sms/receipts/http?msgid=M1&stat=DELIVRD&mobile=%2B8613800138000").build();
        assertThat(parser(ProviderConfig.builder()).parse(get)).singleElement()
                .satisfies(d -> assertThat(d.to()).contains("+8613800138000"));
    }

    @Test
    void leavesOutARecipientThatIsNoMobileNumberOfTheRegion() {
        WebhookRequest get = WebhookRequest.builder("GET",
                "https://shop.example/sms/receipts/http?msgid=M1&stat=DELIVRD&mobile=12345").build();
        assertThat(parser(ProviderConfig.builder().put("region", "CN")).parse(get)).singleElement()
                .satisfies(d -> assertThat(d.to()).isEmpty());
    }

    @Test
    void refusesARegionThatIsNoCountryCode() {
        assertThatThrownBy(() -> parser(ProviderConfig.builder().put("region", "China")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("region", "'China'", "e.g. CN");
                });
    }

    @Test
    void readsAGetPushFromTheQuery() {
        WebhookRequest get = WebhookRequest.builder("GET",
                "https://shop.example/sms/receipts/http?msgid=77&mobile=306912345678&stat=UNDELIV").build();
        assertThat(parser(ProviderConfig.builder()).parse(get)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(MessageStatus.UNDELIVERED);
            assertThat(d.errorCode()).contains("UNDELIV");
        });
    }

    @Test
    void readsAJsonArrayWithNestedFieldsAndConfiguredValues() {
        HttpGatewayReceiptParser p = HttpGatewayReceiptParser.from(ProviderConfig.builder()
                .put("receiptIdField", "/report/id").put("receiptStatusField", "/report/state")
                .put("receiptDeliveredValues", "ok").put("receiptFailedValues", "fail,expired")
                .put("receiptErrorField", "/report/err").build()).orElseThrow();
        String body = "[{\"report\":{\"id\":\"a1\",\"state\":\"OK\"}},{\"report\":{\"id\":\"a2\",\"state\":\"fail\","
                + "\"err\":\"MK:0001\"}},{\"report\":{\"id\":\"a3\",\"state\":\"sent\"}}]";
        List<DeliveryReceipt> r = p.parse(WebhookRequest.builder("POST", "https://shop.example/r")
                .header("Content-Type", "application/json").body(body).build());
        assertThat(r).extracting(DeliveryReceipt::status)
                .containsExactly(MessageStatus.DELIVERED, MessageStatus.UNDELIVERED, MessageStatus.UNKNOWN);
        assertThat(r.get(1).errorCode()).contains("MK:0001");
    }

    @Test
    void checksTheTokenAndRejectsJunk() {
        HttpGatewayReceiptParser p = parser(ProviderConfig.builder().secret("receiptToken", "tkn-5521"));
        String ok = "msgid=1&stat=DELIVRD";
        assertThat(p.parse(form("https://shop.example/r?token=tkn-5521", ok))).hasSize(1);
        assertThatThrownBy(() -> p.parse(form("https://shop.example/r?token=nope", ok)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        assertThatThrownBy(() -> p.parse(form("https://shop.example/r", ok)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        assertThatThrownBy(() -> p.parse(form("https://shop.example/r?token=tkn-5521", "hello=world")))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
    }

    @Test
    void isAbsentWithoutTheIdField() {
        assertThat(HttpGatewayReceiptParser.from(ProviderConfig.builder().put("receiptStatusField", "stat").build()))
                .isEmpty();
    }
}
