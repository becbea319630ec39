package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguard.Guard;
import dev.lambdaguard.json.JsonLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guarded handler's SnapStart part: every HTTP kind is read and answered offline, and nothing is reported. */
class HandlerSnapshotTest {

  @Test
  void primingReadsEverySyntheticEventAndReportsNothing() {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).environment(Map.of()).strictJsonBodies(JsonLimits.defaults()).build();
    sink.clear();
    HandlerSnapshot snapshot = new HandlerSnapshot(guard);

    assertEquals(3, snapshot.primeAdapters(), "HTTP API, REST API and ALB events all read by the runtime's serializer");
    snapshot.prime();
    assertEquals(List.of(), sink.events());
  }
}
