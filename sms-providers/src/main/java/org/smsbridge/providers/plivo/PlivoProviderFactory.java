package org.smsbridge.providers.plivo;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link PlivoProvider} with the {@link java.util.ServiceLoader} under {@code "plivo"}.
 * Use {@code SmsProviders.create("plivo", config)} rather than this class.
 */
public final class PlivoProviderFactory implements SmsProviderFactory {
    /** For the ServiceLoader. */
    public PlivoProviderFactory() {
    }

    @Override
    public String name() {
        return PlivoProvider.NAME;
    }

    /** @see PlivoProvider#create(ProviderConfig) */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return PlivoProvider.create(config);
    }
}
