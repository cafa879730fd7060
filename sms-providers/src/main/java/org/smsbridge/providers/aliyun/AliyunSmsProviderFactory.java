package org.smsbridge.providers.aliyun;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link AliyunSmsProvider} with the {@link java.util.ServiceLoader} under the name
 * {@value AliyunSmsProvider#NAME}. Stateless; thread-safe.
 */
public final class AliyunSmsProviderFactory implements SmsProviderFactory {
    /** Creates the factory (the ServiceLoader calls this). */
    public AliyunSmsProviderFactory() {
    }

    @Override
    public String name() {
        return AliyunSmsProvider.NAME;
    }

    /**
     * Creates an Aliyun provider; see {@link AliyunSmsProvider#create(ProviderConfig)} for the settings.
     *
     * @throws org.smsbridge.SmsException CONFIGURATION naming every missing or malformed setting
     */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return AliyunSmsProvider.create(config);
    }
}
