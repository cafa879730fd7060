package org.smsbridge.spi;

/**
 * Creates providers of one kind from settings; registered in
 * {@code META-INF/services/org.smsbridge.spi.SmsProviderFactory} and found by
 * {@link SmsProviders#create(String, ProviderConfig)}.
 */
public interface SmsProviderFactory {
    /** The name users choose the provider by, lower case, e.g. {@code "twilio"}. */
    String name();

    /**
     * Creates a provider.
     *
     * @throws org.smsbridge.SmsException {@link org.smsbridge.ErrorKind#CONFIGURATION} naming every
     *         missing or malformed setting
     */
    SmsProvider create(ProviderConfig config);
}
