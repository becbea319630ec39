package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp agrees with java.time on every date it can meet. */
class TimestampsTest {

  private static String reference(long millis) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS))
        .replaceFirst("(\\.\\d{3})?Z$", "") + String.format(".%03dZ", Math.floorMod(millis, 1000L));
  }

  @Test
  void agreesWithJavaTimeAcrossCenturiesLeapDaysAndTheEpoch() {
    long[] fixed = {0L, -1L, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L /* 2100-02-28T23:59:59.999 */,
        1_795_400_000_123L, 253_402_300_799_999L /* 9999-12-31 */, 1L, 999L};
    for (long millis : fixed) {
      assertEquals(reference(millis), Timestamps.iso(millis), "at " + millis);
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      long millis = random.nextLong(0, 253_402_300_799_999L);
      assertEquals(reference(millis), Timestamps.iso(millis), "at " + millis);
    }
  }
}
