package dev.lambdaguard.input.detect;

import java.util.List;

/**
 * The library's detectors, one per category, in the order they run: the cheapest and most specific first. When
 * two read one value as different attacks with the same score, the earlier one names the finding.
 */
public final class Detectors {

  private static final List<Detector> ALL = List.of(
      new PrototypePollutionDetector(),
      new XxeDetector(),
      new CrlfDetector(),
      new NoSqlDetector(),
      new LdapDetector(),
      new JndiDetector(),
      new SstiDetector(),
      new SsrfDetector(),
      new CmdiDetector(),
      new PathTraversalDetector(),
      new XssDetector(),
      new SqliDetector());

  private Detectors() {}

  public static List<Detector> all() {
    return ALL;
  }
}
