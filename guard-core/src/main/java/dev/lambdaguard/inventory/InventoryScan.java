package dev.lambdaguard.inventory;

import dev.lambdaguard.internal.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Reads what is on the class path: for each jar, the {@code META-INF/maven/.../pom.properties} it carries (a shaded
 * jar carries one per library it holds), else its manifest's title and version, else its file name; and the jar's
 * SHA-256. Bounded in files, libraries, bytes read and bytes hashed, so a huge class path costs a known maximum.
 * Reads only files the function was deployed with, never request data.
 */
public final class InventoryScan {

  /** At most this many jars and directories are read. */
  static final int MAX_FILES = 1024;
  /** At most this many libraries are listed; the rest are counted. */
  static final int MAX_LIBRARIES = 400;
  /** At most this many bytes are hashed in all (a deployment package is at most 250 MB unzipped). */
  static final long MAX_HASHED_BYTES = 256L * 1024 * 1024;
  /** A pom.properties larger than this is not read. */
  static final int MAX_PROPERTIES_BYTES = 16 * 1024;
  /** Coordinates longer than this are cut. */
  static final int MAX_FIELD_LENGTH = 128;

  private final AdvisoryList advisories;
  private final List<Path> roots;
  private final long hashBudget;

  private InventoryScan(AdvisoryList advisories, List<Path> roots, long hashBudget) {
    this.advisories = advisories;
    this.roots = List.copyOf(roots);
    this.hashBudget = hashBudget;
  }

  /** A scan of {@code roots} (jars and directories) against {@code advisories}. */
  public static InventoryScan of(AdvisoryList advisories, List<Path> roots) {
    return new InventoryScan(advisories, roots, MAX_HASHED_BYTES);
  }

  /** The same scan with another hashing budget in bytes; for tests. */
  InventoryScan hashBudget(long bytes) {
    return new InventoryScan(advisories, roots, bytes);
  }

