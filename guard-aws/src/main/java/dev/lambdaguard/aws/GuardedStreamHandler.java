package dev.lambdaguard.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.aws.events.ClientCertificates;
import dev.lambdaguard.aws.events.EventKind;
import dev.lambdaguard.aws.events.HttpEventAdapter;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RequestStreamHandler} that runs every HTTP request through a {@link Guard} before the wrapped
 * handler.
 *
 * <p>The input is read once (at most {@value #MAX_EVENT_BYTES} bytes), recognised by its shape, and
 * deserialized as the runtime would for the matching event class. A denial is written to the output as
 * that event type's response; otherwise the wrapped handler reads the original bytes, unchanged. Headers
 * that interceptors add on the way out cannot be merged into a stream response and are dropped.
 */
public final class GuardedStreamHandler implements RequestStreamHandler {

  /** Larger than any event Lambda delivers (6 MB synchronous payloads). */
  public static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

  private final RequestStreamHandler delegate;
  private final Guard guard;

  private GuardedStreamHandler(RequestStreamHandler delegate, Guard guard) {
    this.delegate = Objects.requireNonNull(delegate, "handler");
    this.guard = Objects.requireNonNull(guard, "guard");
    dev.lambdaguard.aws.snapstart.SnapStart.registerIfSnapStart(new HandlerSnapshot(guard), System.getenv());
  }

  /** Wraps {@code handler} so that {@code guard} decides before it runs. */
  public static RequestStreamHandler wrap(RequestStreamHandler handler, Guard guard) {
    return new GuardedStreamHandler(handler, guard);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Invocation ids = Invocations.from(context);
    byte[] event = input.readNBytes(MAX_EVENT_BYTES + 1);
    if (event.length > MAX_EVENT_BYTES) {
      throw new IOException("event larger than " + MAX_EVENT_BYTES + " bytes");
    }
    Map<?, ?> json = asJsonObject(event);
    EventKind kind = json == null ? new EventKind("unknown", null) : EventKind.ofJson(json);
    if (!kind.isHttp()) {
      guard.passThrough(kind.source(), ids);
      delegate.handleRequest(new ByteArrayInputStream(event), output, context);
      return;
    }
    handleHttp(kind, kind.adapter(), event, json, output, ids, context);
  }

  /** The event as a JSON object, or null when it is not one (it then passes through as an unknown event). */
  private static Map<?, ?> asJsonObject(byte[] event) {
    try {
      return RuntimeSerialization.fromJson(Map.class, event);
    } catch (RuntimeException notAnObject) {
      return null;
    }
  }

  private <E> void handleHttp(EventKind kind, HttpEventAdapter<E> adapter, byte[] bytes, Map<?, ?> json,
      OutputStream output, Invocation ids, Context context) throws IOException {
    E event = UnreadableEvents.read(adapter, bytes);
    if (event == null) {
      RuntimeSerialization.toJson(UnreadableEvents.refuse(guard, kind, adapter, ids), output);
      return;
    }
    GuardRequest request = ClientCertificates.addTo(adapter.toRequest(event, ids), json);
    Outcome outcome = guard.handle(request, ids, sc -> {
      delegate.handleRequest(new ByteArrayInputStream(bytes), output, context);
      return null;
    });
    if (outcome instanceof Denial denial) {
      RuntimeSerialization.toJson(adapter.denialResponse(event, denial, ids), output);
    }
  }
}
