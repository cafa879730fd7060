package org.smsbridge.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.MessagePurpose;
import org.smsbridge.SenderId;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.text.SegmentInfo;
import org.smsbridge.text.SmsText;

/**
 * A message that {@link org.smsbridge.SmsClient} has validated and normalized, as handed to
 * {@link SmsProvider#submit}: the recipient is E.164, the sender parsed and accepted by the
 * provider's rules, the text final (after smart encoding and masking) and analysed. Immutable.
 */
public final class OutgoingSms {
    private final SmsMessage message;
    private final SenderId sender;
    private final SegmentInfo segmentInfo;

    private OutgoingSms(SmsMessage message, SenderId sender, SegmentInfo segmentInfo) {
        this.message = message;
        this.sender = sender;
        this.segmentInfo = segmentInfo;
    }

    /**
     * Wraps a message whose recipient is already in international form; parses the sender and
     * analyses the text. For provider tests and for callers that bypass {@code SmsClient}.
     *
     * @throws org.smsbridge.SmsException INVALID_NUMBER or INVALID_SENDER when they are malformed
     */
    public static OutgoingSms of(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        String e164 = PhoneNumbers.normalize(message.to());
        SmsMessage normalized = e164.equals(message.to()) ? message : message.toBuilder().to(e164).build();
        SenderId sender = message.from().map(SenderId::parse).orElse(null);
        SegmentInfo info = message.text().map(SmsText::analyze).orElse(null);
        return new OutgoingSms(normalized, sender, info);
    }

    /**
     * Creates an outgoing message from parts the caller has already checked. For
     * {@code SmsClient} and interceptors; {@code message.to()} must be E.164 and, for a text
     * message, {@code segmentInfo.text()} must equal the message text.
     *
     * @throws IllegalArgumentException if the parts do not agree
     */
    public static OutgoingSms create(SmsMessage message, Optional<SenderId> sender, Optional<SegmentInfo> segmentInfo) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(segmentInfo, "segmentInfo");
        if (!isE164(message.to())) {
            throw new IllegalArgumentException("recipient must be E.164, was " + PhoneNumbers.mask(message.to()));
        }
        if (message.text().isPresent() != segmentInfo.isPresent()
                || (segmentInfo.isPresent() && !segmentInfo.get().text().equals(message.text().get()))) {
            throw new IllegalArgumentException("segmentInfo must describe the message text");
        }
        if (sender.isPresent() && !message.from().map(f -> f.equals(sender.get().value())).orElse(false)) {
            throw new IllegalArgumentException("sender must be the message's from");
        }
        return new OutgoingSms(message, sender.orElse(null), segmentInfo.orElse(null));
    }

    private static boolean isE164(String s) {
        int n = s.length();
        if (n < 8 || n > 16 || s.charAt(0) != '+' || s.charAt(1) < '1' || s.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The normalized message (recipient in E.164, final text, sender as resolved). */
    public SmsMessage message() {
        return message;
    }

    /** The recipient in E.164 form. */
    public String to() {
        return message.to();
    }

    /** The sender, when there is one. */
    public Optional<SenderId> from() {
        return Optional.ofNullable(sender);
    }

    /** The final text; empty for a provider-template message. */
    public Optional<String> text() {
        return message.text();
    }

    /** Encoding and segments of the text; empty for a provider-template message. */
    public Optional<SegmentInfo> segmentInfo() {
        return Optional.ofNullable(segmentInfo);
    }

    /** Segments the text takes, 1 for a template message. */
    public int segments() {
        return segmentInfo == null ? 1 : Math.max(1, segmentInfo.segments());
    }

    /** The provider template id, for template messages. */
    public Optional<String> templateId() {
        return message.templateId();
    }

    /** The provider template parameters, in order. */
    public Map<String, String> templateParams() {
        return message.templateParams();
    }

    /** The caller's reference. */
    public Optional<String> reference() {
        return message.reference();
    }

    /** The purpose. */
    public MessagePurpose purpose() {
        return message.purpose();
    }

    /** The validity limit. */
    public Optional<Instant> validUntil() {
        return message.validUntil();
    }

    /** The caller's metadata. */
    public Map<String, String> metadata() {
        return message.metadata();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OutgoingSms)) {
            return false;
        }
        OutgoingSms s = (OutgoingSms) o;
        return message.equals(s.message) && Objects.equals(sender, s.sender)
                && Objects.equals(segmentInfo, s.segmentInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, sender, segmentInfo);
    }

    @Override
    public String toString() {
        return "OutgoingSms{" + message + (segmentInfo == null ? "" : ", " + segmentInfo.summary()) + '}';
    }
}
