package dev.lambdaguard.aws.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The structure rules of the CloudWatch Embedded Metric Format specification ("Specification: Embedded metric
 * format", Amazon CloudWatch User Guide), checked on a parsed document. Returns the rules broken, empty when
 * none is. Rules: the root is an object whose {@code _aws} member holds a {@code Timestamp} (epoch milliseconds)
 * and a {@code CloudWatchMetrics} array of MetricDirectives and nothing but those (and {@code LogGroupName});
 * a directive has exactly {@code Namespace} (1-255 characters), {@code Dimensions} (an array of DimensionSets,
 * each an array of at most 30 member names) and {@code Metrics} (at most 100 MetricDefinitions, each a
 * {@code Name} with an optional standard {@code Unit} and {@code StorageResolution} 1 or 60); every dimension
 * named is a root member holding a string (1-1024 ASCII characters, not blank); every metric named is a root
 * member holding a number or an array of at most 100 numbers.
 */
final class EmfSpec {

  static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
      "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
      "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
      "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
      "None");

  private EmfSpec() {}

  static List<String> violations(JsonNode root) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      problems.add("root is not an object");
      return problems;
    }
    JsonNode aws = root.get("_aws");
    if (aws == null || !aws.isObject()) {
      problems.add("_aws is not an object");
      return problems;
    }
    for (Map.Entry<String, JsonNode> member : aws.properties()) {
      if (!Set.of("Timestamp", "CloudWatchMetrics", "LogGroupName").contains(member.getKey())) {
        problems.add("_aws has an unknown member " + member.getKey());
      }
    }
    JsonNode timestamp = aws.get("Timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.asLong() <= 0) {
      problems.add("_aws.Timestamp is not a positive integer of epoch milliseconds");
    }
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray()) {
      problems.add("_aws.CloudWatchMetrics is not an array");
      return problems;
    }
    for (JsonNode directive : directives) {
      directive(root, directive, problems);
    }
    return problems;
  }

  private static void directive(JsonNode root, JsonNode directive, List<String> problems) {
    if (!directive.isObject()) {
      problems.add("a MetricDirective is not an object");
      return;
    }
    for (Map.Entry<String, JsonNode> member : directive.properties()) {
      if (!Set.of("Namespace", "Dimensions", "Metrics").contains(member.getKey())) {
        problems.add("a MetricDirective has an unknown member " + member.getKey());
      }
    }
    JsonNode namespace = directive.get("Namespace");
    if (namespace == null || !namespace.isString() || namespace.asString().isEmpty()
        || namespace.asString().length() > 255) {
      problems.add("Namespace is not a string of 1 to 255 characters");
    }
    JsonNode dimensions = directive.get("Dimensions");
    if (dimensions == null || !dimensions.isArray()) {
      problems.add("Dimensions is not an array");
    } else {
      for (JsonNode set : dimensions) {
        if (!set.isArray() || set.size() > 30) {
          problems.add("a DimensionSet is not an array of at most 30 names");
          continue;
        }
        for (JsonNode name : set) {
          JsonNode value = name.isString() ? root.get(name.asString()) : null;
          if (value == null || !value.isString()) {
            problems.add("dimension " + name + " is not a root member holding a string");
          } else if (!validDimensionValue(value.asString())) {
            problems.add("dimension " + name + " has a value CloudWatch refuses: " + value);
          }
        }
      }
    }
    JsonNode metrics = directive.get("Metrics");
    if (metrics == null || !metrics.isArray() || metrics.size() > 100) {
      problems.add("Metrics is not an array of at most 100 MetricDefinitions");
      return;
    }
    for (JsonNode metric : metrics) {
      for (Map.Entry<String, JsonNode> member : metric.properties()) {
        if (!Set.of("Name", "Unit", "StorageResolution").contains(member.getKey())) {
          problems.add("a MetricDefinition has an unknown member " + member.getKey());
        }
      }
      JsonNode name = metric.get("Name");
      if (name == null || !name.isString() || name.asString().isEmpty() || name.asString().length() > 255) {
        problems.add("a MetricDefinition has no Name of 1 to 255 characters");
        continue;
      }
      JsonNode unit = metric.get("Unit");
      if (unit != null && !(unit.isString() && UNITS.contains(unit.asString()))) {
        problems.add("metric " + name + " has a Unit that is not a standard unit: " + unit);
      }
      JsonNode resolution = metric.get("StorageResolution");
      if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
        problems.add("metric " + name + " has a StorageResolution other than 1 or 60");
      }
      JsonNode value = root.get(name.asString());
      if (value == null) {
        problems.add("metric " + name + " is not a root member");
      } else if (value.isArray()) {
        if (value.size() > 100) {
          problems.add("metric " + name + " has more than 100 values");
        }
        for (JsonNode v : value) {
          if (!v.isNumber()) {
            problems.add("metric " + name + " has a value that is not a number");
          }
        }
      } else if (!value.isNumber()) {
        problems.add("metric " + name + " is not a number");
      }
    }
  }

  private static boolean validDimensionValue(String value) {
    if (value.isEmpty() || value.length() > 1024 || value.isBlank()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