  /**
   * What a function's class path is: the JVM's class path and, in Lambda ({@code LAMBDA_TASK_ROOT} set), the
   * function's own code (the task root and its {@code lib/} jars) and its layers' jars ({@code /opt/java/lib}),
   * which the Lambda Java runtime loads through its own class loader rather than the JVM's class path.
   */
  public static List<Path> functionClassPath(Map<String, String> env) {
    Set<Path> roots = new LinkedHashSet<>();
    String classPath = System.getProperty("java.class.path", "");
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        roots.add(Path.of(entry));
      }
    }
    String taskRoot = env.get("LAMBDA_TASK_ROOT");
    if (taskRoot != null && !taskRoot.isBlank()) {
      roots.add(Path.of(taskRoot));
      addJars(roots, Path.of(taskRoot, "lib"));
      addJars(roots, Path.of("/opt/java/lib"));
    }
    return new ArrayList<>(roots);
  }

  private static void addJars(Set<Path> roots, Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
      List<Path> sorted = new ArrayList<>();
      for (Path jar : jars) {
        if (sorted.size() == MAX_FILES) {
          break;
        }
        sorted.add(jar);
      }
      sorted.sort(null);
      roots.addAll(sorted);
    } catch (IOException unreadable) {
      // A directory the function cannot list holds nothing it can load either.
    }
  }

  /** Runs the scan. Never throws for an unreadable jar: it is listed by file name, unhashed. */
  public RuntimeInventory run() {
    long start = System.nanoTime();
    JavaRuntime java = JavaRuntime.current(advisories);
    List<Library> libraries = new ArrayList<>();
    int[] omitted = {0};
    long budget = hashBudget;
    int unhashed = 0;
    int files = 0;
    for (Path root : roots) {
      if (files++ == MAX_FILES) {
        break;
      }
      if (Files.isDirectory(root)) {
        scanDirectory(root, libraries, omitted);
      } else if (Files.isRegularFile(root)) {
        String sha256 = null;
        try {
          long size = Files.size(root);
          if (size <= budget) {
            budget -= size;
            sha256 = sha256(root);
          } else {
            unhashed++;
          }
        } catch (IOException unreadable) {
          unhashed++;
        }
        scanJar(root, sha256, libraries, omitted);
      }
    }
    return new RuntimeInventory(java, libraries, omitted[0], unhashed, (System.nanoTime() - start) / 1_000_000);
  }

  private void scanJar(Path jar, String sha256, List<Library> out, int[] omitted) {
    String file = jar.getFileName().toString();
    int found = 0;
    try (JarFile zip = new JarFile(jar.toFile(), false)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (isPomProperties(entry.getName())) {
          try (InputStream in = zip.getInputStream(entry)) {
            if (add(out, omitted, fromPomProperties(in, file, sha256))) {
              found++;
            }
          }
        }
      }
      if (found == 0) {
        Manifest manifest = zip.getManifest();
        Library fromManifest = manifest == null ? null : fromManifest(manifest.getMainAttributes(), file, sha256);
        add(out, omitted, fromManifest != null ? fromManifest : fromFileName(file, sha256));
      }
    } catch (IOException | RuntimeException unreadable) {
      if (found == 0) {
        add(out, omitted, fromFileName(file, sha256));
      }
    }
  }

  private void scanDirectory(Path dir, List<Library> out, int[] omitted) {
    Path maven = dir.resolve("META-INF").resolve("maven");
    if (!Files.isDirectory(maven)) {
      return;
    }
    String file = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    try (DirectoryStream<Path> groups = Files.newDirectoryStream(maven)) {
      for (Path group : groups) {
        if (!Files.isDirectory(group)) {
          continue;
        }
        try (DirectoryStream<Path> artifacts = Files.newDirectoryStream(group)) {
          for (Path artifact : artifacts) {
            Path properties = artifact.resolve("pom.properties");
            if (Files.isRegularFile(properties)) {
              try (InputStream in = Files.newInputStream(properties)) {
                add(out, omitted, fromPomProperties(in, file, null));
              }
            }
          }
        }
      }
    } catch (IOException unreadable) {
      // What could not be read is not listed; the rest is.
    }
  }

  private static boolean isPomProperties(String name) {
    if (!name.startsWith("META-INF/maven/") || !name.endsWith("/pom.properties")) {
      return false;
    }
    int slashes = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '/') {
        slashes++;
      }
    }
    return slashes == 4; // META-INF/maven/<group>/<artifact>/pom.properties
  }

  private boolean add(List<Library> out, int[] omitted, Library library) {
    if (library == null) {
      return false;
    }
    if (out.size() >= MAX_LIBRARIES) {
      omitted[0]++;
      return true;
    }
    out.add(library);
    return true;
  }

  private Library fromPomProperties(InputStream in, String file, String sha256) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PROPERTIES_BYTES + 1);
    if (bytes.length > MAX_PROPERTIES_BYTES) {
      return null;
    }
    Properties p = new Properties();
    p.load(new java.io.ByteArrayInputStream(bytes));
    String group = field(p.getProperty("groupId"));
    String artifact = field(p.getProperty("artifactId"));
    String version = field(p.getProperty("version"));
    if (group == null || artifact == null) {
      return null;
    }
    return library(group, artifact, version, file, sha256, "pom.properties");
  }

  private Library fromManifest(Attributes main, String file, String sha256) {
    String version = field(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
    if (version == null) {
      version = field(main.getValue("Bundle-Version"));
    }
    String title = field(main.getValue("Automatic-Module-Name"));
    if (title == null) {
      title = field(main.getValue("Bundle-SymbolicName"));
    }
    if (title == null) {
      title = field(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE));
    }
    if (title == null || version == null) {
      return null;
    }
    return library(null, title, version, file, sha256, "manifest");
  }

  private Library fromFileName(String file, String sha256) {
    String stem = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
    for (int i = stem.length() - 2; i > 0; i--) {
      if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
        return library(null, field(stem.substring(0, i)), field(stem.substring(i + 1)), file, sha256, "file_name");
      }
    }
    return library(null, field(stem), null, file, sha256, "file_name");
  }

  private Library library(String group, String artifact, String version, String file, String sha256,
      String source) {
    List<Advisory> hits = group == null ? List.of() : advisories.affecting(group, artifact, version);
    return new Library(group, artifact, version, field(file), sha256, source, hits);
  }

  private static String field(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return null;
    }
    return v.length() > MAX_FIELD_LENGTH ? v.substring(0, MAX_FIELD_LENGTH) : v;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return HexFormat.of().formatHex(Sha256.of(in));
    }
  }
}
