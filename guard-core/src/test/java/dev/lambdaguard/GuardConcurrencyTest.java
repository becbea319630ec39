package dev.lambdaguard;

import static dev.lambdaguard.Interceptors.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One guard serving concurrent invocations keeps each invocation's context and events apart. */
class GuardConcurrencyTest {

  static final int THREADS = 8;
  static final int INVOCATIONS = 500;
  static final SecurityContext.Attribute<String> CALL = SecurityContext.Attribute.of("call", String.class);

  @Test
  void concurrentInvocationsNeverSeeEachOthersContextOrEvents() throws Exception {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder()
        .clock(new FakeClock(1_700_000_000_000L))
        .eventSink(sink)
        .environment(Map.of())
        // Each interceptor derives the caller from the request it was given, as a real authenticator does.
        .addInterceptor(named("auth", chain -> chain.proceed(chain.context()
            .withPrincipal(new Principal(chain.request().headers().firstOrNull("x-caller"), null, null, null, null,
                null)))))
        .addInterceptor(named("tag", chain -> {
          Thread.yield();
          return chain.proceed(chain.context().with(CALL, chain.request().path()));
        }))
        .build();
    ConcurrentLinkedQueue<String> crossTalk = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Integer> worker = () -> {
          start.await();
          int handled = 0;
          for (int i = 0; i < INVOCATIONS; i++) {
            String caller = "caller-" + thread + "-" + i;
            String path = "/t" + thread + "/i" + i;
            GuardRequest request = GuardRequest.builder("apigw-http-v2").path(path)
                .headers(MultiValueMap.headersBuilder().add("X-Caller", caller).build())
                .build();
            Outcome outcome = guard.handle(request, new Invocation(caller, null, null), context -> {
              SecurityContext current = SecurityContext.current().orElseThrow();
              String seenCaller = current.principal().orElseThrow().subject();
              String seenPath = current.get(CALL).orElseThrow();
              if (!seenCaller.equals(caller) || !seenPath.equals(path) || current != context) {
                crossTalk.add(caller + " saw " + seenCaller + " " + seenPath);
              }
              return caller;
            });
            if (((Outcome.Handled) outcome).response().equals(caller)) {
              handled++;
            }
            if (SecurityContext.current().isPresent()) {
              crossTalk.add(caller + " left a current context behind");
            }
          }
          return handled;
        };
        results.add(pool.submit(worker));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(INVOCATIONS, result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(List.of(), List.copyOf(crossTalk));
    List<AllowEvent> allows = sink.events(AllowEvent.class);
    assertEquals(THREADS * INVOCATIONS, allows.size());
    Set<String> paths = new HashSet<>();
    int coldStarts = 0;
    for (AllowEvent allow : allows) {
      String caller = allow.invocation().ids().requestId();
      String[] parts = caller.split("-");
      assertEquals("/t" + parts[1] + "/i" + parts[2], allow.request().path(), caller);
      assertEquals(caller, allow.request().principal());
      paths.add(allow.request().path());
      if (allow.invocation().coldStart()) {
        coldStarts++;
      }
    }
    assertEquals(THREADS * INVOCATIONS, paths.size(), "every invocation reported exactly once");
    assertEquals(1, coldStarts, "exactly one invocation is the cold start");
  }
}
