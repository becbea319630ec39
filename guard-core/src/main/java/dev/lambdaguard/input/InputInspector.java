package dev.lambdaguard.input;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Finding;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.input.detect.Detection;
import dev.lambdaguard.input.detect.Normalized;
import dev.lambdaguard.json.JsonBodyInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Checks the request's input against its route's rules, then scans every string it carries (see
 * {@link InputFields}) for injections. In order: a JSON-only route refuses other bodies (415); parameter rules
 * (400 {@code parameter_invalid}); the body's JSON Schema (400 {@code schema_invalid}, naming pointers and
 * keywords); rich-text fields sanitized (the handler gets the clean tree, and a finding records each change);
 * then the injection scan under the {@link InputPolicy}: a finding in a blocking category refuses the request with
 * 400 {@code injection_detected}, its event naming the category, the rule and the field, never the value; a
 * finding in a monitored category, or in a field allowed to carry it, lets the request through (monitored ones
 * are written as detection events and reach the handler in {@link SecurityContext#findings()}). A request
 * carrying more text than the policy scans is refused (413), never passed on unscanned.
 */
public final class InputInspector implements Interceptor, dev.lambdaguard.SnapshotAware {

  /** The rule id of the finding that records a rich-text field changed by sanitization. */
  static final String SANITIZED_RULE = "html.sanitized";
  /** Monitored findings kept per request; a flood of them says no more than the first few. */
  static final int MAX_MONITORED = 16;

  private final InputPolicy policy;

  public InputInspector(InputPolicy policy) {
    this.policy = policy;
  }

  /** Schemas compile before the snapshot; the guard's synthetic requests then warm the scanner. */
  @Override
  public void prime() {
    policy.compileSchemas();
  }

  /** Holds nothing a restored copy must not share: compiled rules are the same in every copy. */
  @Override
  public void afterRestore() {}

  @Override
  public String name() {
    return "input";
  }

  @Override
  public Outcome intercept(Chain chain) {
    GuardRequest request = chain.request();
    RouteInput route = policy.routeFor(request);
    if (route.jsonOnly() && !request.body().isEmpty()
        && !JsonBodyInterceptor.isJson(request.contentType(), request.body())) {
      return Denial.of(415, Reasons.UNSUPPORTED_MEDIA_TYPE, "The request body must be JSON.");
    }
    Denial parameters = ParameterCheck.check(request, route);
    if (parameters != null) {
      return parameters;
    }
    SecurityContext context = chain.context();
    JsonNode json = context.jsonBody().orElse(null);
    if (route.schema() != null) {
      List<BodySchema.Violation> violations = route.schema().validate(json != null ? json : NullNode.getInstance());
      if (!violations.isEmpty()) {
        return Denial.badRequest(Reasons.SCHEMA_INVALID, "The request body does not match the schema: "
            + violations.stream().map(BodySchema.Violation::toString).collect(Collectors.joining(", ")) + ".")
            .withEventField("violations", String.valueOf(violations.size()))
            .withEventField("first_violation", violations.get(0).toString());
      }
    }
    if (json != null && !route.richText().isEmpty()) {
      RichText.Result cleaned = RichText.apply(json, route.richText());
      if (!cleaned.changed().isEmpty()) {
        json = cleaned.body();
        context = context.withJsonBody(json);
        for (Map.Entry<String, String> change : cleaned.changed().entrySet()) {
          context = context.withSanitizedField(change.getKey(), change.getValue())
              .withFinding(new Finding(Category.XSS.code(), SANITIZED_RULE, change.getKey(), 0));
        }
      }
    }
    Scan scan = new Scan(route);
    InputFields.walk(request, json, policy.headers(), scan);
    if (scan.overBudget) {
      return Denial.of(413, Reasons.INPUT_TOO_LARGE, "The request carries more text than can be inspected.");
    }
    if (scan.unreadable) {
      return Denial.of(415, Reasons.UNSUPPORTED_MEDIA_TYPE,
          "The request body uses a character set that cannot be inspected.");
    }
    if (scan.blocked != null) {
      Finding f = scan.blocked;
      return Denial.badRequest(Reasons.INJECTION_DETECTED, "The request was refused by input inspection.")
          .withEventField("category", f.category()).withEventField("rule_id", f.ruleId())
          .withEventField("location", f.location());
    }
    for (Finding finding : scan.monitored) {
      context = context.withFinding(finding);
    }
    return chain.proceed(context);
  }

  /** One request's walk: the scan budget, and what was found. */
  private final class Scan implements InputFields.Visitor, Predicate<Detection> {
    private final RouteInput route;
    private final List<Finding> monitored = new ArrayList<>(0);
    private Finding blocked;
    private boolean overBudget;
    private boolean unreadable;
    private long scanned;
    /** The value being scanned: a sure finding that will refuse the request ends its scan. */
    private String location;

    Scan(RouteInput route) {
      this.route = route;
    }

    @Override
    public boolean tooManyFields() {
      overBudget = true;
      return false;
    }

    @Override
    public boolean unreadable() {
      unreadable = true;
      return false;
    }

    @Override
    public boolean visit(String location, String value) {
      scanned += value.length();
      if (scanned > policy.maxScanChars()) {
        overBudget = true;
        return false;
      }
      Finding block = null;
      this.location = location;
      for (Detection d : policy.scanner().scan(Normalized.of(value), this)) {
        InspectionMode mode = policy.modeFor(d.category(), route);
        if (mode == InspectionMode.OFF || policy.allowed(location, d.category(), route)) {
          continue;
        }
        Finding finding = new Finding(d.category().code(), d.ruleId(), location, d.score());
        if (mode == InspectionMode.BLOCK) {
          // One value can read as several attacks (; cat /etc/passwd): report the surest reading found before the
          // scan stopped at a sure one.
          block = block == null || finding.score() > block.score() ? finding : block;
        } else if (monitored.size() < MAX_MONITORED) {
          monitored.add(finding);
        }
      }
      if (block != null) {
        blocked = block;
        return false;
      }
      return true;
    }

    /** Whether {@code d} refuses the request (a class, not a lambda: one less bootstrap at cold start). */
    @Override
    public boolean test(Detection d) {
      return d.score() >= Detection.SURE && policy.modeFor(d.category(), route) == InspectionMode.BLOCK
          && !policy.allowed(location, d.category(), route);
    }
  }
}
