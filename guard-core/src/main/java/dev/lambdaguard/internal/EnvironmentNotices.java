package dev.lambdaguard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notices about the execution environment rather than one request, raised where no request is at hand (a
 * secret refresh on the background thread), written with the next request's events. Bounded: while nobody
 * drains them, notices past {@link #MAX_PENDING} are dropped, and the count of dropped ones travels with the
 * next notice, so a stuck outage cannot grow memory.
 */
public final class EnvironmentNotices {

  static final int MAX_PENDING = 16;

  /** One notice: a stable code and details that name things (a secret id), never a value. */
  public record Notice(String code, Map<String, String> details) {}

  private static final List<Notice> PENDING = new ArrayList<>();
  private static volatile boolean any;
  private static int dropped;

  private EnvironmentNotices() {}

  public static void post(String code, Map<String, String> details) {
    synchronized (PENDING) {
      if (PENDING.size() >= MAX_PENDING) {
        dropped++;
        return;
      }
      PENDING.add(new Notice(code, Map.copyOf(details)));
      any = true;
    }
  }

  /** Whether a notice waits: one volatile read, the only cost on a request when none does. */
  public static boolean pending() {
    return any;
  }

  /** The waiting notices, removed; the first one carries the count of notices dropped since the last drain. */
  public static List<Notice> drain() {
    if (!any) {
      return List.of();
    }
    synchronized (PENDING) {
      List<Notice> out = new ArrayList<>(PENDING);
      if (dropped > 0 && !out.isEmpty()) {
        Notice first = out.get(0);
        Map<String, String> details = new java.util.HashMap<>(first.details());
        details.put("dropped_notices", String.valueOf(dropped));
        out.set(0, new Notice(first.code(), details));
      }
      PENDING.clear();
      dropped = 0;
      any = false;
      return out;
    }
  }
}
