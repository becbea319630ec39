package dev.lambdaguard.aws.metrics;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Reason;
import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.InvocationSummary;
import dev.lambdaguard.events.JsonText;
import dev.lambdaguard.events.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one invocation's EMF documents, one JSON object per line. A small writer rather than
 * {@code software.amazon.cloudwatchlogs:aws-embedded-metrics}: that library brings Jackson 2 and three other
 * jars into the function for a format this class writes in a hundred lines (measured in BENCHMARKS.md).
 *
 * <p>Within the specification's limits by construction: at most 2 dimensions per set (30 allowed), at most 8
 * metrics per directive (100 allowed), one value per metric, dimension values printable ASCII of 1 to
 * {@value #MAX_DIMENSION_VALUE} characters (1024 allowed).
 */
final class EmfWriter {

  static final int MAX_CATEGORIES = 10;
  static final int MAX_DIMENSION_VALUE = 128;
  static final String DIM_FUNCTION = "function";
  static final String DIM_ROUTE = "route";
  static final String DIM_REASON = "reason";
  static final String DIM_CATEGORY = "category";

  private final Redactor redactor;
  /** The MetricDirectives, rendered once: only the values change from one invocation to the next. */
  private final String passThrough;
  private final String byRoute;
  private final String byFunction;
  private final String byReason;
  private final String byCategory;

  EmfWriter(String namespace, Redactor redactor) {
    this.redactor = redactor;
    this.passThrough = directive(namespace, new String[][] {{DIM_FUNCTION}}, "PassThrough", "Count");
    String[] decisions = {"Requests", "Count", "Allowed", "Count", "Denied", "Count", "AuthFailures", "Count",
        "RateLimited", "Count", "GuardErrors", "Count", "Detections", "Count", "ChainLatency", "Microseconds"};
    this.byRoute = directive(namespace, new String[][] {{DIM_FUNCTION}, {DIM_FUNCTION, DIM_ROUTE}}, decisions);
    this.byFunction = directive(namespace, new String[][] {{DIM_FUNCTION}}, decisions);
    this.byReason = directive(namespace, new String[][] {{DIM_FUNCTION, DIM_REASON}}, "DeniedByReason", "Count");
    this.byCategory =
        directive(namespace, new String[][] {{DIM_FUNCTION, DIM_CATEGORY}}, "DetectionsByCategory", "Count");
  }

  /** The invocation's documents, each ending with a line break. */
  String documents(InvocationSummary s, long timestampMillis) {
    String function = functionDimension(s.invocation().function());
    StringBuilder sb = new StringBuilder(byRoute.length() + 384); // one document without growing
    if (s.decision().equals("pass_through")) {
      new Doc(sb, timestampMillis, passThrough, null).dimension(DIM_FUNCTION, function).metric("PassThrough", 1)
          .end();
      return sb.toString();
    }
    String route = s.route() != null ? dimensionValue(s.route()) : null;
    boolean error = s.decision().equals("error");
    Reason reason = s.reason();
    Doc doc = new Doc(sb, timestampMillis, route != null ? byRoute : byFunction, reason != null ? byReason : null)
        .dimension(DIM_FUNCTION, function);
    if (route != null) {
      doc.dimension(DIM_ROUTE, route);
    }
    if (reason != null) {
      doc.dimension(DIM_REASON, dimensionValue(reason.code()));
    }
    doc.metric("Requests", 1)
        .metric("Allowed", s.decision().equals("allow") ? 1 : 0)
        .metric("Denied", s.decision().equals("deny") || error ? 1 : 0)
        .metric("AuthFailures", reason != null && reason.kind() == Reason.Kind.AUTHENTICATION ? 1 : 0)
        .metric("RateLimited", reason != null && reason.kind() == Reason.Kind.RATE_LIMIT ? 1 : 0)
        .metric("GuardErrors", error ? 1 : 0)
        .metric("Detections", s.findings().size())
        .metric("ChainLatency", s.chainNanos() / 1000);
    if (reason != null) {
      doc.metric("DeniedByReason", 1);
    }
    doc.property("function_request_id", s.invocation().ids().requestId())
        .property("xray_trace_id", s.invocation().ids().traceId())
        .end();
    for (CategoryCount c : byCategory(s.findings())) {
      new Doc(sb, timestampMillis, byCategory, null).dimension(DIM_FUNCTION, function)
          .dimension(DIM_CATEGORY, c.category).metric("DetectionsByCategory", c.count).end();
    }
    return sb.toString();
  }

  private record FunctionValue(FunctionEnvironment function, String value) {}

  private volatile FunctionValue functionValue;

  /** The function's dimension value, cleaned once per environment (it is the same object at every invocation). */
  private String functionDimension(FunctionEnvironment function) {
    FunctionValue cached = functionValue;
    if (cached == null || cached.function != function) {
      cached = new FunctionValue(function, dimensionValue(function.functionName()));
      functionValue = cached;
    }
    return cached.value;
  }

  /** One MetricDirective as JSON: the namespace, the dimension sets, then metric name and unit pairs. */
  private static String directive(String namespace, String[][] dimensionSets, String... metricsAndUnits) {
    StringBuilder sb = new StringBuilder(256).append("{\"Namespace\":");
    JsonText.appendQuoted(sb, namespace);
    sb.append(",\"Dimensions\":[");
    for (int i = 0; i < dimensionSets.length; i++) {
      sb.append(i == 0 ? "[" : ",[");
      for (int j = 0; j < dimensionSets[i].length; j++) {
        sb.append(j == 0 ? "\"" : ",\"").append(dimensionSets[i][j]).append('"');
      }
      sb.append(']');
    }
    sb.append("],\"Metrics\":[");
    for (int i = 0; i < metricsAndUnits.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append("{\"Name\":\"").append(metricsAndUnits[i]).append("\",\"Unit\":\"")
          .append(metricsAndUnits[i + 1]).append("\"}");
    }
    return sb.append("]}").toString();
  }

  /** Findings counted per category, in order of first appearance; categories past the cap count as "other". */
  private List<CategoryCount> byCategory(List<Finding> findings) {
    if (findings.isEmpty()) {
      return List.of();
    }
    List<CategoryCount> counts = new ArrayList<>(2);
    for (Finding f : findings) {
      String category = dimensionValue(f.category());
      CategoryCount found = null;
      for (CategoryCount c : counts) {
        if (c.category.equals(category)) {
          found = c;
          break;
        }
      }
      if (found == null && counts.size() >= MAX_CATEGORIES - 1 && !category.equals("other")) {
        category = "other";
        for (CategoryCount c : counts) {
          if (c.category.equals(category)) {
            found = c;
            break;
          }
        }
      }
      if (found == null) {
        found = new CategoryCount(category);
        counts.add(found);
      }
      found.count++;
    }
    return counts;
  }

  private static final class CategoryCount {
    final String category;
    int count;

    CategoryCount(String category) {
      this.category = category;
    }
  }

  /**
   * A dimension value CloudWatch accepts: redacted, printable ASCII only (anything else becomes {@code ?}),
   * trimmed, 1 to {@value #MAX_DIMENSION_VALUE} characters; {@code unknown} when nothing is left.
   */
  String dimensionValue(String raw) {
    if (raw == null) {
      return "unknown";
    }
    String value = redactor.redact(raw);
    int n = Math.min(value.length(), MAX_DIMENSION_VALUE);
    StringBuilder sb = null;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        if (sb == null) {
          sb = new StringBuilder(n).append(value, 0, i);
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String out = (sb != null ? sb.toString() : value.substring(0, n)).strip();
    return out.isEmpty() ? "unknown" : out;
  }

  /** One EMF document under construction: the {@code _aws} metadata first, then the root members. */
  private final class Doc {
    private final StringBuilder sb;

    Doc(StringBuilder sb, long timestampMillis, String directive, String secondDirective) {
      this.sb = sb;
      sb.append("{\"_aws\":{\"Timestamp\":").append(timestampMillis).append(",\"CloudWatchMetrics\":[")
          .append(directive);
      if (secondDirective != null) {
        sb.append(',').append(secondDirective);
      }
      sb.append("]}");
    }

    Doc dimension(String name, String value) {
      sb.append(",\"").append(name).append("\":");
      JsonText.appendQuoted(sb, value);
      return this;
    }

    Doc metric(String name, long value) {
      sb.append(",\"").append(name).append("\":").append(value);
      return this;
    }

    Doc property(String name, String value) {
      if (value != null) {
        sb.append(",\"").append(name).append("\":");
        JsonText.appendQuoted(sb, JsonText.cut(redactor.redact(value))); // redacted whole, then cut
      }
      return this;
    }

    void end() {
      sb.append("}\n");
    }
  }
}
