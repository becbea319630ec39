package dev.lambdaguard.bench;

import dev.lambdaguard.input.InjectionScanner;
import dev.lambdaguard.input.detect.Detection;
import dev.lambdaguard.input.detect.Normalized;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How fast the injection scanner reads text, every category on (issue #4: at least 100 MB/s on benign text):
 * the string values of realistic benign JSON bodies, the benign values of the development corpus, and the whole
 * corpus (attacks and benign). One operation scans the whole set; {@link #setUp} prints its size in characters,
 * so MB/s = chars / (ns/op) × 1000 (characters of these inputs are mostly one byte of UTF-8).
 *
 * <p>The corpus is read from {@code -Dlambdaguard.corpus} (default {@code ../shared/corpus/injection-dev.jsonl},
 * relative to the repository root the benchmarks are run from).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class InputScanBenchmark {

  InjectionScanner scanner;
  List<String> benignJsonValues;
  List<String> benignCorpus;
  List<String> wholeCorpus;

  @Setup(Level.Trial)
  public void setUp() {
    scanner = InjectionScanner.allCategories();
    benignJsonValues = stringValues(BenignBodies.orders(200, new Random(7)));
    benignCorpus = new ArrayList<>();
    wholeCorpus = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : corpusLines()) {
      JsonNode row = mapper.readTree(line);
      String value = row.get("value").asString();
      wholeCorpus.add(value);
      if (row.get("label").asString().equals("benign")) {
        benignCorpus.add(value);
      }
    }
    System.out.println();
    System.out.println("chars per op: benignJsonValues " + chars(benignJsonValues) + ", benignCorpus "
        + chars(benignCorpus) + ", wholeCorpus " + chars(wholeCorpus));
  }

  /** The floor any scanner pays: every character of the benign JSON values read once. Compare in the same run. */
  @Benchmark
  public void baselineReadEveryChar(Blackhole bh) {
    int sum = 0;
    for (String value : benignJsonValues) {
      for (int i = 0; i < value.length(); i++) {
        sum += value.charAt(i);
      }
    }
    bh.consume(sum);
  }

  @Benchmark
  public void benignJsonValues(Blackhole bh) {
    scanAll(benignJsonValues, bh);
  }

  @Benchmark
  public void benignCorpus(Blackhole bh) {
    scanAll(benignCorpus, bh);
  }

  @Benchmark
  public void wholeCorpus(Blackhole bh) {
    scanAll(wholeCorpus, bh);
  }

  private void scanAll(List<String> values, Blackhole bh) {
    for (String value : values) {
      List<Detection> found = scanner.scan(value);
      bh.consume(found);
    }
  }

  static long chars(List<String> values) {
    long n = 0;
    for (String v : values) {
      n += v.length();
    }
    return n;
  }

  static List<String> corpusLines() {
    Path path = Path.of(System.getProperty("lambdaguard.corpus", "../shared/corpus/injection-dev.jsonl"));
    try {
      return Files.readAllLines(path).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("corpus not found at " + path.toAbsolutePath() + " (set -Dlambdaguard.corpus)", e);
    }
  }

  static List<String> stringValues(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isString()) {
      out.add(node.asString());
    } else if (node.isObject()) {
      node.properties().forEach(e -> {
        out.add(e.getKey());
        collect(e.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }

  /**
   * One detector at a time over the same benign values, normalized beforehand (and the normalizer alone), to see
   * where the scan's time goes. Same units as above: ns per whole set of values.
   */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
  public static class PerDetector {

    @Param({"PrototypePollutionDetector", "XxeDetector", "CrlfDetector", "NoSqlDetector", "LdapDetector",
        "JndiDetector", "SstiDetector", "SsrfDetector", "CmdiDetector", "PathTraversalDetector", "XssDetector",
        "SqliDetector"})
    public String detector;

    @Param({"json", "corpus"})
    public String values;

    dev.lambdaguard.input.detect.Detector chosen;
    List<dev.lambdaguard.input.detect.Normalized> normalized;
    List<String> raw;

    @Setup(Level.Trial)
    public void setUp() {
      InputScanBenchmark sets = new InputScanBenchmark();
      sets.setUp();
      raw = values.equals("json") ? sets.benignJsonValues : sets.benignCorpus;
      normalized = raw.stream().map(dev.lambdaguard.input.detect.Normalized::of).toList();
      chosen = dev.lambdaguard.input.detect.Detectors.all().stream()
          .filter(d -> d.getClass().getSimpleName().equals(detector)).findFirst().orElseThrow();
    }

    @Benchmark
    public void detect(Blackhole bh) {
      for (dev.lambdaguard.input.detect.Normalized value : normalized) {
        bh.consume(chosen.detect(value));
      }
    }

    @Benchmark
    public void normalizeOnly(Blackhole bh) {
      for (String value : raw) {
        bh.consume(dev.lambdaguard.input.detect.Normalized.of(value));
      }
    }
  }

  /**
   * The worst case: 1 MiB inputs built to make a naive scanner slow (issue #4: at most 10 ms each). Each is a
   * near miss repeated, so no detector can stop at a first match.
   */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
  public static class Adversarial {

    @Param({"quotes", "percent", "tags", "lookups", "sqlwords", "entities", "comments", "parens", "dots", "mixed",
        "shellwords", "shellmix", "calls", "attributes", "markup", "images", "hrefs", "braces", "expressions", "urls",
        "emails", "escapes", "xmlcomments", "jsonkeys", "encodedpaths", "fullwidth", "marks", "tags+letters",
        "images+letters", "urls+letters", "shellwords+letters", "jsonkeys+letters", "evals", "functions",
        "templateticks", "jsescapes", "hexescapes", "hexurls", "ipv6urls", "starbraces", "opens", "formpairs",
        "evals+letters", "jsescapes+letters", "winpaths", "uncpaths", "userinfourls", "lookupmath+letters",
        "velocity", "escapedbreaks+letters", "semicolons+letters", "colons+letters", "backslashes+letters",
        "tagcalls+letters", "mixed+prose", "marks+prose", "winpaths+prose", "uncpaths+prose", "templateticks+prose"})
    public String shape;

    InjectionScanner scanner;
    String input;

    @Setup(Level.Trial)
    public void setUp() {
      scanner = InjectionScanner.allCategories();
      input = AdversarialInputs.oneMiB(shape);
    }

    /** Every category read to the end, as a monitoring policy needs. */
    @Benchmark
    public List<Detection> scanOneMiB() {
      return scanner.scan(input);
    }

    /**
     * What the guard runs with a blocking policy (the default): the same scan, ended by the first sure detection
     * (see {@code InputInspector}); the same as above for a shape in which no detector is sure.
     */
    @Benchmark
    public List<Detection> guardOneMiB() {
      return scanner.scan(Normalized.of(input), SURE);
    }

    private static final java.util.function.Predicate<Detection> SURE = d -> d.score() >= Detection.SURE;
  }
}
