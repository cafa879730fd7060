package org.smsbridge.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Finds providers by name through {@link ServiceLoader}: every jar on the class path that lists an
 * {@link SmsProviderFactory} in {@code META-INF/services} adds its providers. sms-core registers
 * {@code fake} and {@code console}; sms-providers adds the HTTP providers.
 *
 * <pre>{@code
 * SmsProvider p = SmsProviders.create("console", ProviderConfig.empty());
 * }</pre>
 *
 * <p>Thread-safe; each call scans the class path again, so keep the provider, not the lookup, in
 * hot paths.
 */
public final class SmsProviders {
    private SmsProviders() {
    }

    /**
     * Creates the provider registered under {@code name} (case-insensitive).
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when no or two factories have the name, a
     *                      provider jar is broken, or the settings are incomplete
     */
    public static SmsProvider create(String name, ProviderConfig config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        SmsProviderFactory factory = factories().get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new SmsException(ErrorKind.CONFIGURATION, "no SMS provider named '" + name + "'; installed: "
                    + String.join(", ", factories().keySet())
                    + ". Add the jar that provides it (e.g. org.smsbridge:sms-providers) to the class path");
        }
        return factory.create(config);
    }

    /** The names of every installed provider, sorted. */
    public static List<String> names() {
        return new ArrayList<>(factories().keySet());
    }

    /**
     * Every installed factory by lower-case name.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} for a duplicate name or a broken jar
     */
    static Map<String, SmsProviderFactory> factories() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = SmsProviders.class.getClassLoader();
        }
        Map<String, SmsProviderFactory> byName = new TreeMap<>();
        Iterator<SmsProviderFactory> it = ServiceLoader.load(SmsProviderFactory.class, cl).iterator();
        while (true) {
            SmsProviderFactory f;
            try {
                if (!it.hasNext()) {
                    break;
                }
                f = it.next();
            } catch (ServiceConfigurationError e) {
                throw new SmsException(ErrorKind.CONFIGURATION, "a jar on the class path registers an SMS provider "
                        + "that cannot be loaded: " + e.getMessage() + "; fix or remove that jar", e);
            }
            String key = f.name().toLowerCase(Locale.ROOT);
            SmsProviderFactory previous = byName.putIfAbsent(key, f);
            if (previous != null && previous.getClass() != f.getClass()) {
                throw new SmsException(ErrorKind.CONFIGURATION, "two SMS providers are named '" + key + "': "
                        + previous.getClass().getName() + " and " + f.getClass().getName()
                        + "; remove one of the jars from the class path");
            }
        }
        return byName;
    }
}
