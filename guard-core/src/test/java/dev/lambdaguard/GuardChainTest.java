package dev.lambdaguard;

import static dev.lambdaguard.Interceptors.named;
import static dev.lambdaguard.Interceptors.passing;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The chain contract as the guard enforces it: order, short-circuit, context, events. */
class GuardChainTest {

  static final Reason TENANT_UNKNOWN = Reason.of("tenant_unknown", Reason.Kind.POLICY);
  static final SecurityContext.Attribute<String> TENANT = SecurityContext.Attribute.of("tenant", String.class);
  static final Map<String, String> LAMBDA_ENV = Map.of(
      "AWS_LAMBDA_FUNCTION_NAME", "orders",
      "AWS_LAMBDA_FUNCTION_VERSION", "7",
      "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
      "AWS_REGION", "eu-west-1");

  final FakeClock clock = new FakeClock(1_700_000_000_123L);
  final RecordingSink sink = new RecordingSink();

  Guard.Builder builder() {
    return Guard.builder().clock(clock).eventSink(sink).environment(LAMBDA_ENV);
  }

  static Principal principal(String subject) {
    return new Principal(subject, "https://issuer.example", null, Set.of(), Set.of(), Map.of());
  }

  @Test
  void interceptorsRunInTheOrderTheyWereAddedAndTheHandlerRunsLast() {
    List<String> ran = new ArrayList<>();
    Guard guard = builder()
        .addInterceptor(named("first", chain -> { ran.add("first"); return chain.proceed(); }))
        .addInterceptor(named("second", chain -> { ran.add("second"); return chain.proceed(); }))
        .addInterceptor(named("third", chain -> { ran.add("third"); return chain.proceed(); }))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> ran.add("handler"));

