package dev.lambdaguard.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's own diagnostic log, through slf4j, separate from security events.
 *
 * <p>slf4j looks up its provider on first use, which costs cold-start time; the holder idiom keeps that
 * off every path that logs nothing, such as an allowed request. Messages never contain request values.
 */
public final class Diagnostics {

  private Diagnostics() {}

  private static final class Holder {
    static final Logger LOG = LoggerFactory.getLogger("dev.lambdaguard");
  }

  public static void warn(String message) {
    Holder.LOG.warn(message);
  }

  public static void debug(String message) {
    Holder.LOG.debug(message);
  }
}
