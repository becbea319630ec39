package dev.lambdaguard.aws.metrics;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Reason;
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

  private final String namespace;
  private final Redactor redactor;

  EmfWriter(String namespace, Redactor redactor) {
    this.namespace = namespace;
    this.redactor = redactor;
  }

  /** The invocation's documents, each ending with a line break. */
  String documents(InvocationSummary s, long timestampMillis) {
    String function = dimensionValue(s.invocation().function().functionName());
    StringBuilder sb = new StringBuilder(640);
    if (s.decision().equals("pass_through")) {
      Doc doc = new Doc(sb, timestampMillis);
      doc.directive(new String[][] {{DIM_FUNCTION}}, "PassThrough", "Count");
      doc.members().dimension(DIM_FUNCTION, function).metric("PassThrough", 1);
      doc.end();
      return sb.toString();
    }
    String route = s.route() != null ? dimensionValue(s.route()) : null;
    boolean denied = s.decision().equals("deny");
    boolean error = s.decision().equals("error");
    Reason reason = s.reason();
    Doc doc = new Doc(sb, timestampMillis);
    String[][] byRoute = route != null ? new String[][] {{DIM_FUNCTION}, {DIM_FUNCTION, DIM_ROUTE}}
        : new String[][] {{DIM_FUNCTION}};
    doc.directive(byRoute, "Requests", "Count", "Allowed", "Count", "Denied", "Count", "AuthFailures", "Count",
        "RateLimited", "Count", "GuardErrors", "Count", "Detections", "Count", "ChainLatency", "Microseconds");
    if (reason != null) {
      doc.directive(new String[][] {{DIM_FUNCTION, DIM_REASON}}, "DeniedByReason", "Count");
    }
    Doc.Members m = doc.members().dimension(DIM_FUNCTION, function);
    if (route != null) {
      m.dimension(DIM_ROUTE, route);
    }
    if (reason != null) {
      m.dimension(DIM_REASON, dimensionValue(reason.code()));
    }
    m.metric("Requests", 1)
        .metric("Allowed", s.decision().equals("allow") ? 1 : 0)
        .metric("Denied", denied || error ? 1 : 0)
        .metric("AuthFailures", reason != null && reason.kind() == Reason.Kind.AUTHENTICATION ? 1 : 0)
        .metric("RateLimited", reason != null && reason.kind() == Reason.Kind.RATE_LIMIT ? 1 : 0)
        .metric("GuardErrors", error ? 1 : 0)
        .metric("Detections", s.findings().size())
        .metric("ChainLatency", s.chainNanos() / 1000);
    if (reason != null) {
      m.metric("DeniedByReason", 1);
    }
    m.property("function_request_id", s.invocation().ids().requestId())
        .property("xray_trace_id", s.invocation().ids().traceId());
    doc.end();
    for (CategoryCount c : byCategory(s.findings())) {
      Doc detection = new Doc(sb, timestampMillis);
      detection.directive(new String[][] {{DIM_FUNCTION, DIM_CATEGORY}}, "DetectionsByCategory", "Count");
      detection.members().dimension(DIM_FUNCTION, function).dimension(DIM_CATEGORY, c.category)
          .metric("DetectionsByCategory", c.count);
      detection.end();
    }
    return sb.toString();
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
    private boolean firstDirective = true;

    Doc(StringBuilder sb, long timestampMillis) {
      this.sb = sb;
      sb.append("{\"_aws\":{\"Timestamp\":").append(timestampMillis).append(",\"CloudWatchMetrics\":[");
    }

    /** A MetricDirective: dimension sets, then metric name and unit pairs. */
    void directive(String[][] dimensionSets, String... metricsAndUnits) {
      if (!firstDirective) {
        sb.append(',');
      }
      firstDirective = false;
      sb.append("{\"Namespace\":");
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
      sb.append("]}");
    }

    Members members() {
      sb.append("]}");
      return new Members();
    }

    void end() {
      sb.append("}\n");
    }

    final class Members {
      Members dimension(String name, String value) {
        sb.append(",\"").append(name).append("\":");
        JsonText.appendQuoted(sb, value);
        return this;
      }

      Members metric(String name, long value) {
        sb.append(",\"").append(name).append("\":").append(value);
        return this;
      }

      Members property(String name, String value) {
        if (value != null) {
          sb.append(",\"").append(name).append("\":");
          JsonText.appendQuoted(sb, redactor.redact(value.length() > 256 ? value.substring(0, 256) : value));
        }
        return this;
      }
    }
  }
}
