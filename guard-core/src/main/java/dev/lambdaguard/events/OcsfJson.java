package dev.lambdaguard.events;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Reason;
import dev.lambdaguard.anomaly.Anomaly;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.AnomalyEvent;
import dev.lambdaguard.events.SecurityEvent.ConfigurationWarningEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.DetectionEvent;
import dev.lambdaguard.events.SecurityEvent.EgressEvent;
import dev.lambdaguard.events.SecurityEvent.ErrorEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import dev.lambdaguard.events.SecurityEvent.NoticeEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.util.Objects;

/**
 * Formats security events as OCSF 1.x objects, one per line, for Amazon Security Lake or any OCSF-aware SIEM:
 * <ul>
 *   <li>a denial for an authentication reason: <b>Authentication</b> (3002), activity Logon, status Failure;
 *   <li>an allow and any other denial: <b>HTTP Activity</b> (4002), the activity named by the HTTP method;
 *   <li>a detection and a configuration warning: <b>Detection Finding</b> (2004), activity Create;
 *   <li>an anomaly (a pattern over many requests): <b>Detection Finding</b> (2004), activity Create;
 *   <li>an egress attempt outside the allow-list: <b>Network Activity</b> (4001), Open, or Refuse when blocked;
 *   <li>init, error, notice and pass-through: <b>API Activity</b> (6003), activity Other.
 * </ul>
 * Every object carries the attributes its class requires in OCSF 1.x ({@code class_uid}, {@code category_uid},
 * {@code activity_id}, {@code type_uid} = class × 100 + activity, {@code severity_id}, {@code time},
 * {@code metadata.product.name}, {@code metadata.version}, and each class's own), the {@code security_control}
 * profile's {@code action_id} / {@code disposition_id} on decisions, the {@code cloud} profile, and the
 * guard's correlation fields that OCSF has no attribute for (request id, trace id, cold start, route, caller
 * fingerprint) under {@code unmapped}. Strings pass through the {@link Redactor} like {@link EventJson}'s, and
 * the same things are never written: no header but the User-Agent, no query, body, cookie or credential.
 * Thread-safe.
 */
public final class OcsfJson implements EventFormat {

  /** The OCSF version the objects declare ({@code actor.app_name}, used for the guard itself, is from 1.2.0). */
  public static final String OCSF_VERSION = "1.2.0";
  static final String PRODUCT_NAME = "Lambda Guard";

  private final Redactor redactor;
  private final String productVersion;

  public OcsfJson(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.productVersion = OcsfJson.class.getPackage().getImplementationVersion();
  }

  @Override
  public String formatLine(SecurityEvent event) {
    return render(event).closeLine();
  }

  /** The event as one OCSF object, without a line break. */
  public String format(SecurityEvent event) {
    return render(event).close();
  }

