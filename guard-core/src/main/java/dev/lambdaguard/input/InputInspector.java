package dev.lambdaguard.input;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Finding;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.input.detect.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans every string the request carries (see {@link InputFields}) for injections and applies the
 * {@link InputPolicy}: a finding in a blocking category refuses the request with 400 {@code injection_detected},
 * its event naming the category, the rule and the field, never the value; a finding in a monitored category, or
 * in a field allowed to carry it, lets the request through (monitored ones are written as detection events and
 * reach the handler in {@link SecurityContext#findings()}). A request carrying more text than the policy scans
 * is refused (413), never passed on unscanned.
 */
public final class InputInspector implements Interceptor {

  /** Monitored findings kept per request; a flood of them says no more than the first few. */
  static final int MAX_MONITORED = 16;

  private final InputPolicy policy;

  public InputInspector(InputPolicy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "input";
  }

  @Override
  public Outcome intercept(Chain chain) {
    RouteInput route = policy.routeFor(chain.request());
    Scan scan = new Scan(route);
    InputFields.walk(chain.request(), chain.context().jsonBody().orElse(null), policy.headers(), scan);
    if (scan.overBudget) {
      return Denial.of(413, Reasons.INPUT_TOO_LARGE, "The request carries more text than can be inspected.");
    }
    if (scan.blocked != null) {
      Finding f = scan.blocked;
      return Denial.badRequest(Reasons.INJECTION_DETECTED, "The request was refused by input inspection.")
          .withEventField("category", f.category()).withEventField("rule_id", f.ruleId())
          .withEventField("location", f.location());
    }
    SecurityContext context = chain.context();
    for (Finding finding : scan.monitored) {
      context = context.withFinding(finding);
    }
    return chain.proceed(context);
  }

  /** One request's walk: the scan budget, and what was found. */
  private final class Scan implements InputFields.Visitor {
    private final RouteInput route;
    private final List<Finding> monitored = new ArrayList<>(0);
    private Finding blocked;
    private boolean overBudget;
    private long scanned;

    Scan(RouteInput route) {
      this.route = route;
    }

    @Override
    public boolean visit(String location, String value) {
      scanned += value.length();
      if (scanned > policy.maxScanChars()) {
        overBudget = true;
        return false;
      }
      for (Detection d : policy.scanner().scan(value)) {
        InspectionMode mode = policy.modeFor(d.category(), route);
        if (mode == InspectionMode.OFF || policy.allowed(location, d.category(), route)) {
          continue;
        }
        Finding finding = new Finding(d.category().code(), d.ruleId(), location, d.score());
        if (mode == InspectionMode.BLOCK) {
          blocked = finding;
          return false;
        }
        if (monitored.size() < MAX_MONITORED) {
          monitored.add(finding);
        }
      }
      return true;
    }
  }
}
