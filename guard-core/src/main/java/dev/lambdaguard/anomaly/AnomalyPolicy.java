package dev.lambdaguard.anomaly;

import dev.lambdaguard.internal.Settings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the anomaly detector looks for and how sure it must be before it reports; immutable, built once at init.
 *
 * <p>The defaults were chosen on the simulated traffic described in {@code BENCHMARKS.md} (legitimate users
 * behind shared NATs, mobile users changing addresses, users with stale tokens, bursts) and checked over several
 * seeds; they count what one execution environment sees. A function scaled to many concurrent environments
 * spreads one attacker over them, so each sees a share: lower the counts in proportion where that matters.
 *
 * <pre>{@code
 * Guard.builder().jwt(tokens).anomalyDetection(AnomalyPolicy.builder().authFailures(20).build())
 * }</pre>
 */
public final class AnomalyPolicy {

  public static final int DEFAULT_MAX_TRACKED_KEYS = 4096;
  public static final int DEFAULT_AUTH_FAILURES = 8;
  public static final double DEFAULT_AUTH_FAILURE_RATIO = 0.5;
  public static final int DEFAULT_DISTINCT_FAILED_CREDENTIALS = 4;
  public static final Duration DEFAULT_AUTH_FAILURE_HALF_LIFE = Duration.ofMinutes(30);
  public static final int DEFAULT_DENIED_PATHS_PER_IP = 20;
  public static final int DEFAULT_PATHS_PER_PRINCIPAL = 40;
  public static final int DEFAULT_INPUT_FINDINGS_PER_IP = 5;
  public static final Duration DEFAULT_SCAN_WINDOW = Duration.ofMinutes(15);
  public static final int DEFAULT_SOURCES_PER_TOKEN = 6;
  public static final int DEFAULT_SOURCE_SWITCHES_PER_TOKEN = 10;
  public static final Duration DEFAULT_TOKEN_WINDOW = Duration.ofMinutes(20);
  public static final Duration DEFAULT_TOKEN_SETTLE_WINDOW = Duration.ofMinutes(1);
  public static final int DEFAULT_ROUTE_SPIKE_MINIMUM = 100;
  public static final int DEFAULT_ROUTE_FAILURE_MINIMUM = 30;
  public static final double DEFAULT_ROUTE_SPIKE_FACTOR = 4.0;
  public static final double DEFAULT_ROUTE_SPIKE_DEVIATIONS = 6.0;
  public static final Duration DEFAULT_VOLUME_WARMUP = Duration.ofMinutes(15);
  public static final Duration DEFAULT_ALERT_COOLDOWN = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_ANOMALIES_PER_MINUTE = 30;

  private static final AnomalyPolicy DEFAULTS = builder().build();

  final Set<AnomalyType> enabled;
  final int maxTrackedKeys;
  final int authFailures;
  final double authFailureRatio;
  final int distinctFailedCredentials;
  final long authFailureHalfLifeMillis;
  final int deniedPathsPerIp;
  final int pathsPerPrincipal;
  final int inputFindingsPerIp;
  final long scanWindowMillis;
  final int sourcesPerToken;
  final int sourceSwitchesPerToken;
  final long tokenWindowMillis;
  final long tokenSettleMillis;
  final int routeSpikeMinimum;
  final int routeFailureMinimum;
  final double routeSpikeFactor;
  final double routeSpikeDeviations;
  final long volumeWarmupMillis;
  final long alertCooldownMillis;
  final int maxAnomaliesPerMinute;
  final SharedFailures sharedFailures;

  private AnomalyPolicy(Builder b) {
    this.enabled = Set.copyOf(b.enabled);
    this.maxTrackedKeys = b.maxTrackedKeys;
    this.authFailures = b.authFailures;
    this.authFailureRatio = b.authFailureRatio;
    this.distinctFailedCredentials = b.distinctFailedCredentials;
    this.authFailureHalfLifeMillis = b.authFailureHalfLife.toMillis();
    this.deniedPathsPerIp = b.deniedPathsPerIp;
    this.pathsPerPrincipal = b.pathsPerPrincipal;
    this.inputFindingsPerIp = b.inputFindingsPerIp;
    this.scanWindowMillis = b.scanWindow.toMillis();
    this.sourcesPerToken = b.sourcesPerToken;
    this.sourceSwitchesPerToken = b.sourceSwitchesPerToken;
    this.tokenWindowMillis = b.tokenWindow.toMillis();
    this.tokenSettleMillis = b.tokenSettleWindow.toMillis();
    this.routeSpikeMinimum = b.routeSpikeMinimum;
    this.routeFailureMinimum = b.routeFailureMinimum;
    this.routeSpikeFactor = b.routeSpikeFactor;
    this.routeSpikeDeviations = b.routeSpikeDeviations;
    this.volumeWarmupMillis = b.volumeWarmup.toMillis();
    this.alertCooldownMillis = b.alertCooldown.toMillis();
    this.maxAnomaliesPerMinute = b.maxAnomaliesPerMinute;
    this.sharedFailures = b.sharedFailures;
  }

