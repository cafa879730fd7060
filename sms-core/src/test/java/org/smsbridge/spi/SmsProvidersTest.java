package org.smsbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.testing.ConsoleSmsProvider;
import org.smsbridge.testing.FakeSmsProvider;

class SmsProvidersTest {

    @Test
    void discoversBuiltInProvidersThroughServiceLoader() {
        assertThat(SmsProviders.names()).contains("console", "fake");
        assertThat(SmsProviders.create("fake", ProviderConfig.empty())).isInstanceOf(FakeSmsProvider.class);
        assertThat(SmsProviders.create("Console", ProviderConfig.empty())).isInstanceOf(ConsoleSmsProvider.class);
    }

    @Test
    void fakeFactoryReadsTheTrialBalance() {
        SmsProvider p = SmsProviders.create("fake", ProviderConfig.builder().put("balance", "5").build());
        assertThat(p.balance().join().amount()).isEqualByComparingTo("5");
    }

    @Test
    void unknownProviderNameListsInstalledOnes() {
        assertThatThrownBy(() -> SmsProviders.create("nosuch", ProviderConfig.empty()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("'nosuch'").hasMessageContaining("console").hasMessageContaining("fake");
    }

    /** A second factory that claims the name "fake". */
    public static final class DuplicateFakeFactory implements SmsProviderFactory {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SmsProvider create(ProviderConfig config) {
            return new SmsProvider() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public java.util.Set<Capability> capabilities() {
                    return java.util.Set.of();
                }

                @Override
                public SenderRules senderRules() {
                    return SenderRules.permissive();
                }

                @Override
                public CompletableFuture<SendResult> submit(OutgoingSms sms) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public CompletableFuture<CredentialCheck> verifyCredentials() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @Test
    void twoFactoriesWithOneNameIsAnErrorNamingBoth(@TempDir Path dir) throws Exception {
        withServices(dir, DuplicateFakeFactory.class.getName(), () ->
                assertThatThrownBy(() -> SmsProviders.create("fake", ProviderConfig.empty()))
                        .isInstanceOfSatisfying(SmsException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                        .hasMessageContaining("two SMS providers are named 'fake'")
                        .hasMessageContaining(DuplicateFakeFactory.class.getName())
                        .hasMessageContaining("BuiltInProviderFactories$Fake"));
    }

    @Test
    void brokenProviderJarIsReportedNotSkipped(@TempDir Path dir) throws Exception {
        withServices(dir, "com.example.MissingFactory", () ->
                assertThatThrownBy(() -> SmsProviders.create("console", ProviderConfig.empty()))
                        .isInstanceOfSatisfying(SmsException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                        .hasMessageContaining("cannot be loaded").hasMessageContaining("com.example.MissingFactory"));
    }

    private static void withServices(Path dir, String factoryClass, Runnable body) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SmsProviderFactory.class.getName()), factoryClass + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(cl);
            body.run();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
