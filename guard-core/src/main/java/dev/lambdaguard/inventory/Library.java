package dev.lambdaguard.inventory;

import java.util.List;

/**
 * One library found on the class path.
 *
 * @param groupId the Maven group, or null when the jar names none (read from its manifest or file name)
 * @param artifactId the Maven artifact, or the manifest's title, or the file name's stem
 * @param version the version as the jar states it, or null when it states none
 * @param file the name of the jar (or directory) it was found in; one shaded jar holds many libraries
 * @param sha256 the hex SHA-256 of that jar, or null for a directory or when the hashing budget was spent
 * @param source where the coordinates came from: {@code pom.properties}, {@code manifest} or {@code file_name}
 * @param advisories the advisories that affect this version; empty for most
 */
public record Library(String groupId, String artifactId, String version, String file, String sha256, String source,
    List<Advisory> advisories) {

  public Library {
    advisories = List.copyOf(advisories);
  }

  /** Whether an advisory affects this library. */
  public boolean flagged() {
    return !advisories.isEmpty();
  }
}
