package dev.lambdaguard.aws;

import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every event, and its JSON line as the default sink would write it. Thread-safe. */
public final class RecordingSink implements EventSink {

  private final EventJson json;
  private final List<SecurityEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  public RecordingSink(Redactor redactor) {
    this.json = new EventJson(redactor);
  }

  public RecordingSink() {
    this(new Redactor());
  }

  @Override
  public void emit(SecurityEvent event) {
    events.add(event);
    lines.add(json.format(event));
  }

  public List<SecurityEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  public <T extends SecurityEvent> List<T> eventsOf(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  public void clear() {
    events.clear();
    lines.clear();
  }
}
