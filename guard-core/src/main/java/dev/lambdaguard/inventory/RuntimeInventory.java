package dev.lambdaguard.inventory;

import java.util.List;

/**
 * What a function runs: its Java runtime and the libraries on its class path, each checked against the advisory
 * lists. Built once per execution environment, at cold start ({@link InventoryScan}).
 *
 * @param java the Java runtime
 * @param libraries the libraries found, in class-path order
 * @param librariesOmitted libraries found past the scan's bound, not listed
 * @param filesUnhashed jars left unhashed because the hashing budget was spent (their {@code sha256} is null)
 * @param scanMillis how long the scan took
 */
public record RuntimeInventory(JavaRuntime java, List<Library> libraries, int librariesOmitted, int filesUnhashed,
    long scanMillis) {

  public RuntimeInventory {
    libraries = List.copyOf(libraries);
  }

  /** The number of libraries an advisory affects. */
  public int flaggedLibraries() {
    int n = 0;
    for (Library library : libraries) {
      if (library.flagged()) {
        n++;
      }
    }
    return n;
  }

  /** Whether anything, the runtime or a library, is affected by an advisory. */
  public boolean flagged() {
    return !java.advisories().isEmpty() || flaggedLibraries() > 0;
  }
}
