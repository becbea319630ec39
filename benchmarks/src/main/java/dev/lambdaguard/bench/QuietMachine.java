package dev.lambdaguard.bench;

import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Keeps other processes out of the measurements where it can, outside the measured time: before each iteration it
 * waits (up to 60 s) until other processes use less than the threshold of the CPUs, and after it reports the
 * iteration if they used more. The threshold is the system property {@code lambdaguard.bench.idleThreshold}
 * (percent, default 25; 100 turns the check off), passed to the forks with {@code -jvmArgsAppend}.
 */
@State(Scope.Benchmark)
public class QuietMachine {

  static final double THRESHOLD = Double.parseDouble(System.getProperty("lambdaguard.bench.idleThreshold", "25"));

  private long[] before;
  private long selfBefore;

  @Setup(Level.Iteration)
  public void waitForQuiet() {
    Cpu.waitForIdle(THRESHOLD, 60, System.out);
    before = Cpu.systemTimes();
    selfBefore = Cpu.selfTicks();
  }

  @TearDown(Level.Iteration)
  public void reportDisturbance() {
    if (THRESHOLD >= 100) {
      return;
    }
    double others = Cpu.othersPercent(before, selfBefore, Cpu.systemTimes(), Cpu.selfTicks(), 0);
    if (others >= THRESHOLD) {
      System.out.printf(Locale.ROOT, "(DISTURBED: other processes used about %.0f%% of the CPUs during this iteration)%n",
          others);
    }
  }
}
