package dev.lambdaguard.events;

/**
 * ISO-8601 UTC timestamps with millisecond precision ({@code 2026-11-29T02:12:11.314Z}) from epoch
 * milliseconds. Written by hand because {@code Instant.toString()} pulls the java.time formatting
 * machinery into the class path at cold start for one string per event.
 */
final class Timestamps {

  private Timestamps() {}

  static void appendIso(StringBuilder sb, long epochMillis) {
    long days = Math.floorDiv(epochMillis, 86_400_000L);
    int millisOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), valid for the proleptic Gregorian calendar.
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    pad(sb, year, 4).append('-');
    pad(sb, month, 2).append('-');
    pad(sb, day, 2).append('T');
    pad(sb, millisOfDay / 3_600_000, 2).append(':');
    pad(sb, millisOfDay / 60_000 % 60, 2).append(':');
    pad(sb, millisOfDay / 1000 % 60, 2).append('.');
    pad(sb, millisOfDay % 1000, 3).append('Z');
  }

  static String iso(long epochMillis) {
    StringBuilder sb = new StringBuilder(24);
    appendIso(sb, epochMillis);
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits);
  }
}
