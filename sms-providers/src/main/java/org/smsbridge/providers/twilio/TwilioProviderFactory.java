package org.smsbridge.providers.twilio;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link TwilioProvider} with the {@link java.util.ServiceLoader} under {@code "twilio"}.
 * Use {@code SmsProviders.create("twilio", config)} rather than this class.
 */
public final class TwilioProviderFactory implements SmsProviderFactory {
    /** For the ServiceLoader. */
    public TwilioProviderFactory() {
    }

    @Override
    public String name() {
        return TwilioProvider.NAME;
    }

    /** @see TwilioProvider#create(ProviderConfig) */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return TwilioProvider.create(config);
    }
}
