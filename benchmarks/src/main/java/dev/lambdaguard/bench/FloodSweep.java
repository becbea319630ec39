package dev.lambdaguard.bench;

import dev.lambdaguard.input.InjectionScanner;
import dev.lambdaguard.input.detect.Detector;
import dev.lambdaguard.input.detect.Detectors;
import dev.lambdaguard.input.detect.Normalized;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search for the worst case, wider than the benchmark's fixed shapes: 1 MiB floods of many short units, each as
 * it is, with every letter appended (which defeats the detectors' gates on a value's character set) and not exactly
 * periodic (see {@link AdversarialInputs#floodVaried}), scanned
 * with every category on and read to the end. Prints each flood's best time of a few runs and, for those over the
 * threshold, what each detector and the normalizer take. Times are the thread's CPU time, so other processes on a
 * busy machine do not inflate them; they are a finder, and {@code InputScanBenchmark.Adversarial} (JMH) measures
 * the shapes it finds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.FloodSweep [threshold ms=5] [unit ...]
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.FloodSweep --shape name ...
 * java -cp benchmarks/target/benchmarks.jar dev.lambdaguard.bench.FloodSweep --shapes
 * </pre>
 *
 * {@code --shape} measures benchmark shapes by name ({@link AdversarialInputs#oneMiB}, also {@code name+prose} for
 * any of them), with the breakdown; {@code --shapes} lists the names. One JVM measuring many inputs can leave a
 * detector in less optimized code for seconds after a burst of deoptimization (class loading deep in the run does
 * it), so compare shapes each in a JVM of its own: {@code for s in $(… --shapes); do … --shape "$s"; done}.
 */
public final class FloodSweep {

  /** Triggers and fragments of every category: calls, escapes, URLs, template and shell syntax, punctuation. */
  static final List<String> UNITS = List.of(
      "'", "\"", "<", ">", "(", ")", "[", "]", "{", "}", ";", "|", "&", "$", "`", "\\", "/", ":", "%", "#", "*",
      "=", ",", ".", "@", "!", "?", "~", "+", "-", "\n", "\r\n", "'||'", "||", "&&", "//", "\\\\", "::", ":/",
      "eval(", "Function(", "new Function(", "execScript(", "setTimeout(", "alert(", "prompt(", "document.write(",
      ".call(", ".apply(", "atob(", "import(", "constructor(", "open(", "range(", "getattr(", "sleep(", "char(",
      "a(", "a.b(", "=`", "\\u", "\\x", "\\\\u", "\\\\x", "\\u003c", "\\x3c", "\\u000a", "%u", "&#", "&#x", "&#60;",
      "&lt;", "&amp;lt;", "%3c", "%253c", "%0d%0a", "%0aLocation:", "'a'='a", "' or '", "a=b&", "a=b;", "/*a*/",
      "union select ", "*)(", ")(|", "(&", "(|", "${", "${IFS}", "$(", "&cat", "${jndi:", "${lower:", "${::-",
      "${env:", "${date:", "${7*7}", "#{7*7}", "*{", "{{", "{{config", "{%", "<%", "<#assign", "#set($", "@{",
      "<!DOCTYPE", "<?xml", "<!ENTITY", "<div", "</div>", "<br/>", "<svg/onload=", "<base href=", "/bin/", "/etc/",
      "/dev/tcp/", "~/.ssh", "..\\", "....//", "../", "..%2f", "C:\\Windows\\", "c:/boot.ini", "file://",
      "php://", "data://", "http://", "http://a", "http://127.1/", "http://0/", "http://0x7f.1/", "http://[::1]",
      "http://a@127.0.0.1/", "http://localhost:2773/", "//localhost", "[::ffff:", "gopher://", "jar:http://",
      "\\\\127.0.0.1\\", "Object.prototype.", "__proto__", ".__globals__", "__import__(", "{\"$gt\":", "\u560a",
      "\\nX:", ";C:\\a\\b ",
      // pairs and triples of fragments that a single one does not make: tagged templates, calls before markup
      "a`,", "1`;", "a.'=", "`'a'/", "eval<", "x(x({{", "\\/x(", ".|${", "${:a.", "x(`%", "'a'='aa(=",
      "'a'='a)a(");

  private static volatile Object sink;

  private FloodSweep() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--shapes")) {
      AdversarialInputs.SHAPES.forEach(System.out::println);
      return;
    }
    if (args.length > 0 && args[0].equals("--shape")) {
      InjectionScanner scanner = InjectionScanner.allCategories();
      for (String shape : List.of(args).subList(1, args.length)) {
        String input = AdversarialInputs.oneMiB(shape);
        System.out.printf(Locale.ROOT, "%-26s %8.2f ms  %s%n", shape,
            bestMillis(() -> scanner.scan(input), SHAPE_WARMUPS, SHAPE_RUNS), breakdown(input, SHAPE_RUNS));
      }
      return;
    }
    double threshold = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    List<String> units = args.length > 1 ? List.of(args).subList(1, args.length) : UNITS;
    InjectionScanner scanner = InjectionScanner.allCategories();
    List<String> over = new ArrayList<>();
    double worst = 0;
    for (String unit : units) {
      for (int mode = 0; mode < 3; mode++) {
        String input = mode == 0 ? AdversarialInputs.flood(unit) : mode == 1 ? AdversarialInputs.floodWithLetters(unit)
            : AdversarialInputs.floodVaried(unit);
        double ms = bestMillis(() -> scanner.scan(input));
        worst = Math.max(worst, ms);
        String name = printable(unit) + (mode == 1 ? " +letters" : mode == 2 ? " varied" : "");
        System.out.printf(Locale.ROOT, "%-26s %8.2f ms%n", name, ms);
        if (ms > threshold) {
          over.add(String.format(Locale.ROOT, "%-26s %8.2f ms  %s", name, ms, breakdown(input)));
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nworst %.2f ms; over %.1f ms: %d of %d%n", worst, threshold, over.size(),
        3 * units.size());
    over.forEach(System.out::println);
  }

  /** A shape's warm-up scans and measured runs (see {@link #bestMillis(java.util.function.Supplier, int, int)}). */
  private static final int SHAPE_WARMUPS = 20;
  private static final int SHAPE_RUNS = 20;

  /** The normalizer's and each detector's share, in ms, those over 0.5 ms. */
  private static String breakdown(String input) {
    return breakdown(input, 6);
  }

  private static String breakdown(String input, int runs) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "normalize=%.1f", bestMillis(() -> Normalized.of(input), 4, runs)));
    Normalized value = Normalized.of(input);
    for (Detector detector : Detectors.all()) {
      double ms = bestMillis(() -> detector.detect(value), 4, runs);
      if (ms > 0.5) {
        out.append(String.format(Locale.ROOT, " %s=%.1f",
            detector.getClass().getSimpleName().replace("Detector", ""), ms));
      }
    }
    return out.toString();
  }

  /** The least thread CPU time of a few runs after a warm-up, in ms. */
  static double bestMillis(java.util.function.Supplier<Object> job) {
    return bestMillis(job, 4, 6);
  }

  /**
   * The same with {@code warmups} and {@code runs} given: a megabyte scanned ten times leaves some of the detectors'
   * code not yet at its last tier, which a sweep of hundreds of floods accepts and a measure of one shape does not.
   */
  static double bestMillis(java.util.function.Supplier<Object> job, int warmups, int runs) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmups; i++) {
      sink = job.get();
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = cpu.getCurrentThreadCpuTime();
      sink = job.get();
      best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
    }
    return best / 1e6;
  }

  static String printable(String unit) {
    return unit.replace("\r", "\\r").replace("\n", "\\n");
  }
}
