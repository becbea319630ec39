package dev.lambdaguard.anomaly;

import java.util.Objects;

/**
 * One detected anomaly: which pattern, the feature that crossed its threshold, and for which key.
 *
 * @param type the pattern
 * @param feature the stable name of the feature that triggered it, e.g. {@code auth_failures_per_ip}
 * @param keyKind what the key is: {@code ip} (an IPv4 address or an IPv6 /64), {@code principal},
 *     {@code token} or {@code route}
 * @param key the key, safe to log: the address, the subject, the route key, or for a token a truncated SHA-256
 *     of it (never the token)
 * @param observed the feature's value when it fired
 * @param threshold the value it had to reach
 * @param score how far past the threshold, 0 to 100: 50 at the threshold, 100 at twice it or more
 * @param suppressed how many anomalies were not reported just before this one because too many were
 */
public record Anomaly(AnomalyType type, String feature, String keyKind, String key, double observed,
    double threshold, int score, int suppressed) {

  public Anomaly {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(keyKind, "keyKind");
    Objects.requireNonNull(key, "key");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100: " + score);
    }
  }

  /** The score of {@code observed} against {@code threshold}: 50 at the threshold, 100 at twice it. */
  static int score(double observed, double threshold) {
    if (threshold <= 0) {
      return 100;
    }
    return (int) Math.max(0, Math.min(100, Math.round(50.0 * observed / threshold)));
  }

  Anomaly withSuppressed(int count) {
    return new Anomaly(type, feature, keyKind, key, observed, threshold, score, count);
  }
}
