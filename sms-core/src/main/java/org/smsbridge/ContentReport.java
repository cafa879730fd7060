package org.smsbridge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.text.SegmentInfo;

/**
 * What {@link SmsClient#check(SmsMessage)} found before sending: the normalized number, the
 * sender, encoding and segments, blocked keywords, and every problem that would stop the message.
 * The "check tool" of a send dialog. Immutable.
 */
public final class ContentReport {
    /**
     * One thing that would stop the message.
     *
     * @param kind    the error kind {@code send()} would throw
     * @param message what is wrong and what to do
     */
    public record Problem(ErrorKind kind, String message) {
        /** @throws NullPointerException if an argument is null */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    private final String to;
    private final SenderId sender;
    private final SegmentInfo segmentInfo;
    private final List<KeywordHit> keywordHits;
    private final List<Problem> problems;

    ContentReport(String to, SenderId sender, SegmentInfo segmentInfo, List<KeywordHit> keywordHits,
                  List<Problem> problems) {
        this.to = to;
        this.sender = sender;
        this.segmentInfo = segmentInfo;
        this.keywordHits = List.copyOf(keywordHits);
        this.problems = List.copyOf(problems);
    }

    /** The recipient in E.164, when it could be normalized. */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /** The sender that would be used, when there is a valid one. */
    public Optional<SenderId> sender() {
        return Optional.ofNullable(sender);
    }

    /**
     * Encoding and segments of the text as it would be sent (after masking and smart encoding);
     * empty for a provider-template message.
     */
    public Optional<SegmentInfo> segmentInfo() {
        return Optional.ofNullable(segmentInfo);
    }

    /** Blocked keywords found in the text as written, by position; empty without a filter. */
    public List<KeywordHit> keywordHits() {
        return keywordHits;
    }

    /** Everything that would stop the message, in the order {@code send()} checks them. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether {@code send()} would hand the message to the provider. */
    public boolean isSendable() {
        return problems.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContentReport)) {
            return false;
        }
        ContentReport r = (ContentReport) o;
        return Objects.equals(to, r.to) && Objects.equals(sender, r.sender)
                && Objects.equals(segmentInfo, r.segmentInfo) && keywordHits.equals(r.keywordHits)
                && problems.equals(r.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, sender, segmentInfo, keywordHits, problems);
    }

    @Override
    public String toString() {
        return "ContentReport{" + (isSendable() ? "sendable" : "problems=" + problems)
                + (segmentInfo == null ? "" : ", " + segmentInfo.summary())
                + (keywordHits.isEmpty() ? "" : ", keywordHits=" + keywordHits) + '}';
    }
}
