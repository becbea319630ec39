package dev.lambdaguard.events;

/**
 * Turns an event into one line of text for a text sink: {@link EventJson} (the library's own schema, the default)
 * or {@link OcsfJson} (OCSF 1.x). Implementations redact through the {@link Redactor} before any byte is written
 * and are thread-safe.
 */
public interface EventFormat {

  /** The event as one JSON object followed by a line break, ready to write. */
  String formatLine(SecurityEvent event);
}
