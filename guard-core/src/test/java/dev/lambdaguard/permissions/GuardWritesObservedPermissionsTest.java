package dev.lambdaguard.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.Requests;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent.PermissionsObservedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard writes the environment's observed permissions at the end of an invocation, at most once per interval. */
class GuardWritesObservedPermissionsTest {

  final FakeClock clock = new FakeClock(1_700_000_000_000L);
  final RecordingSink sink = new RecordingSink();
  final ObservedPermissions environment = ObservedPermissions.environment();

  @BeforeEach
  @AfterEach
  void forget() {
    environment.clear();
  }

  Guard guard() {
    return Guard.builder().clock(clock).eventSink(sink).observedPermissionsInterval(Duration.ofMinutes(1))
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders", "AWS_REGION", "eu-west-1")).build();
  }

  @Test
  void theCallsAHandlerMadeAreWrittenAfterItsInvocationThenAtMostOncePerInterval() {
    Guard guard = guard();
    guard.handle(Requests.get("/"), Invocation.NONE, context -> "no calls");
    assertTrue(sink.events(PermissionsObservedEvent.class).isEmpty(), "nothing observed, nothing written");

    guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      environment.record("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf", null,
          false, clock.currentTimeMillis());
      return "read a secret";
    });
    List<PermissionsObservedEvent> written = sink.events(PermissionsObservedEvent.class);
    assertEquals(1, written.size());
    assertEquals("secretsmanager:GetSecretValue", written.get(0).permissions().get(0).action());
    assertEquals("orders", written.get(0).function().functionName());

    guard.handle(Requests.get("/"), Invocation.NONE, context -> {
      environment.record("s3:GetObject", "arn:aws:s3:::b/k", null, false, clock.currentTimeMillis());
      return "read an object";
    });
    assertEquals(1, sink.events(PermissionsObservedEvent.class).size(), "within the interval");

    clock.setMillis(clock.currentTimeMillis() + 60_000);
    guard.passThrough("aws:sqs", Invocation.NONE);
    written = sink.events(PermissionsObservedEvent.class);
    assertEquals(2, written.size());
    assertEquals(2, written.get(1).permissions().size());
  }

  @Test
  void theEventIsOneJsonLineWithEachPermissionAndWarnsOnADenial() {
    environment.record("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:*:table/Orders", null, true, 1_700_000_000_000L);
    guard().handle(Requests.get("/"), Invocation.NONE, context -> "ok");
    String line = new EventJson(new Redactor()).format(sink.events(PermissionsObservedEvent.class).get(0));
    assertEquals("{\"timestamp\":\"2023-11-14T22:13:20.000Z\",\"level\":\"WARN\",\"schema\":\"lambdaguard.security/1\","
        + "\"event_type\":\"permissions_observed\",\"function_name\":\"orders\",\"region\":\"eu-west-1\","
        + "\"since\":\"2023-11-14T22:13:20.000Z\",\"dropped_calls\":0,"
        + "\"permissions\":[{\"action\":\"dynamodb:PutItem\","
        + "\"resource\":\"arn:aws:dynamodb:eu-west-1:*:table/Orders\",\"calls\":1,\"denied\":1}],"
        + "\"ocsf_class_uid\":6003,\"ocsf_category_uid\":6}", line);
  }
}
