package dev.lambdaguard.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine is with other processes, from {@code /proc} (Linux; elsewhere everything reads as idle).
 *
 * <p>The benchmarks run on small shared machines where a build may start at any moment. Both the cold-start harness
 * and the JMH benchmarks wait, outside any measured interval, until other processes leave the CPUs alone, and
 * report the measured intervals during which they did not. Nothing is dropped: disturbed samples stay in the
 * statistics and are counted, so that a reader can judge.
 */
public final class Cpu {

  /** Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream build. */
  public static final double MS_PER_TICK = 10.0;

  private Cpu() {}

  /** {@code {total, idle + iowait}} jiffies of all CPUs since boot, or zeros. */
  public static long[] systemTimes() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** This process's user + system CPU time in ticks, from /proc/self/stat, or -1. */
  public static long selfTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // The command name (field 2) may contain spaces; the fields after it start after the last ')'.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The share of all CPUs, in percent, used between two readings by processes other than this one and than
   * {@code excludedTicks} (CPU ticks of children that the caller accounts for itself).
   */
  public static double othersPercent(long[] before, long selfBefore, long[] after, long selfAfter, long excludedTicks) {
    long total = after[0] - before[0];
    if (total <= 0) {
      return 0;
    }
    long busy = total - (after[1] - before[1]);
    long self = selfBefore >= 0 && selfAfter >= 0 ? selfAfter - selfBefore : 0;
    return Math.max(0, 100.0 * (busy - self - excludedTicks) / total);
  }

  /** Other processes' share of the CPUs over the next {@code millis}. */
  public static double othersPercent(long millis) {
    long[] before = systemTimes();
    long selfBefore = selfTicks();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return othersPercent(before, selfBefore, systemTimes(), selfTicks(), 0);
  }

  /**
   * Waits until other processes use less than {@code thresholdPercent} of the CPUs, for at most
   * {@code maxSeconds}; says so on {@code log} when it has to wait.
   *
   * @return whether the machine was quiet when it returned
   */
  public static boolean waitForIdle(double thresholdPercent, int maxSeconds, PrintStream log) {
    if (thresholdPercent >= 100) {
      return true;
    }
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    boolean announced = false;
    while (System.nanoTime() < deadline) {
      double others = othersPercent(500);
      if (others < thresholdPercent) {
        if (announced) {
          log.printf(Locale.ROOT, "(waited %.0f s for the CPUs to be quiet)%n", (System.nanoTime() - start) / 1e9);
        }
        return true;
      }
      if (!announced) {
        log.printf(Locale.ROOT, "(other processes use %.0f%% of the CPUs: waiting up to %d s)%n", others, maxSeconds);
        announced = true;
      }
    }
    log.println("(the CPUs did not become quiet; going on)");
    return false;
  }
}
