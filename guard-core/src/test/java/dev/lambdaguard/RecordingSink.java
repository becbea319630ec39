package dev.lambdaguard;

import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.SecurityEvent;
import java.util.ArrayList;
import java.util.List;

/** An event sink that keeps every event, in order. Thread-safe. */
public final class RecordingSink implements EventSink {

  private final List<SecurityEvent> events = new ArrayList<>();

  @Override
  public synchronized void emit(SecurityEvent event) {
    events.add(event);
  }

  /** A snapshot of every event so far. */
  public synchronized List<SecurityEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one type, in order. */
  public synchronized <E extends SecurityEvent> List<E> events(Class<E> type) {
    List<E> matching = new ArrayList<>();
    for (SecurityEvent event : events) {
      if (type.isInstance(event)) {
        matching.add(type.cast(event));
      }
    }
    return matching;
  }

  /** The single event of {@code type}; fails when there is none or more than one. */
  public synchronized <E extends SecurityEvent> E only(Class<E> type) {
    List<E> matching = events(type);
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + type.getSimpleName() + " but got " + matching);
    }
    return matching.get(0);
  }

  /** The event types in order, e.g. {@code [init, deny]}. */
  public synchronized List<String> types() {
    List<String> types = new ArrayList<>();
    for (SecurityEvent event : events) {
      types.add(event.type());
    }
    return types;
  }

  public synchronized void clear() {
    events.clear();
  }
}
