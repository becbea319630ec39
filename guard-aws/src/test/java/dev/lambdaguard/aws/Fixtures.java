package dev.lambdaguard.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real AWS event JSON in {@code ../shared/fixtures/events}. */
public final class Fixtures {

  private Fixtures() {}

  public static Path root() {
    String configured = System.getProperty("lambdaguard.fixtures");
    Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "fixtures", "events");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("fixtures not found at " + root.toAbsolutePath()
          + " (set -Dlambdaguard.fixtures)");
    }
    return root;
  }

  public static Path path(String family, String name) {
    return root().resolve(family).resolve(name);
  }

  public static byte[] bytes(String family, String name) {
    try {
      return Files.readAllBytes(path(family, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fixture file of the given families, as "family/name". */
  public static List<String> all(String... families) {
    return Stream.of(families).flatMap(family -> {
      try (Stream<Path> files = Files.list(root().resolve(family))) {
        return files.filter(p -> p.toString().endsWith(".json"))
            .map(p -> family + "/" + p.getFileName()).sorted().toList().stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
