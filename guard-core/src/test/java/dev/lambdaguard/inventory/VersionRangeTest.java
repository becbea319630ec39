package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

  static final List<String> RANGES = List.of(
      "[2.0,2.17.1)", "[2.0-beta9,2.3.2),[2.4,2.12.4),[2.13.0,2.17.1)", "(,1.2.17]", "(,3.2.2)", "[4.0]",
      "[1.5,1.10.0)", "(,2.0)", "[2.0.0,2.12.6.1),[2.13.0,2.13.2.1)", "(,5.2.20),[5.3.0,5.3.18)",
      "[4.1.0,4.1.100.Final)", "[15,17.0.3),[18,18.0.1)", "[1.0,)", "(1.0,2.0]", "(1.0,2.0)", "[1.0,1.0]");

  @Test
  void containsWhatMavenRangesContain() throws InvalidVersionSpecificationException {
    for (String spec : RANGES) {
      org.apache.maven.artifact.versioning.VersionRange maven =
          org.apache.maven.artifact.versioning.VersionRange.createFromVersionSpec(spec);
      VersionRange ours = VersionRange.parse(spec);
      for (String version : MavenVersionTest.CORPUS) {
        assertEquals(maven.containsVersion(new DefaultArtifactVersion(version)),
            ours.contains(MavenVersion.parse(version)), spec + " contains " + version);
      }
    }
  }

  @Test
  void boundsAreIncludedOrExcludedAsWritten() {
    VersionRange log4j = VersionRange.parse("[2.0-beta9,2.3.2),[2.4,2.12.4),[2.13.0,2.17.1)");
    assertTrue(log4j.contains(v("2.0-beta9")));
    assertFalse(log4j.contains(v("2.0-beta8")));
    assertTrue(log4j.contains(v("2.14.1")));
    assertTrue(log4j.contains(v("2.17.0")));
    assertFalse(log4j.contains(v("2.17.1")));
    assertFalse(log4j.contains(v("2.3.2")));
    assertTrue(log4j.contains(v("2.12.3")));
    assertFalse(log4j.contains(v("2.12.4")));
    assertFalse(log4j.contains(v("2.20.0")));

    assertTrue(VersionRange.parse("(,1.2.17]").contains(v("1.2.17")));
    assertFalse(VersionRange.parse("(,3.2.2)").contains(v("3.2.2")));
    assertTrue(VersionRange.parse("(,3.2.2)").contains(v("3.2.1")));
    assertTrue(VersionRange.parse("[4.0]").contains(v("4.0.0")));
    assertFalse(VersionRange.parse("[4.0]").contains(v("4.1")));
    assertFalse(VersionRange.parse("(1.0,2.0)").contains(v("1.0")));
    assertTrue(VersionRange.parse("[1.0,)").contains(v("999")));
  }

  @Test
  void printsBackInMavenSyntax() {
    for (String spec : RANGES) {
      String printed = VersionRange.parse(spec).toString();
      assertEquals(spec.replace("[1.0,1.0]", "[1.0]"), printed);
    }
  }

  @Test
  void refusesWhatMavenRefusesOrWhatMeansEverything() {
    for (String bad : List.of("", "1.0", "[1.0", "1.0]", "[2.0,1.0]", "[1.0,2.0),[1.5,3.0)",
        "[3.0,4.0),[1.0,2.0)", "[1.0,2.0],[2.0,3.0)", "[1.0,2.0),", "[1.0,2.0)[3.0,4.0)", "[,1.0)", "(1.0,]",
        "(1.0)", "[1.0,1.0)", "[1.0,2.0,3.0]", "[]", "[1 0,2.0)")) {
      assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(bad), bad);
    }
  }

  @Test
  void adjacentRangesThatDoNotShareAVersionAreAccepted() {
    VersionRange r = VersionRange.parse("[1.0,2.0),[2.0,3.0)");
    assertTrue(r.contains(v("2.0")));
    assertFalse(r.contains(v("3.0")));
  }

  private static MavenVersion v(String text) {
    return MavenVersion.parse(text);
  }
}
