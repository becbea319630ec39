package dev.lambdaguard.permissions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The permissions this execution environment has been seen to use: each distinct (IAM action, resource) pair
 * with how often it was called and how often it was denied. Filled by whatever observes the calls (the AWS SDK
 * interceptor of guard-aws) and written as a {@code permissions_observed} event by the guard at the end of an
 * invocation, at most once per interval and only when something new was seen.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} exact pairs. Past that, a new pair is kept under the broader resource
 * its observer offers (a bucket's objects instead of one object), in a reserve of {@link #RESERVE} more entries;
 * past that it is dropped and counted, and the count travels with the event so that a policy generated from it
 * is known to be incomplete. AWS-agnostic: actions and resources are plain strings here. Thread-safe.
 */
public final class ObservedPermissions {

  public static final int MAX_ENTRIES = 200;
  public static final int RESERVE = 56;

  private static final ObservedPermissions ENVIRONMENT = new ObservedPermissions(MAX_ENTRIES, RESERVE);

  /** One observed permission; {@code resource} is {@code *} where the call named none. */
  public record Permission(String action, String resource, long calls, long denied) {}

  /**
   * What was observed since the environment started, ordered by action then resource.
   *
   * @param sinceMillis when the first call was seen
   * @param dropped calls whose pair was neither kept nor folded into a broader one, for lack of room
   */
  public record Snapshot(List<Permission> permissions, long sinceMillis, long dropped) {
    public Snapshot {
      permissions = List.copyOf(permissions);
    }
  }

  private record Key(String action, String resource) {}

  private static final class Counts {
    long calls;
    long denied;
  }

  private final int maxEntries;
  private final int reserve;
  private final Map<Key, Counts> entries = new HashMap<>();
  private long sinceMillis = -1;
  private long dropped;
  private long lastWrittenMillis = Long.MIN_VALUE;
  /** Something new since the last snapshot taken for writing: one volatile read is all a request pays. */
  private volatile boolean changed;

  ObservedPermissions(int maxEntries, int reserve) {
    this.maxEntries = maxEntries;
    this.reserve = reserve;
  }

  private volatile String account;

  /**
   * The account the function runs in, learnt from its own ARN at its first invocation ({@link #learnAccount}); null
   * before. The SDK interceptor names it in ARNs a call does not (a DynamoDB table, an SSM parameter by name), so
   * that the least-privilege policy is not widened to every account.
   */
  public String account() {
    return account;
  }

  /**
   * Takes the account from the function's ARN as Lambda invokes it ({@code arn:aws:lambda:region:ACCOUNT:function:
   * name[:alias]}); anything else is ignored. Cheap after the first call: one volatile read.
   */
  public void learnAccount(String functionArn) {
    if (account != null || functionArn == null) {
      return;
    }
    String[] parts = functionArn.split(":", 7);
    if (parts.length == 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")
        && isAccountId(parts[4])) {
      account = parts[4];
    }
  }

  private static boolean isAccountId(String id) {
    if (id.length() != 12) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The execution environment's one recorder, which the SDK interceptor fills and the guard writes. */
  public static ObservedPermissions environment() {
    return ENVIRONMENT;
  }

  /** A recorder of its own, for tests and tools. */
  public static ObservedPermissions bounded(int maxEntries, int reserve) {
    if (maxEntries < 1 || reserve < 0) {
      throw new IllegalArgumentException("maxEntries must be positive and reserve not negative");
    }
    return new ObservedPermissions(maxEntries, reserve);
  }

  /**
   * Records one call.
   *
   * @param action the IAM action, e.g. {@code s3:GetObject}
   * @param resource the resource ARN the call named, or null for none ({@code *})
   * @param broader a broader resource that covers {@code resource} (e.g. {@code arn:aws:s3:::bucket/*}), used when
   *     there is no room left for the exact one; may be null
   * @param denied whether the service refused the call for lack of permission
   * @param nowMillis when
   */
  public void record(String action, String resource, String broader, boolean denied, long nowMillis) {
    Objects.requireNonNull(action, "action");
    Key key = new Key(action, resource == null ? "*" : resource);
    synchronized (entries) {
      if (sinceMillis < 0) {
        sinceMillis = nowMillis;
      }
      Counts counts = entries.get(key);
      if (counts == null) {
        if (entries.size() >= maxEntries) {
          key = broader == null ? null : new Key(action, broader);
          counts = key == null ? null : entries.get(key);
          if (counts == null && key != null && entries.size() < maxEntries + reserve) {
            counts = new Counts();
            entries.put(key, counts);
            changed = true;
          }
          if (counts == null) {
            dropped++;
            changed = true;
            return;
          }
        } else {
          counts = new Counts();
          entries.put(key, counts);
          changed = true;
        }
      }
      counts.calls++;
      if (denied) {
        if (counts.denied == 0) {
          changed = true; // a newly denied permission is news even for a known pair
        }
        counts.denied++;
      }
    }
  }

  /**
   * A snapshot to write now, or null: only when something new was seen and none was written within
   * {@code intervalMillis}. The first is due as soon as anything is seen, so that a short-lived environment
   * reports too. When nothing is new this is one volatile read.
   */
  public Snapshot takeIfDue(long nowMillis, long intervalMillis) {
    if (!changed) {
      return null;
    }
    synchronized (entries) {
      if (!changed || (lastWrittenMillis != Long.MIN_VALUE && nowMillis - lastWrittenMillis < intervalMillis)) {
        return null;
      }
      lastWrittenMillis = nowMillis;
      changed = false;
      return snapshotLocked();
    }
  }

  /** Everything observed so far, whether or not written. */
  public Snapshot snapshot() {
    synchronized (entries) {
      return snapshotLocked();
    }
  }

  /** The number of distinct pairs kept. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private Snapshot snapshotLocked() {
    List<Permission> list = new ArrayList<>(entries.size());
    for (Map.Entry<Key, Counts> e : entries.entrySet()) {
      list.add(new Permission(e.getKey().action(), e.getKey().resource(), e.getValue().calls, e.getValue().denied));
    }
    list.sort(Comparator.comparing(Permission::action).thenComparing(Permission::resource));
    return new Snapshot(list, sinceMillis, dropped);
  }

  /** Forgets everything; for tests of the environment's recorder. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
      sinceMillis = -1;
      dropped = 0;
      lastWrittenMillis = Long.MIN_VALUE;
      changed = false;
    }
    account = null;
  }
}
