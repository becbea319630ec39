package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The default sink writes one formatted line per event and never throws into an invocation. */
class StdoutJsonSinkTest {

  static final InvocationInfo INVOCATION =
      new InvocationInfo(new FunctionEnvironment(null, null, null, null), Invocation.NONE, false);

  @Test
  void eachEventIsOneLineFormattedByEventJson() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    EventJson format = new EventJson(new Redactor());
    StdoutJsonSink sink = new StdoutJsonSink(format, () -> out);
    SecurityEvent first = new SecurityEvent.PassThroughEvent(1_000L, INVOCATION, "sqs");
    SecurityEvent second = new SecurityEvent.PassThroughEvent(2_000L, INVOCATION, "sns");

    sink.emit(first);
    sink.emit(second);

    assertEquals(format.format(first) + "\n" + format.format(second) + "\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theStreamIsLookedUpAtEachWrite() {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    List<PrintStream> streams = List.of(new PrintStream(a, true, StandardCharsets.UTF_8),
        new PrintStream(b, true, StandardCharsets.UTF_8));
    AtomicInteger calls = new AtomicInteger();
    StdoutJsonSink sink = new StdoutJsonSink(new EventJson(new Redactor()), () -> streams.get(calls.getAndIncrement()));

    sink.emit(new SecurityEvent.PassThroughEvent(1_000L, INVOCATION, "sqs"));
    sink.emit(new SecurityEvent.PassThroughEvent(1_000L, INVOCATION, "sns"));

    assertTrue(a.toString(StandardCharsets.UTF_8).contains("\"event_source\":\"sqs\""));
    assertTrue(b.toString(StandardCharsets.UTF_8).contains("\"event_source\":\"sns\""));
  }

  @Test
  void aBrokenOutputNeverThrowsIntoTheInvocation() {
    StdoutJsonSink sink = new StdoutJsonSink(new EventJson(new Redactor()), () -> {
      throw new IllegalStateException("stdout closed");
    });

    assertDoesNotThrow(() -> sink.emit(new SecurityEvent.PassThroughEvent(1_000L, INVOCATION, "sqs")));
  }
}
