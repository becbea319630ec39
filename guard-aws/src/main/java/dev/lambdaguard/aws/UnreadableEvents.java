package dev.lambdaguard.aws;

import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.aws.events.EventKind;
import dev.lambdaguard.aws.events.HttpEventAdapter;
import dev.lambdaguard.aws.events.RuntimeSerialization;

/**
 * HTTP-shaped events the runtime's serializer cannot read (a field of the wrong type, from a direct invocation
 * or a test tool). Such an event gets the typed 400 {@code request_malformed} every malformed request gets, with
 * its deny event, instead of an exception: the serializer's message quotes the offending value, which may be a
 * header such as Authorization, and the runtime would log it.
 */
final class UnreadableEvents {

  private UnreadableEvents() {}

  /** The event in its typed form, or null when the serializer cannot read it; its message is never kept. */
  static <E> E read(HttpEventAdapter<E> adapter, byte[] json) {
    try {
      return RuntimeSerialization.fromJson(adapter.eventType(), json);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Refuses an unreadable event through the guard (which writes the deny event); the response in its type's shape. */
  static <E> Object refuse(Guard guard, EventKind kind, HttpEventAdapter<E> adapter, Invocation ids) {
    GuardRequest request = GuardRequest.builder(kind.source()).body(Body.malformed()).build();
    Outcome outcome = guard.handle(request, ids, context -> {
      throw new IllegalStateException("a malformed request never reaches the handler");
    });
    return adapter.denialResponse(adapter.emptyEvent(), (Denial) outcome, ids);
  }
}