  private JsonLine render(SecurityEvent event) {
    JsonLine line = new JsonLine(redactor, 1024);
    if (event instanceof AllowEvent e) {
      httpClass(line, e.timestampMillis(), e.request(), 1, requestId(e.invocation()));
      decision(line, true, null, e.invocation().function());
      http(line, e.request(), 0);
      endpoints(line, e.request(), e.invocation());
      actor(line, e.request());
      context(line, e.invocation(), e.request(), null);
    } else if (event instanceof DenyEvent e && e.reason().kind() == Reason.Kind.AUTHENTICATION) {
      classification(line, 3002, 3, 1, 2, e.timestampMillis(), e.invocation().function(), requestId(e.invocation()));
      decision(line, false, e.reason(), null);
      line.begin("user").string("name", e.request().principal() != null ? e.request().principal() : "unknown")
          .number("type_id", 0).string("credential_uid", e.details().get("token_fingerprint")).end();
      line.begin("service").string("name", name(e.invocation().function())).end();
      line.raw("is_remote", "true");
      http(line, e.request(), e.status());
      endpoints(line, e.request(), e.invocation());
      context(line, e.invocation(), e.request(), e);
    } else if (event instanceof DenyEvent e) {
      httpClass(line, e.timestampMillis(), e.request(), severityOfDenial(e.reason()), requestId(e.invocation()));
      decision(line, false, e.reason(), e.invocation().function());
      http(line, e.request(), e.status());
      endpoints(line, e.request(), e.invocation());
      actor(line, e.request());
      context(line, e.invocation(), e.request(), e);
    } else if (event instanceof DetectionEvent e) {
      finding(line, e.timestampMillis(), e.invocation().function(), severityOfScore(e.finding().score()),
          requestId(e.invocation()));
      Finding f = e.finding();
      findingInfo(line, e.timestampMillis() + "|" + e.invocation().ids().requestId() + "|" + f.ruleId() + "|"
          + f.location(), f.category() + " detected", f.category(), f.ruleId());
      line.number("action_id", e.blocked() ? 2 : 1).number("disposition_id", e.blocked() ? 2 : 1);
      endpoints(line, e.request(), e.invocation());
      line.begin("unmapped").string("location", f.location()).number("score", f.score());
      correlation(line, e.invocation(), e.request());
      line.end();
    } else if (event instanceof ConfigurationWarningEvent e) {
      finding(line, e.timestampMillis(), e.function(), "medium".equals(e.severity()) ? 3 : 4, null);
      findingInfo(line, name(e.function()) + "|" + e.warning() + "|" + e.variable(), e.warning(), e.kind(),
          e.warning());
      line.begin("unmapped").string("variable", e.variable()).string("resource", e.resource())
          .string("function_name", e.function().functionName()).end();
    } else if (event instanceof AnomalyEvent e) {
      Anomaly a = e.anomaly();
      finding(line, e.timestampMillis(), e.invocation().function(), severityOfScore(a.score()),
          requestId(e.invocation()));
      findingInfo(line, e.timestampMillis() + "|" + a.type().code() + "|" + a.keyKind() + "|" + a.key(),
          a.type().code() + " anomaly", a.type().code(), a.feature());
      endpoints(line, e.request(), e.invocation());
      line.begin("unmapped").constant("feature", a.feature()).number("score", a.score())
          .raw("observed", JsonLine.decimal(a.observed())).raw("threshold", JsonLine.decimal(a.threshold()))
          .constant("key_kind", a.keyKind()).string("key", a.key());
      if (a.suppressed() > 0) {
        line.number("suppressed", a.suppressed());
      }
      correlation(line, e.invocation(), e.request());
      line.end();
    } else if (event instanceof EgressEvent e) {
      classification(line, 4001, 4, e.blocked() ? 5 : 1, e.blocked() ? 3 : 2, e.timestampMillis(), e.function(),
          null);
      line.number("status_id", e.blocked() ? 2 : 1).constant("status", e.blocked() ? "Failure" : "Success");
      line.number("action_id", e.blocked() ? 2 : 1).number("disposition_id", e.blocked() ? 2 : 1);
      line.begin("src_endpoint").string("name", name(e.function())).end();
      line.begin("dst_endpoint").string("hostname", e.host());
      if (e.port() >= 0) {
        line.number("port", e.port());
      }
      line.end();
      line.begin("unmapped").string("egress_scheme", e.scheme()).string("function_name", e.function().functionName())
          .end();
    } else if (event instanceof InitEvent e) {
      api(line, e.timestampMillis(), e.function(), 1, "init", 1, null);
      line.begin("src_endpoint").string("name", name(e.function())).end();
      line.begin("unmapped").string("chain", String.join(",", e.interceptors()))
          .string("function_name", e.function().functionName()).end();
    } else if (event instanceof ErrorEvent e) {
      api(line, e.timestampMillis(), e.invocation().function(), 3, "guard_error", 2, requestId(e.invocation()));
      line.string("status_detail", e.reason().code());
      line.number("action_id", 2).number("disposition_id", 2);
      http(line, e.request(), 500);
      endpoints(line, e.request(), e.invocation());
      line.begin("unmapped").string("component", e.component()).string("error_type", e.errorType());
      correlation(line, e.invocation(), e.request());
      line.end();
    } else if (event instanceof NoticeEvent e) {
      api(line, e.timestampMillis(), e.invocation().function(), 2, e.notice(), 1, requestId(e.invocation()));
      endpoints(line, e.request(), e.invocation());
      line.begin("unmapped").string("notice", e.notice()).object("details", e.details());
      correlation(line, e.invocation(), e.request());
      line.end();
    } else if (event instanceof PassThroughEvent e) {
      api(line, e.timestampMillis(), e.invocation().function(), 1, "pass_through", 1, requestId(e.invocation()));
      line.begin("src_endpoint").string("name", e.eventSource()).end();
      line.begin("unmapped").string("event_source", e.eventSource());
      correlation(line, e.invocation(), null);
      line.end();
    } else {
      // An event type added after this mapping: still a valid object, as API Activity named by its type.
      api(line, event.timestampMillis(), FunctionEnvironment.from(java.util.Map.of()), 1, event.type(), 1, null);
      line.begin("src_endpoint").string("name", "unknown").end();
    }
    return line;
  }

  // ---- classes

  private void httpClass(JsonLine line, long time, RequestSummary request, int severity, String requestId) {
    classification(line, 4002, 4, httpActivity(request.method()), severity, time, null, requestId);
  }

  private void finding(JsonLine line, long time, FunctionEnvironment function, int severity, String requestId) {
    classification(line, 2004, 2, 1, severity, time, function, requestId);
    line.number("status_id", 1).constant("status", "New");
  }

  private void api(JsonLine line, long time, FunctionEnvironment function, int severity, String operation,
      int statusId, String requestId) {
    classification(line, 6003, 6, 99, severity, time, function, requestId);
    line.constant("activity_name", operation);
    line.number("status_id", statusId).constant("status", statusId == 1 ? "Success" : "Failure");
    line.begin("api").string("operation", operation).begin("service").string("name", name(function)).end().end();
    line.begin("actor").string("app_name", PRODUCT_NAME).end();
  }

