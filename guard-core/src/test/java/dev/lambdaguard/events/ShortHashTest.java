package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The correlation hash: stable across releases (SIEM rules join on it), spread even for adjacent inputs. */
class ShortHashTest {

  @Test
  void theValueOfAKnownInputNeverChanges() {
    assertEquals(ShortHash.of("ip:203.0.113.9"), ShortHash.of("ip:203.0.113.9"));
    assertEquals(PINNED, ShortHash.of("ip:203.0.113.9"));
  }

  /** Computed independently (FNV-1a 64, SplitMix64 finalizer, base64url of the 64 bits) by a Python one-liner. */
  static final String PINNED = "nVqzLBMD8rg";

  @Test
  void adjacentAddressesNeverCollide() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 65_536; i++) {
      String hash = ShortHash.of("ip:10.0." + (i >> 8) + "." + (i & 0xff));
      assertTrue(hash.matches("[A-Za-z0-9_-]{11}"), hash);
      assertTrue(seen.add(hash), "collision at " + i);
    }
  }

  @Test
  void everyBitOfTheHashIsUsed() {
    Set<Character> first = new HashSet<>();
    Set<Character> last = new HashSet<>();
    for (int i = 0; i < 4096; i++) {
      String hash = ShortHash.of("sub:user-" + i);
      first.add(hash.charAt(0));
      last.add(hash.charAt(10));
    }
    assertEquals(64, first.size(), "the first character takes every value");
    assertEquals(16, last.size(), "the last character carries the remaining 4 bits");
  }
}
