package org.smsbridge.providers.infobip;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.HttpErrors;
import org.smsbridge.providers.internal.ProviderHttp;

/**
 * Infobip errors. Request errors (infobip-api-java-client ApiErrorResponsesTest):
 * {@code {"requestError":{"serviceException":{"messageId":"BAD_REQUEST","text":"Bad request",
 * "validationErrors":{"messages[0].text":["invalid text"]}}}}}; per-message rejections come as a
 * {@code status} of group REJECTED (groupId 5) in a 200 answer (infobip.com/docs/essentials/
 * api-essentials/response-status-and-error-codes).
 */
final class InfobipErrors {
    /** REJECTED status names → kind. */
    private static final Map<String, ErrorKind> REJECTED = Map.of(
            "REJECTED_NOT_ENOUGH_CREDITS", ErrorKind.INSUFFICIENT_BALANCE,
            "REJECTED_DESTINATION", ErrorKind.INVALID_NUMBER,
            "REJECTED_PREFIX_MISSING", ErrorKind.INVALID_NUMBER,
            "REJECTED_SOURCE", ErrorKind.INVALID_SENDER,
            "REJECTED_SENDER", ErrorKind.INVALID_SENDER,
            "REJECTED_DND", ErrorKind.OPTED_OUT,
            "REJECTED_FLOODING_FILTER", ErrorKind.RATE_LIMITED,
            "REJECTED_NETWORK", ErrorKind.INVALID_NUMBER);

    private InfobipErrors() {
    }

    /** The exception for a non-2xx answer. */
    static SmsException requestError(ProviderHttp http, HttpResponse<String> response) {
        JsonNode json = ProviderHttp.tryJson(response.body());
        JsonNode se = json == null ? null : json.path("requestError").path("serviceException");
        String code = ProviderHttp.text(se, "messageId").orElse(null);
        String text = ProviderHttp.text(se, "text").orElse(json == null ? response.body() : "");
        ErrorKind kind = HttpErrors.kindForStatus(response.statusCode());
        if (response.statusCode() == 400 && se != null && se.path("validationErrors").isObject()) {
            // Say which field was wrong: messages[0].destinations[0].to / .from / .text
            Iterator<String> fields = se.path("validationErrors").fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                text = text + "; " + f + ": " + se.path("validationErrors").path(f).toString();
                if (f.contains("destinations") || f.endsWith(".to")) {
                    kind = ErrorKind.INVALID_NUMBER;
                } else if (f.endsWith(".from")) {
                    kind = ErrorKind.INVALID_SENDER;
                } else if (f.endsWith(".text")) {
                    kind = ErrorKind.INVALID_CONTENT;
                }
            }
        }
        return HttpErrors.fromResponse(http, response, kind, code, text, HttpErrors.hint(kind)).build();
    }

    /** The exception for a message Infobip rejected at once. */
    static SmsException rejected(ProviderHttp http, HttpResponse<String> response, JsonNode status) {
        String name = ProviderHttp.text(status, "name").orElse("REJECTED");
        ErrorKind kind = REJECTED.getOrDefault(name, ErrorKind.PROVIDER_ERROR);
        String description = ProviderHttp.text(status, "description").orElse(name);
        return SmsException.builder(kind, "infobip rejected the message (" + name + "): " + description
                + (HttpErrors.hint(kind).isEmpty() ? "" : "; " + HttpErrors.hint(kind)))
                .provider(InfobipProvider.NAME).providerCode(name).build();
    }
}
