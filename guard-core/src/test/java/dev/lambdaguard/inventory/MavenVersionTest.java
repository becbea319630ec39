package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

class MavenVersionTest {

  /** Version strings as artifacts and jar manifests really write them, with the corner cases of Maven's ordering. */
  static final List<String> CORPUS = List.of(
      "1", "1.0", "1.0.0", "1.0.0.0", "1.0.1", "1.1", "1.2", "1.2.3", "1.10", "1.9", "2", "2.0", "10", "9",
      "1.0-alpha", "1.0-alpha1", "1.0-alpha-1", "1.0-alpha2", "1.0-alpha10", "1.0a1", "1.0-a1", "1.0-beta", "1.0-b2",
      "1.0-beta-2", "1.0-milestone1", "1.0-M1", "1.0-m2", "1.0-rc1", "1.0-RC2", "1.0-cr1", "1.0-SNAPSHOT",
      "1.0-ga", "1.0-final", "1.0.RELEASE", "1.0-sp", "1.0-sp1", "1.0-foo", "1.0-zzz", "1.0-1", "1.0-2",
      "1.0.0-1", "1.0-0", "1.0.0-alpha", "2.0-beta9", "2.0-rc1", "2.0.1", "2.3.1", "2.3.2", "2.4", "2.12.2",
      "2.12.4", "2.12.6.1", "2.13.0", "2.13.2.1", "2.14.1", "2.15.0", "2.17.0", "2.17.1", "2.17.2", "2.24.3",
      "3.2.1", "3.2.2", "4.0", "4.1", "1.9.0", "1.10.0", "1.1.1", "1.33", "2.0.0", "2.2",
      "2.9.10.7", "2.9.10.8", "2.9.10", "2.10.0", "5.2.19.RELEASE", "5.2.20.RELEASE", "5.3.17", "5.3.18",
      "9.37.1", "9.37.2", "9.37.3", "10.10", "4.1.99.Final", "4.1.100.Final", "4.1.0.Final",
      "17", "17.0.2", "17.0.3", "17.0.15", "18", "18.0.1", "21.0.5", "11.0.18",
      "20260313.1", "7.7.0.RELEASE", "3.1.8", "1.4.20", "1.4.17", "0.9", "0.0.1", "1.0.0-RC1", "1.0.0.Final",
      "12345678901234567890.1");

  @Test
  void ordersEveryPairAsMavenDoes() {
    for (String a : CORPUS) {
      for (String b : CORPUS) {
        int expected = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
        int actual = Integer.signum(MavenVersion.parse(a).compareTo(MavenVersion.parse(b)));
        assertEquals(expected, actual, a + " vs " + b);
      }
    }
  }

  @Test
  void numbersCompareAsNumbersAndMissingPartsAreZero() {
    assertTrue(v("2.10").compareTo(v("2.9")) > 0);
    assertEquals(v("2.0"), v("2.0.0"));
    assertEquals(v("2"), v("2.0.0.0"));
    assertTrue(v("2.17.1").compareTo(v("2.17")) > 0);
  }

  @Test
  void qualifiersPrecedeTheRelease() {
    assertTrue(v("2.0-beta9").compareTo(v("2.0")) < 0);
    assertTrue(v("2.0-alpha1").compareTo(v("2.0-beta1")) < 0);
    assertTrue(v("2.0-beta1").compareTo(v("2.0-M1")) < 0);
    assertTrue(v("2.0-M1").compareTo(v("2.0-rc1")) < 0);
    assertTrue(v("2.0-rc1").compareTo(v("2.0-SNAPSHOT")) < 0);
    assertTrue(v("2.0-SNAPSHOT").compareTo(v("2.0")) < 0);
    assertTrue(v("2.0").compareTo(v("2.0-sp1")) < 0);
    assertEquals(v("5.2.20.RELEASE"), v("5.2.20"));
    assertEquals(v("4.1.100.Final"), v("4.1.100"));
    assertEquals(v("1.0b2"), v("1.0-beta-2"));
  }

  @Test
  void aDashPartFollowsTheVersionButPrecedesTheNextOne() {
    assertTrue(v("1.0-1").compareTo(v("1.0")) > 0);
    assertTrue(v("1.0-1").compareTo(v("1.0.1")) < 0);
  }

  @Test
  void refusesWhatIsNoVersion() {
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse(""));
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse(null));
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse("1.0 beta"));
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse("1.0,2.0"));
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse("1.0\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> MavenVersion.parse("1.".repeat(65)));
  }

  @Test
  void aLongRunOfSeparatorsParsesQuickly() {
    // Bounded by the length limit and linear: no pathological input for a parser that reads jar metadata.
    MavenVersion deep = MavenVersion.parse("1-".repeat(63) + "1");
    assertTrue(deep.compareTo(v("1")) > 0);
  }

  private static MavenVersion v(String text) {
    return MavenVersion.parse(text);
  }
}
