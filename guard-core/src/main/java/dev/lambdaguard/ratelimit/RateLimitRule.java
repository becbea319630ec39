package dev.lambdaguard.ratelimit;

import java.util.List;
import java.util.Objects;

/**
 * A named set of limits applied per caller, compiled once: its bucket configuration is built at init and
 * shared by every bucket of the rule, and its {@code RateLimit-Policy} header is rendered once.
 */
public final class RateLimitRule {

  private final String name;
  private final List<Limit> limits;
  private final Object bucketConfiguration;
  private final String policyHeader;

  RateLimitRule(String name, List<Limit> limits) {
    if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException("rate limit rule names are lower case words: " + name);
    }
    this.name = name;
    this.limits = List.copyOf(limits);
    this.bucketConfiguration = dev.lambdaguard.ratelimit.internal.Buckets.configuration(limits);
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      if (i > 0) {
        header.append(", ");
      }
      header.append('"').append(name).append(limits.size() > 1 ? "-" + (i + 1) : "").append("\";q=")
          .append(limit.capacity()).append(";w=").append(limit.period().toSeconds());
    }
    this.policyHeader = header.toString();
  }

  public String name() {
    return name;
  }

  public List<Limit> limits() {
    return limits;
  }

  /** The bucket4j {@code BucketConfiguration}; typed as Object so that this class links without bucket4j. */
  public Object bucketConfiguration() {
    return bucketConfiguration;
  }

  /** The {@code RateLimit-Policy} field (IETF httpapi draft), e.g. {@code "default";q=100;w=60}. */
  public String policyHeader() {
    return policyHeader;
  }

  /**
   * The {@code RateLimit} field for a probe: for each policy item of {@code RateLimit-Policy}, the remaining
   * quota and the seconds until the bucket is full again. With several bandwidths the bucket reports one
   * remaining count, the least of them, which is what the client can actually use under every item.
   */
  public String rateLimitHeader(RateProbe probe) {
    String values = ";r=" + probe.remaining() + ";t=" + probe.resetSeconds();
    if (limits.size() == 1) {
      return "\"" + name + "\"" + values;
    }
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < limits.size(); i++) {
      header.append(i == 0 ? "" : ", ").append('"').append(name).append('-').append(i + 1).append('"').append(values);
    }
    return header.toString();
  }

  /** A short fingerprint of the rule's limits: part of shared-store keys, so that changed limits start new buckets. */
  public String fingerprint() {
    return dev.lambdaguard.ratelimit.internal.KeyHash.of(name + limits).substring(0, 8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimitRule r && r.name.equals(name) && r.limits.equals(limits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, limits);
  }

  @Override
  public String toString() {
    return name + limits;
  }
}
