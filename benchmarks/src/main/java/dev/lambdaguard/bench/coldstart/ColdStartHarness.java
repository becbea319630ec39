package dev.lambdaguard.bench.coldstart;

import dev.lambdaguard.bench.BenchIssuer;
import dev.lambdaguard.bench.Cpu;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Cold start, bare against guarded: for N rounds, launches a fresh JVM per run
 * ({@code java -cp <jar> dev.lambdaguard.bench.coldstart.ColdStartApp <variant> <event.json>}, with the
 * harness's own {@code java}) and measures the wall time from just before the process is started until it
 * prints its {@code RESPONSE} line, and until it has exited. The variants of a round (by default the pair bare,
 * guarded) run back to back, in an order rotated every round (bare first in even pairs, guarded first in odd
 * ones), so that drift on a noisy machine falls on all. Reports per variant the median, quartiles and minimum,
 * the ratio of the medians to bare, the median of the per-round ratios and the peak RSS the child reports.
 *
 * <p>By default the child runs with the JVM options the Lambda Java 17 and 21 runtimes set
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}); {@code --no-lambda-flags} drops them.
 * The child does not run the Lambda runtime interface client, whose own start-up the real bare baseline also
 * pays: the ratios here are therefore upper bounds of the ratios in Lambda.
 *
 * <p>Scenarios: {@code get} (HTTP API v2 {@code GET /orders/{id}}: no body, the JSON parser is never needed)
 * and {@code post} ({@code POST /orders} with a JSON body: the guard parses it strictly, which loads Jackson 3;
 * the bare handler gets no parsed body and answers 422 without parsing anything, so this pair shows the full
 * cost of loading the parser at first use).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.coldstart.ColdStartHarness [pairs] [options]
 *   --pairs N          measured rounds (pairs) per scenario (default 10)
 *   --warmup N         rounds run first and discarded, per scenario (default 2)
 *   --variants LIST    bare,guarded (default); also guarded-inventory, guarded-jwt, guarded-annotated, guarded-empty,
 *                      guarded-empty-noop, guarded-scan, guarded-input, guarded-apikey-ext, guarded-apikey-sdk,
 *                      guarded-emf, guarded-emflib, code-config, layer (see ColdStartApp; the last two also get
 *                      GUARD_* scope, rate-limit and input variables)
 *   --scenarios LIST   get,post (default both)
 *   --cp PATH          class path of the child (default: the harness's own)
 *   --get-event FILE   the GET event (default: the benchmark's copy of demo/01-get-order.json)
 *   --post-event FILE  the POST event (default: the benchmark's copy of demo/02-create-order.json)
 *   --jvm-arg ARG      an extra option for the child JVM; repeatable (e.g. --jvm-arg -Xshare:off)
 *   --no-lambda-flags  do not pass the Lambda runtime's default JVM options to the child
 *   --csv FILE         also write every run as CSV
 *   --idle-threshold P before each round wait (up to 120 s) until other processes use less than P% of the CPUs
 *                      (default 25; 100 disables); rounds during which the machine was busy are counted as noisy
 *   --classes          instead of timing: run each variant once with -Xlog:class+load and report the classes
 *                      guarded loads beyond bare, grouped by package, with class-file bytes
 *   --classes-out DIR  with --classes: also write the full lists there
 * </pre>
 */
public final class ColdStartHarness {

  private static final long CHILD_TIMEOUT_SECONDS = 120;

  /** The JVM options the Lambda Java 17 and 21 managed runtimes use by default. */
  static final List<String> LAMBDA_JVM_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String java;
  private final String classPath;
  private final List<String> jvmArgs;
  private final PrintStream out;
  private double idleThreshold = 100;
  private int noisyRounds;

  /** Environment variables every child gets (the token policy of the guarded-jwt variant). */
  Map<String, String> childEnvironment = Map.of();

  ColdStartHarness(String java, String classPath, List<String> jvmArgs, PrintStream out) {
    this.java = java;
    this.classPath = classPath;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int pairs = 10;
    int warmup = 2;
    List<String> scenarios = List.of("get", "post");
    List<String> variants = List.of("bare", "guarded");
    boolean lambdaFlags = true;
    double idleThreshold = 25;
    String cp = System.getProperty("java.class.path");
    Path getEvent = null;
    Path postEvent = null;
    List<String> jvmArgs = new ArrayList<>();
    Path csv = null;
    boolean classes = false;
    Path classesOut = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--pairs" -> pairs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--scenarios" -> scenarios = Arrays.asList(args[++i].split(","));
        case "--variants" -> variants = Arrays.asList(args[++i].split(","));
        case "--no-lambda-flags" -> lambdaFlags = false;
        case "--idle-threshold" -> idleThreshold = Double.parseDouble(args[++i]);
        case "--cp" -> cp = args[++i];
        case "--get-event" -> getEvent = Path.of(args[++i]);
        case "--post-event" -> postEvent = Path.of(args[++i]);
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        case "--csv" -> csv = Path.of(args[++i]);
        case "--classes" -> classes = true;
        case "--classes-out" -> classesOut = Path.of(args[++i]);
        case "-h", "--help" -> {
          System.out.println("usage: ColdStartHarness [pairs] [--pairs N] [--warmup N] [--scenarios get,post]"
              + " [--variants bare,guarded,guarded-inventory,guarded-jwt,guarded-annotated,guarded-empty,"
              + "guarded-empty-noop,guarded-scan,guarded-input,guarded-apikey-ext,guarded-apikey-sdk,guarded-emf,"
              + "guarded-emflib,code-config,layer]"
              + " [--cp PATH] [--get-event FILE]"
              + " [--post-event FILE] [--jvm-arg ARG]... [--no-lambda-flags] [--csv FILE] [--idle-threshold P]"
              + " [--classes [--classes-out DIR]]");
          return;
        }
        default -> {
          if (a.matches("\\d+")) {
            pairs = Integer.parseInt(a);
          } else {
            throw new IllegalArgumentException("unknown argument: " + a);
          }
        }
      }
    }
    if (pairs < 1 || warmup < 0) {
      throw new IllegalArgumentException("--pairs must be at least 1 and --warmup at least 0");
    }
    if (!variants.contains("bare")) {
      throw new IllegalArgumentException("--variants must include bare, the baseline");
    }
    for (String v : variants) {
      if (!ColdStartApp.isVariant(v)) {
        throw new IllegalArgumentException("unknown variant: " + v);
      }
    }
    if (lambdaFlags) {
      jvmArgs.addAll(0, LAMBDA_JVM_FLAGS);
    }
    Path tmp = Files.createTempDirectory("lambdaguard-coldstart");
    // guarded-jwt verifies a real token with keys from a local JWKS file: mint both now, nothing is stored.
    BenchIssuer issuer = new BenchIssuer();
    Path jwksFile = Files.writeString(tmp.resolve("jwks.json"), issuer.jwks());
    String token = issuer.token();
    // The API-key variants read their keys from a secret: loopback Secrets Manager and extension stand-ins.
    BenchSecretStores stores = variants.stream().anyMatch(ColdStartApp::usesSecrets) ? BenchSecretStores.start() : null;
    Map<String, Path> events = new LinkedHashMap<>();
    for (String s : scenarios) {
      switch (s) {
        case "get" -> events.put(s, getEvent != null ? getEvent
            : withCredentials(extract("http-api-v2-get-order.json", tmp), token, stores));
        case "post" -> events.put(s, postEvent != null ? postEvent
            : withCredentials(extract("http-api-v2-post-order.json", tmp), token, stores));
        default -> throw new IllegalArgumentException("unknown scenario: " + s + " (get, post)");
      }
    }
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ColdStartHarness harness = new ColdStartHarness(java, cp, jvmArgs, System.out);
    Map<String, String> environment = new java.util.HashMap<>(issuer.environment(jwksFile.toString()));
    if (variants.stream().anyMatch(ColdStartApp::usesGuardEnvironment)) {
      environment.putAll(issuer.guardEnvironment());
    }
    if (stores != null) {
      environment.putAll(stores.environment());
    }
    harness.childEnvironment = Map.copyOf(environment);
    harness.idleThreshold = idleThreshold;
    try {
      harness.run(events, variants, pairs, warmup, classes, classesOut, csv, tmp);
    } finally {
      if (stores != null) {
        stores.close();
      }
    }
  }

  private void run(Map<String, Path> events, List<String> variants, int pairs, int warmup, boolean classes,
      Path classesOut, Path csv, Path tmp) throws Exception {
    describe();
    if (classes) {
      for (Map.Entry<String, Path> e : events.entrySet()) {
        for (String v : variants) {
          if (!v.equals("bare")) {
            classLoadDiff(e.getKey(), v, e.getValue(), tmp, classesOut);
          }
        }
      }
      return;
    }
    System.out.println("rounds per scenario: " + pairs + " measured, " + warmup + " warm-up (discarded); variants "
        + String.join(",", variants));
    List<Run> all = new ArrayList<>();
    for (Map.Entry<String, Path> e : events.entrySet()) {
      all.addAll(measure(e.getKey(), e.getValue(), variants, pairs, warmup));
    }
    System.out.println();
    System.out.println(summary(all, variants, pairs, warmup, jvmArgs));
    if (idleThreshold < 100) {
      System.out.println("rounds that had to start on a busy machine, or during which other processes used more than "
          + idleThreshold + "% of the CPUs: " + noisyRounds + " (kept in the statistics)");
    }
    if (csv != null) {
      writeCsv(all, csv);
      System.out.println("raw runs written to " + csv);
    }
  }

  private void describe() {
    out.println("java: " + java + " (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)");
    out.println("child: " + String.join(" ", command("<variant>", Path.of("<event.json>"), List.of())));
  }

  /** One launch of the child. */
  record Run(String scenario, String variant, int pair, boolean warmup, int status, double responseMs, double exitMs,
      long peakRssKb, long cpuTicks, int otherLines) {}

  List<Run> measure(String scenario, Path event, List<String> variants, int pairs, int warmup)
      throws IOException, InterruptedException {
    List<Run> runs = new ArrayList<>();
    int n = variants.size();
    for (int p = -warmup; p < pairs; p++) {
      // Rotate the order every round: with two variants, bare first in even rounds and last in odd ones.
      List<String> order = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        order.add(variants.get(Math.floorMod(k - p, n)));
      }
      boolean quietBefore = Cpu.waitForIdle(idleThreshold, 120, out);
      long[] before = Cpu.systemTimes();
      long selfBefore = Cpu.selfTicks();
      long childTicks = 0;
      for (String variant : order) {
        Run run = launch(scenario, variant, event, p, p < 0);
        runs.add(run);
        childTicks += Math.max(0, run.cpuTicks);
        out.printf(Locale.ROOT, "%-4s %-18s %s %3d  status %d  response %7.1f ms  exit %7.1f ms  peak RSS %6.1f MiB%n",
            scenario, variant, run.warmup ? "warm-up" : "pair   ", p, run.status, run.responseMs, run.exitMs,
            run.peakRssKb / 1024.0);
      }
      double othersPercent = Cpu.othersPercent(before, selfBefore, Cpu.systemTimes(), Cpu.selfTicks(), childTicks);
      if (idleThreshold < 100 && p >= 0 && (!quietBefore || othersPercent >= idleThreshold)) {
        noisyRounds++;
        out.printf(Locale.ROOT, "     (round %d: other processes used about %.0f%% of the CPUs during it)%n", p,
            othersPercent);
      }
    }
    return runs;
  }

  private List<String> command(String variant, Path event, List<String> extraJvmArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmArgs);
    cmd.addAll(extraJvmArgs);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(ColdStartApp.class.getName());
    cmd.add(variant);
    cmd.add(event.toString());
    return cmd;
  }

  Run launch(String scenario, String variant, Path event, int pair, boolean warmup)
      throws IOException, InterruptedException {
    return launch(scenario, variant, event, pair, warmup, List.of());
  }

  private Run launch(String scenario, String variant, Path event, int pair, boolean warmup, List<String> extraJvmArgs)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command(variant, event, extraJvmArgs));
    pb.environment().putAll(childEnvironment);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long start = System.nanoTime();
    Process process = pb.start();
    long responseAt = -1;
    int status = -1;
    long peak = -1;
    long ticks = -1;
    int other = 0;
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException ignored) {
        // the run finished
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (responseAt < 0 && line.startsWith(ColdStartApp.RESPONSE_PREFIX)) {
          responseAt = System.nanoTime();
          status = Integer.parseInt(line.substring(ColdStartApp.RESPONSE_PREFIX.length()).trim());
        } else if (line.startsWith(ColdStartApp.PEAK_RSS_PREFIX)) {
          peak = Long.parseLong(line.substring(ColdStartApp.PEAK_RSS_PREFIX.length()).trim());
        } else if (line.startsWith(ColdStartApp.CPU_TICKS_PREFIX)) {
          ticks = Long.parseLong(line.substring(ColdStartApp.CPU_TICKS_PREFIX.length()).trim());
        } else {
          other++; // the guard's init and allow event lines
        }
      }
    }
    int exit = process.waitFor();
    long exitAt = System.nanoTime();
    watchdog.interrupt();
    if (exit != 0 || responseAt < 0) {
      throw new IllegalStateException(scenario + "/" + variant + " run " + pair + " failed: exit " + exit
          + (responseAt < 0 ? ", no RESPONSE line" : "") + "; command: " + String.join(" ", pb.command()));
    }
    return new Run(scenario, variant, pair, warmup, status, (responseAt - start) / 1e6, (exitAt - start) / 1e6, peak,
        ticks, other);
  }

  // ---------------------------------------------------------------- statistics and report

  static String summary(List<Run> all, List<String> variants, int pairs, int warmup, List<String> jvmArgs) {
    StringBuilder sb = new StringBuilder();
    Map<String, List<Run>> byScenario = new LinkedHashMap<>();
    for (Run r : all) {
      if (!r.warmup) {
        byScenario.computeIfAbsent(r.scenario, k -> new ArrayList<>()).add(r);
      }
    }
    sb.append("Cold start, ").append(pairs).append(" measured rounds per scenario (").append(warmup)
        .append(" warm-up rounds discarded), child JVM options: ")
        .append(jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs))
        .append("; times in ms from just before process start; CPU = the child's user+system time (10 ms ticks, "
            + "all its threads); RSS = peak VmHWM\n\n");
    sb.append("| scenario | variant | status | median to RESPONSE | p25 | p75 | min | median to exit | median CPU user+sys "
        + "| median peak RSS (MiB) |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    StringBuilder ratios = new StringBuilder();
    ratios.append("| scenario | variant | ratio of medians (to RESPONSE) | median of per-round ratios | p25 | p75 "
        + "| median per-round difference (ms) | ratio of medians (to exit) | peak RSS difference (MiB) |\n");
    ratios.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<Run>> e : byScenario.entrySet()) {
      Map<String, Map<Integer, Run>> byVariant = new LinkedHashMap<>();
      for (String v : variants) {
        byVariant.put(v, new LinkedHashMap<>());
      }
      for (Run r : e.getValue()) {
        byVariant.get(r.variant).put(r.pair, r);
      }
      for (Map.Entry<String, Map<Integer, Run>> v : byVariant.entrySet()) {
        List<Run> runs = new ArrayList<>(v.getValue().values());
        double[] resp = sorted(runs, Run::responseMs);
        Set<Integer> statuses = new TreeSet<>();
        runs.forEach(r -> statuses.add(r.status));
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f |%n",
            e.getKey(), v.getKey(), statuses.toString().replaceAll("[\\[\\] ]", ""),
            quantile(resp, 0.5), quantile(resp, 0.25), quantile(resp, 0.75), resp[0],
            quantile(sorted(runs, Run::exitMs), 0.5), quantile(sorted(runs, r -> r.cpuTicks * Cpu.MS_PER_TICK), 0.5),
            quantile(sorted(runs, r -> r.peakRssKb / 1024.0), 0.5)));
      }
      List<Run> bareRuns = new ArrayList<>(byVariant.get("bare").values());
      for (Map.Entry<String, Map<Integer, Run>> v : byVariant.entrySet()) {
        if (v.getKey().equals("bare")) {
          continue;
        }
        List<Run> runs = new ArrayList<>(v.getValue().values());
        List<Double> roundRatios = new ArrayList<>();
        List<Double> roundDiffs = new ArrayList<>();
        for (Run g : runs) {
          Run b = byVariant.get("bare").get(g.pair);
          if (b != null) {
            roundRatios.add(g.responseMs / b.responseMs);
            roundDiffs.add(g.responseMs - b.responseMs);
          }
        }
        double[] pr = roundRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] pd = roundDiffs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        ratios.append(String.format(Locale.ROOT, "| %s | %s | %.3f× | %.3f× | %.3f | %.3f | %+.1f | %.3f× | %+.1f |%n",
            e.getKey(), v.getKey(),
            median(sorted(runs, Run::responseMs)) / median(sorted(bareRuns, Run::responseMs)),
            quantile(pr, 0.5), quantile(pr, 0.25), quantile(pr, 0.75), quantile(pd, 0.5),
            median(sorted(runs, Run::exitMs)) / median(sorted(bareRuns, Run::exitMs)),
            median(sorted(runs, r -> r.peakRssKb / 1024.0)) - median(sorted(bareRuns, r -> r.peakRssKb / 1024.0))));
      }
    }
    sb.append('\n').append(ratios);
    return sb.toString();
  }

  private static double[] sorted(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    return runs.stream().mapToDouble(f).sorted().toArray();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /** Linear-interpolated quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  private static void writeCsv(List<Run> runs, Path csv) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("scenario,variant,pair,warmup,status,response_ms,exit_ms,peak_rss_kb,cpu_ticks");
    for (Run r : runs) {
      lines.add(String.format(Locale.ROOT, "%s,%s,%d,%b,%d,%.3f,%.3f,%d,%d", r.scenario, r.variant, r.pair, r.warmup,
          r.status, r.responseMs, r.exitMs, r.peakRssKb, r.cpuTicks));
    }
    Files.write(csv, lines);
  }

  /** The event with an {@code authorization: Bearer} header; every variant gets the same bytes. */
  /** The bearer token for the JWT variants and, when the stores run, the API key for the API-key variants. */
  static Path withCredentials(Path event, String token, BenchSecretStores stores) throws IOException {
    tools.jackson.databind.ObjectMapper mapper = new tools.jackson.databind.ObjectMapper();
    tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode) mapper.readTree(event.toFile());
    tools.jackson.databind.node.ObjectNode headers = (tools.jackson.databind.node.ObjectNode) json.get("headers");
    headers.put("authorization", "Bearer " + token);
    if (stores != null) {
      headers.put("x-api-key", stores.apiKey());
    }
    Files.writeString(event, mapper.writeValueAsString(json));
    return event;
  }

  static Path extract(String name, Path dir) {
    try (InputStream in = ColdStartHarness.class.getResourceAsStream("/bench-events/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /bench-events/" + name);
      }
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- class-load analysis

  /** One class as -Xlog:class+load reports it. */
  record Loaded(String name, String source) {}

  void classLoadDiff(String scenario, String variant, Path event, Path tmp, Path outDir)
      throws IOException, InterruptedException {
    List<Loaded> bare = loadedClasses(scenario, "bare", event, tmp);
    List<Loaded> guarded = loadedClasses(scenario, variant, event, tmp);
    List<Loaded> extra = minus(guarded, bare);
    List<Loaded> missing = minus(bare, guarded);
    out.println();
    out.printf(Locale.ROOT, "Classes loaded, scenario %s: bare %d, %s %d; %s loads %d that bare does not "
        + "(bare loads %d that %s does not)%n", scenario, bare.size(), variant, guarded.size(), variant, extra.size(),
        missing.size(), variant);
    Map<String, long[]> bySource = new LinkedHashMap<>();
    Map<String, long[]> byGroup = new HashMap<>();
    long totalBytes = 0;
    for (Loaded l : extra) {
      long bytes = classFileBytes(l.name);
      totalBytes += bytes;
      long[] s = bySource.computeIfAbsent(sourceKind(l), k -> new long[2]);
      s[0]++;
      s[1] += bytes;
      long[] g = byGroup.computeIfAbsent(group(l.name), k -> new long[2]);
      g[0]++;
      g[1] += bytes;
    }
    out.println();
    out.println("| loaded from (" + variant + " only) | classes | class-file KiB |");
    out.println("|---|---:|---:|");
    bySource.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
        .forEach(e -> out.printf(Locale.ROOT, "| %s | %d | %.1f |%n", e.getKey(), e.getValue()[0],
            e.getValue()[1] / 1024.0));
    out.printf(Locale.ROOT, "| **total** | **%d** | **%.1f** |%n", extra.size(), totalBytes / 1024.0);
    out.println();
    out.println("| package group (" + variant + " only) | classes | class-file KiB |");
    out.println("|---|---:|---:|");
    byGroup.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(25)
        .forEach(e -> out.printf(Locale.ROOT, "| %s | %d | %.1f |%n", e.getKey(), e.getValue()[0],
            e.getValue()[1] / 1024.0));
    if (byGroup.size() > 25) {
      out.println("| (" + (byGroup.size() - 25) + " more groups) | | |");
    }
    if (!missing.isEmpty()) {
      List<String> names = new ArrayList<>();
      missing.forEach(l -> names.add(l.name));
      out.println();
      out.println("loaded by bare only: " + String.join(", ", names));
    }
    if (outDir != null) {
      Files.createDirectories(outDir);
      Files.write(outDir.resolve(scenario + "-" + variant + "-only.txt"), lines(extra));
      Files.write(outDir.resolve(scenario + "-bare-only-vs-" + variant + ".txt"), lines(missing));
      Files.write(outDir.resolve(scenario + "-bare-all.txt"), lines(bare));
      Files.write(outDir.resolve(scenario + "-" + variant + "-all.txt"), lines(guarded));
      out.println("lists written to " + outDir);
    }
  }

  private static List<String> lines(List<Loaded> loaded) {
    List<String> lines = new ArrayList<>();
    for (Loaded l : loaded) {
      lines.add(l.name + "\t" + l.source);
    }
    return lines;
  }

  /**
   * The classes of {@code a} that {@code b} does not have, as a multiset on the normalized name: hidden classes
   * (lambdas, LambdaForms) are numbered and addressed differently in every process, so they compare by host and
   * count rather than by name.
   */
  static List<Loaded> minus(List<Loaded> a, List<Loaded> b) {
    Map<String, Integer> available = new HashMap<>();
    for (Loaded l : b) {
      available.merge(normalize(l.name), 1, Integer::sum);
    }
    List<Loaded> result = new ArrayList<>();
    for (Loaded l : a) {
      String key = normalize(l.name);
      int n = available.getOrDefault(key, 0);
      if (n > 0) {
        available.put(key, n - 1);
      } else {
        result.add(l);
      }
    }
    return result;
  }

  private List<Loaded> loadedClasses(String scenario, String variant, Path event, Path tmp)
      throws IOException, InterruptedException {
    Path log = tmp.resolve(scenario + "-" + variant + "-classload.log");
    Files.deleteIfExists(log);
    launch(scenario, variant, event, 0, false, List.of("-Xlog:class+load=info:file=" + log));
    List<Loaded> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      int close = line.lastIndexOf("] ", line.indexOf(" source: ") < 0 ? line.length() : line.indexOf(" source: "));
      if (close < 0) {
        continue;
      }
      String rest = line.substring(close + 2);
      int src = rest.indexOf(" source: ");
      String name = src < 0 ? rest.trim() : rest.substring(0, src).trim();
      String source = src < 0 ? "" : rest.substring(src + " source: ".length()).trim();
      loaded.add(new Loaded(name, source));
    }
    return loaded;
  }

  /** A name without the per-process parts of hidden classes ({@code $$Lambda$17/0x...} becomes {@code $$Lambda}). */
  static String normalize(String name) {
    String n = name.replaceAll("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda");
    int slash = n.indexOf("/0x");
    return slash < 0 ? n : n.substring(0, slash);
  }

  private static boolean isHidden(String name) {
    return name.contains("/0x");
  }

  private static String sourceKind(Loaded l) {
    String source = l.source;
    if (isHidden(l.name)) {
      return source.startsWith("shared objects file")
          ? "JDK, CDS archive: archived lambda (cheap)"
          : "generated at run time (lambdas, LambdaForms, proxies)";
    }
    if (source.startsWith("shared objects file")) {
      return "JDK, CDS archive (cheap)";
    }
    if (source.startsWith("jrt:/")) {
      return "JDK, not in the CDS archive (parsed)";
    }
    if (source.startsWith("file:") || source.startsWith("jar:")) {
      return "application jar (parsed, verified)";
    }
    return "generated at run time (lambdas, LambdaForms, proxies)";
  }

  /** A readable package group: hidden classes together, JDK packages as they are, others to three segments. */
  static String group(String className) {
    if (isHidden(className) || className.contains("$$Lambda")) {
      return "(hidden classes: lambdas, LambdaForms)";
    }
    int lastDot = className.lastIndexOf('.');
    String pkg = lastDot < 0 ? "(default)" : className.substring(0, lastDot);
    if (pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")) {
      return pkg;
    }
    if (pkg.startsWith("com.amazonaws.lambda.thirdparty.")) {
      String[] seg = pkg.substring("com.amazonaws.lambda.thirdparty.".length()).split("\\.");
      return "com.amazonaws.lambda.thirdparty." + String.join(".", Arrays.copyOf(seg, Math.min(4, seg.length)))
          + " (runtime's shaded lib)";
    }
    String[] seg = pkg.split("\\.");
    return String.join(".", Arrays.copyOf(seg, Math.min(3, seg.length)));
  }

  /** The size of a class file as found on the harness's class path (the child's), or 0 for generated classes. */
  private static long classFileBytes(String className) {
    if (isHidden(className)) {
      return 0;
    }
    URL url = ClassLoader.getSystemResource(className.replace('.', '/') + ".class");
    if (url == null) {
      return 0;
    }
    try {
      URLConnection c = url.openConnection();
      long n = c.getContentLengthLong();
      if (n < 0) {
        try (InputStream in = c.getInputStream()) {
          n = in.readAllBytes().length;
        }
      }
      return n;
    } catch (IOException e) {
      return 0;
    }
  }
}
