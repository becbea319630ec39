package dev.lambdaguard.bench;

import dev.lambdaguard.input.detect.Detector;
import dev.lambdaguard.input.detect.Detectors;
import dev.lambdaguard.input.detect.Normalized;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@link FloodSweep}'s search, on units made of two or three of its fragments drawn at random: the costliest floods
 * found so far ({@code a`,}, {@code a.'=}) are made of fragments that cost little alone. Each unit is flooded to
 * 256 KiB with every letter appended and read by each detector; a detector over the threshold (in ms per MiB,
 * scaled from the 256 KiB) is printed. A finder, as FloodSweep is: check what it prints at 1 MiB before trusting
 * it, as a detector's first runs on a new shape may still be compiling.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.FloodPairs [threshold ms/MiB=40] [seed=1] [units=300]
 * </pre>
 */
public final class FloodPairs {

  private static final int SIZE = 256 * 1024;

  private FloodPairs() {}

  public static void main(String[] args) {
    double threshold = args.length > 0 ? Double.parseDouble(args[0]) : 40;
    Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 1);
    int units = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    List<String> fragments = FloodSweep.UNITS;
    List<Detector> detectors = Detectors.all();
    for (int u = 0; u < units; u++) {
      StringBuilder unit = new StringBuilder();
      for (int parts = 2 + random.nextInt(2); parts > 0; parts--) {
        unit.append(fragments.get(random.nextInt(fragments.size())));
      }
      Normalized value = Normalized.of(AdversarialInputs.floodWithLetters(unit.toString(), SIZE));
      for (Detector detector : detectors) {
        double perMiB = FloodSweep.bestMillis(() -> detector.detect(value)) * (AdversarialInputs.SIZE / (double) SIZE);
        if (perMiB > threshold) {
          System.out.printf(Locale.ROOT, "%-24s %-26s %8.1f ms/MiB%n", FloodSweep.printable(unit.toString()),
              detector.getClass().getSimpleName(), perMiB);
        }
      }
    }
  }
}
