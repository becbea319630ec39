package dev.lambdaguard.ratelimit.internal;

import dev.lambdaguard.Clock;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.Bandwidth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buckets in this environment's memory, at most {@code maxBuckets} of them: the least recently used goes
 * first, so a flood of distinct caller keys costs a fixed amount of memory. A forgotten caller starts again
 * with a full bucket, which favours the caller, never the attacker who floods (their keys are the ones
 * being forgotten). Thread-safe; the map lock is held only for the lookup.
 */
public final class LocalBuckets implements RateLimitBackend, dev.lambdaguard.SnapshotAware {

  private final int maxBuckets;
  private final TimeMeter time;
  private final Map<String, LocalBucket> buckets;

  public LocalBuckets(int maxBuckets, Clock clock) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be positive: " + maxBuckets);
    }
    this.maxBuckets = maxBuckets;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.nanoTime();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
    this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, LocalBucket> eldest) {
        return size() > LocalBuckets.this.maxBuckets;
      }
    };
  }

  @Override
  public RateProbe tryConsume(String key, RateLimitRule rule) {
    return Buckets.probe(bucket(key, rule).tryConsumeAndReturnRemaining(1));
  }

  @Override
  public void charge(String key, RateLimitRule rule, long tokens) {
    bucket(key, rule).consumeIgnoringRateLimits(tokens);
  }

  private LocalBucket bucket(String key, RateLimitRule rule) {
    synchronized (buckets) {
      LocalBucket bucket = buckets.get(key);
      if (bucket == null) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (Bandwidth bandwidth : ((BucketConfiguration) rule.bucketConfiguration()).getBandwidths()) {
          builder.addLimit(bandwidth);
        }
        bucket = builder.build();
        buckets.put(key, bucket);
      }
      return bucket;
    }
  }

  /** Gives back a token taken for a request that was refused elsewhere (see {@link HybridBuckets}). */
  public void refund(String key, RateLimitRule rule) {
    LocalBucket bucket;
    synchronized (buckets) {
      bucket = buckets.get(key);
    }
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  /** How many buckets are held. */
  public int size() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  /** Restored copies must not share windows: each would grant the same tokens again. */
  @Override
  public void afterRestore() {
    clear();
  }

  /** Forgets every bucket. */
  public void clear() {
    synchronized (buckets) {
      buckets.clear();
    }
  }
}