  /**
   * The attributes every class requires, and the metadata and cloud context every object carries; the Lambda
   * request id is the correlation id ({@code metadata.correlation_uid}).
   */
  private void classification(JsonLine line, int classUid, int categoryUid, int activityId, int severityId,
      long time, FunctionEnvironment function, String requestId) {
    line.number("class_uid", classUid).number("category_uid", categoryUid).number("activity_id", activityId)
        .number("type_uid", classUid * 100L + activityId).number("severity_id", severityId).number("time", time);
    line.begin("metadata").string("version", OCSF_VERSION).string("correlation_uid", requestId);
    line.begin("product").string("name", PRODUCT_NAME).string("vendor_name", PRODUCT_NAME)
        .string("version", productVersion).end();
    line.raw("profiles", "[\"cloud\",\"security_control\"]");
    line.end();
    if (function != null) {
      cloud(line, function);
    }
  }

  private void cloud(JsonLine line, FunctionEnvironment function) {
    line.begin("cloud").string("provider", "AWS").string("region", function.region()).end();
  }

  private void decision(JsonLine line, boolean allowed, Reason reason, FunctionEnvironment function) {
    if (function != null) {
      cloud(line, function);
    }
    line.number("status_id", allowed ? 1 : 2).constant("status", allowed ? "Success" : "Failure");
    if (reason != null) {
      line.constant("status_detail", reason.code());
    }
    line.number("action_id", allowed ? 1 : 2).number("disposition_id", allowed ? 1 : 2);
  }

  private void findingInfo(JsonLine line, String identity, String title, String type, String ruleId) {
    line.begin("finding_info").string("uid", ShortHash.of(identity)).string("title", title);
    if (type != null) {
      line.name("types");
      line.raw().append('[');
      JsonText.appendQuoted(line.raw(), JsonText.cut(redactor.redact(type)));
      line.raw().append(']');
    }
    line.begin("analytic").string("uid", ruleId).string("name", ruleId).number("type_id", 1)
        .constant("type", "Rule").end();
    line.end();
  }

  // ---- objects

  private static void http(JsonLine line, RequestSummary r, int status) {
    if (r == null) {
      return;
    }
    line.begin("http_request").string("http_method", r.method());
    line.begin("url").string("path", r.path()).end();
    line.string("user_agent", r.userAgent()).end();
    if (status > 0) {
      line.begin("http_response").number("code", status).end();
    }
  }

  private static void endpoints(JsonLine line, RequestSummary r, InvocationInfo info) {
    if (r != null && r.sourceIp() != null) {
      line.begin("src_endpoint").string("ip", r.sourceIp()).end();
    }
    line.begin("dst_endpoint").string("name", name(info.function())).string("uid", info.ids().functionArn())
        .end();
  }

  private static void actor(JsonLine line, RequestSummary r) {
    if (r != null && r.principal() != null) {
      line.begin("actor").begin("user").string("uid", r.principal()).end().end();
    }
  }

  private void context(JsonLine line, InvocationInfo info, RequestSummary r, DenyEvent deny) {
    line.begin("unmapped");
    if (deny != null) {
      line.constant("reason_kind", deny.reason().kind().code()).string("interceptor", deny.interceptor())
          .object("details", deny.details());
    }
    correlation(line, info, r);
    line.end();
  }

  /** The guard's correlation fields, named as in its own events (Powertools names where they overlap). */
  private static void correlation(JsonLine line, InvocationInfo info, RequestSummary r) {
    line.string("function_name", info.function().functionName())
        .string("function_version", info.function().functionVersion())
        .string("function_arn", info.ids().functionArn())
        .string("function_request_id", info.ids().requestId())
        .string("xray_trace_id", info.ids().traceId())
        .raw("cold_start", info.coldStart() ? "true" : "false");
    if (info.restored()) {
      line.raw("restored", "true");
    }
    if (r != null) {
      line.constant("event_source", r.eventSource()).string("route", r.route())
          .string("caller_fingerprint", CallerFingerprint.of(r));
    }
  }

  private static String requestId(InvocationInfo info) {
    return info.ids().requestId();
  }

  private static String name(FunctionEnvironment f) {
    return f.functionName() != null ? f.functionName() : "unknown";
  }

  /** HTTP Activity's activity ids, from the method; 99 (Other) for any other. */
  static int httpActivity(String method) {
    if (method == null) {
      return 0;
    }
    return switch (method) {
      case "CONNECT" -> 1;
      case "DELETE" -> 2;
      case "GET" -> 3;
      case "HEAD" -> 4;
      case "OPTIONS" -> 5;
      case "POST" -> 6;
      case "PUT" -> 7;
      case "TRACE" -> 8;
      case "PATCH" -> 9;
      default -> 99;
    };
  }

  /** Input attacks and guard failures rank above a plain refusal. */
  private static int severityOfDenial(Reason reason) {
    return switch (reason.kind()) {
      case INPUT, INTERNAL -> 3;
      default -> 2;
    };
  }

  /** OCSF severity from the finding's score: 80 and above High, 50 and above Medium, below Low. */
  static int severityOfScore(int score) {
    return score >= 80 ? 4 : score >= 50 ? 3 : 2;
  }
}
