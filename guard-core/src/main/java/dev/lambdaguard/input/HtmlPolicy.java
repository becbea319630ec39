package dev.lambdaguard.input;

import java.util.Objects;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * How rich-text fields are cleaned, by the OWASP Java HTML Sanitizer: what survives is markup the policy allows,
 * everything else (scripts, event handlers, {@code javascript:} links, unknown tags) is removed. Needs
 * {@code com.googlecode.owasp-java-html-sanitizer} on the class path (an optional dependency of guard-core).
 */
public final class HtmlPolicy {

  /** The policy, or null for {@link #defaults()}, built at the first value cleaned (about 40 ms of cold start). */
  private final PolicyFactory policy;

  private HtmlPolicy(PolicyFactory policy) {
    this.policy = policy;
  }

  /**
   * Formatting ({@code b}, {@code i}, {@code u}…), blocks ({@code p}, headings, lists) and links (http, https,
   * mailto).
   */
  public static HtmlPolicy defaults() {
    return new HtmlPolicy(null);
  }

  /** A policy of your own, e.g. {@code new HtmlPolicyBuilder().allowElements("p", "b").toFactory()}. */
  public static HtmlPolicy of(PolicyFactory policy) {
    return new HtmlPolicy(Objects.requireNonNull(policy, "policy"));
  }

  String sanitize(String html) {
    return (policy != null ? policy : Defaults.POLICY).sanitize(html);
  }

  /** The default policy, built when first used: a function whose first requests carry no rich text never builds it. */
  private static final class Defaults {
    static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS);
  }
}
