package dev.lambdaguard.examples.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer zip that {@code mvn package} builds: the exec wrapper, executable, at its root; the jars in
 * {@code java/lib}; the guard's own libraries relocated under {@code dev.lambdaguard.shaded}, nothing else of theirs
 * left where a function's own copy could clash; nothing that the runtime or the function always brings.
 */
class LayerZipIT {

  private static final Path ZIP = LambdaRuntimeProcess.TARGET.resolve("lambda-guard-layer.zip");

  @Test
  void theWrapperIsAnExecutableAtTheRootAndTheJarsAreInJavaLib() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(names::add);
    }
    assertEquals(List.of("java/", "java/lib/", "lambda-guard", "java/lib/lambda-guard.jar"), names.subList(0, 4));
    assertEquals(new TreeSet<>(List.of("java/lib/crac-1.5.0.jar", "java/lib/slf4j-api-2.0.20.jar",
        "java/lib/aws-lambda-java-events-3.16.1.jar")), new TreeSet<>(names.subList(4, names.size())));
    try (FileSystem layer = FileSystems.newFileSystem(URI.create("jar:" + ZIP.toUri()),
        Map.of("enablePosixFileAttributes", "true"))) {
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getFileAttributeView(
          layer.getPath("/lambda-guard"), PosixFileAttributeView.class).readAttributes().permissions()));
    }
  }

  @TempDir Path tmp;

  @Test
  void theGuardsJarHoldsOnlyOurPackagesAndItsRelocatedLibraries() throws IOException {
    TreeSet<String> foreign = new TreeSet<>();
    try (FileSystem layer = FileSystems.newFileSystem(URI.create("jar:" + ZIP.toUri()), Map.of());
        FileSystem jar = FileSystems.newFileSystem(
            Files.copy(layer.getPath("/java/lib/lambda-guard.jar"), tmp.resolve("lambda-guard.jar")), Map.of())) {
      try (var files = Files.walk(jar.getPath("/"))) {
        files.map(Path::toString).filter(name -> name.endsWith(".class"))
            .filter(name -> !name.startsWith("/dev/lambdaguard/"))
            .forEach(foreign::add);
      }
      assertTrue(Files.exists(jar.getPath("/dev/lambdaguard/aws/layer/LambdaGuardHandler.class")));
      assertTrue(Files.exists(jar.getPath("/dev/lambdaguard/shaded/com/nimbusds/jwt/SignedJWT.class")));
      assertTrue(Files.exists(jar.getPath("/dev/lambdaguard/shaded/tools/jackson/databind/ObjectMapper.class")));
      assertTrue(Files.notExists(jar.getPath("/dev/lambdaguard/examples")), "the examples are not in the layer");
    }
    assertEquals(new TreeSet<>(), foreign, "classes outside dev.lambdaguard (not relocated, or not ours to ship)");
  }
}
