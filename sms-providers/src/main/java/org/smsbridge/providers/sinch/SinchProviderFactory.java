package org.smsbridge.providers.sinch;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link SinchProvider} with the {@link java.util.ServiceLoader} under {@code "sinch"}.
 * Use {@code SmsProviders.create("sinch", config)} rather than this class.
 */
public final class SinchProviderFactory implements SmsProviderFactory {
    /** For the ServiceLoader. */
    public SinchProviderFactory() {
    }

    @Override
    public String name() {
        return SinchProvider.NAME;
    }

    /** @see SinchProvider#create(ProviderConfig) */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return SinchProvider.create(config);
    }
}
