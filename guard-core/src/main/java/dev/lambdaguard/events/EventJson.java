package dev.lambdaguard.events;

import dev.lambdaguard.Reason;
import dev.lambdaguard.anomaly.Anomaly;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.DetectionEvent;
import dev.lambdaguard.events.SecurityEvent.ErrorEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.util.Objects;

/**
 * Formats a security event as one line of JSON, the library's only way of turning events into text.
 *
 * <p>Every string value passes through the {@link Redactor}, is escaped (so a caller cannot forge log
 * lines), and is cut to {@value #MAX_VALUE_LENGTH} characters. Absent values are left out. Field names are
 * stable and documented in {@code docs/events.md}; where they overlap with Powertools for AWS Lambda's
 * logging fields they use its names. Thread-safe.
 */
public final class EventJson implements EventFormat {

  /** The version of the event schema; bumped on any incompatible change. */
  public static final String SCHEMA = "lambdaguard.security/1";
  static final int MAX_VALUE_LENGTH = JsonLine.MAX_VALUE_LENGTH;

  private final Redactor redactor;
  private volatile FunctionFragment functionFragment;

  private record FunctionFragment(FunctionEnvironment function, String json) {}

  public EventJson(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /** The event as one JSON object, without a line break. */
  public String format(SecurityEvent event) {
    return render(event).close();
  }

  /** The event as one JSON object followed by a line break, ready to write. */
  @Override
  public String formatLine(SecurityEvent event) {
    return render(event).closeLine();
  }

  private JsonLine render(SecurityEvent event) {
    JsonLine line = new JsonLine(redactor, 768);
    line.name("timestamp");
    line.raw().append('"');
    Timestamps.appendIso(line.raw(), event.timestampMillis());
    line.raw().append('"');
    line.constant("level", level(event));
    line.constant("schema", SCHEMA);
    line.constant("event_type", event.type());
    if (event instanceof InitEvent e) {
      function(line, e.function());
      line.number("interceptors", e.interceptors().size());
      line.string("chain", String.join(",", e.interceptors()));
      ocsf(line, 6003, 6);
    } else if (event instanceof AllowEvent e) {
      line.constant("decision", "allow");
      invocation(line, e.invocation());
      request(line, e.request());
      line.number("findings", e.findings());
      line.number("latency_us", e.chainNanos() / 1000);
      ocsf(line, 4002, 4);
    } else if (event instanceof DenyEvent e) {
      line.constant("decision", "deny");
      reason(line, e.reason());
      line.number("status", e.status());
      line.string("interceptor", e.interceptor());
      line.object("details", e.details());
      invocation(line, e.invocation());
      request(line, e.request());
      line.number("latency_us", e.chainNanos() / 1000);
      boolean auth = e.reason().kind() == Reason.Kind.AUTHENTICATION;
      ocsf(line, auth ? 3002 : 4002, auth ? 3 : 4);
    } else if (event instanceof DetectionEvent e) {
      line.constant("decision", e.blocked() ? "deny" : "monitor");
      line.string("category", e.finding().category());
      line.string("rule_id", e.finding().ruleId());
      line.string("location", e.finding().location());
      line.number("score", e.finding().score());
      invocation(line, e.invocation());
      request(line, e.request());
      ocsf(line, 2004, 2);
    } else if (event instanceof ErrorEvent e) {
      line.constant("decision", "deny");
      reason(line, e.reason());
      line.string("component", e.component());
      line.string("error_type", e.errorType());
      invocation(line, e.invocation());
      request(line, e.request());
      ocsf(line, 6003, 6);
    } else if (event instanceof SecurityEvent.ConfigurationWarningEvent e) {
      line.constant("warning", e.warning());
      line.constant("kind", e.kind());
      line.string("variable", e.variable());
      line.constant("severity", e.severity());
      line.string("resource", e.resource());
      function(line, e.function());
      ocsf(line, 2004, 2);
    } else if (event instanceof SecurityEvent.NoticeEvent e) {
      line.constant("notice", e.notice());
      if (!e.details().isEmpty()) {
        line.object("details", e.details());
      }
      invocation(line, e.invocation());
      request(line, e.request());
      ocsf(line, 6003, 6);
    } else if (event instanceof SecurityEvent.AnomalyEvent e) {
      anomaly(line, e.anomaly());
      invocation(line, e.invocation());
      request(line, e.request());
      ocsf(line, 2004, 2);
    } else if (event instanceof SecurityEvent.EgressEvent e) {
      line.constant("decision", e.blocked() ? "deny" : "monitor");
      line.string("egress_host", e.host());
      if (e.port() >= 0) {
        line.number("egress_port", e.port());
      }
      line.string("egress_scheme", e.scheme());
      function(line, e.function());
      ocsf(line, 4001, 4);
    } else if (event instanceof SecurityEvent.PermissionsObservedEvent e) {
      function(line, e.function());
      line.name("since");
      line.raw().append('"');
      Timestamps.appendIso(line.raw(), e.sinceMillis());
      line.raw().append('"');
      line.number("dropped_calls", e.dropped());
      line.permissions(e.permissions());
      ocsf(line, 6003, 6);
    } else if (event instanceof SecurityEvent.InventoryEvent e) {
      function(line, e.function());
      inventory(line, e.inventory());
      ocsf(line, 5020, 5);
    } else if (event instanceof PassThroughEvent e) {
      line.constant("decision", "pass_through");
      line.string("event_source", e.eventSource());
      invocation(line, e.invocation());
      ocsf(line, 6003, 6);
    }
    return line;
  }

  private static String level(SecurityEvent event) {
    if (event instanceof SecurityEvent.InventoryEvent e) {
      return e.inventory().flagged() ? "WARN" : "INFO";
    }
    return switch (event.type()) {
      case "deny", "detection", "notice", "config_warning", "anomaly", "egress" -> "WARN";
      case "error" -> "ERROR";
      case "permissions_observed" -> needsAttention((SecurityEvent.PermissionsObservedEvent) event) ? "WARN" : "INFO";
      default -> "INFO";
    };
  }

  /** A denied call (a permission the code needs and lacks) or a list cut short. */
  private static boolean needsAttention(SecurityEvent.PermissionsObservedEvent event) {
    return event.dropped() > 0 || event.permissions().stream().anyMatch(p -> p.denied() > 0);
  }

  /** The function's four fields, rendered once per environment (it is the same object for every event). */
  private void function(JsonLine line, FunctionEnvironment f) {
    FunctionFragment cached = functionFragment;
    if (cached == null || cached.function != f) {
      JsonLine fragment = new JsonLine(redactor, 160);
      fragment.string("function_name", f.functionName());
      fragment.string("function_version", f.functionVersion());
      fragment.string("init_type", f.initType());
      fragment.string("region", f.region());
      if (isDigits(f.memorySize())) {
        fragment.raw("function_memory_size", f.memorySize());
      }
      fragment.string("service", f.service());
      cached = new FunctionFragment(f, fragment.members());
      functionFragment = cached;
    }
    line.fragment(cached.json);
  }

  private void invocation(JsonLine line, InvocationInfo info) {
    function(line, info.function());
    line.string("function_request_id", info.ids().requestId());
    line.string("xray_trace_id", info.ids().traceId());
    line.string("tenant_id", info.ids().tenantId());
    line.string("function_arn", info.ids().functionArn());
    line.raw("cold_start", info.coldStart() ? "true" : "false");
    if (info.restored()) {
      // Only when true: the field tells apart the copies of one snapshot, and most functions have none.
      line.raw("restored", "true");
    }
  }

  private static void request(JsonLine line, RequestSummary r) {
    line.constant("event_source", r.eventSource());
    line.string("http_method", r.method());
    line.string("route", r.route());
    line.string("path", r.path());
    line.string("source_ip", r.sourceIp());
    line.string("user_agent", r.userAgent());
    line.string("principal", r.principal());
    line.string("caller_fingerprint", CallerFingerprint.of(r));
  }

  private static void anomaly(JsonLine line, Anomaly a) {
    line.constant("decision", "monitor");
    line.constant("anomaly", a.type().code());
    line.constant("feature", a.feature());
    line.number("score", a.score());
    line.raw("observed", JsonLine.decimal(a.observed()));
    line.raw("threshold", JsonLine.decimal(a.threshold()));
    line.constant("key_kind", a.keyKind());
    line.string("key", a.key());
    if (a.suppressed() > 0) {
      line.number("suppressed", a.suppressed());
    }
  }

  /** The runtime, then one object per library; the advisories that affect each, by id, severity and summary. */
  private void inventory(JsonLine line, dev.lambdaguard.inventory.RuntimeInventory inventory) {
    dev.lambdaguard.inventory.JavaRuntime java = inventory.java();
    line.string("java_version", java.version());
    line.string("java_runtime", java.fullVersion());
    line.string("java_vendor", java.vendor());
    line.advisories("java_advisories", java.advisories());
    line.number("libraries_count", inventory.libraries().size() + inventory.librariesOmitted());
    line.number("flagged_count", inventory.flaggedLibraries() + (java.advisories().isEmpty() ? 0 : 1));
    line.name("libraries");
    line.raw().append('[');
    boolean first = true;
    for (dev.lambdaguard.inventory.Library library : inventory.libraries()) {
      if (!first) {
        line.raw().append(',');
      }
      first = false;
      JsonLine entry = new JsonLine(redactor, 256);
      entry.string("group", library.groupId());
      entry.string("artifact", library.artifactId());
      entry.string("version", library.version());
      entry.string("file", library.file());
      entry.string("sha256", library.sha256());
      entry.constant("source", library.source());
      if (library.flagged()) {
        entry.advisories("advisories", library.advisories());
      }
      line.raw().append(entry.close());
    }
    line.raw().append(']');
    if (inventory.librariesOmitted() > 0) {
      line.number("libraries_omitted", inventory.librariesOmitted());
    }
    if (inventory.filesUnhashed() > 0) {
      line.number("files_unhashed", inventory.filesUnhashed());
    }
    line.number("scan_ms", inventory.scanMillis());
  }

  private static void reason(JsonLine line, Reason reason) {
    line.constant("reason", reason.code());
    line.constant("reason_kind", reason.kind().code());
  }

  private static void ocsf(JsonLine line, int classUid, int categoryUid) {
    line.number("ocsf_class_uid", classUid);
    line.number("ocsf_category_uid", categoryUid);
  }

  private static boolean isDigits(String value) {
    if (value == null || value.isEmpty() || value.length() > 6) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
