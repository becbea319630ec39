package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build's enforcer bans what the advisory list names: {@code build/enforcer/advisories.xml} (read by the
 * enforcer's externalRules in the parent pom) must be exactly what this test generates from guard-core's
 * {@code advisories.txt}. When the list changes, this test fails and writes the new rules to
 * {@code guard-core/target/advisories.xml}; copy that file over {@code build/enforcer/advisories.xml}.
 */
class AdvisoryEnforcerRulesTest {

  static final Path COMMITTED = Path.of("..", "build", "enforcer", "advisories.xml");

  /** The enforcer rules for a list: one bannedDependencies exclude per library advisory, its range as written. */
  static String enforcerRules(AdvisoryList list) {
    StringBuilder xml = new StringBuilder()
        .append("<!-- Generated from guard-core/src/main/resources/dev/lambdaguard/inventory/advisories.txt;\n")
        .append("     do not edit: AdvisoryEnforcerRulesTest fails when the two differ and writes the new form to\n")
        .append("     guard-core/target/advisories.xml. Read by maven-enforcer's externalRules (parent pom). -->\n")
        .append("<enforcer>\n  <rules>\n    <bannedDependencies>\n")
        .append("      <message>A dependency has a known vulnerability (advisories.txt, docs/supply-chain.md): ")
        .append("upgrade it, or pin a fixed version in dependencyManagement.</message>\n")
        .append("      <excludes>\n");
    for (Advisory a : list.advisories()) {
      if (a.isJavaRuntime()) {
        continue; // not an artifact: the runtime inventory checks the Java it runs on
      }
      xml.append("        <!-- ").append(a.id()).append(' ').append(a.severity()).append(" -->\n")
          .append("        <exclude>").append(a.coordinate()).append(':').append(a.affected()).append("</exclude>\n");
    }
    return xml.append("      </excludes>\n    </bannedDependencies>\n  </rules>\n</enforcer>\n").toString();
  }

  @Test
  void theEnforcerBansExactlyTheBundledListsLibraryAdvisories() throws IOException {
    String expected = enforcerRules(AdvisoryList.bundled());
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    if (!expected.equals(committed)) {
      Path fresh = Path.of("target", "advisories.xml");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, committed, "build/enforcer/advisories.xml is out of date with advisories.txt: copy "
        + "guard-core/target/advisories.xml over it");
  }

  @Test
  void everyLibraryAdvisoryBecomesOneExclude() {
    String rules = enforcerRules(AdvisoryList.bundled());
    long libraries = AdvisoryList.bundled().advisories().stream().filter(a -> !a.isJavaRuntime()).count();
    assertEquals(libraries, rules.lines().filter(l -> l.contains("<exclude>")).count());
    assertTrue(rules.contains(
        "<exclude>org.apache.logging.log4j:log4j-core:[2.0-beta9,2.3.2),[2.4,2.12.4),[2.13.0,2.17.1)</exclude>"));
    assertTrue(!rules.contains("java:runtime"));
  }
}
