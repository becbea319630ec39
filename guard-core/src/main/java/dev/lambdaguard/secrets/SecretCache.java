package dev.lambdaguard.secrets;

import dev.lambdaguard.Clock;
import dev.lambdaguard.Notices;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.internal.Diagnostics;
import dev.lambdaguard.internal.EnvironmentNotices;
import dev.lambdaguard.internal.Settings;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * One cache of secrets per execution environment, shared by every caller.
 *
 * <p>A secret is fetched at its first use and kept for the TTL (less a random jitter, so that environments do
 * not refresh in step). After that, the next use is served the current value at once and starts a refresh
 * in the background of that invocation (one at a time per secret; a frozen environment runs no timer, so
 * refreshes ride on invocations). If the refresh fails, the last good value keeps being served until it is
 * older than the maximum staleness, and a warning is logged. A secret never fetched, or too stale, makes {@link #get} throw {@link SecretUnavailableException}:
 * the interceptor that needs it fails closed. Every value fetched, and each top-level field of a JSON secret,
 * is registered with the redactor, so that it can appear in no event. Bounded: at most {@code maxEntries}
 * secrets, least recently used first. Thread-safe.
 *
 * <pre>{@code
 * SecretCache secrets = SecretCache.builder(provider).redactor(guard.redactor()).build();
 * String password = secrets.get("prod/db#password");
 * }</pre>
 */
public final class SecretCache implements dev.lambdaguard.SnapshotAware {

  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(1);
  public static final Duration DEFAULT_FORCED_REFRESH_INTERVAL = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_ENTRIES = 64;

  private static final StrictJsonParser JSON = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(64 * 1024));

  private final SecretProvider provider;
  private final Redactor redactor;
  private final Clock clock;
  private final long ttlNanos;
  private final long maxStalenessNanos;
  private final long forcedRefreshIntervalNanos;
  private final double jitter;
  private final Map<String, Entry> entries;
  private final java.util.concurrent.Executor refresher;
  private final java.util.Set<String> refreshing = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** One cached secret; replaced, never mutated. */
  private record Entry(SecretValue value, JsonNode json, long fetchedAt, long freshUntil, long lastForcedRefresh) {}

  private SecretCache(Builder b) {
    this.provider = b.provider;
    this.redactor = b.redactor;
    this.clock = b.clock;
    this.ttlNanos = b.ttl.toNanos();
    this.maxStalenessNanos = b.maxStaleness.toNanos();
    this.forcedRefreshIntervalNanos = b.forcedRefreshInterval.toNanos();
    this.jitter = b.jitter;
    this.refresher = b.refresher != null ? b.refresher : RefreshThread.EXECUTOR;
    int max = b.maxEntries;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > max;
      }
    };
  }

  public static Builder builder(SecretProvider provider) {
    return new Builder(provider);
  }

  /**
   * A secret's text, or one field of a JSON secret: {@code "prod/db"} or {@code "prod/db#password"}
   * ({@code #} cannot occur in a Secrets Manager name).
   *
   * @throws SecretUnavailableException when there is no usable value
   */
  public String get(String reference) {
    return get(reference, null);
  }

  /** The same for a version stage, e.g. {@code AWSPENDING} during a rotation; null for the current version. */
  public String get(String reference, String versionStage) {
    SecretRef ref = SecretRef.parse(reference, versionStage);
    Entry entry = entry(ref);
    if (ref.jsonKey() == null) {
      if (entry.value().text() == null) {
        return new String(entry.value().binary(), StandardCharsets.UTF_8);
      }
      return entry.value().text();
    }
    JsonNode field = entry.json() == null ? null : entry.json().get(ref.jsonKey());
    if (field == null || field.isNull() || field.isContainer()) {
      throw new SecretUnavailableException("secret '" + ref.id() + "' has no field '" + ref.jsonKey() + "'");
    }
    return field.isString() ? field.asString() : field.toString();
  }

  /** A binary secret's bytes (a text secret's UTF-8 bytes). */
  public byte[] getBinary(String reference) {
    SecretRef ref = SecretRef.parse(reference, null);
    SecretValue value = entry(ref).value();
    return value.binary() != null ? value.binary() : value.text().getBytes(StandardCharsets.UTF_8);
  }

  /** The whole value with its version, for callers that need the version id. */
  public SecretValue value(String reference) {
    return entry(SecretRef.parse(reference, null)).value();
  }

  /**
   * Fetches a secret again now, at most once per forced-refresh interval: for a credential that was just
   * rejected (a rotated key). Returns whether a refresh happened.
   */
  public boolean forceRefresh(String reference) {
    SecretRef ref = SecretRef.parse(reference, null);
    long now = clock.nanoTime();
    Entry current;
    synchronized (entries) {
      current = entries.get(ref.cacheKey());
    }
    if (current != null && now - current.lastForcedRefresh() < forcedRefreshIntervalNanos) {
      return false;
    }
    try {
      provider.invalidate(ref.id());
      Entry fetched = fetch(ref, now);
      store(ref, new Entry(fetched.value(), fetched.json(), fetched.fetchedAt(), fetched.freshUntil(), now));
      return true;
    } catch (SecretUnavailableException e) {
      if (current != null) {
        synchronized (entries) {
          entries.put(ref.cacheKey(), new Entry(current.value(), current.json(), current.fetchedAt(),
              current.freshUntil(), now));
        }
      }
      return false;
    }
  }

  /** The redactor this cache registers values with, for callers that derive further secrets from them. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Forgets every secret, here and in a provider that keeps its own cache: it may have rotated while the
   * snapshot was stored, and restored copies must fetch their own.
   */
  @Override
  public void afterRestore() {
    clear();
    if (provider instanceof dev.lambdaguard.SnapshotAware cached) {
      cached.afterRestore();
    }
  }

  /** Forgets every secret. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  private Entry entry(SecretRef ref) {
    long now = clock.nanoTime();
    Entry entry;
    synchronized (entries) {
      entry = entries.get(ref.cacheKey());
    }
    if (entry != null && now < entry.freshUntil()) {
      return entry;
    }
    if (entry != null && now - entry.fetchedAt() < maxStalenessNanos) {
      refreshInBackground(ref);
      return entry;
    }
    try {
      return store(ref, fetch(ref, now));
    } catch (SecretUnavailableException e) {
      if (entry != null && now - entry.fetchedAt() < maxStalenessNanos) {
        reportStale(ref, entry, now);
        return entry;
      }
      throw e;
    }
  }

  private void refreshInBackground(SecretRef ref) {
    if (!refreshing.add(ref.cacheKey())) {
      return;
    }
    try {
      refresher.execute(() -> {
        try {
          store(ref, fetch(ref, clock.nanoTime()));
        } catch (RuntimeException e) {
          Entry stale;
          synchronized (entries) {
            stale = entries.get(ref.cacheKey());
          }
          if (stale != null) {
            reportStale(ref, stale, clock.nanoTime());
          }
        } finally {
          refreshing.remove(ref.cacheKey());
        }
      });
    } catch (RuntimeException rejected) {
      refreshing.remove(ref.cacheKey());
    }
  }

  /** A failed refresh is an event (with the next request's) and a log line, naming the secret, never its value. */
  private static void reportStale(SecretRef ref, Entry entry, long now) {
    long ageSeconds = Math.max(0, (now - entry.fetchedAt()) / 1_000_000_000L);
    EnvironmentNotices.post(Notices.SECRET_STALE, Map.of("secret", ref.id(), "age_s", String.valueOf(ageSeconds)));
    Diagnostics.warn("secret '" + ref.id() + "' could not be refreshed; serving the last good value, " + ageSeconds
        + " s old");
  }

  /** The default refresher: one daemon thread, started at the first refresh. */
  private static final class RefreshThread {
    static final java.util.concurrent.Executor EXECUTOR = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "lambdaguard-secret-refresh");
      thread.setDaemon(true);
      return thread;
    });
  }

  private Entry fetch(SecretRef ref, long now) {
    SecretValue value = provider.fetch(ref.id(), ref.versionStage());
    JsonNode json = null;
    if (value.text() == null) {
      registerSecret(ref, new String(value.binary(), StandardCharsets.UTF_8));
    } else {
      registerSecret(ref, value.text());
      if (value.text().startsWith("{") && JSON.parse(value.text().getBytes(StandardCharsets.UTF_8))
          instanceof JsonParseResult.Parsed parsed && parsed.value().isObject()) {
        json = parsed.value();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
          if (field.getValue().isValueNode() && !field.getValue().isNull()) {
            registerSecret(ref, field.getValue().isString() ? field.getValue().asString() : field.getValue().toString());
          }
        }
      }
    }
    long jittered = (long) (ttlNanos * (1.0 - jitter * ThreadLocalRandom.current().nextDouble()));
    return new Entry(value, json, now, now + jittered, Long.MIN_VALUE / 2);
  }

  /** Registers a fetched value with the redactor; a full registry is said out loud, never ignored. */
  private void registerSecret(SecretRef ref, String value) {
    if (!redactor.register(value) && value.length() >= Redactor.MIN_SECRET_LENGTH) {
      Diagnostics.warn("lambdaguard: the redactor holds " + Redactor.MAX_SECRETS + " values; a value of secret '"
          + ref.id() + "' is not masked in output");
    }
  }

  private Entry store(SecretRef ref, Entry entry) {
    synchronized (entries) {
      entries.put(ref.cacheKey(), entry);
    }
    return entry;
  }

  /** A reference: id, optional JSON key after '#', optional version stage after '@'. */
  record SecretRef(String id, String jsonKey, String versionStage) {

    static SecretRef parse(String reference, String versionStage) {
      Objects.requireNonNull(reference, "secret reference");
      String id = reference;
      String key = null;
      int hash = reference.indexOf('#');
      if (hash >= 0) {
        id = reference.substring(0, hash);
        key = reference.substring(hash + 1);
      }
      if (id.isEmpty() || (key != null && key.isEmpty()) || (versionStage != null && versionStage.isBlank())) {
        throw new IllegalArgumentException("malformed secret reference (id[#key]): " + reference);
      }
      return new SecretRef(id, key, versionStage);
    }

    String cacheKey() {
      return versionStage == null ? id : id + "@" + versionStage;
    }
  }

  /** Configures a cache; values are checked here, naming the setting. */
  public static final class Builder {
    private final SecretProvider provider;
    private Redactor redactor = Redactor.shared();
    private Clock clock = Clock.system();
    private Duration ttl = DEFAULT_TTL;
    private Duration maxStaleness = DEFAULT_MAX_STALENESS;
    private Duration forcedRefreshInterval = DEFAULT_FORCED_REFRESH_INTERVAL;
    private double jitter = 0.1;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private java.util.concurrent.Executor refresher;

    private Builder(SecretProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * The redactor fetched values are registered with: the guard's, so that events never show them. By default
     * {@link Redactor#shared()}, which guards also use, so the default needs no wiring.
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    public Builder ttl(Duration ttl) {
      this.ttl = Settings.within("secrets.ttl", ttl, Duration.ofSeconds(1), Duration.ofDays(1));
      return this;
    }

    /** How long the last good value is served while refreshes fail (0 to 1 day). */
    public Builder maxStaleness(Duration staleness) {
      this.maxStaleness = Settings.within("secrets.maxStaleness", staleness, Duration.ZERO, Duration.ofDays(1));
      return this;
    }

    /** The least time between two forced refreshes of one secret (1 s to 1 h). */
    public Builder forcedRefreshInterval(Duration interval) {
      this.forcedRefreshInterval =
          Settings.within("secrets.forcedRefreshInterval", interval, Duration.ofSeconds(1), Duration.ofHours(1));
      return this;
    }

    /** The share of the TTL taken off at random per entry, 0.0 to 0.5 (default 0.1). */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 0.5)) {
        throw new IllegalArgumentException("secrets.jitter must be between 0.0 and 0.5: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public Builder maxEntries(int max) {
      if (max < 1 || max > 10_000) {
        throw new IllegalArgumentException("secrets.maxEntries must be between 1 and 10000: " + max);
      }
      this.maxEntries = max;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where background refreshes run; by default one daemon thread. Tests pass {@code Runnable::run}. */
    public Builder refresher(java.util.concurrent.Executor refresher) {
      this.refresher = Objects.requireNonNull(refresher, "refresher");
      return this;
    }

    public SecretCache build() {
      return new SecretCache(this);
    }
  }
}
