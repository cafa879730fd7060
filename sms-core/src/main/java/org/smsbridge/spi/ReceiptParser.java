package org.smsbridge.spi;

import java.util.List;
import org.smsbridge.DeliveryReceipt;

/**
 * Turns a provider's delivery-receipt callback into {@link DeliveryReceipt}s, after checking its
 * signature where the provider signs callbacks. Implementations are thread-safe.
 */
public interface ReceiptParser {
    /**
     * Verifies and parses one callback.
     *
     * @param request the callback as received
     * @return the receipts it carries (usually one), never null
     * @throws org.smsbridge.SmsException {@link org.smsbridge.ErrorKind#AUTHENTICATION} when the
     *         signature is missing or wrong; {@link org.smsbridge.ErrorKind#INVALID_CONTENT} when the
     *         callback is not a receipt this parser understands
     */
    List<DeliveryReceipt> parse(WebhookRequest request);
}
