package org.smsbridge.providers.tencent;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link TencentSmsProvider} with the {@link java.util.ServiceLoader} under the name
 * {@value TencentSmsProvider#NAME}. Stateless; thread-safe.
 */
public final class TencentSmsProviderFactory implements SmsProviderFactory {
    /** Creates the factory (the ServiceLoader calls this). */
    public TencentSmsProviderFactory() {
    }

    @Override
    public String name() {
        return TencentSmsProvider.NAME;
    }

    /**
     * Creates a Tencent provider; see {@link TencentSmsProvider#create(ProviderConfig)} for the settings.
     *
     * @throws org.smsbridge.SmsException CONFIGURATION naming every missing or malformed setting
     */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return TencentSmsProvider.create(config);
    }
}
