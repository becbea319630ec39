package dev.lambdaguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Finding;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reason;
import dev.lambdaguard.aws.metrics.EmfMetrics;
import dev.lambdaguard.events.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The operations kit ({@code operations.yaml}) is valid YAML and a well-formed CloudFormation template, and
 * every metric, dimension and event field it names is one the guard really writes: the names are taken from
 * the output of a real guard, not from a list kept beside the template.
 */
class OperationsKitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");

  private static Map<String, Object> template;
  private static Map<String, Object> resources;
  /** Metric names the guard's EMF documents define, and the dimension names they use. */
  private static final Set<String> EMF_METRICS = new TreeSet<>();
  private static final Set<String> EMF_DIMENSIONS = new TreeSet<>();
  /** Field names of the guard's event lines, across allow, deny, detection, error and config_warning. */
  private static final Set<String> EVENT_FIELDS = new TreeSet<>();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws Exception {
    String text = Files.readString(Path.of("operations.yaml"));
    // The project's one YAML reader, the linter's, with short-form intrinsics as their long form.
    template = JSON.convertValue(dev.lambdaguard.aws.iam.TemplateReader.read(text), Map.class);
    resources = (Map<String, Object>) template.get("Resources");
    observeTheGuard();
  }

  /** Runs a guard with EMF metrics through each kind of decision and records what it wrote. */
  private static void observeTheGuard() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Map<String, String> env = Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders", "LEGACY_KEY", "AKIAIOSFODNN7EXAMPLE");
    Guard guard = Guard.builder().environment(env).redactor(new Redactor())
        .eventSink(EmfMetrics.namespace("LambdaGuard").redactor(new Redactor()).output(() -> out).build()
            .aroundStdout())
        .addInterceptor(chain -> switch (chain.request().path()) {
          case "/auth" -> Denial.unauthorized(Reason.of("token_expired", Reason.Kind.AUTHENTICATION), "no");
          case "/scan" -> chain.proceed(chain.context().withFinding(new Finding("sqli", "sqli.union", "/q", 90)));
          case "/bug" -> throw new IllegalStateException("bug");
          default -> chain.proceed();
        })
        .build();
    for (String path : List.of("/ok", "/auth", "/scan", "/bug")) {
      GuardRequest request = GuardRequest.builder("apigw-http-v2").method("GET").path(path)
          .routeKey("GET " + path).sourceIp("203.0.113.9").build();
      guard.handle(request, new Invocation("req" + path, "Root=1-x", null), context -> "ok");
    }
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode node = JSON.readTree(line);
      if (node.has("_aws")) {
        for (JsonNode directive : node.get("_aws").get("CloudWatchMetrics")) {
          directive.get("Metrics").forEach(m -> EMF_METRICS.add(m.get("Name").asString()));
          directive.get("Dimensions").forEach(set -> set.forEach(d -> EMF_DIMENSIONS.add(d.asString())));
        }
      } else {
        node.propertyNames().forEach(EVENT_FIELDS::add);
      }
    }
    assertTrue(EVENT_FIELDS.contains("caller_fingerprint") && EMF_METRICS.contains("DeniedByReason"),
        "the guard wrote events and metrics: " + EVENT_FIELDS + " " + EMF_METRICS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String resource) {
    return (Map<String, Object>) ((Map<String, Object>) resources.get(resource)).get("Properties");
  }

  private static List<String> resourcesOfType(String type) {
    List<String> names = new ArrayList<>();
    resources.forEach((name, body) -> {
      if (type.equals(((Map<?, ?>) body).get("Type"))) {
        names.add(name);
      }
    });
    return names;
  }

  @Test
  void theTemplateHoldsEveryPartOfTheKit() {
    assertEquals("2010-09-09", template.get("AWSTemplateFormatVersion"));
    Map<String, Integer> expected = Map.of("AWS::Logs::QueryDefinition", 4, "AWS::Logs::MetricFilter", 3,
        "AWS::CloudWatch::Alarm", 4, "AWS::CloudWatch::Dashboard", 1, "AWS::Logs::SubscriptionFilter", 1,
        "AWS::IAM::Role", 1);
    expected.forEach((type, count) -> assertEquals(count, resourcesOfType(type).size(), type));
    assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(), resources.size(),
        "no resource of another type");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyReferenceAndSubstitutionNamesAParameterAResourceOrAPseudoParameter() {
    Set<String> known = new TreeSet<>(((Map<String, Object>) template.get("Parameters")).keySet());
    known.addAll(resources.keySet());
    known.addAll(Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::NoValue", "AWS::StackName"));
    Set<String> conditions = ((Map<String, Object>) template.get("Conditions")).keySet();
    List<String> unknown = new ArrayList<>();
    walk(template, (key, value) -> {
      if (key.equals("Ref") && !known.contains(value.toString())) {
        unknown.add("Ref " + value);
      } else if (key.equals("Fn::Sub")) {
        Matcher m = SUB_VARIABLE.matcher(value.toString());
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            unknown.add("${" + m.group(1) + "}");
          }
        }
      } else if (key.equals("Condition") && value instanceof String c && !conditions.contains(c)) {
        unknown.add("Condition " + c);
      } else if (key.equals("Fn::If") && !conditions.contains(((List<?>) value).get(0).toString())) {
        unknown.add("Fn::If " + ((List<?>) value).get(0));
      }
    });
    assertEquals(List.of(), unknown);
  }

  @Test
  void alarmsWatchMetricsAndDimensionsTheGuardWrites() {
    for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm")) {
      Map<String, Object> p = properties(alarm);
      assertEquals(Map.of("Ref", "MetricsNamespace"), p.get("Namespace"), alarm);
      assertTrue(EMF_METRICS.contains(p.get("MetricName").toString()), alarm + " watches " + p.get("MetricName"));
      for (Object dimension : (List<?>) p.get("Dimensions")) {
        assertTrue(EMF_DIMENSIONS.contains(((Map<?, ?>) dimension).get("Name").toString()), alarm);
      }
    }
  }

  @Test
  void theDashboardIsJsonThatShowsMetricsTheGuardWrites() {
    String body = ((Map<?, ?>) properties("SecurityDashboard").get("DashboardBody")).get("Fn::Sub").toString();
    JsonNode dashboard = JSON.readTree(SUB_VARIABLE.matcher(body).replaceAll("x"));
    List<String> shown = new ArrayList<>();
    for (JsonNode widget : dashboard.get("widgets")) {
      for (JsonNode metric : widget.get("properties").path("metrics")) {
        if (metric.get(0).isString()) {
          shown.add(metric.get(1).asString());
        } else {
          Matcher m = Pattern.compile("MetricName=\"([A-Za-z]+)\"").matcher(metric.get(0).get("expression").asString());
          assertTrue(m.find(), metric.toString());
          shown.add(m.group(1));
        }
      }
    }
    assertTrue(shown.size() >= 8, shown.toString());
    for (String metric : shown) {
      assertTrue(EMF_METRICS.contains(metric), "the dashboard shows " + metric + ", which the guard never writes");
    }
  }

  @Test
  void queriesAndMetricFiltersReadFieldsTheEventsCarry() {
    List<String> texts = new ArrayList<>();
    for (String query : resourcesOfType("AWS::Logs::QueryDefinition")) {
      texts.add(properties(query).get("QueryString").toString());
    }
    for (String filter : resourcesOfType("AWS::Logs::MetricFilter")) {
      texts.add(properties(filter).get("FilterPattern").toString());
      for (Object t : (List<?>) properties(filter).get("MetricTransformations")) {
        Object dimensions = ((Map<?, ?>) t).get("Dimensions");
        for (Object d : dimensions != null ? (List<?>) dimensions : List.of()) {
          texts.add(((Map<?, ?>) d).get("Value").toString());
        }
      }
    }
    Pattern field = Pattern.compile("\\$\\.([a-z_]+)|\\b([a-z_]+) = \"|by ([a-z_, ]+)|\\(([a-z_]+)\\)|fields ([a-z_, @]+)");
    Set<String> used = new TreeSet<>();
    for (String text : texts) {
      Matcher m = field.matcher(text);
      while (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            for (String name : m.group(g).split(",")) {
              String n = name.trim();
              if (!n.isEmpty() && !n.startsWith("@")) {
                used.add(n);
              }
            }
          }
        }
      }
    }
    assertTrue(used.containsAll(Set.of("event_type", "reason", "caller_fingerprint", "category", "reason_kind")),
        used.toString());
    used.removeAll(EVENT_FIELDS);
    assertEquals(Set.of(), used, "fields no event carries");
  }

  @Test
  void theSubscriptionShipsOnlySecurityEventsInEitherFormat() {
    Map<String, Object> p = properties("SecurityEventsSubscription");
    List<?> choice = (List<?>) ((Map<?, ?>) p.get("FilterPattern")).get("Fn::If");
    assertEquals("OcsfEvents", choice.get(0));
    assertEquals("{ $.metadata.product.name = \"Lambda Guard\" }", choice.get(1));
    assertEquals("{ $.schema = \"lambdaguard.security/1\" }", choice.get(2));
    assertTrue(EVENT_FIELDS.contains("schema"));
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, java.util.function.BiConsumer<String, Object> visit) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        visit.accept(k.toString(), v);
        walk(v, visit);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> walk(item, visit));
    }
  }
}
