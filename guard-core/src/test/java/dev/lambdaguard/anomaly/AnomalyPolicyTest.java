package dev.lambdaguard.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnomalyPolicyTest {

  @Test
  void theDefaultsArePinned() {
    AnomalyPolicy p = AnomalyPolicy.defaults();
    assertEquals(EnumSet.allOf(AnomalyType.class), p.enabled());
    assertEquals(4096, p.maxTrackedKeys);
    assertEquals(8, p.authFailures);
    assertEquals(0.5, p.authFailureRatio);
    assertEquals(4, p.distinctFailedCredentials);
    assertEquals(Duration.ofMinutes(30).toMillis(), p.authFailureHalfLifeMillis);
    assertEquals(20, p.deniedPathsPerIp);
    assertEquals(40, p.pathsPerPrincipal);
    assertEquals(5, p.inputFindingsPerIp);
    assertEquals(Duration.ofMinutes(15).toMillis(), p.scanWindowMillis);
    assertEquals(6, p.sourcesPerToken);
    assertEquals(10, p.sourceSwitchesPerToken);
    assertEquals(Duration.ofMinutes(20).toMillis(), p.tokenWindowMillis);
    assertEquals(100, p.routeSpikeMinimum);
    assertEquals(4.0, p.routeSpikeFactor);
    assertEquals(6.0, p.routeSpikeDeviations);
    assertEquals(Duration.ofMinutes(15).toMillis(), p.volumeWarmupMillis);
    assertEquals(Duration.ofMinutes(10).toMillis(), p.alertCooldownMillis);
    assertEquals(30, p.maxAnomaliesPerMinute);
  }

  @Test
  void aBadSettingFailsAtTheLineThatSetItAndNamesIt() {
    assertEquals("authFailures must be between 2 and 1000000: 1",
        assertThrows(IllegalArgumentException.class, () -> AnomalyPolicy.builder().authFailures(1)).getMessage());
    assertEquals("authFailureRatio must be between 0.0 and 1.0: NaN",
        assertThrows(IllegalArgumentException.class, () -> AnomalyPolicy.builder().authFailureRatio(Double.NaN))
            .getMessage());
    assertEquals("maxTrackedKeys must be between 64 and 1048576: 10",
        assertThrows(IllegalArgumentException.class, () -> AnomalyPolicy.builder().maxTrackedKeys(10)).getMessage());
    assertEquals("scanWindow must be between PT1M and PT24H: PT1S",
        assertThrows(IllegalArgumentException.class, () -> AnomalyPolicy.builder().scanWindow(Duration.ofSeconds(1)))
            .getMessage());
    assertThrows(NullPointerException.class, () -> AnomalyPolicy.builder().tokenWindow(null));
    assertThrows(IllegalArgumentException.class, () -> AnomalyPolicy.builder().routeSpikeFactor(1.0));
  }

  @Test
  void toBuilderDerivesWithoutChangingTheOriginal() {
    AnomalyPolicy base = AnomalyPolicy.builder().disable(AnomalyType.VOLUME_SPIKE).authFailures(20).build();
    AnomalyPolicy derived = base.toBuilder().sourcesPerToken(9).build();
    assertEquals(20, derived.authFailures);
    assertEquals(9, derived.sourcesPerToken);
    assertEquals(6, base.sourcesPerToken);
    assertEquals(Set.of(AnomalyType.CREDENTIAL_STUFFING, AnomalyType.SCANNING, AnomalyType.TOKEN_THEFT),
        derived.enabled());
  }

  @Test
  void typeCodesAreStable() {
    assertEquals("credential_stuffing", AnomalyType.CREDENTIAL_STUFFING.code());
    assertEquals("scanning", AnomalyType.SCANNING.code());
    assertEquals("token_theft", AnomalyType.TOKEN_THEFT.code());
    assertEquals("volume_spike", AnomalyType.VOLUME_SPIKE.code());
  }
}
