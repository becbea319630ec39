package dev.lambdaguard.bench.anomaly;

import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.anomaly.AnomalyType;
import dev.lambdaguard.aws.anomaly.RedisSharedFailures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates traces for several seeds, replays each through the guarded orders function and prints precision,
 * recall and time to detect per detector, per seed and over all seeds (mean and worst), as a Markdown table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.anomaly.AnomalySimulation \
 *     [seeds=5] [full|small] [first seed=1] [environments=1] [explain] [redis://127.0.0.1:6379 to share failures]
 * </pre>
 */
public final class AnomalySimulation {

  /** Every seed's scores. */
  public record Report(List<Map<AnomalyType, DetectionScore>> perSeed, List<Integer> requestsPerSeed) {

    /** The mean of a detector's precision over seeds where it reported something. */
    public double meanPrecision(AnomalyType type) {
      return mean(values(type, true));
    }

    public double minPrecision(AnomalyType type) {
      return min(values(type, true));
    }

    public double meanRecall(AnomalyType type) {
      return mean(values(type, false));
    }

    public double minRecall(AnomalyType type) {
      return min(values(type, false));
    }

    /** Strict precision over all seeds' alerts pooled. */
    public double pooledStrictPrecision(AnomalyType type) {
      int alerts = 0;
      int hits = 0;
      for (Map<AnomalyType, DetectionScore> seed : perSeed) {
        alerts += seed.get(type).alerts();
        hits += seed.get(type).strictTruePositives();
      }
      return alerts == 0 ? Double.NaN : (double) hits / alerts;
    }

    public List<Long> timesToDetect(AnomalyType type) {
      List<Long> all = new ArrayList<>();
      for (Map<AnomalyType, DetectionScore> seed : perSeed) {
        all.addAll(seed.get(type).timesToDetectMillis());
      }
      Collections.sort(all);
      return all;
    }

    private List<Double> values(AnomalyType type, boolean precision) {
      List<Double> values = new ArrayList<>();
      for (Map<AnomalyType, DetectionScore> seed : perSeed) {
        double v = precision ? seed.get(type).precision() : seed.get(type).recall();
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
      return values;
    }

    private static double mean(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double min(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
  }

  private AnomalySimulation() {}

  /** Runs seeds {@code 1..seeds} at {@code scale} with {@code policy}, in one execution environment. */
  public static Report run(int seeds, TraceGenerator.Scale scale, AnomalyPolicy policy) {
    return run(1, seeds, scale, policy, 1);
  }

  /** Runs seeds {@code first..first+seeds-1}, each trace spread over {@code environments} environments. */
  public static Report run(int first, int seeds, TraceGenerator.Scale scale, AnomalyPolicy policy,
      int environments) {
    return run(first, seeds, scale, policy, environments, null);
  }

  /**
   * The same; with {@code sharedRedis} (a Redis URI), the environments count failed authentications together in
   * that Redis ({@link RedisSharedFailures}), each seed under keys of its own.
   */
  public static Report run(int first, int seeds, TraceGenerator.Scale scale, AnomalyPolicy policy,
      int environments, String sharedRedis) {
    List<Map<AnomalyType, DetectionScore>> perSeed = new ArrayList<>();
    List<Integer> requests = new ArrayList<>();
    String run = Long.toHexString(System.nanoTime());
    for (int seed = first; seed < first + seeds; seed++) {
      TraceGenerator.Trace trace = TraceGenerator.generate(seed, scale);
      TraceReplay.Result result;
      if (sharedRedis == null) {
        result = TraceReplay.replay(trace, policy, environments);
      } else {
        // Timeouts for a replay, not a function: the first connect of a cold JVM takes about a second, and a
        // failed call leaves the environment counting alone for the back-off, seconds of real time that a replay
        // spends on minutes of simulated traffic.
        try (RedisSharedFailures shared = RedisSharedFailures.builder(sharedRedis)
            .keyPrefix("lambdaguard-sim:" + run + ":" + seed + ":")
            .commandTimeout(java.time.Duration.ofSeconds(2)).connectTimeout(java.time.Duration.ofSeconds(5)).build()) {
          result = TraceReplay.replay(trace, policy.toBuilder().sharedFailures(shared).build(), environments);
        }
      }
      perSeed.add(DetectionScore.score(trace, result));
      requests.add(trace.requests().size());
    }
    return new Report(perSeed, requests);
  }

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    TraceGenerator.Scale scale = args.length > 1 && args[1].equals("small")
        ? TraceGenerator.Scale.small() : TraceGenerator.Scale.full();
    int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int environments = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<String> flags = List.of(args).subList(Math.min(4, args.length), args.length);
    String sharedRedis = flags.stream().filter(f -> f.startsWith("redis")).findFirst().orElse(null);
    long started = System.nanoTime();
    if (flags.contains("explain")) {
      explainFalsePositives(first, seeds, scale, AnomalyPolicy.defaults(), environments);
    }
    Report report = run(first, seeds, scale, AnomalyPolicy.defaults(), environments, sharedRedis);
    System.out.print(markdown(report));
    System.out.printf(Locale.ROOT, "%nseeds %d..%d, %d environment(s)%s, %s requests, replayed in %.1f s%n", first,
        first + seeds - 1, environments, sharedRedis == null ? "" : ", failures shared in Redis",
        report.requestsPerSeed(), (System.nanoTime() - started) / 1e9);
  }

  /**
   * Prints every false positive with what the request was, to see what honest traffic trips a detector, and every
   * campaign no alert detected, to see what slips through.
   */
  static void explainFalsePositives(int first, int seeds, TraceGenerator.Scale scale, AnomalyPolicy policy,
      int environments) {
    for (int seed = first; seed < first + seeds; seed++) {
      TraceGenerator.Trace trace = TraceGenerator.generate(seed, scale);
      TraceReplay.Result result = TraceReplay.replay(trace, policy, environments);
      List<TraceReplay.Alert> alerts = result.alerts();
      java.util.Set<Actor> detected = new java.util.HashSet<>();
      for (TraceReplay.Alert alert : alerts) {
        Actor campaign = DetectionScore.strictCampaign(trace, result, alert);
        if (campaign != null) {
          detected.add(campaign);
        }
      }
      for (Actor actor : trace.actors()) {
        if (actor.kind().detectedBy() != null && !detected.contains(actor)) {
          long requests = trace.requests().stream().filter(r -> r.actor() == actor).count();
          long addresses = trace.requests().stream().filter(r -> r.actor() == actor).map(SimRequest::ip).distinct()
              .count();
          System.out.printf(Locale.ROOT, "seed %d missed: %s #%d, %d requests from %d addresses from +%.1f min%n",
              seed, actor.kind(), actor.id(), requests, addresses, (actor.start() - TraceGenerator.START) / 60_000.0);
        }
      }
      for (TraceReplay.Alert alert : alerts) {
        if (!DetectionScore.isTruePositive(trace, result, alert)) {
          SimRequest r = alert.request();
          System.out.printf(Locale.ROOT, "seed %d false positive: %s %s=%s observed %.1f, request of %s #%d from %s %s at +%.1f min%n",
              seed, alert.anomaly().feature(), alert.anomaly().keyKind(), alert.anomaly().key(),
              alert.anomaly().observed(), r.actor().kind(), r.actor().id(), r.ip(), r.path(),
              (r.at() - TraceGenerator.START) / 60_000.0);
        }
      }
    }
  }

  /** The report as Markdown: one summary table, then one line per seed and detector. */
  public static String markdown(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("| detector | precision mean (min) | strict precision | recall mean (min) | alerts | campaigns found |"
        + " time to detect median (max) |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    for (AnomalyType type : AnomalyType.values()) {
      int alerts = 0;
      int campaigns = 0;
      int detected = 0;
      for (Map<AnomalyType, DetectionScore> seed : report.perSeed()) {
        alerts += seed.get(type).alerts();
        campaigns += seed.get(type).campaigns();
        detected += seed.get(type).detected();
      }
      List<Long> ttd = report.timesToDetect(type);
      sb.append(String.format(Locale.ROOT, "| %s | %s (%s) | %s | %s (%s) | %d | %d of %d | %s (%s) |%n", type.code(),
          ratio(report.meanPrecision(type)), ratio(report.minPrecision(type)),
          ratio(report.pooledStrictPrecision(type)), ratio(report.meanRecall(type)),
          ratio(report.minRecall(type)), alerts, detected, campaigns,
          ttd.isEmpty() ? "-" : duration(ttd.get(ttd.size() / 2)), ttd.isEmpty() ? "-" : duration(ttd.get(ttd.size() - 1))));
    }
    sb.append("\n| seed | detector | alerts | true positives | strict | campaigns found |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < report.perSeed().size(); i++) {
      for (DetectionScore score : report.perSeed().get(i).values()) {
        sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %d of %d |%n", i + 1, score.type().code(),
            score.alerts(), score.truePositives(), score.strictTruePositives(), score.detected(), score.campaigns()));
      }
    }
    return sb.toString();
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String duration(long millis) {
    return millis < 120_000 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
  }
}
