package dev.lambdaguard.inventory;

import java.util.List;

/**
 * The Java runtime the function runs on.
 *
 * @param version feature.interim.update, e.g. {@code 17.0.15}: what advisories' {@code java:runtime} ranges match
 * @param fullVersion the runtime's own version string, e.g. {@code 17.0.15+6-LTS}
 * @param vendor {@code java.vendor}
 * @param advisories the advisories that affect this runtime
 */
public record JavaRuntime(String version, String fullVersion, String vendor, List<Advisory> advisories) {

  public JavaRuntime {
    advisories = List.copyOf(advisories);
  }

  /** The runtime this code runs on, checked against {@code list}. */
  public static JavaRuntime current(AdvisoryList list) {
    Runtime.Version v = Runtime.version();
    String version = v.feature() + "." + v.interim() + "." + v.update();
    return new JavaRuntime(version, v.toString(), System.getProperty("java.vendor"),
        list.affectingJavaRuntime(version));
  }
}
