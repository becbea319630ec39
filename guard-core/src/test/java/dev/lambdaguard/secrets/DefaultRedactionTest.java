package dev.lambdaguard.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptors;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reason;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cache and a guard built with no redactor wiring share one: a secret the cache fetched is masked in the guard's
 * events even when an interceptor carelessly puts it there. Values are random per run, so the process-wide registry
 * masks nothing other tests write.
 */
class DefaultRedactionTest {

  @Test
  void aCacheAndAGuardWithDefaultsShareTheRedactor() {
    String password = "pw-" + UUID.randomUUID();
    SecretCacheTest.FakeProvider provider = new SecretCacheTest.FakeProvider();
    provider.secrets.put("prod/db", SecretValue.text("{\"password\":\"" + password + "\"}", "v1"));
    SecretCache secrets = SecretCache.builder(provider).build();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(written, true, StandardCharsets.UTF_8);
    Guard guard = Guard.builder().environment(Map.of())
        .eventSink(new StdoutJsonSink(new EventJson(Redactor.shared()), () -> out))
        .addInterceptor(Interceptors.named("careless", chain -> Denial.of(403, Reason.of("careless", Reason.Kind.POLICY))
            .withEventField("note", "tried " + secrets.get("prod/db#password"))))
        .build();

    guard.handle(GuardRequest.builder("apigw-http-v2").method("GET").path("/").build(), Invocation.NONE, c -> "ok");

    assertSame(Redactor.shared(), guard.redactor());
    assertSame(Redactor.shared(), secrets.redactor());
    String events = written.toString(StandardCharsets.UTF_8);
    assertTrue(events.contains("\"note\":\"tried [REDACTED]\""), events);
    assertFalse(events.contains(password), events);
  }

  @Test
  void aBinarySecretIsMaskedAsItsText() {
    String text = "bin-" + UUID.randomUUID();
    SecretCacheTest.FakeProvider provider = new SecretCacheTest.FakeProvider();
    provider.secrets.put("prod/cert", SecretValue.binary(text.getBytes(StandardCharsets.UTF_8), "v1"));
    Redactor redactor = new Redactor();
    SecretCache.builder(provider).redactor(redactor).build().getBinary("prod/cert");

    assertFalse(redactor.redact("x " + text).contains(text));
  }
}
