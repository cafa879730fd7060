package org.smsbridge.internal;

import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviderFactory;
import org.smsbridge.testing.ConsoleSmsProvider;
import org.smsbridge.testing.FakeSmsProvider;

/** ServiceLoader registrations of the providers in sms-core. Not public API. */
public final class BuiltInProviderFactories {
    private BuiltInProviderFactories() {
    }

    /** {@code fake}: settings {@code balance} (messages left, optional). */
    public static final class Fake implements SmsProviderFactory {
        @Override
        public String name() {
            return FakeSmsProvider.NAME;
        }

        @Override
        public SmsProvider create(ProviderConfig config) {
            FakeSmsProvider fake = new FakeSmsProvider();
            if (config.get("balance").isPresent()) {
                fake.withBalance(config.integer("balance", 0));
            }
            return fake;
        }
    }

    /** {@code console}: no settings. */
    public static final class Console implements SmsProviderFactory {
        @Override
        public String name() {
            return ConsoleSmsProvider.NAME;
        }

        @Override
        public SmsProvider create(ProviderConfig config) {
            return new ConsoleSmsProvider();
        }
    }
}
