package dev.lambdaguard.input;

import dev.lambdaguard.input.detect.Detection;
import dev.lambdaguard.input.detect.Detector;
import dev.lambdaguard.input.detect.Detectors;
import dev.lambdaguard.input.detect.Normalized;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scans one value for every enabled category of injection: the value is normalized once (see
 * {@link Normalized}) and each category's detector looks at it. Immutable and thread-safe; build one at init.
 *
 * <pre>{@code
 * InjectionScanner scanner = InjectionScanner.allCategories();
 * List<Detection> found = scanner.scan("' OR 1=1 --");
 * }</pre>
 */
public final class InjectionScanner {

  private final Detector[] detectors;
  /** Each detector's {@link Detector#triggers()}, asked once here rather than once per value. */
  private final Normalized.CharSet[] triggers;

  private InjectionScanner(List<Detector> detectors) {
    this.detectors = detectors.toArray(new Detector[0]);
    this.triggers = new Normalized.CharSet[this.detectors.length];
    for (int i = 0; i < this.detectors.length; i++) {
      triggers[i] = Objects.requireNonNull(this.detectors[i], "detector").triggers();
    }
  }

  /** Every category the library recognises. */
  public static InjectionScanner allCategories() {
    return of(EnumSet.allOf(Category.class));
  }

  /** The given categories only. */
  public static InjectionScanner of(Set<Category> categories) {
    Objects.requireNonNull(categories, "categories");
    List<Detector> chosen = new ArrayList<>();
    for (Detector detector : Detectors.all()) {
      if (categories.contains(detector.category())) {
        chosen.add(detector);
      }
    }
    return new InjectionScanner(chosen);
  }

  /** Exactly these detectors, in this order (the library's own, a subset, or ones of your own). */
  public static InjectionScanner withDetectors(List<Detector> detectors) {
    return new InjectionScanner(Objects.requireNonNull(detectors, "detectors"));
  }

  /** The detections in one value, at most one per category; empty when it carries no recognised attack. */
  public List<Detection> scan(String value) {
    return scan(Normalized.of(value));
  }

  /** The same for a value already normalized. */
  public List<Detection> scan(Normalized value) {
    return scanUntil(value, null);
  }

  /**
   * The same, stopping at the first detection {@code decisive} accepts (the detections found so far, that one
   * last): a guard that refuses a request on a sure finding learns nothing from reading the other categories, and
   * a value built to be costly stops costing at its first sure attack. Detectors run in their order.
   */
  public List<Detection> scan(Normalized value, Predicate<Detection> decisive) {
    return scanUntil(value, Objects.requireNonNull(decisive, "decisive"));
  }

  private List<Detection> scanUntil(Normalized value, Predicate<Detection> decisive) {
    List<Detection> found = null;
    boolean plain = value.isPlainAscii();
    for (int i = 0; i < detectors.length; i++) {
      if (plain && triggers[i] != null && !value.containsAny(triggers[i])) {
        continue; // a plain value without any character this detector's attacks need: no call
      }
      Detection detection = detectors[i].detect(value);
      if (detection != null) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(detection);
        if (decisive != null && decisive.test(detection)) {
          break;
        }
      }
    }
    return found == null ? List.of() : found;
  }
}
