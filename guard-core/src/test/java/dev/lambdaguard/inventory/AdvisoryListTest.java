package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryListTest {

  @Test
  void theBundledListFlagsTheBriefsExamplesAndNotTheirFixes() {
    AdvisoryList list = AdvisoryList.bundled();
    assertFlagged(list, "org.apache.logging.log4j", "log4j-core", "2.14.1", "CVE-2021-44228");
    assertFlagged(list, "org.apache.logging.log4j", "log4j-core", "2.17.0", "CVE-2021-44228");
    assertClean(list, "org.apache.logging.log4j", "log4j-core", "2.17.1");
    assertClean(list, "org.apache.logging.log4j", "log4j-core", "2.12.4");
    assertClean(list, "org.apache.logging.log4j", "log4j-api", "2.14.1");
    assertFlagged(list, "commons-collections", "commons-collections", "3.2.1", "CVE-2015-7501");
    assertClean(list, "commons-collections", "commons-collections", "3.2.2");
    assertFlagged(list, "org.apache.commons", "commons-text", "1.9", "CVE-2022-42889");
    assertClean(list, "org.apache.commons", "commons-text", "1.10.0");
    assertClean(list, "org.apache.commons", "commons-text", "1.4");
    assertFlagged(list, "org.yaml", "snakeyaml", "1.33", "CVE-2022-1471");
    assertClean(list, "org.yaml", "snakeyaml", "2.0");
    assertFlagged(list, "com.fasterxml.jackson.core", "jackson-databind", "2.9.10.7", "CVE-2020-36189");
    assertEquals(2, list.affecting("com.fasterxml.jackson.core", "jackson-databind", "2.9.10.7").size());
    assertClean(list, "com.fasterxml.jackson.core", "jackson-databind", "2.13.2.1");
    assertFlagged(list, "org.springframework", "spring-beans", "5.2.19.RELEASE", "CVE-2022-22965");
    assertClean(list, "org.springframework", "spring-beans", "5.3.18");
    assertFlagged(list, "io.netty", "netty-codec-http2", "4.1.99.Final", "CVE-2023-44487");
    assertClean(list, "io.netty", "netty-codec-http2", "4.1.100.Final");
  }

  @Test
  void theJavaRuntimeIsFlaggedBeforeItsCryptographyFixes() {
    AdvisoryList list = AdvisoryList.bundled();
    assertEquals(List.of("CVE-2022-21449", "CVE-2023-21930"), ids(list.affectingJavaRuntime("17.0.2")));
    assertEquals(List.of("CVE-2023-21930"), ids(list.affectingJavaRuntime("17.0.3")));
    assertEquals(List.of(), ids(list.affectingJavaRuntime("17.0.7")));
    assertEquals(List.of(), ids(list.affectingJavaRuntime("17.0.15")));
    assertEquals(List.of("CVE-2022-21449", "CVE-2023-21930"), ids(list.affectingJavaRuntime("18")));
    assertEquals(List.of(), ids(list.affectingJavaRuntime("21.0.5")));
    assertEquals(List.of(), ids(list.affectingJavaRuntime("11.0.19")));
  }

  @Test
  void unreadableVersionsAreNotFlagged() {
    AdvisoryList list = AdvisoryList.bundled();
    assertEquals(List.of(), list.affecting("org.yaml", "snakeyaml", "1.33 (patched)"));
    assertEquals(List.of(), list.affecting("org.yaml", "snakeyaml", null));
  }

  @Test
  void aUserListIsReadFromAFileAndAddedToTheBundledOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ours.txt");
    Files.writeString(file, """
        # our own findings
        com.example:billing   (,3.1.0)   INTERNAL-42   medium   leaks invoices to the log

        """);
    AdvisoryList ours = AdvisoryList.read(file);
    assertEquals(1, ours.advisories().size());
    Advisory a = ours.advisories().get(0);
    assertEquals("com.example:billing", a.coordinate());
    assertEquals("leaks invoices to the log", a.summary());
    AdvisoryList both = AdvisoryList.bundled().plus(ours);
    assertFlagged(both, "com.example", "billing", "3.0.9", "INTERNAL-42");
    assertFlagged(both, "org.yaml", "snakeyaml", "1.33", "CVE-2022-1471");
  }

  @Test
  void aMalformedLineIsRefusedWithItsSourceAndLine() {
    for (String bad : List.of("com.example:x [1.0,2.0) ID-1 high", "com.example [1.0,2.0) ID-1 high s",
        "com.example:x:1 [1.0,2.0) ID-1 high s", "com.example:x 1.0 ID-1 high s",
        "com.example:x [1.0,2.0) ID-1 urgent s", "com.example:x [2.0,1.0) ID-1 high s")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AdvisoryList.parse("mine.txt", new StringReader("# header\n" + bad + "\n")), bad);
      assertTrue(e.getMessage().startsWith("mine.txt line 2: "), e.getMessage());
    }
  }

  private static void assertFlagged(AdvisoryList list, String group, String artifact, String version, String id) {
    assertTrue(ids(list.affecting(group, artifact, version)).contains(id), group + ":" + artifact + ":" + version);
  }

  private static void assertClean(AdvisoryList list, String group, String artifact, String version) {
    assertEquals(List.of(), list.affecting(group, artifact, version), group + ":" + artifact + ":" + version);
  }

  private static List<String> ids(List<Advisory> advisories) {
    return advisories.stream().map(Advisory::id).toList();
  }
}
