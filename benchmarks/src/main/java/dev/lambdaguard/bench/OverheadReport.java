package dev.lambdaguard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GuardOverheadBenchmark} (or whatever JMH arguments select) and prints, from the same run, the
 * Markdown table BENCHMARKS.md records: each score with its error, and for every guarded variant the
 * overhead over {@code bare} in ns and the ratio guarded / bare.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.OverheadReport [JMH options]</pre>
 *
 * <p>Any JMH command-line option is accepted ({@code -f}, {@code -wi}, {@code -i}, {@code -prof gc},
 * {@code -rf json}...). The error of a difference is {@code sqrt(e1^2 + e2^2)} of the two 99.9% half-widths,
 * the error of a ratio the same in relative terms: approximations, stated as such.
 */
public final class OverheadReport {

  /** The target from the issue: the empty chain costs less than this per invocation. */
  static final double TARGET_OVERHEAD_NS = 1_000.0;

  private OverheadReport() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      builder.include(GuardOverheadBenchmark.class.getName() + "\\.");
    }
    Options options = builder.build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(report(results));
  }

  static String report(Collection<RunResult> results) {
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String full = r.getParams().getBenchmark();
      byName.put(full.substring(full.lastIndexOf('.') + 1), r);
    }
    RunResult bare = byName.get("bare");
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | score | error (99.9%) | unit | alloc B/op | guarded - bare (ns) | guarded / bare |\n");
    out.append("|---|---:|---:|---|---:|---:|---:|\n");
    List<String> verdicts = new ArrayList<>();
    for (Map.Entry<String, RunResult> e : byName.entrySet()) {
      Result<?> primary = e.getValue().getPrimaryResult();
      double score = primary.getScore();
      double error = primary.getScoreError();
      String diff = "";
      String ratio = "";
      if (bare != null && e.getValue() != bare) {
        Result<?> b = bare.getPrimaryResult();
        double d = score - b.getScore();
        double dErr = Math.hypot(error, b.getScoreError()); // NaN when either run has too few samples
        double q = score / b.getScore();
        double qErr = q * Math.hypot(error / score, b.getScoreError() / b.getScore());
        diff = fmt(d) + " ± " + fmt(dErr);
        ratio = fmt(q) + " ± " + fmt(qErr);
        if ("ns/op".equals(primary.getScoreUnit())) {
          String target = " the " + (int) TARGET_OVERHEAD_NS + " ns target";
          String verdict;
          if (Double.isNaN(dErr)) {
            verdict = (d < TARGET_OVERHEAD_NS ? "under" : "OVER") + target + " (no error estimate: too few iterations)";
          } else {
            verdict = (d + dErr < TARGET_OVERHEAD_NS ? "under" : d < TARGET_OVERHEAD_NS ? "probably under" : "OVER")
                + target;
          }
          verdicts.add(e.getKey() + ": overhead " + fmt(d) + " ± " + fmt(dErr) + " ns/op, " + verdict);
        }
      }
      out.append("| ").append(e.getKey())
          .append(" | ").append(fmt(score))
          .append(" | ± ").append(fmt(error))
          .append(" | ").append(primary.getScoreUnit())
          .append(" | ").append(allocation(e.getValue()))
          .append(" | ").append(diff)
          .append(" | ").append(ratio)
          .append(" |\n");
    }
    for (String v : verdicts) {
      out.append('\n').append(v);
    }
    return out.toString();
  }

  /** Bytes allocated per operation, when the run used {@code -prof gc}. */
  private static String allocation(RunResult run) {
    Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
    if (alloc == null) {
      alloc = run.getSecondaryResults().get("·gc.alloc.rate.norm");
    }
    return alloc == null ? "" : fmt(alloc.getScore());
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
