package org.smsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.smsbridge.filter.FilterPolicy;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.testing.FakeSmsProvider;
import org.smsbridge.text.Encoding;

class SmsClientTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final FakeSmsProvider fake = new FakeSmsProvider();

    private SmsClient.Builder client() {
        return SmsClient.builder().provider(fake).defaultRegion("GR").clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void toStringNamesTheProviderAndSettingsWithoutSecretsOrContent() {
        SmsClient sms = client().defaultSender("ACME").build();
        assertThat(sms.toString()).startsWith("SmsClient[provider=fake").contains("defaultSender=ACME",
                "defaultRegion=GR", "keywordFilter=none", "maxSegments=10");
        sms.close();
        assertThat(sms.toString()).endsWith(", closed]");
    }

    @Test
    void sendsNationalNumberNormalizedToE164() {
        SendResult r = client().build().message().to("691 234 5678").text("Your car is ready").reference("r-1").send();
        assertThat(r.to()).isEqualTo("+306912345678");
        assertThat(r.reference()).contains("r-1");
        assertThat(r.provider()).isEqualTo("fake");
        assertThat(fake.lastTo("+306912345678")).hasValueSatisfying(s -> {
            assertThat(s.text()).contains("Your car is ready");
            assertThat(s.message().to()).isEqualTo("+306912345678");
        });
    }

    @Test
    void usesDefaultSenderUnlessTheMessageNamesOne() {
        SmsClient sms = client().defaultSender("ACME").build();
        sms.message().to("6912345678").text("a").send();
        sms.message().to("6912345679").text("b").from("GARAGE").send();
        assertThat(fake.sent()).extracting(s -> s.from().map(SenderId::value).orElse(""))
                .containsExactly("ACME", "GARAGE");
    }

    @Test
    void rejectsDefaultSenderThatBreaksTheProviderRulesAtBuild() {
        FakeSmsProvider numericOnly = new FakeSmsProvider(Clock.systemUTC(), EnumSet.of(Capability.UNICODE),
                SenderRules.builder().allowedTypes(SenderId.Type.NUMERIC).build());
        assertThatThrownBy(() -> SmsClient.builder().provider(numericOnly).defaultSender("ACME").build())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SENDER));
    }

    @Test
    void requiresSenderWhenTheProviderDoes() {
        FakeSmsProvider needsSender = new FakeSmsProvider(Clock.systemUTC(), EnumSet.of(Capability.UNICODE),
                SenderRules.builder().senderRequired(true).build());
        SmsClient sms = SmsClient.builder().provider(needsSender).build();
        assertThatThrownBy(() -> sms.message().to("+306912345678").text("x").send())
                .hasMessageContaining("requires a sender ID");
    }

    @Test
    void rejectsTextAboveMaxSegmentsSayingByHowMuch() {
        SmsClient sms = client().maxSegments(2).build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("a".repeat(307)).send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MESSAGE_TOO_LONG))
                .hasMessageContaining("needs 3 SMS").hasMessageContaining("at most 2").hasMessageContaining("by at least 1");
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void rejectsMaxSegmentsOutOfRange() {
        assertThatThrownBy(() -> SmsClient.builder().maxSegments(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxSegments must be between 1 and 15, was 0");
    }

    @Test
    void rejectsUnicodeTextOnGsmOnlyProviderNamingTheCharacters() {
        FakeSmsProvider gsmOnly = new FakeSmsProvider(Clock.systemUTC(), EnumSet.noneOf(Capability.class),
                SenderRules.permissive());
        SmsClient sms = SmsClient.builder().provider(gsmOnly).build();
        assertThatThrownBy(() -> sms.message().to("+306912345678").text("Γειά σου").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessageContaining("'ε'");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> client().build().message().to("6912345678").text(" ").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
    }

    @Test
    void rejectsPlainTextOnTemplateOnlyProvider() {
        FakeSmsProvider templatesOnly = new FakeSmsProvider(Clock.systemUTC(),
                EnumSet.of(Capability.TEMPLATES_ONLY, Capability.UNICODE), SenderRules.permissive());
        SmsClient sms = SmsClient.builder().provider(templatesOnly).build();
        assertThatThrownBy(() -> sms.message().to("+8613800138000").text("你好").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("only carrier-approved templates");
        SendResult r = sms.message().to("+8613800138000").templateId("SMS_1").putTemplateParam("code", "1234").send();
        assertThat(r.segments()).isEqualTo(1);
        assertThat(templatesOnly.sent().get(0).templateParams()).containsEntry("code", "1234");
    }

    @Test
    void rejectsMessageWhoseValidityHasPassed() {
        assertThatThrownBy(() -> client().build().message().to("6912345678").text("x")
                .validUntil(NOW.minusSeconds(1)).send()).hasMessageContaining("has passed");
    }

    @Test
    void smartEncodingKeepsTextInOneGsmSegment() {
        SmsClient sms = client().smartEncoding(true).build();
        SendResult r = sms.message().to("6912345678").text("It’s ready – thanks").send();
        assertThat(r.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(fake.sent().get(0).text()).contains("It's ready - thanks");
    }

    @Test
    void keywordFilterRejectPolicyNamesTheWordsFound() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add("免费").build();
        SmsClient sms = client().keywordFilter(filter, FilterPolicy.REJECT).build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("Totally FREE gift, 免费").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BLOCKED_KEYWORD))
                .hasMessageContaining("'free'").hasMessageContaining("'免费'");
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void keywordFilterMaskPolicySendsWithHitsMasked() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        SmsClient sms = client().keywordFilter(filter, FilterPolicy.MASK).build();
        sms.message().to("6912345678").text("A free gift").send();
        assertThat(fake.sent().get(0).text()).contains("A **** gift");
    }

    @Test
    void keywordFilterWarnPolicySendsAndReportsHits() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        SmsClient sms = client().keywordFilter(filter, FilterPolicy.WARN).build();
        SmsMessage m = sms.message().to("6912345678").text("A free gift").build();
        ContentReport report = sms.check(m);
        assertThat(report.isSendable()).isTrue();
        assertThat(report.keywordHits()).singleElement().satisfies(h -> {
            assertThat(h.start()).isEqualTo(2);
            assertThat(h.end()).isEqualTo(6);
        });
        sms.send(m);
        assertThat(fake.sent().get(0).text()).contains("A free gift");
    }

    @Test
    void checkCollectsEveryProblemAtOnce() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        SmsClient sms = client().keywordFilter(filter, FilterPolicy.REJECT).maxSegments(1).build();
        ContentReport report = sms.check(SmsMessage.builder().to("12").from("ACME SERVICES LTD")
                .text("free " + "x".repeat(200)).build());
        assertThat(report.isSendable()).isFalse();
        assertThat(report.problems()).extracting(ContentReport.Problem::kind).containsExactly(
                ErrorKind.INVALID_NUMBER, ErrorKind.INVALID_SENDER, ErrorKind.BLOCKED_KEYWORD,
                ErrorKind.MESSAGE_TOO_LONG);
        assertThat(report.segmentInfo()).hasValueSatisfying(i -> assertThat(i.segments()).isEqualTo(2));
    }

    @Test
    void checkOfAGoodMessageReportsNormalizedNumberAndSegments() {
        ContentReport report = client().defaultSender("ACME").build()
                .check(SmsMessage.builder().to("691 234 5678").text("您好").build());
        assertThat(report.isSendable()).isTrue();
        assertThat(report.to()).contains("+306912345678");
        assertThat(report.sender()).contains(SenderId.parse("ACME"));
        assertThat(report.segmentInfo().orElseThrow().encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void providerFailureSurfacesAsSmsExceptionWithKindAndCode() {
        fake.failNext(ErrorKind.RATE_LIMITED);
        assertThatThrownBy(() -> client().build().message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    assertThat(e.providerCode()).contains("FAKE_RATE_LIMITED");
                });
    }

    @Test
    void sendAsyncReportsValidationErrorsThroughTheFuture() {
        CompletableFuture<SendResult> f = client().build().message().to("abc").text("x").sendAsync();
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SmsException.class);
    }

    @Test
    void slowProviderTimesOutWithTimeoutKind() {
        fake.withLatency(Duration.ofSeconds(10));
        SmsClient sms = client().sendTimeout(Duration.ofMillis(50)).build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
                    assertThat(e.isRetryable()).isTrue();
                })
                .hasMessageContaining("may still have been sent");
    }

    @Test
    void aSlowCredentialCheckOrBalanceTimesOutWithoutSpeakingOfAMessage() {
        fake.withLatency(Duration.ofSeconds(10)).withBalance(5);
        SmsClient sms = client().sendTimeout(Duration.ofMillis(50)).build();
        CredentialCheck check = sms.verifyCredentials();
        assertThat(check.failureKind()).contains(ErrorKind.TIMEOUT);
        assertThat(check.detail()).contains("nothing was sent or changed").doesNotContain("message");
        assertThatThrownBy(sms::balance).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT)).hasMessageContaining("nothing was sent or changed");
    }

    @Test
    void timeoutsOfSendAndSendAsyncAreBothReportedToListenersAsTimeout() {
        fake.withLatency(Duration.ofSeconds(10));
        List<ErrorKind> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        SmsClient sms = client().sendTimeout(Duration.ofMillis(50)).addEventListener(new SmsEventListener() {
            @Override
            public void failed(OutgoingSms out, SmsException error, Duration took) {
                failures.add(error.kind());
            }
        }).build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
        CompletableFuture<SendResult> async = sms.message().to("6912345678").text("y").sendAsync();
        assertThatThrownBy(async::join).hasCauseInstanceOf(SmsException.class)
                .cause().hasMessageContaining("within 50 ms");
        assertThat(failures).containsExactly(ErrorKind.TIMEOUT, ErrorKind.TIMEOUT);
    }

    @Test
    void sendReturnsAnAnswerThatArrivesBeforeTheTimeout() {
        fake.withLatency(Duration.ofMillis(20));
        SmsClient sms = client().sendTimeout(Duration.ofSeconds(5)).build();
        assertThat(sms.message().to("6912345678").text("x").send().to()).isEqualTo("+306912345678");
    }

    @Test
    void providerThatThrowsInsteadOfFailingTheFutureIsWrapped() {
        SmsProvider throwing = new SmsProvider() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Set<Capability> capabilities() {
                return fake.capabilities();
            }

            @Override
            public SenderRules senderRules() {
                return fake.senderRules();
            }

            @Override
            public CompletableFuture<SendResult> submit(OutgoingSms sms) {
                throw new IllegalStateException("boom");
            }

            @Override
            public CompletableFuture<CredentialCheck> verifyCredentials() {
                return fake.verifyCredentials();
            }
        };
        SmsClient sms = SmsClient.builder().provider(throwing).defaultRegion("GR").build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR))
                .hasMessageContaining("provider 'broken' failed unexpectedly: IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterceptorThatThrowsIsNamedAsTheCauseNotTheProvider() {
        Interceptor explode = chain -> {
            throw new IllegalStateException("boom");
        };
        SmsClient sms = client().addInterceptor(explode).build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("interceptor " + explode.getClass().getName())
                            .contains("threw IllegalStateException").doesNotContain("boom");
                    assertThat(e.getCause()).hasCauseInstanceOf(IllegalStateException.class);
                });
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void anInterceptorThatRefusesWithAnSmsExceptionKeepsItsKind() {
        Interceptor limit = chain -> {
            throw new SmsException(ErrorKind.RATE_LIMITED, "at most 10 a minute");
        };
        assertThatThrownBy(() -> client().addInterceptor(limit).build().message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED))
                .hasMessage("at most 10 a minute");
    }

    @Test
    void interceptorsRunInOrderAndCanChangeTheMessage() {
        List<String> order = new ArrayList<>();
        Interceptor first = chain -> {
            order.add("first");
            OutgoingSms changed = OutgoingSms.create(chain.sms().message().toBuilder().putMetadata("trace", "t-1").build(),
                    chain.sms().from(), chain.sms().segmentInfo());
            return chain.proceed(changed);
        };
        Interceptor second = chain -> {
            order.add("second:" + chain.sms().metadata().get("trace"));
            return chain.proceed(chain.sms());
        };
        client().addInterceptor(first).addInterceptor(second).build().message().to("6912345678").text("x").send();
        assertThat(order).containsExactly("first", "second:t-1");
        assertThat(fake.sent().get(0).metadata()).containsEntry("trace", "t-1");
    }

    @Test
    void interceptorCanAnswerWithoutCallingTheProvider() {
        Interceptor shortCircuit = chain -> CompletableFuture.completedFuture(SendResult.builder().messageId("cached")
                .to(chain.sms().to()).provider("cache").submittedAt(NOW).build());
        SendResult r = client().addInterceptor(shortCircuit).build().message().to("6912345678").text("x").send();
        assertThat(r.messageId()).isEqualTo("cached");
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void callingProceedTwiceIsAnError() {
        Interceptor twice = chain -> {
            chain.proceed(chain.sms());
            return chain.proceed(chain.sms());
        };
        assertThatThrownBy(() -> client().addInterceptor(twice).build().message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("proceed called more than once").contains("exactly once");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
    }

    @Test
    void anInterceptorReturningNullIsNamedInTheError() {
        Interceptor broken = chain -> null;
        assertThatThrownBy(() -> client().addInterceptor(broken).build().message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("interceptor").contains("returned null");
                });
    }

    @Test
    void tooLongForOneSmsSaysHowMuchToShortenForASingleSms() {
        SmsClient one = client().maxSegments(1).build();
        SmsMessage gsm = SmsMessage.builder().to("6912345678").text("a".repeat(161)).build();
        SmsMessage ucs = SmsMessage.builder().to("6912345678").text("α".repeat(100)).build();
        assertThat(one.check(gsm).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("shorten it by at least 1 character").doesNotContain("1 characters"));
        assertThat(one.check(ucs).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("shorten it by at least 30 characters"));
    }

    @Test
    void verifyCredentialsReportsRejectedAccountWithoutThrowing() {
        assertThat(client().build().verifyCredentials().isValid()).isTrue();
        CredentialCheck bad = SmsClient.builder().provider(new FakeSmsProvider().withInvalidCredentials()).build()
                .verifyCredentials();
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.failureKind()).contains(ErrorKind.AUTHENTICATION);
    }

    @Test
    void aFakeWithAWrongPasswordFailsSendsAndBalanceWithAuthentication() {
        SmsClient sms = SmsClient.builder().provider(new FakeSmsProvider().withBalance(5).withInvalidCredentials())
                .defaultRegion("GR").build();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThatThrownBy(sms::balance)
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void trialAccountOfFiveMessagesFailsTheSixthWithInsufficientBalance() {
        fake.withBalance(5);
        SmsClient sms = client().build();
        for (int i = 0; i < 5; i++) {
            sms.message().to("6912345678").text("msg " + i).send();
        }
        assertThat(sms.balance().isExhausted()).isTrue();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("sixth").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INSUFFICIENT_BALANCE);
                    assertThat(e.isRetryable()).isFalse();
                });
        fake.topUp(1);
        assertThat(sms.message().to("6912345678").text("after top-up").send().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void balanceOnProviderWithoutTheCapabilityIsAConfigurationError() {
        FakeSmsProvider noBalance = new FakeSmsProvider(Clock.systemUTC(), EnumSet.of(Capability.UNICODE),
                SenderRules.permissive());
        assertThatThrownBy(() -> SmsClient.builder().provider(noBalance).build().balance())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void closedClientRefusesToSend() {
        SmsClient sms = client().build();
        sms.close();
        sms.close();
        assertThatThrownBy(() -> sms.message().to("6912345678").text("x").send())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void builderRefusesSecondClockAndMissingProvider() {
        assertThatThrownBy(() -> SmsClient.builder().clock(Clock.systemUTC()).clock(Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SmsClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("provider");
    }

    @Test
    void deliveryReceiptsAreEmittedForAcceptedMessages() {
        List<DeliveryReceipt> receipts = new ArrayList<>();
        fake.emitReceipts(MessageStatus.DELIVERED).onReceipt(receipts::add);
        SendResult r = client().build().message().to("6912345678").text("x").send();
        assertThat(receipts).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo(r.messageId());
            assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
        });
    }

    @Test
    void eventListenerSeesRejectionsSubmissionsResultsAndFailures() {
        List<String> events = new ArrayList<>();
        SmsEventListener listener = new SmsEventListener() {
            @Override
            public void rejected(SmsMessage message, SmsException error) {
                events.add("rejected " + error.kind());
            }

            @Override
            public void submitting(OutgoingSms sms) {
                events.add("submitting " + sms.to());
            }

            @Override
            public void sent(OutgoingSms sms, SendResult result, Duration took) {
                events.add("sent " + result.messageId());
            }

            @Override
            public void failed(OutgoingSms sms, SmsException error, Duration took) {
                events.add("failed " + error.kind());
                throw new IllegalStateException("listener bugs are ignored");
            }
        };
        SmsClient sms = client().addEventListener(listener).build();
        sms.sendAsync(SmsMessage.builder().to("x1").text("a").build());
        sms.message().to("6912345678").text("b").send();
        fake.failNext(ErrorKind.TIMEOUT);
        assertThatThrownBy(() -> sms.message().to("6912345678").text("c").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThat(events).containsExactly("rejected INVALID_NUMBER", "submitting +306912345678", "sent fake-1",
                "submitting +306912345678", "failed TIMEOUT");
    }
}
