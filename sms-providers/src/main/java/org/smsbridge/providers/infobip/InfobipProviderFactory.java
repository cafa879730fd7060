package org.smsbridge.providers.infobip;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link InfobipProvider} with the {@link java.util.ServiceLoader} under {@code "infobip"}.
 * Use {@code SmsProviders.create("infobip", config)} rather than this class.
 */
public final class InfobipProviderFactory implements SmsProviderFactory {
    /** For the ServiceLoader. */
    public InfobipProviderFactory() {
    }

    @Override
    public String name() {
        return InfobipProvider.NAME;
    }

    /** @see InfobipProvider#create(ProviderConfig) */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return InfobipProvider.create(config);
    }
}