    assertEquals(List.of("first", "second", "third", "handler"), ran);
  }

  @Test
  void interceptorsStampResponseHeadersOnTheWayOutInnermostFirst() {
    Object response = new Object();
    Guard guard = builder()
        .addInterceptor(stamping("outer"))
        .addInterceptor(stamping("inner"))
        .build();

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, context -> response);

    Outcome.Handled handled = assertInstanceOf(Outcome.Handled.class, outcome);
    assertSame(response, handled.response());
    assertEquals(
        List.of(new Outcome.Header("X-Stamp", "inner"), new Outcome.Header("X-Stamp", "outer")),
        handled.addedHeaders());
  }

  private static Interceptor stamping(String name) {
    return named(name, chain -> ((Outcome.Handled) chain.proceed()).withHeader("X-Stamp", name));
  }

  @Test
  void aDenialShortCircuitsTheHandlerAndEveryLaterInterceptor() {
    Denial denial = Denial.forbidden(TENANT_UNKNOWN, "Unknown tenant.");
    AtomicBoolean laterRan = new AtomicBoolean();
    AtomicBoolean handlerRan = new AtomicBoolean();
    Guard guard = builder()
        .addInterceptor(passing("first"))
        .addInterceptor(named("tenant", chain -> denial))
        .addInterceptor(named("later", chain -> { laterRan.set(true); return chain.proceed(); }))
        .build();

    Outcome outcome = guard.handle(Requests.get("/orders"), Invocation.NONE, context -> {
      handlerRan.set(true);
      return "ok";
    });

    assertSame(denial, outcome);
    assertFalse(laterRan.get(), "an interceptor after the denial ran");
    assertFalse(handlerRan.get(), "the handler ran although the request was denied");
    assertEquals(List.of("init", "deny"), sink.types());
    DenyEvent event = sink.only(DenyEvent.class);
    assertEquals(TENANT_UNKNOWN, event.reason());
    assertEquals(403, event.status());
    assertEquals("tenant", event.interceptor());
    assertEquals("/orders", event.request().path());
  }

  @Test
  void aDenialPassedBackThroughOuterInterceptorsIsAttributedToTheInterceptorThatMadeIt() {
    Guard guard = builder()
        .addInterceptor(passing("outer"))
        .addInterceptor(named("inner", chain -> Denial.of(429, Reason.of("too_many", Reason.Kind.RATE_LIMIT))))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> "ok");

    DenyEvent event = sink.only(DenyEvent.class);
    assertEquals("inner", event.interceptor());
    assertEquals(429, event.status());
    assertEquals("too_many", event.reason().code());
  }

  @Test
  void theContextOneInterceptorBuildsIsSeenByTheNextAndByTheHandler() {
    Principal alice = principal("alice");
    AtomicReference<SecurityContext> seenByNext = new AtomicReference<>();
    AtomicReference<SecurityContext> argument = new AtomicReference<>();
    AtomicReference<Optional<SecurityContext>> current = new AtomicReference<>();
    Guard guard = builder()
        .addInterceptor(named("auth", chain -> chain.proceed(chain.context().withPrincipal(alice))))
        .addInterceptor(named("tenant", chain -> chain.proceed(chain.context().with(TENANT, "acme"))))
        .addInterceptor(named("observer", chain -> { seenByNext.set(chain.context()); return chain.proceed(); }))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      argument.set(context);
      current.set(SecurityContext.current());
      return "ok";
    });

    assertEquals(Optional.of(alice), seenByNext.get().principal());
    assertEquals(Optional.of("acme"), seenByNext.get().get(TENANT));
    assertSame(seenByNext.get(), argument.get());
    assertSame(argument.get(), current.get().orElseThrow());
    assertEquals("alice", sink.only(AllowEvent.class).request().principal());
  }

  @Test
  void theCurrentContextIsSetForTheHandlerOnlyAndClearedWhenHandleReturns() {
    AtomicReference<Optional<SecurityContext>> duringInterceptor = new AtomicReference<>();
    Guard guard = builder()
        .addInterceptor(named("peek", chain -> {
          duringInterceptor.set(SecurityContext.current());
          return chain.proceed(chain.context().withPrincipal(principal("alice")));
        }))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> SecurityContext.current().orElseThrow());

    assertEquals(Optional.empty(), duringInterceptor.get());
    assertEquals(Optional.empty(), SecurityContext.current());
  }

  @Test
  void theCurrentContextIsClearedEvenWhenTheHandlerThrows() {
    Guard guard = builder()
        .addInterceptor(named("auth", chain -> chain.proceed(chain.context().withPrincipal(principal("alice")))))
        .build();

    assertThrows(IllegalStateException.class, () -> guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      throw new IllegalStateException("handler failed");
    }));

    assertEquals(Optional.empty(), SecurityContext.current());
  }

  @Test
  void theHandlerReceivesTheEmptyContextWhenNoInterceptorEnrichesIt() {
    AtomicReference<SecurityContext> argument = new AtomicReference<>();
    Guard guard = builder().build();

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      argument.set(context);
      return null;
    });

    assertSame(SecurityContext.empty(), argument.get());
    Outcome.Handled handled = assertInstanceOf(Outcome.Handled.class, outcome);
    assertNull(handled.response());
    assertEquals(List.of(), handled.addedHeaders());
  }

  @Test
  void allowEventsAreSampledAwayAtRateZeroWhileDenialsAreStillWritten() {
    Guard guard = builder()
        .allowEventSampleRate(0.0)
        .addInterceptor(named("gate", chain ->
            chain.request().path().equals("/private") ? Denial.forbidden(TENANT_UNKNOWN, "No.") : chain.proceed()))
        .build();

    for (int i = 0; i < 50; i++) {
      guard.handle(Requests.get("/public"), Invocation.NONE, context -> "ok");
      guard.passThrough("sqs", Invocation.NONE);
    }
    guard.handle(Requests.get("/private"), Invocation.NONE, context -> "ok");

    assertEquals(List.of("init", "deny"), sink.types());
  }

  @Test
  void everyAllowEventIsWrittenAtTheDefaultRate() {
    Guard guard = builder().build();

    for (int i = 0; i < 20; i++) {
      guard.handle(Requests.get("/"), Invocation.NONE, context -> "ok");
    }

    assertEquals(20, sink.events(AllowEvent.class).size());
  }

  @Test
  void theBuilderRejectsASampleRateOutsideZeroToOne() {
    for (double rate : new double[] {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Guard.builder().allowEventSampleRate(rate));
      assertEquals("allowEventSampleRate must be between 0.0 and 1.0: " + rate, e.getMessage());
    }
  }

  @Test
  void theBuilderAcceptsTheBoundsOfTheSampleRate() {
    assertDoesNotThrow(() -> Guard.builder().allowEventSampleRate(0.0).allowEventSampleRate(1.0));
  }

  @Test
  void onlyTheFirstInvocationOfAGuardIsAColdStart() {
    Guard guard = builder().build();

    guard.handle(Requests.get("/1"), Invocation.NONE, context -> "ok");
    guard.handle(Requests.get("/2"), Invocation.NONE, context -> "ok");
    guard.handle(Requests.get("/3"), Invocation.NONE, context -> "ok");

    List<Boolean> coldStarts = sink.events(AllowEvent.class).stream()
        .map(event -> event.invocation().coldStart())
        .toList();
    assertEquals(List.of(true, false, false), coldStarts);
  }

  @Test
  void aPassThroughEventCanTakeTheColdStart() {
    Guard guard = builder().build();

    guard.passThrough("sqs", new Invocation("req-1", null, null));
    guard.handle(Requests.get("/"), Invocation.NONE, context -> "ok");

    PassThroughEvent passThrough = sink.only(PassThroughEvent.class);
    assertEquals("sqs", passThrough.eventSource());
    assertEquals("req-1", passThrough.invocation().ids().requestId());
    assertTrue(passThrough.invocation().coldStart());
    assertFalse(sink.only(AllowEvent.class).invocation().coldStart());
  }

  @Test
  void eachGuardHasItsOwnColdStart() {
    Guard first = builder().build();
    first.handle(Requests.get("/"), Invocation.NONE, context -> "ok");
    Guard second = builder().build();
    second.handle(Requests.get("/"), Invocation.NONE, context -> "ok");

    assertEquals(List.of(true, true),
        sink.events(AllowEvent.class).stream().map(event -> event.invocation().coldStart()).toList());
  }

  @Test
  void anInitEventIsEmittedAtBuildWithTheChainInLibraryOrder() {
    Guard guard = builder()
        .addInterceptor(passing("auth"))
        .addInterceptor(passing("tenant"))
        .strictJsonBodies()
        .build();

    assertEquals(List.of("init"), sink.types());
    InitEvent init = sink.only(InitEvent.class);
    assertEquals(List.of("json_body", "auth", "tenant"), init.interceptors());
    assertEquals(List.of("json_body", "auth", "tenant"), guard.interceptorNames());
    assertEquals(1_700_000_000_123L, init.timestampMillis());
    assertEquals(new FunctionEnvironment("orders", "7", "on-demand", "eu-west-1"), init.function());
  }

  @Test
  void theInitEventOfAGuardWithoutInterceptorsListsNone() {
    builder().build();

    assertEquals(List.of(), sink.only(InitEvent.class).interceptors());
  }

  @Test
  void eventsCarryTheInvocationIdsAndTheRequestSummary() {
    Guard guard = builder().build();
    GuardRequest request = GuardRequest.builder("apigw-rest-v1")
        .method("post")
        .path("/orders/42")
        .routeKey("POST /orders/{id}")
        .sourceIp("203.0.113.9")
        .headers(MultiValueMap.headersBuilder().add("User-Agent", "curl/8.5").build())
        .build();

    guard.handle(request, new Invocation("req-1", "Root=1-abc", "tenant-9"), context -> "ok");

    AllowEvent allow = sink.only(AllowEvent.class);
    assertEquals(1_700_000_000_123L, allow.timestampMillis());
    assertEquals(new Invocation("req-1", "Root=1-abc", "tenant-9"), allow.invocation().ids());
    assertEquals("orders", allow.invocation().function().functionName());
    assertEquals("apigw-rest-v1", allow.request().eventSource());
    assertEquals("POST", allow.request().method());
    assertEquals("POST /orders/{id}", allow.request().route());
    assertEquals("/orders/42", allow.request().path());
    assertEquals("203.0.113.9", allow.request().sourceIp());
    assertEquals("curl/8.5", allow.request().userAgent());
    assertNull(allow.request().principal());
    assertEquals(0, allow.findings());
  }

  @Test
  void chainLatencyCountsTheInterceptorsButNotTheHandler() {
    Guard guard = builder()
        .addInterceptor(named("slow", chain -> {
          clock.advanceMicros(250);
          return chain.proceed();
        }))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      clock.advanceMicros(40_000);
      return "ok";
    });

    assertEquals(250_000L, sink.only(AllowEvent.class).chainNanos());
  }

  @Test
  void findingsReachTheHandlerAndAreReportedAsDetectionsBesideTheAllowEvent() {
    Finding finding = new Finding("sql_injection", "sqli-001", "/query/q", 80);
    Guard guard = builder()
        .addInterceptor(named("inspect", chain -> chain.proceed(chain.context().withFinding(finding))))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      assertEquals(List.of(finding), context.findings());
      return "ok";
    });

    assertEquals(List.of("init", "detection", "allow"), sink.types());
    assertEquals(1, sink.only(AllowEvent.class).findings());
    assertFalse(sink.only(dev.lambdaguard.events.SecurityEvent.DetectionEvent.class).blocked());
  }

  @Test
  void aFindingThatLedToADenialIsReportedAsBlocked() {
    Finding finding = new Finding("path_traversal", "pt-001", "/path", 95);
    Guard guard = builder()
        .addInterceptor(named("context", chain -> chain.proceed(chain.context().withFinding(finding))))
        .addInterceptor(named("block", chain ->
            chain.context().findings().isEmpty() ? chain.proceed() : Denial.badRequest(TENANT_UNKNOWN, "No.")))
        .build();

    guard.handle(Requests.get("/"), Invocation.NONE, context -> "ok");

    assertEquals(List.of("init", "detection", "deny"), sink.types());
    assertTrue(sink.only(dev.lambdaguard.events.SecurityEvent.DetectionEvent.class).blocked());
  }

  @Test
  void aSinkThatThrowsNeverBreaksAnInvocation() {
    AtomicInteger attempts = new AtomicInteger();
    Guard guard = Guard.builder().clock(clock).environment(Map.of())
        .eventSink(event -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("sink down");
        })
        .build();

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, context -> "ok");

    assertEquals("ok", assertInstanceOf(Outcome.Handled.class, outcome).response());
    assertEquals(2, attempts.get(), "init and allow were both attempted");
  }

  @Test
  void anInterceptorIsNamedAfterItsClassUnlessItSaysOtherwise() {
    assertEquals("RequireTenant", new RequireTenant().name());
    Interceptor anonymous = new Interceptor() {
      @Override
      public Outcome intercept(Chain chain) {
        return chain.proceed();
      }
    };
    assertEquals(anonymous.getClass().getName(), anonymous.name());
  }

  static final class RequireTenant implements Interceptor {
    @Override
    public Outcome intercept(Chain chain) {
      return chain.proceed();
    }
  }
}
