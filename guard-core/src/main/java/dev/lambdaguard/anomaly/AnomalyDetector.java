package dev.lambdaguard.anomaly;

import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Notices;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reason;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.anomaly.internal.DistinctSketch;
import dev.lambdaguard.anomaly.internal.FastHash;
import dev.lambdaguard.anomaly.internal.KeyedTable;
import dev.lambdaguard.anomaly.internal.MinuteSeries;
import dev.lambdaguard.anomaly.internal.PrincipalState;
import dev.lambdaguard.anomaly.internal.RouteBaseline;
import dev.lambdaguard.anomaly.internal.SourceState;
import dev.lambdaguard.anomaly.internal.TokenState;
import dev.lambdaguard.internal.EnvironmentNotices;
import dev.lambdaguard.internal.TokenFingerprint;
import dev.lambdaguard.ratelimit.internal.IpPrefix;
import dev.lambdaguard.ratelimit.internal.KeyHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the outcome of every request and reports attack patterns that no single request shows: credential
 * stuffing, scanning and enumeration, one credential used from many places, sudden volume on a route.
 *
 * <p>It observes after the chain has decided, and never changes a decision: its output is {@link Anomaly}
 * values, which the guard reports as {@code anomaly} events. What it keeps is bounded: four fixed-size tables
 * (source addresses, principals, credentials, routes; see {@link AnomalyPolicy.Builder#maxTrackedKeys}) of a few
 * counters each, keyed by a seeded 64-bit hash of the caller's input, never the input itself. Per request it
 * hashes the address, path, principal and credential once and updates at most four entries, under one lock that
 * is uncontended in Lambda (one invocation at a time per environment). Time is the guard's clock.
 *
 * <p>Credentials are read from the {@code Authorization} header (whatever the scheme) or the gateway's API key;
 * tokens in cookies or custom headers are not followed by the token-theft detector.
 */
public final class AnomalyDetector {

  private static final int STUFFING = 0;
  private static final int SCAN_DENIED_PATHS = 1;
  private static final int SCAN_FINDINGS = 2;
  private static final int SLOT = 0;
  private static final int ROUTE_FAILURES = 1;
  private static final double LN2 = Math.log(2);
  private static final String NO_ROUTE = "$default";

  private final AnomalyPolicy policy;
  /** Keys every hash: secret, so that a caller cannot choose inputs that collide in the sketches or tables. */
  private final long seed;
  private final double decayPerMilli;
  private final double tokenDecayPerMilli;
  private final int failedCredentialBits;
  private final int deniedPathBits;
  private final int principalPathBits;
  /** By home size (index 1 to {@link TokenState#MAX_HOME}; 0 as 1): the set bits at which each token rule fires. */
  private final int[] tokenSourceBits;
  private final int[] minimumSwitchSourceBits;
  private final boolean stuffing;
  private final boolean scanning;
  private final boolean theft;
  private final boolean volume;
  private final KeyedTable<SourceState> sources;
  private final KeyedTable<PrincipalState> principals;
  private final KeyedTable<TokenState> tokens;
  private final KeyedTable<RouteBaseline> routes;
  private final SharedFailures shared;
  private final SharedFailures.Rule sharedRule;
  private final AtomicLong sharedErrors = new AtomicLong();
  private final AtomicBoolean sharedDown = new AtomicBoolean();
  private double budget;
  private long budgetAt = Long.MIN_VALUE;
  private int suppressed;

  public AnomalyDetector(AnomalyPolicy policy) {
    this(policy, new SplittableRandom().nextLong());
  }

  /** With a fixed hash seed, so that a test's distinct counts come out the same on every run. */
  AnomalyDetector(AnomalyPolicy policy, long seed) {
    this.seed = seed;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.decayPerMilli = LN2 / policy.authFailureHalfLifeMillis;
    this.tokenDecayPerMilli = LN2 / policy.tokenWindowMillis;
    this.failedCredentialBits = DistinctSketch.bitsFor(policy.distinctFailedCredentials);
    this.deniedPathBits = DistinctSketch.bitsFor(policy.deniedPathsPerIp);
    this.principalPathBits = DistinctSketch.bitsFor(policy.pathsPerPrincipal);
    this.tokenSourceBits = barsByHomeSize(policy.sourcesPerToken);
    this.minimumSwitchSourceBits = barsByHomeSize(3);
    this.stuffing = policy.enabled.contains(AnomalyType.CREDENTIAL_STUFFING);
    this.scanning = policy.enabled.contains(AnomalyType.SCANNING);
    this.theft = policy.enabled.contains(AnomalyType.TOKEN_THEFT);
    this.volume = policy.enabled.contains(AnomalyType.VOLUME_SPIKE);
    this.sources = new KeyedTable<>(policy.maxTrackedKeys, SourceState::new);
    this.principals = new KeyedTable<>(policy.maxTrackedKeys, PrincipalState::new);
    this.tokens = new KeyedTable<>(policy.maxTrackedKeys, TokenState::new);
    this.routes = new KeyedTable<>(Math.max(16, policy.maxTrackedKeys / 16), RouteBaseline::new);
    this.shared = policy.sharedFailures;
    this.sharedRule = new SharedFailures.Rule(policy.authFailureHalfLifeMillis, policy.scanWindowMillis,
        policy.authFailures, policy.distinctFailedCredentials, policy.alertCooldownMillis);
  }

  /** The policy this detector applies. */
  public AnomalyPolicy policy() {
    return policy;
  }

  /**
   * Takes one decided request into account.
   *
   * @param request the request
   * @param outcome what the chain decided
   * @param context the context the chain built (principal, findings)
   * @param now the guard's clock, epoch milliseconds
   * @return the anomalies this request completed, usually none (an immutable empty list, nothing allocated)
   */
  public List<Anomaly> observe(GuardRequest request, Outcome outcome, SecurityContext context, long now) {
    Reason.Kind denied = outcome instanceof Denial denial ? denial.reason().kind() : null;
    String subject = context.principal().isPresent() ? context.principal().get().subject() : null;
    Attempt attempt = attemptOf(request);
    boolean inputFinding = denied == Reason.Kind.INPUT || !context.findings().isEmpty();
    boolean authFailed = denied == Reason.Kind.AUTHENTICATION;
    String ip = request.sourceIp();
    String source = ip == null || ip.isEmpty() ? null : IpPrefix.of(ip);
    long sourceHash = source == null ? 0 : FastHash.of(source, seed);
    // Only a refused credential is shared: a missing one guesses nothing, and would cost a round trip per request
    // of a token-less flood.
    SharedFailures.Tally tally = authFailed && stuffing && shared != null && source != null && attempt != null
        ? shareFailure(source, sourceHash, attempt, now) : null;
    synchronized (this) {
      return observeLocked(request, denied, subject, attempt, inputFinding, source, sourceHash, tally, now);
    }
  }

  /**
   * Counts an authentication failure with every other environment, outside the lock (it is a network call);
   * null when the shared store cannot answer, and this environment counts alone.
   */
  private SharedFailures.Tally shareFailure(String source, long sourceHash, Attempt attempt, long now) {
    boolean mayReport;
    synchronized (this) {
      // This request counted as a failure: is this address's own share of failures here high enough to report?
      SourceState s = sources.get(sourceHash, now);
      s.decay(now, decayPerMilli);
      mayReport = s.mostlyFailing(policy.authFailureRatio, 1);
    }
    try {
      // The store adds the attempt's hash to a HyperLogLog; the hash still crosses the network (and a Redis
      // MONITOR or slow log), so a Basic header goes as its user name only, never its password.
      SharedFailures.Tally tally = shared.recordAuthFailure(KeyHash.of(source), KeyHash.of(attempt.sharedValue()),
          now, sharedRule, mayReport);
      sharedDown.set(false);
      return tally;
    } catch (RuntimeException e) {
      long errors = sharedErrors.incrementAndGet();
      if (sharedDown.compareAndSet(false, true)) {
        EnvironmentNotices.post(Notices.ANOMALY_SHARED_FALLBACK, Map.of("errors", Long.toString(errors)));
      }
      return null;
    }
  }

  private List<Anomaly> observeLocked(GuardRequest request, Reason.Kind denied, String subject, Attempt attempt,
      boolean inputFinding, String source, long sourceHash, SharedFailures.Tally tally, long now) {
    List<Anomaly> found = null;
    boolean authFailed = denied == Reason.Kind.AUTHENTICATION;
    String path = request.path() == null ? "" : request.path();
    long pathHash = (stuffing || scanning) ? FastHash.of(path, seed) : 0;
    long attemptHash = attempt == null || !(stuffing || theft) ? 0 : attempt.hash(seed);
    long credentialHash = attempt != null && attempt.followed() ? attemptHash : 0; // Basic: counted, never followed

    if (source != null && (stuffing || scanning)) {
      SourceState s = sources.get(sourceHash, now);
      s.decay(now, decayPerMilli);
      s.requests += 1;
      if (authFailed && stuffing) {
        s.authFailures += 1;
        if (attemptHash != 0) {
          s.failedCredentials.add(attemptHash, now, policy.scanWindowMillis);
        }
        if (tally != null) {
          // Every environment's failures decide, and the one that claimed the report makes it: the claim is the
          // cooldown (a local report made while the store was down must not silence it).
          if (tally.reportClaimed()) {
            s.cooldowns.tryReport(STUFFING, now, policy.alertCooldownMillis);
            found = add(found, report(AnomalyType.CREDENTIAL_STUFFING, "auth_failures_per_ip", "ip", source,
                tally.failures(), policy.authFailures, now));
          }
        } else if (s.authFailures >= policy.authFailures && s.mostlyFailing(policy.authFailureRatio, 0)
            && s.failedCredentials.bits() >= failedCredentialBits
            && s.cooldowns.tryReport(STUFFING, now, policy.alertCooldownMillis)) {
          found = add(found, report(AnomalyType.CREDENTIAL_STUFFING, "auth_failures_per_ip", "ip", source,
              s.authFailures, policy.authFailures, now));
        }
      }
      if (denied != null && scanning) {
        s.deniedPaths.add(pathHash, now, policy.scanWindowMillis);
        if (s.deniedPaths.bits() >= deniedPathBits
            && s.cooldowns.tryReport(SCAN_DENIED_PATHS, now, policy.alertCooldownMillis)) {
          found = add(found, report(AnomalyType.SCANNING, "distinct_denied_paths_per_ip", "ip", source,
              s.deniedPaths.estimate(), policy.deniedPathsPerIp, now));
        }
      }
      if (inputFinding && scanning) {
        s.inputFindings += 1;
        if (s.inputFindings >= policy.inputFindingsPerIp
            && s.cooldowns.tryReport(SCAN_FINDINGS, now, policy.alertCooldownMillis)) {
          found = add(found, report(AnomalyType.SCANNING, "input_findings_per_ip", "ip", source,
              s.inputFindings, policy.inputFindingsPerIp, now));
        }
      }
    }

    if (subject != null && scanning) {
      PrincipalState p = principals.get(FastHash.of(subject, seed), now);
      p.paths.add(pathHash, now, policy.scanWindowMillis);
      if (p.paths.bits() >= principalPathBits && p.cooldowns.tryReport(SLOT, now, policy.alertCooldownMillis)) {
        found = add(found, report(AnomalyType.SCANNING, "distinct_paths_per_principal", "principal", subject,
            p.paths.estimate(), policy.pathsPerPrincipal, now));
      }
    }

    if (theft && credentialHash != 0 && source != null && !authFailed) {
      TokenState t = tokens.get(credentialHash, now);
      t.use(sourceHash, now, policy.tokenWindowMillis, tokenDecayPerMilli, policy.tokenSettleMillis);
      int bits = t.sources.bits();
      int home = t.homeSize();
      if (bits >= tokenSourceBits[home]) {
        if (t.cooldowns.tryReport(SLOT, now, policy.alertCooldownMillis)) {
          found = add(found, report(AnomalyType.TOKEN_THEFT, "distinct_sources_per_token", "token",
              credentialKey(attempt.value()), t.sources.estimate(),
              policy.sourcesPerToken + Math.max(0, home - 1), now));
        }
      } else if (t.switches >= policy.sourceSwitchesPerToken && bits >= minimumSwitchSourceBits[home]
          && t.cooldowns.tryReport(SLOT, now, policy.alertCooldownMillis)) {
        found = add(found, report(AnomalyType.TOKEN_THEFT, "source_switches_per_token", "token",
            credentialKey(attempt.value()), t.switches, policy.sourceSwitchesPerToken, now));
      }
    }

    if (volume || stuffing) {
      String route = request.routeKey() == null ? NO_ROUTE : request.routeKey();
      RouteBaseline r = routes.get(FastHash.of(route, seed), now);
      // A refused credential, not a missing one: a flood without tokens is a volume spike, not guessing.
      r.record(now, authFailed && attempt != null);
      boolean warm = r.watchedMillis() >= policy.volumeWarmupMillis;
      MinuteSeries requests = r.requests;
      if (volume && warm && requests.spikes(policy.routeSpikeMinimum, policy.routeSpikeFactor, policy.routeSpikeDeviations)
          && r.cooldowns.tryReport(SLOT, now, policy.alertCooldownMillis)) {
        found = add(found, report(AnomalyType.VOLUME_SPIKE, "requests_per_minute_per_route", "route", route,
            requests.current(), Math.max(requests.threshold(policy.routeSpikeFactor, policy.routeSpikeDeviations),
                policy.routeSpikeMinimum), now));
      }
      MinuteSeries failed = r.failedCredentials;
      if (stuffing && authFailed && attempt != null && warm
          && failed.spikes(policy.routeFailureMinimum, policy.routeSpikeFactor, policy.routeSpikeDeviations)
          && r.cooldowns.tryReport(ROUTE_FAILURES, now, policy.alertCooldownMillis)) {
        found = add(found, report(AnomalyType.CREDENTIAL_STUFFING, "auth_failures_per_minute_per_route", "route", route,
            failed.current(), Math.max(failed.threshold(policy.routeSpikeFactor, policy.routeSpikeDeviations),
                policy.routeFailureMinimum), now));
      }
    }
    return found == null ? List.of() : found;
  }

  /**
   * The distinct-source bar for each home size: a credential used from a pool of addresses in its first minute
   * must reach {@code distinct} addresses beyond that pool's first one.
   */
  private static int[] barsByHomeSize(int distinct) {
    int[] bars = new int[TokenState.MAX_HOME + 1];
    for (int home = 0; home <= TokenState.MAX_HOME; home++) {
      bars[home] = DistinctSketch.bitsFor(distinct + Math.max(0, home - 1));
    }
    return bars;
  }

  /** The anomaly, or null when the per-minute budget is spent (then it is counted for the next one reported). */
  private Anomaly report(AnomalyType type, String feature, String keyKind, String key, double observed,
      double threshold, long now) {
    int perMinute = policy.maxAnomaliesPerMinute;
    if (budgetAt == Long.MIN_VALUE) {
      budget = perMinute;
    } else if (now > budgetAt) {
      budget = Math.min(perMinute, budget + (now - budgetAt) * perMinute / 60_000.0);
    }
    budgetAt = Math.max(budgetAt, now);
    if (budget < 1) {
      suppressed++;
      return null;
    }
    budget -= 1;
    Anomaly anomaly = new Anomaly(type, feature, keyKind, key, observed, threshold,
        Anomaly.score(observed, threshold), suppressed);
    suppressed = 0;
    return anomaly;
  }

  private static List<Anomaly> add(List<Anomaly> found, Anomaly anomaly) {
    if (anomaly == null) {
      return found;
    }
    List<Anomaly> list = found == null ? new ArrayList<>(2) : found;
    list.add(anomaly);
    return list;
  }

  /**
   * What a request presented as a credential, as a region of the header (or API key) that holds it, so that the
   * hash per request copies nothing; the text itself is taken only for a report or the shared store.
   *
   * @param followed whether the token-theft detector follows it: a bearer (or other scheme's) token, a bare
   *     {@code Authorization} value, an API key; not a {@code Basic} header, which holds a password, often a
   *     guessable one, whose unsalted hash in an event could be reversed by a dictionary
   */
  record Attempt(String text, int start, int end, boolean followed) {

    String value() {
      return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    long hash(long seed) {
      return FastHash.of(text, start, end, seed);
    }

    /**
     * What the shared store counts as this credential: the token itself when it is followed; for a {@code Basic}
     * header the user name it carries (an unkeyed hash of a password, often a guessable one, could be reversed by
     * a dictionary; distinct user names are what stuffing and spraying bring anyway), empty when it decodes to
     * none; a scheme without a token as it came (it holds no secret).
     */
    String sharedValue() {
      if (followed) {
        return value();
      }
      int blank = 5;
      if (text.length() <= blank || !text.regionMatches(true, 0, "basic", 0, blank)) {
        return text;
      }
      try {
        String decoded = new String(java.util.Base64.getDecoder().decode(text.substring(blank + 1).trim()),
            java.nio.charset.StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? "" : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return "";
      }
    }
  }

  /**
   * The credential the request presents: the token of an Authorization header (its scheme dropped, so that
   * {@code bearer X} and {@code Bearer X} are one token), else the gateway's API key; a {@code Basic} header, or a
   * scheme with no token, whole and not followed; null when nothing was presented.
   */
  static Attempt attemptOf(GuardRequest request) {
    String authorization = request.headers().firstOrNull("authorization");
    if (authorization != null && !authorization.isBlank()) {
      int length = authorization.length();
      int blank = 0;
      while (blank < length && authorization.charAt(blank) != ' ' && authorization.charAt(blank) != '\t') {
        blank++;
      }
      if (blank == length) {
        return new Attempt(authorization, 0, length, true);
      }
      if (blank == 5 && authorization.regionMatches(true, 0, "basic", 0, 5)) {
        return new Attempt(authorization, 0, length, false);
      }
      int start = blank + 1;
      int end = length;
      while (start < end && Character.isWhitespace(authorization.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(authorization.charAt(end - 1))) {
        end--;
      }
      return start == end ? new Attempt(authorization, 0, length, false) : new Attempt(authorization, start, end, true);
    }
    String apiKey = request.apiKey();
    return apiKey == null || apiKey.isEmpty() ? null : new Attempt(apiKey, 0, apiKey.length(), true);
  }

  /** The credential the token-theft detector follows, as text (tests); null for none or a {@code Basic} header. */
  static String credentialOf(GuardRequest request) {
    Attempt attempt = attemptOf(request);
    return attempt == null || !attempt.followed() ? null : attempt.value();
  }

  /**
   * How an anomaly names a credential: its {@code token_fingerprint}, the field authentication events carry, so
   * that an alert joins the token's own events. Computed only when an anomaly is reported.
   */
  private static String credentialKey(String credential) {
    return TokenFingerprint.of(credential);
  }

  /** How many failed authentications were counted here alone because the shared store could not answer. */
  public long sharedFailureErrors() {
    return sharedErrors.get();
  }

  /** How many keys lost their state to newer ones, over all tables: a sign of a table too small or a key spray. */
  public synchronized long evictions() {
    return sources.evictions() + principals.evictions() + tokens.evictions() + routes.evictions();
  }
}
