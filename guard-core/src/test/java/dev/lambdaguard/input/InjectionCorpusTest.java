package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.detect.Detection;
import dev.lambdaguard.input.detect.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The scanner over the labelled development corpus: detection rate per attack category (any detection counts;
 * the rate with the row's own category is shown beside it) and the false-positive rate on benign values. The
 * floors are what the engine reached; they only ever go up.
 *
 * <p>To see the misses of one category (or the benign values flagged):
 * {@code mvn -pl guard-core test -Dtest=InjectionCorpusTest -Dlambdaguard.corpus.show=sqli} (or {@code benign}),
 * with {@code -Dlambdaguard.corpus.detectors=dev.lambdaguard.input.detect.SqliDetector} to run one detector alone.
 */
class InjectionCorpusTest {

  /** Detection floors per category, in percent; never lowered. */
  static final Map<String, Double> DETECTION_FLOORS = Map.ofEntries(
      Map.entry("sqli", 97.3), Map.entry("xss", 95.4), Map.entry("cmdi", 97.2), Map.entry("path", 99.2),
      Map.entry("ssrf", 99.4), Map.entry("nosqli", 97.9), Map.entry("ldap", 95.4), Map.entry("ssti", 96.2),
      Map.entry("jndi", 100.0), Map.entry("xxe", 100.0), Map.entry("crlf", 100.0), Map.entry("proto", 100.0));
  /** False positives on benign values at most, in percent; never raised. */
  static final double FALSE_POSITIVE_CEILING = 0.0;

  final InjectionScanner scanner = scanner();

  /**
   * Every detector, or only the ones named in {@code -Dlambdaguard.corpus.detectors} (comma-separated class
   * names), to measure one detector alone while working on it.
   */
  static InjectionScanner scanner() {
    String named = System.getProperty("lambdaguard.corpus.detectors", "");
    if (named.isBlank()) {
      return InjectionScanner.allCategories();
    }
    List<Detector> detectors = new ArrayList<>();
    for (String name : named.split(",")) {
      try {
        detectors.add((Detector) Class.forName(name.trim()).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot create detector " + name, e);
      }
    }
    return InjectionScanner.withDetectors(detectors);
  }

  @Test
  void detectionPerCategoryAndFalsePositivesOnTheDevelopmentCorpus() {
    String show = System.getProperty("lambdaguard.corpus.show", "");
    Map<String, int[]> perCategory = new TreeMap<>(); // category -> {n, detected, detected as own category}
    int benign = 0;
    int falsePositives = 0;
    List<String> shown = new ArrayList<>();
    for (Corpus.Row row : Corpus.rows()) {
      List<Detection> found = scanner.scan(row.value());
      if (!row.attack()) {
        benign++;
        if (!found.isEmpty()) {
          falsePositives++;
          if (show.equals("benign")) {
            shown.add(found + "  " + printable(row.value()));
          }
        }
        continue;
      }
      int[] counts = perCategory.computeIfAbsent(row.category(), c -> new int[3]);
      counts[0]++;
      if (!found.isEmpty()) {
        counts[1]++;
      }
      if (found.stream().anyMatch(d -> d.category().code().equals(row.category()))) {
        counts[2]++;
      }
      if (found.isEmpty() && show.equals(row.category())) {
        shown.add(printable(row.value()));
      }
    }
    StringBuilder report = new StringBuilder("\ninjection corpus (" + Corpus.path().getFileName() + ")\n");
    report.append(String.format(Locale.ROOT, "%-8s %6s %9s %8s %14s%n", "category", "n", "detected", "rate", "as category"));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, int[]> e : perCategory.entrySet()) {
      int[] c = e.getValue();
      double rate = 100.0 * c[1] / c[0];
      report.append(String.format(Locale.ROOT, "%-8s %6d %9d %7.1f%% %13.1f%%%n", e.getKey(), c[0], c[1], rate,
          100.0 * c[2] / c[0]));
      double floor = DETECTION_FLOORS.getOrDefault(e.getKey(), 0.0);
      if (rate < floor) {
        failures.add(e.getKey() + " " + String.format(Locale.ROOT, "%.1f%% < floor %.1f%%", rate, floor));
      }
    }
    double fpRate = 100.0 * falsePositives / benign;
    report.append(String.format(Locale.ROOT, "benign   %6d %9d %7.2f%% false positives%n", benign, falsePositives, fpRate));
    if (!shown.isEmpty()) {
      report.append("-- ").append(show).append(" (").append(shown.size()).append("):\n");
      shown.forEach(s -> report.append("  ").append(s).append('\n'));
    }
    System.out.println(report);
    if (fpRate > FALSE_POSITIVE_CEILING) {
      failures.add(String.format(Locale.ROOT, "false positives %.2f%% > ceiling %.2f%%", fpRate, FALSE_POSITIVE_CEILING));
    }
    assertTrue(failures.isEmpty(), "below the floors: " + failures + report);
  }

  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < 200; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
