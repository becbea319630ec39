package dev.lambdaguard.inventory;

import java.util.Objects;

/**
 * One known vulnerability: the versions of one artifact it affects.
 *
 * @param groupId the Maven group, or {@code java} for the Java runtime itself
 * @param artifactId the Maven artifact, or {@code runtime} for the Java runtime itself
 * @param affected the affected versions, in Maven's range syntax
 * @param id the advisory's identifier (a CVE or GHSA id)
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param summary one line saying what the flaw is
 */
public record Advisory(String groupId, String artifactId, VersionRange affected, String id, String severity,
    String summary) {

  /** The coordinate of the Java runtime in advisory lists: {@code java:runtime}. */
  public static final String JAVA_RUNTIME = "java:runtime";

  public Advisory {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(affected, "affected");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
  }

  /** {@code groupId:artifactId}. */
  public String coordinate() {
    return groupId + ":" + artifactId;
  }

  /** Whether this advisory is about the Java runtime rather than a library (the build's enforcer skips those). */
  public boolean isJavaRuntime() {
    return JAVA_RUNTIME.equals(coordinate());
  }

  /** Whether {@code version} of this artifact is affected; a version that cannot be read is not. */
  public boolean affects(String version) {
    try {
      return affected.contains(MavenVersion.parse(version));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }
}
