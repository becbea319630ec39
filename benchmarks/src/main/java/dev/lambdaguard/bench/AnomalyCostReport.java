package dev.lambdaguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of anomaly detection per invocation, measured as the thread's CPU time rather than wall time, with the
 * two guards of {@link AnomalyDetectionBenchmark} run in alternating blocks (ABBA order) in one process: on a
 * machine that other processes keep busy, wall-time averages carry their bursts (JMH's error bars grow to many
 * microseconds), while a thread's CPU time counts only its own work, and pairing adjacent blocks cancels drift.
 * Prints each variant's median cost per operation and the median paired difference with its interquartile range.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.AnomalyCostReport [rounds=300] [ops per block=20000]
 * </pre>
 */
public final class AnomalyCostReport {

  private static volatile Object sink;

  private AnomalyCostReport() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    AnomalyDetectionBenchmark b = new AnomalyDetectionBenchmark();
    b.setUp();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < rounds / 3 + 20; i++) { // warm-up: every variant compiled before anything is kept
      block(b, 0, ops, cpu);
      block(b, 1, ops, cpu);
      block(b, 2, ops, cpu);
    }
    double[] without = new double[rounds];
    double[] with = new double[rounds];
    double[] observe = new double[rounds];
    double[] difference = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      boolean withFirst = (r & 1) == 1;
      double first = block(b, withFirst ? 1 : 0, ops, cpu);
      double second = block(b, withFirst ? 0 : 1, ops, cpu);
      without[r] = withFirst ? second : first;
      with[r] = withFirst ? first : second;
      difference[r] = with[r] - without[r];
      observe[r] = block(b, 2, ops, cpu);
    }
    System.out.printf(Locale.ROOT, "rounds %d, %d operations a block, thread CPU time per operation (ns)%n", rounds,
        ops);
    System.out.printf(Locale.ROOT, "guardWithoutDetection  median %8.1f  (p25 %.1f, p75 %.1f)%n", q(without, 0.5),
        q(without, 0.25), q(without, 0.75));
    System.out.printf(Locale.ROOT, "guardWithDetection     median %8.1f  (p25 %.1f, p75 %.1f)%n", q(with, 0.5),
        q(with, 0.25), q(with, 0.75));
    System.out.printf(Locale.ROOT, "observeOnly            median %8.1f  (p25 %.1f, p75 %.1f)%n", q(observe, 0.5),
        q(observe, 0.25), q(observe, 0.75));
    System.out.printf(Locale.ROOT, "with - without (paired) median %6.1f  (p25 %.1f, p75 %.1f); ratio of medians %.2f%n",
        q(difference, 0.5), q(difference, 0.25), q(difference, 0.75), q(with, 0.5) / q(without, 0.5));
  }

  /** One block of {@code ops} operations of {@code variant}; returns CPU nanoseconds per operation. */
  private static double block(AnomalyDetectionBenchmark b, int variant, int ops, ThreadMXBean cpu) {
    long start = cpu.getCurrentThreadCpuTime();
    Object last = null;
    for (int i = 0; i < ops; i++) {
      last = switch (variant) {
        case 0 -> b.guardWithoutDetection(null);
        case 1 -> b.guardWithDetection(null);
        default -> b.observeOnly(null);
      };
    }
    long spent = cpu.getCurrentThreadCpuTime() - start;
    sink = last;
    return (double) spent / ops;
  }

  private static double q(double[] values, double quantile) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))];
  }
}
