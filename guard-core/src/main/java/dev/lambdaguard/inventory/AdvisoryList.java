package dev.lambdaguard.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Known-vulnerable versions of libraries and of the Java runtime: the one list that both the build (its enforcer
 * bans them, {@code build/enforcer/advisories.xml} being generated from it) and the runtime inventory (which flags
 * them at cold start) read.
 *
 * <p>The format is one advisory per line, fields separated by spaces; {@code #} starts a comment line:
 * <pre>
 * # groupId:artifactId                 affected versions (Maven ranges)  advisory        severity  summary
 * org.apache.commons:commons-text      [1.5,1.10.0)                      CVE-2022-42889  critical  Text4Shell: ...
 * java:runtime                         [17,17.0.3)                       CVE-2022-21449  critical  ECDSA ...
 * </pre>
 * The summary is the rest of the line. {@code java:runtime} names the Java runtime ({@code 17.0.2}), not a Maven
 * artifact. Immutable.
 */
public final class AdvisoryList {

  /** A list longer than this is refused: the lists are read at init and looked up per library. */
  static final int MAX_ADVISORIES = 10_000;

  private static final String BUNDLED = "advisories.txt";
  private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");
  private static volatile AdvisoryList bundled;

  private final List<Advisory> advisories;
  private final Map<String, List<Advisory>> byCoordinate;

  private AdvisoryList(List<Advisory> advisories) {
    this.advisories = List.copyOf(advisories);
    Map<String, List<Advisory>> index = new HashMap<>();
    for (Advisory a : this.advisories) {
      index.computeIfAbsent(a.coordinate(), k -> new ArrayList<>()).add(a);
    }
    index.replaceAll((k, v) -> List.copyOf(v));
    this.byCoordinate = Map.copyOf(index);
  }

  /** The list that ships with this version of Lambda Guard. */
  public static AdvisoryList bundled() {
    AdvisoryList list = bundled;
    if (list == null) {
      try (InputStream in = AdvisoryList.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("the bundled advisory list is missing from the class path");
        }
        list = parse("bundled " + BUNDLED, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = list;
    }
    return list;
  }

  /** An empty list. */
  public static AdvisoryList empty() {
    return new AdvisoryList(List.of());
  }

  /**
   * Reads a list in the format above from a file (a user's own list, shipped with the function).
   *
   * @throws IllegalArgumentException naming the file and line, when a line is malformed
   * @throws UncheckedIOException when the file cannot be read
   */
  public static AdvisoryList read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("advisory list " + file + " cannot be read", e);
    }
  }

  /**
   * Parses a list in the format above.
   *
   * @param source what to name in error messages (a file name)
   * @throws IllegalArgumentException naming {@code source} and the line, when a line is malformed
   */
  public static AdvisoryList parse(String source, Reader text) {
    List<Advisory> out = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(text)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (out.size() == MAX_ADVISORIES) {
          throw new IllegalArgumentException(source + ": more than " + MAX_ADVISORIES + " advisories");
        }
        try {
          out.add(line(trimmed));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AdvisoryList(out);
  }

  private static Advisory line(String line) {
    String[] fields = line.split("\\s+", 5);
    if (fields.length < 5) {
      throw new IllegalArgumentException(
          "expected 'groupId:artifactId range advisory severity summary', found " + fields.length + " fields");
    }
    String[] coordinate = fields[0].split(":", -1);
    if (coordinate.length != 2 || coordinate[0].isEmpty() || coordinate[1].isEmpty()) {
      throw new IllegalArgumentException("expected groupId:artifactId, found '" + fields[0] + "'");
    }
    String severity = fields[3];
    if (!SEVERITIES.contains(severity)) {
      throw new IllegalArgumentException("severity must be one of critical, high, medium, low: '" + severity + "'");
    }
    return new Advisory(coordinate[0], coordinate[1], VersionRange.parse(fields[1]), fields[2], severity, fields[4]);
  }

  /** This list followed by {@code other}'s advisories. */
  public AdvisoryList plus(AdvisoryList other) {
    List<Advisory> all = new ArrayList<>(advisories);
    all.addAll(other.advisories);
    return new AdvisoryList(all);
  }

  /** Every advisory, in list order. */
  public List<Advisory> advisories() {
    return advisories;
  }

  /** The advisories that affect {@code version} of {@code groupId:artifactId}, in list order; often none. */
  public List<Advisory> affecting(String groupId, String artifactId, String version) {
    List<Advisory> candidates = byCoordinate.get(groupId + ":" + artifactId);
    if (candidates == null || version == null) {
      return List.of();
    }
    List<Advisory> hits = new ArrayList<>(1);
    for (Advisory advisory : candidates) {
      if (advisory.affects(version)) {
        hits.add(advisory);
      }
    }
    return hits;
  }

  /** The advisories that affect a Java runtime of {@code version} (e.g. {@code 17.0.2}). */
  public List<Advisory> affectingJavaRuntime(String version) {
    return affecting("java", "runtime", version);
  }
}
