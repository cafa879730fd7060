package org.smsbridge.providers.http;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;

/**
 * Registers {@link HttpGatewayProvider} with the {@link java.util.ServiceLoader} under the name
 * {@value HttpGatewayProvider#NAME}. Stateless; thread-safe.
 */
public final class HttpGatewayProviderFactory implements SmsProviderFactory {
    /** Creates the factory (the ServiceLoader calls this). */
    public HttpGatewayProviderFactory() {
    }

    @Override
    public String name() {
        return HttpGatewayProvider.NAME;
    }

    /**
     * Creates a generic gateway; see {@link HttpGatewayProvider#create(ProviderConfig)}.
     *
     * @throws org.smsbridge.SmsException CONFIGURATION naming the missing or malformed setting
     */
    @Override
    public SmsProvider create(ProviderConfig config) {
        return HttpGatewayProvider.create(config);
    }
}
