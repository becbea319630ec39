package dev.lambdaguard.aws.iam;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The linter's two output formats: lines for people, one JSON document for tools. */
final class LintReport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LintReport() {}

  /** One block per finding, then a summary line. */
  static String text(Map<String, List<IamFinding>> results) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<IamFinding>> file : results.entrySet()) {
      for (IamFinding f : file.getValue()) {
        out.append(file.getKey()).append(": ").append(f.severity().name()).append(' ').append(f.rule().id())
            .append(' ').append(f.path()).append('\n')
            .append("  ").append(f.rule().title()).append(": ").append(f.detail()).append('\n')
            .append("  fix: ").append(f.rule().fix()).append('\n');
      }
    }
    Map<Severity, Integer> counts = counts(results);
    out.append(results.size()).append(results.size() == 1 ? " file, " : " files, ")
        .append(counts.get(Severity.HIGH)).append(" high, ").append(counts.get(Severity.MEDIUM)).append(" medium, ")
        .append(counts.get(Severity.LOW)).append(" low\n");
    return out.toString();
  }

  /** {@code {"findings": [{"file", "rule", "severity", "path", "title", "detail", "fix"}], "summary": {...}}}. */
  static String json(Map<String, List<IamFinding>> results) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    ArrayNode findings = root.putArray("findings");
    for (Map.Entry<String, List<IamFinding>> file : results.entrySet()) {
      for (IamFinding f : file.getValue()) {
        ObjectNode o = findings.addObject();
        o.put("file", file.getKey());
        o.put("rule", f.rule().id());
        o.put("severity", f.severity().label());
        o.put("path", f.path());
        o.put("title", f.rule().title());
        o.put("detail", f.detail());
        o.put("fix", f.rule().fix());
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", results.size());
    counts(results).forEach((severity, count) -> summary.put(severity.label(), count));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static Map<Severity, Integer> counts(Map<String, List<IamFinding>> results) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    results.values().forEach(list -> list.forEach(f -> counts.merge(f.severity(), 1, Integer::sum)));
    return counts;
  }
}
