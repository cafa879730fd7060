package org.smsbridge.providers.vonage;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link VonageProvider} with the {@link java.util.ServiceLoader} under {@code "vonage"}.
 * Use {@code SmsProviders.create("vonage", config)} rather than this class.
 */
public final class VonageProviderFactory implements SmsProviderFactory {
    /** For the ServiceLoader. */
    public VonageProviderFactory() {
    }

    @Override
    public String name() {
        return VonageProvider.NAME;
    }

    /** @see VonageProvider#create(ProviderConfig) */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return VonageProvider.create(config);
    }
}
