package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryScanTest {

  @TempDir
  Path dir;

  @Test
  void aPlantedVulnerableJarIsFlaggedWithItsHash() throws Exception {
    Path log4j = PlantedJars.maven(dir, "log4j-core-2.14.1.jar", "org.apache.logging.log4j:log4j-core:2.14.1");
    Path safe = PlantedJars.maven(dir, "log4j-core-2.17.1.jar", "org.apache.logging.log4j:log4j-core:2.17.1");

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(log4j, safe)).run();

    assertEquals(2, inventory.libraries().size());
    Library flagged = inventory.libraries().get(0);
    assertEquals("org.apache.logging.log4j", flagged.groupId());
    assertEquals("log4j-core", flagged.artifactId());
    assertEquals("2.14.1", flagged.version());
    assertEquals("log4j-core-2.14.1.jar", flagged.file());
    assertEquals("pom.properties", flagged.source());
    assertEquals(sha256(log4j), flagged.sha256());
    assertEquals(List.of("CVE-2021-44228"), flagged.advisories().stream().map(Advisory::id).toList());
    assertEquals("critical", flagged.advisories().get(0).severity());
    assertFalse(inventory.libraries().get(1).flagged());
    assertEquals(1, inventory.flaggedLibraries());
    assertTrue(inventory.flagged());
  }

  @Test
  void aShadedJarListsEveryLibraryItHoldsUnderOneHash() throws Exception {
    Path shaded = PlantedJars.maven(dir, "function.jar", "com.example:orders:1.0.0", "org.yaml:snakeyaml:1.33",
        "org.apache.commons:commons-text:1.10.0");

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(shaded)).run();

    assertEquals(List.of("orders", "snakeyaml", "commons-text"),
        inventory.libraries().stream().map(Library::artifactId).toList());
    String hash = sha256(shaded);
    assertTrue(inventory.libraries().stream().allMatch(l -> hash.equals(l.sha256())));
    assertEquals(List.of("snakeyaml"),
        inventory.libraries().stream().filter(Library::flagged).map(Library::artifactId).toList());
  }

  @Test
  void aJarWithoutMavenMetadataIsNamedByItsManifestOrItsFileName() throws Exception {
    Path manifest = PlantedJars.manifestOnly(dir, "thing.jar", "org.example.thing", "4.2");
    Path named = dir.resolve("mystery-lib-1.2.3.jar");
    Files.write(named, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(manifest, named)).run();

    Library fromManifest = inventory.libraries().get(0);
    assertEquals("org.example.thing", fromManifest.artifactId());
    assertEquals("4.2", fromManifest.version());
    assertEquals("manifest", fromManifest.source());
    assertNull(fromManifest.groupId());
    Library fromName = inventory.libraries().get(1);
    assertEquals("mystery-lib", fromName.artifactId());
    assertEquals("1.2.3", fromName.version());
    assertEquals("file_name", fromName.source());
    assertEquals(sha256(named), fromName.sha256());
  }

  @Test
  void aDirectoryOnTheClassPathIsReadForItsMavenMetadata() throws Exception {
    Path taskRoot = dir.resolve("task");
    Path properties = taskRoot.resolve("META-INF/maven/commons-collections/commons-collections/pom.properties");
    Files.createDirectories(properties.getParent());
    Files.writeString(properties, "groupId=commons-collections\nartifactId=commons-collections\nversion=3.2.1\n");

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(taskRoot)).run();

    Library library = inventory.libraries().get(0);
    assertEquals("3.2.1", library.version());
    assertNull(library.sha256());
    assertEquals("CVE-2015-7501", library.advisories().get(0).id());
  }

  @Test
  void aUserListFlagsTheFunctionsOwnFindings() throws Exception {
    Path billing = PlantedJars.maven(dir, "billing.jar", "com.example:billing:3.0.9");
    AdvisoryList user = AdvisoryList.parse("ours",
        new StringReader("com.example:billing (,3.1.0) INTERNAL-42 medium leaks invoices to the log\n"));

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled().plus(user), List.of(billing)).run();

    assertEquals("INTERNAL-42", inventory.libraries().get(0).advisories().get(0).id());
  }

  @Test
  void hashingStopsAtItsBudgetAndListingAtItsBound() throws Exception {
    String[] many = new String[InventoryScan.MAX_LIBRARIES + 25];
    for (int i = 0; i < many.length; i++) {
      many[i] = "com.example:lib" + i + ":1.0";
    }
    Path big = PlantedJars.maven(dir, "big.jar", many);

    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(big)).hashBudget(16).run();

    assertEquals(InventoryScan.MAX_LIBRARIES, inventory.libraries().size());
    assertEquals(25, inventory.librariesOmitted());
    assertEquals(1, inventory.filesUnhashed());
    assertNull(inventory.libraries().get(0).sha256());
  }

  @Test
  void theJavaRuntimeIsReportedWithItsAdvisories() {
    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of()).run();
    Runtime.Version v = Runtime.version();
    assertEquals(v.feature() + "." + v.interim() + "." + v.update(), inventory.java().version());
    assertEquals(AdvisoryList.bundled().affectingJavaRuntime(inventory.java().version()),
        inventory.java().advisories());
  }

  @Test
  void inLambdaTheTaskRootAndItsLibJarsAreOnTheClassPath() throws Exception {
    Path lib = PlantedJars.maven(dir.resolve("lib"), "a.jar", "com.example:a:1.0");
    List<Path> roots = InventoryScan.functionClassPath(Map.of("LAMBDA_TASK_ROOT", dir.toString()));
    assertTrue(roots.contains(dir));
    assertTrue(roots.contains(lib));
    assertFalse(InventoryScan.functionClassPath(Map.of()).contains(dir));
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
