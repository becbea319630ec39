package dev.lambdaguard;

import static dev.lambdaguard.Interceptors.named;
import static dev.lambdaguard.Interceptors.passing;
import static dev.lambdaguard.Interceptors.sneakyThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DetectionEvent;
import dev.lambdaguard.events.SecurityEvent.ErrorEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What happens when something breaks: a broken interceptor fails closed with 500 {@code internal_error},
 * the handler's own exception leaves the guard unchanged, and an unreadable body never reaches the chain.
 */
class GuardFailClosedTest {

  static final String CANARY = "canary-7f3a9c-do-not-log";

  final FakeClock clock = new FakeClock(1_700_000_000_000L);
  final RecordingSink sink = new RecordingSink();
  final AtomicInteger handlerCalls = new AtomicInteger();
  final Terminal countingHandler = context -> {
    handlerCalls.incrementAndGet();
    return "ok";
  };

  Guard guard(Interceptor... interceptors) {
    Guard.Builder builder = Guard.builder().clock(clock).eventSink(sink).environment(Map.of());
    for (Interceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    return builder.build();
  }

  /** Asserts the outcome is the fail-closed denial and the one error event names the component and type. */
  void assertFailedClosed(Outcome outcome, String component, Class<? extends Throwable> errorType) {
    Denial denial = assertInstanceOf(Denial.class, outcome);
    assertEquals(500, denial.status());
    assertEquals(Reasons.INTERNAL_ERROR, denial.reason());
    assertEquals("The request could not be checked.", denial.message());
    assertEquals(Map.of(), denial.headers());
    assertEquals(List.of("init", "error"), sink.types());
    ErrorEvent error = sink.only(ErrorEvent.class);
    assertEquals(Reasons.INTERNAL_ERROR, error.reason());
    assertEquals(component, error.component());
    assertEquals(errorType.getName(), error.errorType());
  }

  /** No event, in any form a sink could write, contains the canary. */
  void assertCanaryNeverEmitted() {
    EventJson json = new EventJson(new Redactor());
    for (SecurityEvent event : sink.events()) {
      assertFalse(event.toString().contains(CANARY), () -> "canary in " + event);
      assertFalse(json.format(event).contains(CANARY), () -> "canary in " + json.format(event));
    }
  }

  @Test
  void callingProceedTwiceFailsClosedAndNamesTheInterceptor() {
    Guard guard = guard(named("greedy", chain -> {
      chain.proceed();
      return chain.proceed();
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "greedy", IllegalStateException.class);
    assertEquals(1, handlerCalls.get());
  }

  @Test
  void aSecondProceedOnTheSameChainThrowsAnExceptionNamingTheInterceptor() {
    AtomicBoolean checked = new AtomicBoolean();
    Guard guard = guard(passing("outer"), named("greedy", chain -> {
      Outcome first = chain.proceed();
      IllegalStateException e = assertThrows(IllegalStateException.class, chain::proceed);
      assertEquals("proceed() called more than once by greedy", e.getMessage());
      checked.set(true);
      return first;
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertEquals("ok", assertInstanceOf(Outcome.Handled.class, outcome).response());
    assertTrue(checked.get(), "the interceptor ran its checks");
    assertEquals(1, handlerCalls.get());
  }

  @Test
  void anInterceptorReturningNullFailsClosed() {
    Guard guard = guard(named("forgetful", chain -> null));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "forgetful", NullPointerException.class);
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void anInterceptorReturningNullAfterTheHandlerRanStillFailsClosed() {
    Guard guard = guard(named("forgetful", chain -> {
      chain.proceed();
      return null;
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "forgetful", NullPointerException.class);
    assertEquals(1, handlerCalls.get());
  }

  @Test
  void anInterceptorThrowingARuntimeExceptionFailsClosedWithoutItsMessage() {
    AtomicBoolean laterRan = new AtomicBoolean();
    Guard guard = guard(
        passing("first"),
        named("broken", chain -> {
          throw new IllegalArgumentException("bad config " + CANARY);
        }),
        named("later", chain -> {
          laterRan.set(true);
          return chain.proceed();
        }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "broken", IllegalArgumentException.class);
    assertFalse(laterRan.get());
    assertEquals(0, handlerCalls.get());
    assertCanaryNeverEmitted();
  }

  @Test
  void anInterceptorThrowingStackOverflowErrorFailsClosedWithoutItsMessage() {
    Guard guard = guard(named("recursive", chain -> {
      throw new StackOverflowError(CANARY);
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "recursive", StackOverflowError.class);
    assertEquals(0, handlerCalls.get());
    assertCanaryNeverEmitted();
  }

  @Test
  void anInterceptorThatReallyOverflowsTheStackFailsClosed() {
    Guard guard = guard(named("recursive", chain -> {
      recurse(0);
      return chain.proceed();
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "recursive", StackOverflowError.class);
    assertEquals(0, handlerCalls.get());
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void anInterceptorThrowingACheckedExceptionUndeclaredFailsClosed() {
    Guard guard = guard(named("kotlin", chain -> {
      throw sneakyThrow(new IOException(CANARY));
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "kotlin", IOException.class);
    assertEquals(0, handlerCalls.get());
    assertCanaryNeverEmitted();
  }

  @Test
  void aFaultIsAttributedToTheInterceptorThatThrewNotToTheOnesAroundIt() {
    Guard guard = guard(passing("outer"), passing("middle"), named("inner", chain -> {
      throw new UnsupportedOperationException(CANARY);
    }));

    Outcome outcome = guard.handle(Requests.get("/"), Invocation.NONE, countingHandler);

    assertFailedClosed(outcome, "inner", UnsupportedOperationException.class);
  }

  @Test
  void theErrorEventCarriesTheRequestAndThePrincipalEstablishedBeforeTheFault() {
    Principal alice = new Principal("alice", null, null, null, null, null);
    Guard guard = guard(
        named("auth", chain -> chain.proceed(chain.context().withPrincipal(alice))),
        named("broken", chain -> {
          throw new IllegalStateException(CANARY);
        }));

    guard.handle(Requests.get("/orders"), new Invocation("req-9", null, null), countingHandler);

    ErrorEvent error = sink.only(ErrorEvent.class);
    assertEquals("/orders", error.request().path());
    assertEquals("alice", error.request().principal());
    assertEquals("req-9", error.invocation().ids().requestId());
  }

  static Stream<Throwable> handlerFailures() {
    return Stream.of(new IOException("disk full"), new IllegalStateException("no such order"),
        new StackOverflowError("handler recursion"));
  }

  /** The handler's own failure, checked, unchecked or an Error, is the handler's: rethrown as is, no error event. */
  @ParameterizedTest
  @MethodSource("handlerFailures")
  void theHandlersFailureLeavesTheGuardUnchanged(Throwable failure) {
    Guard guard = guard(passing("first"));

    Throwable thrown = assertThrows(failure.getClass(), () -> guard.handle(Requests.get("/"), Invocation.NONE,
        context -> {
          throw sneakyThrow(failure);
        }));

    assertSame(failure, thrown);
    assertEquals(List.of(), sink.events(ErrorEvent.class));
  }

  @Test
  void theHandlersExceptionLeavesTheGuardEvenWhenAnInterceptorSwallowsItAndReturnsAResponse() {
    IOException failure = new IOException("disk full");
    Guard guard = guard(named("swallower", chain -> {
      try {
        return chain.proceed();
      } catch (RuntimeException e) {
        return Outcome.Handled.of("everything is fine");
      }
    }));

    IOException thrown = assertThrows(IOException.class, () -> guard.handle(Requests.get("/"), Invocation.NONE,
        context -> {
          throw failure;
        }));

    assertSame(failure, thrown);
  }

  @Test
  void theHandlersExceptionLeavesTheGuardEvenWhenAnInterceptorSwallowsItAndReturnsADenial() {
    IllegalStateException failure = new IllegalStateException("no such order");
    Guard guard = guard(named("swallower", chain -> {
      try {
        return chain.proceed();
      } catch (RuntimeException e) {
        return Denial.badRequest(Reasons.REQUEST_MALFORMED, "Nope.");
      }
    }));

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> guard.handle(Requests.get("/"), Invocation.NONE, context -> {
          throw failure;
        }));

    assertSame(failure, thrown);
  }

  @Test
  void theHandlersExceptionLeavesTheGuardEvenWhenAnInterceptorWrapsItInAnotherException() {
    IOException failure = new IOException("disk full");
    Guard guard = guard(named("wrapper", chain -> {
      try {
        return chain.proceed();
      } catch (RuntimeException e) {
        throw new IllegalStateException("wrapped", e);
      }
    }));

    IOException thrown = assertThrows(IOException.class, () -> guard.handle(Requests.get("/"), Invocation.NONE,
        context -> {
          throw failure;
        }));

    assertSame(failure, thrown);
    assertEquals(List.of(), sink.events(ErrorEvent.class));
  }

  @Test
  void aRequestWhoseHandlerThrowsIsStillReportedAsAllowedWithItsDetections() {
    Finding finding = new Finding("sql_injection", "sqli-001", "/query/q", 60);
    Guard guard = guard(named("inspect", chain -> chain.proceed(chain.context().withFinding(finding))));

    assertThrows(IllegalStateException.class, () -> guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      throw new IllegalStateException("handler failed");
    }));

    assertEquals(List.of("init", "detection", "allow"), sink.types());
    assertEquals(finding, sink.only(DetectionEvent.class).finding());
    assertEquals(1, sink.only(AllowEvent.class).findings());
  }

  @Test
  void aBodyTheAdapterCouldNotDecodeIsRefusedBeforeAnyInterceptorRuns() {
    AtomicBoolean interceptorRan = new AtomicBoolean();
    Guard guard = guard(named("first", chain -> {
      interceptorRan.set(true);
      return chain.proceed();
    }));
    GuardRequest request = Requests.post("application/json", Body.fromEvent("not*base64!", true));

    Outcome outcome = guard.handle(request, Invocation.NONE, countingHandler);

    Denial denial = assertInstanceOf(Denial.class, outcome);
    assertEquals(400, denial.status());
    assertEquals(Reasons.REQUEST_MALFORMED, denial.reason());
    assertEquals("The request could not be read.", denial.message());
    assertFalse(interceptorRan.get());
    assertEquals(0, handlerCalls.get());
    assertEquals(List.of("init", "deny"), sink.types());
    SecurityEvent.DenyEvent deny = sink.only(SecurityEvent.DenyEvent.class);
    assertEquals("guard", deny.interceptor());
    assertEquals(Reasons.REQUEST_MALFORMED, deny.reason());
    assertEquals(400, deny.status());
  }
}
