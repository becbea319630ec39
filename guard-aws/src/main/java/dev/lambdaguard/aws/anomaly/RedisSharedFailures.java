package dev.lambdaguard.aws.anomaly;

import dev.lambdaguard.Clock;
import dev.lambdaguard.anomaly.SharedFailures;
import dev.lambdaguard.aws.redis.RedisConnector;
import dev.lambdaguard.aws.redis.RedisOptions;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Failed authentications per source address counted in Redis by every execution environment together: one
 * script call per failure, atomic, that decays and increments the address's count, adds the credential's hash to a
 * HyperLogLog of the window's failed credentials (started again when the window has passed), and, when asked and
 * the totals reach the thresholds, claims the report until the cooldown ends, so that one environment reports the
 * address per cooldown. Every decision runs on the callers' clock, as the local detector's do (a replay on a
 * simulated clock behaves as production does); the keys' TTLs only collect garbage.
 *
 * <p>Keys name an address by a hash (the detector never passes an address or a credential). The two keys of an
 * address share a hash tag, ready for a cluster client (the connector is a standalone one). Commands time out after
 * 100 ms by default; a failure throws and the detector counts alone for that request.
 */
public final class RedisSharedFailures implements SharedFailures, AutoCloseable {

  public static final String DEFAULT_KEY_PREFIX = "lambdaguard:af:";

  // KEYS: the address's state (decayed count n at time t, window start w, claimed until c), its HyperLogLog of failed
  // credentials. ARGV: now, half-life, credential or "", failures, distinct credentials, claim (1/0), cooldown,
  // window. Every decision runs on the callers' clock (now), never on Redis's: the key TTLs only collect garbage.
  static final String SCRIPT = String.join("\n",
      "local now = tonumber(ARGV[1])",
      "local half = tonumber(ARGV[2])",
      "local window = tonumber(ARGV[8])",
      "local cooldown = tonumber(ARGV[7])",
      "local state = redis.call('HMGET', KEYS[1], 'n', 't', 'w', 'c')",
      "local n = tonumber(state[1]) or 0",
      "local t = tonumber(state[2]) or now",
      "local w = tonumber(state[3]) or now",
      "local c = tonumber(state[4]) or 0",
      "if now > t then n = n * math.pow(2, -(now - t) / half); t = now end",
      "n = n + 1",
      "if now - w >= window then redis.call('DEL', KEYS[2]); w = now end",
      "if ARGV[3] ~= '' then redis.call('PFADD', KEYS[2], ARGV[3]) end",
      "local distinct = redis.call('PFCOUNT', KEYS[2])",
      "local claimed = 0",
      "if ARGV[6] == '1' and n >= tonumber(ARGV[4]) and distinct >= tonumber(ARGV[5]) and now >= c then",
      "  claimed = 1",
      "  c = now + cooldown",
      "end",
      "redis.call('HSET', KEYS[1], 'n', tostring(n), 't', tostring(t), 'w', tostring(w), 'c', tostring(c))",
      "local ttl = math.max(8 * half, window, cooldown)",
      "redis.call('PEXPIRE', KEYS[1], ttl)",
      "redis.call('PEXPIRE', KEYS[2], ttl)",
      "return {tostring(n), distinct, claimed}");

  private final RedisConnector redis;
  private final String keyPrefix;
  private final String digest;

  private RedisSharedFailures(Builder b) {
    this.redis = b.options.connector(b.redisUri);
    this.keyPrefix = b.options.keyPrefix();
    this.digest = sha1Hex(SCRIPT);
  }

  /** Shared counts in the Redis at {@code redis://host:port} (or {@code rediss://} for TLS). */
  public static Builder builder(String redisUri) {
    return new Builder(redisUri);
  }

  /** A rule's arguments, encoded once: a detector passes the same rule on every call. */
  private record EncodedRule(Rule rule, byte[] halfLife, byte[] failures, byte[] distinct, byte[] cooldown,
      byte[] window) {

    static EncodedRule of(Rule rule) {
      return new EncodedRule(rule, bytes(Long.toString(rule.halfLifeMillis())), bytes(Integer.toString(rule.failures())),
          bytes(Integer.toString(rule.distinctCredentials())), bytes(Long.toString(Math.max(1, rule.cooldownMillis()))),
          bytes(Long.toString(rule.windowMillis())));
    }
  }

  private static final byte[] YES = {'1'};
  private static final byte[] NO = {'0'};
  private volatile EncodedRule encoded;

  @Override
  public Tally recordAuthFailure(String source, String credential, long now, Rule rule, boolean claim) {
    EncodedRule r = encoded;
    if (r == null || !r.rule().equals(rule)) {
      r = EncodedRule.of(rule);
      encoded = r;
    }
    String tag = keyPrefix + "{" + source + "}";
    byte[][] keys = {bytes(tag + ":n"), bytes(tag + ":c")};
    byte[][] args = {bytes(Long.toString(now)), r.halfLife(), bytes(credential == null ? "" : credential),
        r.failures(), r.distinct(), claim ? YES : NO, r.cooldown(), r.window()};
    try {
      RedisCommands<byte[], byte[]> commands = redis.connection().sync();
      List<Object> reply;
      try {
        reply = commands.evalsha(digest, ScriptOutputType.MULTI, keys, args);
      } catch (RedisNoScriptException e) {
        reply = commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, args); // loads it for the next calls
      }
      redis.succeeded();
      return new Tally(Double.parseDouble(new String((byte[]) reply.get(0), StandardCharsets.US_ASCII)),
          (Long) reply.get(1), ((Long) reply.get(2)) == 1L);
    } catch (RuntimeException e) {
      redis.failed();
      // Lettuce's messages may name the key; only the kind of failure is kept.
      throw new RedisConnector.Unavailable("Redis shared failure count failed: " + e.getClass().getSimpleName());
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha1Hex(String script) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-1").digest(bytes(script));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  /** Closes the connection and the client (tests, or an orderly shutdown). */
  @Override
  public void close() {
    redis.close();
  }

  /** Configures the shared counts; validates each setting at once. */
  public static final class Builder {
    private final String redisUri;
    private RedisOptions options = RedisOptions.defaults("anomaly", DEFAULT_KEY_PREFIX);

    private Builder(String redisUri) {
      this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
    }

    /** The prefix of every key, default {@value #DEFAULT_KEY_PREFIX}: one per function, or shared by functions behind one API. */
    public Builder keyPrefix(String prefix) {
      options = options.withKeyPrefix(prefix);
      return this;
    }

    /** How long one command may take before the failure is counted here alone; 10 ms to 2 s, default 100 ms. */
    public Builder commandTimeout(Duration timeout) {
      options = options.withCommandTimeout(timeout);
      return this;
    }

    /** How long a connect may take; 10 ms to 5 s, default 200 ms. */
    public Builder connectTimeout(Duration timeout) {
      options = options.withConnectTimeout(timeout);
      return this;
    }

    /** How long to wait after a failed connect before trying again; 0 to 5 min, default 5 s. */
    public Builder reconnectBackoff(Duration backoff) {
      options = options.withReconnectBackoff(backoff);
      return this;
    }

    /** The clock of the connect back-off (tests). */
    public Builder clock(Clock clock) {
      options = options.withClock(clock);
      return this;
    }

    public RedisSharedFailures build() {
      return new RedisSharedFailures(this);
    }
  }
}
