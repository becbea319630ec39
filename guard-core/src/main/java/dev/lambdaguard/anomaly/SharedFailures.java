package dev.lambdaguard.anomaly;

/**
 * Failed authentications counted by every execution environment of a function together, so that credential
 * stuffing spread over environments is seen whole: Lambda sends concurrent requests to different environments,
 * and a slow campaign over four of them shows each only a quarter of its failures. One call per failed
 * authentication (never per successful request); the detector's own counts still decide the share of an
 * address's requests that failed. An implementation in Redis is in guard-aws ({@code RedisSharedFailures}).
 *
 * <p>Only hashes cross the wire: the detector passes a hash of the address and of the credential, never either.
 * An implementation throws when it cannot answer; the detector then counts alone for that request (detection is an
 * observation, so it fails open) and counts the failure in {@link AnomalyDetector#sharedFailureErrors()}.
 */
public interface SharedFailures {

  /**
   * What to count and when to claim a report, fixed at init.
   *
   * @param halfLifeMillis a failure counts half after this long
   * @param windowMillis distinct credentials are counted over windows this long
   * @param failures the decayed failures from one address that make stuffing
   * @param distinctCredentials the distinct failed credentials that make stuffing
   * @param cooldownMillis once one environment reports an address, no other does for this long
   */
  record Rule(long halfLifeMillis, long windowMillis, int failures, int distinctCredentials, long cooldownMillis) {}

  /**
   * The totals over every environment after this failure.
   *
   * @param failures the decayed count of failed authentications from the address
   * @param distinctCredentials about how many different credentials failed from it in the current window
   * @param reportClaimed this environment is the one to report the address now: the totals reached the rule's
   *     thresholds, a claim was asked for, and no environment claimed the address within the cooldown
   */
  record Tally(double failures, long distinctCredentials, boolean reportClaimed) {}

  /**
   * Counts one failed authentication.
   *
   * @param source a hash of the source address (IPv6 by /64), never the address
   * @param credential a hash of the failed credential, or null when the request carried none
   * @param now the guard's clock, epoch milliseconds
   * @param rule the thresholds and windows
   * @param claim whether this environment may report, if the totals say so (its own share of failures is high
   *     enough)
   */
  Tally recordAuthFailure(String source, String credential, long now, Rule rule, boolean claim);
}
