package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The least-privilege identity policy for what was observed: every action on exactly the resources it was used
 * on. Actions are grouped per resource, and resources that need the same actions share one statement, so the
 * policy stays short; statements, actions and resources are sorted, so the same observations always print the
 * same policy (diffable in review). Denied uses are included: the code needs them.
 */
final class LeastPrivilegePolicy {

  /** One statement: these actions on these resources. */
  record Statement(List<String> actions, List<String> resources) {}

  private LeastPrivilegePolicy() {}

  static List<Statement> statements(Iterable<ObservedLog.Use> uses) {
    Map<String, TreeSet<String>> actionsByResource = new TreeMap<>();
    for (ObservedLog.Use use : uses) {
      actionsByResource.computeIfAbsent(use.resource(), r -> new TreeSet<>()).add(use.action());
    }
    Map<List<String>, TreeSet<String>> resourcesByActions = new TreeMap<>(LeastPrivilegePolicy::compareLists);
    for (Map.Entry<String, TreeSet<String>> e : actionsByResource.entrySet()) {
      resourcesByActions.computeIfAbsent(List.copyOf(e.getValue()), a -> new TreeSet<>()).add(e.getKey());
    }
    List<Statement> statements = new ArrayList<>();
    resourcesByActions.forEach((actions, resources) -> statements.add(new Statement(actions, List.copyOf(resources))));
    statements.sort(Comparator.comparing((Statement s) -> s.actions().get(0)).thenComparing(s -> s.resources().get(0)));
    return statements;
  }

  /** The policy document, pretty-printed JSON. */
  static String json(List<Statement> statements) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode policy = nodes.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode list = policy.putArray("Statement");
    int n = 0;
    for (Statement s : statements) {
      ObjectNode statement = list.addObject();
      statement.put("Sid", "Observed" + (++n));
      statement.put("Effect", "Allow");
      ArrayNode actions = statement.putArray("Action");
      s.actions().forEach(actions::add);
      ArrayNode resources = statement.putArray("Resource");
      s.resources().forEach(resources::add);
    }
    return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(policy);
  }

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