  /** Every detector with the {@code DEFAULT_...} settings. */
  public static AnomalyPolicy defaults() {
    return DEFAULTS;
  }

  /** Only the given detectors, with the default settings. */
  public static AnomalyPolicy only(AnomalyType first, AnomalyType... more) {
    return builder().only(first, more).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's settings, to derive another. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The detectors that run. */
  public Set<AnomalyType> enabled() {
    return enabled;
  }

  /**
   * Configures a policy; each setter validates at once and names the setting on a bad value. Not thread-safe;
   * the policy is.
   */
  public static final class Builder {
    private Set<AnomalyType> enabled = EnumSet.allOf(AnomalyType.class);
    private int maxTrackedKeys = DEFAULT_MAX_TRACKED_KEYS;
    private int authFailures = DEFAULT_AUTH_FAILURES;
    private double authFailureRatio = DEFAULT_AUTH_FAILURE_RATIO;
    private int distinctFailedCredentials = DEFAULT_DISTINCT_FAILED_CREDENTIALS;
    private Duration authFailureHalfLife = DEFAULT_AUTH_FAILURE_HALF_LIFE;
    private int deniedPathsPerIp = DEFAULT_DENIED_PATHS_PER_IP;
    private int pathsPerPrincipal = DEFAULT_PATHS_PER_PRINCIPAL;
    private int inputFindingsPerIp = DEFAULT_INPUT_FINDINGS_PER_IP;
    private Duration scanWindow = DEFAULT_SCAN_WINDOW;
    private int sourcesPerToken = DEFAULT_SOURCES_PER_TOKEN;
    private int sourceSwitchesPerToken = DEFAULT_SOURCE_SWITCHES_PER_TOKEN;
    private Duration tokenWindow = DEFAULT_TOKEN_WINDOW;
    private Duration tokenSettleWindow = DEFAULT_TOKEN_SETTLE_WINDOW;
    private int routeSpikeMinimum = DEFAULT_ROUTE_SPIKE_MINIMUM;
    private int routeFailureMinimum = DEFAULT_ROUTE_FAILURE_MINIMUM;
    private double routeSpikeFactor = DEFAULT_ROUTE_SPIKE_FACTOR;
    private double routeSpikeDeviations = DEFAULT_ROUTE_SPIKE_DEVIATIONS;
    private Duration volumeWarmup = DEFAULT_VOLUME_WARMUP;
    private Duration alertCooldown = DEFAULT_ALERT_COOLDOWN;
    private int maxAnomaliesPerMinute = DEFAULT_MAX_ANOMALIES_PER_MINUTE;
    private SharedFailures sharedFailures;

    private Builder() {}

    private Builder(AnomalyPolicy p) {
      enabled = p.enabled.isEmpty() ? EnumSet.noneOf(AnomalyType.class) : EnumSet.copyOf(p.enabled);
      maxTrackedKeys = p.maxTrackedKeys;
      authFailures = p.authFailures;
      authFailureRatio = p.authFailureRatio;
      distinctFailedCredentials = p.distinctFailedCredentials;
      authFailureHalfLife = Duration.ofMillis(p.authFailureHalfLifeMillis);
      deniedPathsPerIp = p.deniedPathsPerIp;
      pathsPerPrincipal = p.pathsPerPrincipal;
      inputFindingsPerIp = p.inputFindingsPerIp;
      scanWindow = Duration.ofMillis(p.scanWindowMillis);
      sourcesPerToken = p.sourcesPerToken;
      sourceSwitchesPerToken = p.sourceSwitchesPerToken;
      tokenWindow = Duration.ofMillis(p.tokenWindowMillis);
      tokenSettleWindow = Duration.ofMillis(p.tokenSettleMillis);
      routeSpikeMinimum = p.routeSpikeMinimum;
      routeFailureMinimum = p.routeFailureMinimum;
      routeSpikeFactor = p.routeSpikeFactor;
      routeSpikeDeviations = p.routeSpikeDeviations;
      volumeWarmup = Duration.ofMillis(p.volumeWarmupMillis);
      alertCooldown = Duration.ofMillis(p.alertCooldownMillis);
      maxAnomaliesPerMinute = p.maxAnomaliesPerMinute;
      sharedFailures = p.sharedFailures;
    }

    /** Runs only the given detectors (default: all). */
    public Builder only(AnomalyType first, AnomalyType... more) {
      this.enabled = EnumSet.of(Objects.requireNonNull(first, "detector"), more);
      return this;
    }

    /** Turns the given detectors off. */
    public Builder disable(AnomalyType first, AnomalyType... more) {
      enabled.remove(Objects.requireNonNull(first, "detector"));
      for (AnomalyType type : more) {
        enabled.remove(Objects.requireNonNull(type, "detector"));
      }
      return this;
    }

    /**
     * How many keys each table holds (source addresses, principals, credentials; routes hold a sixteenth), 64 to
     * 1,048,576, default 4096; the least recently seen key gives way. Memory is about 200 bytes a key.
     */
    public Builder maxTrackedKeys(int keys) {
      this.maxTrackedKeys = Settings.within("maxTrackedKeys", keys, 64, 1 << 20);
      return this;
    }

    /** Failed authentications from one address (decayed count, see {@link #authFailureHalfLife}), default 8. */
    public Builder authFailures(int count) {
      this.authFailures = Settings.within("authFailures", count, 2, 1_000_000);
      return this;
    }

    /**
     * The share of that address's requests that must have failed authentication, 0 to 1, default 0.5: a NAT
     * in front of many honest users fails now and then but mostly succeeds.
     */
    public Builder authFailureRatio(double ratio) {
      if (!(ratio >= 0.0 && ratio <= 1.0)) {
        throw new IllegalArgumentException("authFailureRatio must be between 0.0 and 1.0: " + ratio);
      }
      this.authFailureRatio = ratio;
      return this;
    }

    /**
     * How many different credentials must have failed from that address (over the scan window), default 4: one
     * client retrying its one expired token is a bug, not stuffing.
     */
    public Builder distinctFailedCredentials(int count) {
      this.distinctFailedCredentials = Settings.within("distinctFailedCredentials", count, 1, 200);
      return this;
    }

    /** How fast failures are forgotten: a failure counts half after this long; 1 minute to 1 day, default 30 minutes. */
    public Builder authFailureHalfLife(Duration halfLife) {
      this.authFailureHalfLife =
          Settings.within("authFailureHalfLife", halfLife, Duration.ofMinutes(1), Duration.ofDays(1));
      return this;
    }

    /** Distinct paths refused to one address within the scan window, default 20. */
    public Builder deniedPathsPerIp(int count) {
      this.deniedPathsPerIp = Settings.within("deniedPathsPerIp", count, 2, 200);
      return this;
    }

    /** Distinct paths one principal requests within the scan window, default 40. */
    public Builder pathsPerPrincipal(int count) {
      this.pathsPerPrincipal = Settings.within("pathsPerPrincipal", count, 2, 200);
      return this;
    }

    /** Requests with input findings (injections, malformed input) from one address, decayed, default 5. */
    public Builder inputFindingsPerIp(int count) {
      this.inputFindingsPerIp = Settings.within("inputFindingsPerIp", count, 1, 1_000_000);
      return this;
    }

    /**
     * The epoch of distinct counts for scanning and failed credentials: a count covers one to two epochs.
     * 1 minute to 1 day, default 15 minutes.
     */
    public Builder scanWindow(Duration window) {
      this.scanWindow = Settings.within("scanWindow", window, Duration.ofMinutes(1), Duration.ofDays(1));
      return this;
    }

    /** Distinct source addresses (IPv6 by /64) one credential is presented from within the token window, default 6. */
    public Builder sourcesPerToken(int count) {
      this.sourcesPerToken = Settings.within("sourcesPerToken", count, 2, 200);
      return this;
    }

    /**
     * Changes of source address between consecutive uses of one credential (decayed), default 10, counted only
     * once it has been used from three addresses: the owner and a thief using one token at once alternate.
     */
    public Builder sourceSwitchesPerToken(int count) {
      this.sourceSwitchesPerToken = Settings.within("sourceSwitchesPerToken", count, 2, 1_000_000);
      return this;
    }

    /** The epoch of the per-credential counts: 1 minute to 1 day, default 20 minutes. */
    public Builder tokenWindow(Duration window) {
      this.tokenWindow = Settings.within("tokenWindow", window, Duration.ofMinutes(1), Duration.ofDays(1));
      return this;
    }

    /**
     * How long after a credential's first use (as this environment sees it) the addresses it is used from are its
     * home, 0 to 1 hour, default 1 minute. A client that spreads its calls over a pool of egress addresses from the
     * start (a fleet of workers, a rotating proxy) is one holder: its pool raises the distinct-address bar by its
     * size and alternating within it is not a switch. A theft is a change of hands later on. 0 turns this off.
     */
    public Builder tokenSettleWindow(Duration window) {
      this.tokenSettleWindow = Settings.within("tokenSettleWindow", window, Duration.ZERO, Duration.ofHours(1));
      return this;
    }

    /** A route's requests in one minute below which no volume spike is reported, default 100. */
    public Builder routeSpikeMinimum(int requestsPerMinute) {
      this.routeSpikeMinimum = Settings.within("routeSpikeMinimum", requestsPerMinute, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * A route's refused credentials in one minute below which no stuffing is reported for the route, default 30:
     * stuffing from a pool so wide that no one address fails often is still a burst of refused credentials on the
     * route it targets (tokens missing altogether do not count: a flood without tokens is a volume spike). The spike
     * factor, deviations and warm-up are the volume detector's.
     */
    public Builder routeFailureMinimum(int failuresPerMinute) {
      this.routeFailureMinimum = Settings.within("routeFailureMinimum", failuresPerMinute, 1, Integer.MAX_VALUE);
      return this;
    }

    /** How many times its smoothed per-minute mean a route's minute must reach, 1.5 to 1000, default 4. */
    public Builder routeSpikeFactor(double factor) {
      if (!(factor >= 1.5 && factor <= 1000)) {
        throw new IllegalArgumentException("routeSpikeFactor must be between 1.5 and 1000: " + factor);
      }
      this.routeSpikeFactor = factor;
      return this;
    }

    /** How many standard deviations above its mean a route's minute must be, 1 to 100, default 6. */
    public Builder routeSpikeDeviations(double deviations) {
      if (!(deviations >= 1 && deviations <= 100)) {
        throw new IllegalArgumentException("routeSpikeDeviations must be between 1 and 100: " + deviations);
      }
      this.routeSpikeDeviations = deviations;
      return this;
    }

    /** How long a route must have been watched before its baseline is trusted, 1 minute to 1 day, default 15 minutes. */
    public Builder volumeWarmup(Duration warmup) {
      this.volumeWarmup = Settings.within("volumeWarmup", warmup, Duration.ofMinutes(1), Duration.ofDays(1));
      return this;
    }

    /** After an anomaly, the same detector stays quiet about the same key this long; 0 to 1 day, default 10 minutes. */
    public Builder alertCooldown(Duration cooldown) {
      this.alertCooldown = Settings.within("alertCooldown", cooldown, Duration.ZERO, Duration.ofDays(1));
      return this;
    }

    /** At most this many anomalies reported a minute, whatever the attack's size; the rest are counted, default 30. */
    public Builder maxAnomaliesPerMinute(int count) {
      this.maxAnomaliesPerMinute = Settings.within("maxAnomaliesPerMinute", count, 1, 100_000);
      return this;
    }

    /**
     * Counts failed authentications over every execution environment together (see {@link SharedFailures}), so
     * that credential stuffing spread over environments reaches the thresholds, and one environment reports it.
     * Default: none, each environment counts what it sees.
     */
    public Builder sharedFailures(SharedFailures shared) {
      this.sharedFailures = Objects.requireNonNull(shared, "sharedFailures");
      return this;
    }

    public AnomalyPolicy build() {
      return new AnomalyPolicy(this);
    }
  }
}
