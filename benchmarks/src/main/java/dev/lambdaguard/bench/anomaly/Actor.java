package dev.lambdaguard.bench.anomaly;

import dev.lambdaguard.anomaly.AnomalyType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent a simulated request: one legitimate user, or one attack campaign (which may use many addresses).
 *
 * @param id unique within a trace
 * @param kind what the actor is
 * @param start the time of its first request, epoch milliseconds
 * @param alsoExhibits patterns besides its own kind's that this campaign shows by construction, as each detector
 *     defines its pattern: a scanner that tries random bearer tokens is brute-forcing tokens; any campaign
 *     that makes most of a route's traffic for a minute is a volume spike on it
 */
public record Actor(int id, Kind kind, long start, Set<AnomalyType> alsoExhibits) {

  public Actor {
    alsoExhibits = alsoExhibits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alsoExhibits));
  }

  /** Whether an alert of {@code type} on this actor's key names a pattern the actor really shows. */
  public boolean exhibits(AnomalyType type) {
    return kind.detectedBy() == type || alsoExhibits.contains(type) || type == AnomalyType.VOLUME_SPIKE;
  }

  /** The ground truth: what each kind of actor is, and which detector should find it (none for users). */
  public enum Kind {
    LEGIT(null),
    /** Many leaked or forged credentials, fast, from a rotating pool of proxy addresses. */
    STUFFING(AnomalyType.CREDENTIAL_STUFFING),
    /** The same, one attempt every one to three minutes from one to three addresses, for hours. */
    SLOW_STUFFING(AnomalyType.CREDENTIAL_STUFFING),
    /** Probes for well-known paths and injections from one address, mostly without a token. */
    SCANNER(AnomalyType.SCANNING),
    /** An account of the attacker's own walking sequential order ids. */
    ENUMERATOR(AnomalyType.SCANNING),
    /** An account of the attacker's own reading random order ids from a few addresses, under the rate limit. */
    SCRAPER(AnomalyType.SCANNING),
    /** A user's live token replayed from a botnet while the user keeps using it. */
    TOKEN_THIEF(AnomalyType.TOKEN_THEFT),
    /** A burst of unauthenticated traffic from many addresses on one route. */
    FLOOD(AnomalyType.VOLUME_SPIKE);

    private final AnomalyType detectedBy;

    Kind(AnomalyType detectedBy) {
      this.detectedBy = detectedBy;
    }

    /** The detector that should report this kind of actor; null for legitimate users. */
    public AnomalyType detectedBy() {
      return detectedBy;
    }
  }
}
