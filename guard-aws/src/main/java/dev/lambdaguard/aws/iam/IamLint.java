package dev.lambdaguard.aws.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The IAM policy linter as a command:
 *
 * <pre>
 * java -jar guard-aws/target/guard-aws-VERSION-iam-lint.jar \
 *     [--format text|json] [--fail-on high|medium|low|never] FILE...
 * </pre>
 *
 * <p>Each file is a SAM/CloudFormation template or an IAM policy document, JSON or YAML; a directory stands for
 * the {@code *.yaml} and {@code *.yml} files in it and its subdirectories (not {@code target}, {@code src} or
 * hidden ones), up to {@value #MAX_DEPTH} levels down. Exit status: 0 when no
 * finding is at or above the {@code --fail-on} severity ({@code high} by default), 1 when one is, 2 when the
 * command line is wrong or a file cannot be read or parsed (the linter fails closed: an unreadable template
 * does not pass).
 */
public final class IamLint {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int UNUSABLE = 2;
  /** Larger than any template CloudFormation or SAM accepts. */
  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
  static final int MAX_DEPTH = 3;

  private IamLint() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String format = "text";
    String failOn = "high";
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--format" -> format = i + 1 < args.length ? args[++i] : "";
        case "--fail-on" -> failOn = i + 1 < args.length ? args[++i] : "";
        case "-h", "--help" -> {
          out.println(USAGE);
          return OK;
        }
        default -> {
          if (args[i].startsWith("--")) {
            err.println("unknown option " + args[i] + "\n" + USAGE);
            return UNUSABLE;
          }
          Path path;
          try {
            path = Path.of(args[i]);
          } catch (IllegalArgumentException e) {
            err.println("not a path: " + args[i]);
            return UNUSABLE;
          }
          if (Files.isDirectory(path)) {
            List<Path> templates = templatesIn(path);
            if (templates.isEmpty()) {
              err.println(path + ": no *.yaml or *.yml template in this directory");
              return UNUSABLE;
            }
            files.addAll(templates);
          } else {
            files.add(path);
          }
        }
      }
    }
    Severity threshold;
    try {
      threshold = failOn.equals("never") ? null : Severity.of(failOn);
    } catch (IllegalArgumentException e) {
      err.println("--fail-on must be high, medium, low or never\n" + USAGE);
      return UNUSABLE;
    }
    if (!format.equals("text") && !format.equals("json")) {
      err.println("--format must be text or json\n" + USAGE);
      return UNUSABLE;
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return UNUSABLE;
    }
    Map<String, List<IamFinding>> results = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        results.put(file.toString(), IamLinter.lint(read(file)));
      } catch (IOException e) {
        err.println(file + ": cannot be linted: unreadable (" + e.getClass().getSimpleName() + ")");
        return UNUSABLE;
      } catch (IllegalArgumentException e) {
        err.println(file + ": cannot be linted: " + e.getMessage());
        return UNUSABLE;
      } catch (RuntimeException e) {
        // Fail closed: a template the linter cannot follow does not pass.
        err.println(file + ": cannot be linted: " + e.getClass().getSimpleName());
        return UNUSABLE;
      }
    }
    out.print(format.equals("json") ? LintReport.json(results) : LintReport.text(results));
    for (List<IamFinding> findings : results.values()) {
      for (IamFinding finding : findings) {
        if (threshold != null && finding.severity().compareTo(threshold) >= 0) {
          return FINDINGS;
        }
      }
    }
    return OK;
  }

  /**
   * The YAML templates in {@code dir} and its subdirectories, at most {@value #MAX_DEPTH} levels down, by path;
   * build output ({@code target}), sources ({@code src}) and hidden directories are left out. Unreadable means
   * none, which fails the run.
   */
  private static List<Path> templatesIn(Path dir) {
    try (Stream<Path> entries = Files.walk(dir, MAX_DEPTH)) {
      return entries.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .filter(p -> !skipped(dir.relativize(p)))
          .sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.equals("target") || name.equals("src") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** A template or policy file, read to a bound (also the policy generator's {@code --compare} file). */
  static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static final String USAGE = """
      usage: iam-lint [--format text|json] [--fail-on high|medium|low|never] FILE...
        FILE       a SAM/CloudFormation template or an IAM policy document, JSON or YAML;
                   a directory: the *.yaml and *.yml files in it and its subdirectories
                   (up to 3 levels; not target, src or hidden ones)
        --format   text (default) or json
        --fail-on  exit 1 when a finding is at or above this severity (default high)
      exit status: 0 pass, 1 findings at or above --fail-on, 2 bad arguments or a file that cannot be linted""";
}
