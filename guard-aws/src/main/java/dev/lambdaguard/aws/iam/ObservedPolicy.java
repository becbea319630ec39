package dev.lambdaguard.aws.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege policy generator as a command:
 *
 * <pre>
 * java -cp CLASSPATH dev.lambdaguard.aws.iam.ObservedPolicy [--account ID] [--compare FILE] [LOG...]
 * </pre>
 *
 * <p>Reads the {@code permissions_observed} events of the logs (CloudWatch Logs as exported, standard input when
 * no file is named; see {@link ObservedLog}) and prints the IAM policy that grants exactly what they name. With
 * {@code --compare}, prints instead what the given policy document or SAM/CloudFormation template grants that was
 * never used, and what was used that it does not grant. Exit status: 0 done, 2 when the command line is wrong, a
 * file cannot be read or no event was found (an empty policy is never printed as if it were the answer).
 */
public final class ObservedPolicy {

  static final int OK = 0;
  static final int UNUSABLE = 2;

  private ObservedPolicy() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command on the given streams; returns the exit status. */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    String account = null;
    Path compare = null;
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--account" -> {
          account = i + 1 < args.length ? args[++i] : "";
          if (!account.matches("[0-9]{12}")) {
            err.println("--account must be a 12-digit account id\n" + USAGE);
            return UNUSABLE;
          }
        }
        case "--compare" -> {
          if (i + 1 >= args.length) {
            err.println(USAGE);
            return UNUSABLE;
          }
          compare = Path.of(args[++i]);
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return OK;
        }
        default -> {
          if (args[i].startsWith("--")) {
            err.println("unknown option " + args[i] + "\n" + USAGE);
            return UNUSABLE;
          }
          logs.add(Path.of(args[i]));
        }
      }
    }
    ObservedLog log = new ObservedLog();
    try {
      if (logs.isEmpty()) {
        log.read(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
      }
      for (Path file : logs) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          log.read(reader);
        }
      }
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("the log cannot be read: " + (e instanceof IllegalArgumentException ? e.getMessage()
          : e.getClass().getSimpleName()));
      return UNUSABLE;
    }
    if (log.events == 0) {
      err.println("no permissions_observed event found (" + log.skippedLines + " lines skipped)");
      return UNUSABLE;
    }
    if (account != null) {
      log.assumeAccount(account);
    }
    err.println(summary(log));
    if (compare == null) {
      out.println(LeastPrivilegePolicy.json(LeastPrivilegePolicy.statements(log.uses.values())));
      return OK;
    }
    PolicyGrants grants;
    try {
      grants = PolicyGrants.of(TemplateReader.read(IamLint.read(compare)));
    } catch (IOException | IllegalArgumentException e) {
      err.println(compare + ": cannot be read: " + (e instanceof IllegalArgumentException ? e.getMessage()
          : e.getClass().getSimpleName()));
      return UNUSABLE;
    }
    out.print(report(compare.toString(), grants, UnusedGrants.compare(grants, log.uses.values())));
    return OK;
  }

  private static String summary(ObservedLog log) {
    StringBuilder s = new StringBuilder();
    s.append(log.events).append(" permissions_observed events, ").append(log.uses.size())
        .append(" distinct permissions, ").append(log.skippedLines).append(" other lines skipped");
    for (ObservedLog.Use use : log.uses.values()) {
      if (use.denied() > 0) {
        s.append("\nDENIED while observed (needed, missing from the role): ").append(use.action()).append(" on ")
            .append(use.resource());
      }
    }
    if (log.droppedCalls > 0) {
      s.append("\nINCOMPLETE: ").append(log.droppedCalls).append(" calls were not kept for lack of room");
    }
    if (log.uses.values().stream().anyMatch(u -> u.resource().contains(":*:"))) {
      s.append("\nSome ARNs have an unknown account (*): give --account to fill in the function's own");
    }
    return s.toString();
  }

  static String report(String file, PolicyGrants grants, UnusedGrants diff) {
    StringBuilder s = new StringBuilder();
    s.append(file).append(": ").append(diff.neverUsed.size()).append(" granted permissions never used, ")
        .append(diff.notGranted.size()).append(" used permissions not granted\n");
    if (!diff.neverUsed.isEmpty()) {
      s.append("\nGranted, never used:\n");
      for (UnusedGrants.Unused u : diff.neverUsed) {
        s.append("  ").append(u.action()).append(" on ").append(u.resource())
            .append("    (").append(u.path()).append(")\n");
      }
    }
    if (!diff.notGranted.isEmpty()) {
      s.append("\nUsed, not granted:\n");
      for (ObservedLog.Use u : diff.notGranted) {
        s.append("  ").append(u.action()).append(" on ").append(u.resource())
            .append(u.denied() > 0 ? "    (denied)" : "")
            .append('\n');
      }
    }
    if (!diff.usedByLambdaItself.isEmpty()) {
      s.append("\nUsed by the Lambda service for the function's logs (not observable from the code), keep:\n");
      for (UnusedGrants.Unused u : diff.usedByLambdaItself) {
        s.append("  ").append(u.action()).append(" on ").append(u.resource()).append('\n');
      }
    }
    if (!grants.notCompared.isEmpty()) {
      s.append("\nNot compared:\n");
      for (String n : grants.notCompared) {
        s.append("  ").append(n).append('\n');
      }
    }
    return s.toString();
  }

  static final String USAGE = """
      usage: observed-policy [--account ID] [--compare FILE] [LOG...]
        LOG        CloudWatch Logs lines holding permissions_observed events (raw, with a timestamp or stream
                   prefix, or as filter-log-events JSON); standard input when none is named
        --account  the function's 12-digit account id, for ARNs recorded with an unknown account (*)
        --compare  an IAM policy document or SAM/CloudFormation template, JSON or YAML: print instead its
                   grants never used and the uses it does not grant
      exit status: 0 done, 2 bad arguments, an unreadable file, or no permissions_observed event""";
}
