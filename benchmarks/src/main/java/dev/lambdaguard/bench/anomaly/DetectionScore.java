package dev.lambdaguard.bench.anomaly;

import dev.lambdaguard.anomaly.AnomalyType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one replay against the trace's labels, per detector.
 *
 * <p>An alert is a true positive when its key belongs to a campaign of the kind that detector is for: an
 * {@code ip} key when the request that completed the pattern came from an attack campaign's address (attackers
 * and users never share an address in the simulation), a {@code principal} key when an attacker owns the
 * account, a {@code token} key when the token is one a thief replayed or an attacker's own, a {@code route} key when
 * attack campaigns sent at least half of that route's requests in the minute before; and the campaign shows the
 * detector's pattern
 * ({@link Actor#exhibits}). Anything else is a false positive. Strict true positives also require the campaign's own
 * kind to be the detector's (a scraper's token flagged as used from many places is not strict). Precision is true
 * positives over alerts; recall is the share of the detector's own campaigns with at least one strict true positive;
 * time to detect runs from a campaign's first request to its first strict true positive.
 *
 * @param type the detector
 * @param alerts its alerts
 * @param truePositives those on the right kind of attacker
 * @param campaigns how many campaigns it should find
 * @param detected how many it found
 * @param timesToDetectMillis one per detected campaign
 */
public record DetectionScore(AnomalyType type, int alerts, int truePositives, int strictTruePositives,
    int campaigns, int detected, List<Long> timesToDetectMillis) {

  private static final long MINUTE = 60_000;

  /** Precision, or NaN when the detector reported nothing. */
  public double precision() {
    return alerts == 0 ? Double.NaN : (double) truePositives / alerts;
  }

  /** Precision counting only alerts on the detector's own kind of campaign, or NaN when it reported nothing. */
  public double strictPrecision() {
    return alerts == 0 ? Double.NaN : (double) strictTruePositives / alerts;
  }

  /** Recall, or NaN when there was nothing to find. */
  public double recall() {
    return campaigns == 0 ? Double.NaN : (double) detected / campaigns;
  }

  public static Map<AnomalyType, DetectionScore> score(TraceGenerator.Trace trace, TraceReplay.Result result) {
    List<TraceReplay.Alert> alerts = result.alerts();
    Map<AnomalyType, Integer> alertCounts = new EnumMap<>(AnomalyType.class);
    Map<AnomalyType, Integer> truePositives = new EnumMap<>(AnomalyType.class);
    Map<AnomalyType, Integer> strict = new EnumMap<>(AnomalyType.class);
    Map<Actor, Long> firstDetection = new HashMap<>();
    for (TraceReplay.Alert alert : alerts) {
      AnomalyType type = alert.anomaly().type();
      alertCounts.merge(type, 1, Integer::sum);
      Actor campaign = campaignOf(trace, result, alert);
      if (campaign != null && campaign.exhibits(type)) {
        truePositives.merge(type, 1, Integer::sum);
      }
      if (strictCampaign(trace, result, alert) != null) {
        strict.merge(type, 1, Integer::sum);
        firstDetection.putIfAbsent(campaign, alert.request().at());
      }
    }
    Map<AnomalyType, DetectionScore> scores = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      int campaigns = 0;
      List<Long> times = new ArrayList<>();
      for (Actor actor : trace.actors()) {
        if (actor.kind().detectedBy() == type) {
          campaigns++;
          Long at = firstDetection.get(actor);
          if (at != null) {
            times.add(at - actor.start());
          }
        }
      }
      scores.put(type, new DetectionScore(type, alertCounts.getOrDefault(type, 0),
          truePositives.getOrDefault(type, 0), strict.getOrDefault(type, 0), campaigns, times.size(), List.copyOf(times)));
    }
    return scores;
  }

  /**
   * Who made a route's spike: the attack campaign that sent the most of the route's requests in the minute before
   * the alert (of its refused credentials, for a spike of those), if attackers sent at least half of them; otherwise
   * nobody (users made it).
   */
  private static Actor spikeOwner(TraceGenerator.Trace trace, TraceReplay.Result result, TraceReplay.Alert alert) {
    boolean refusedOnly = alert.anomaly().feature().equals("auth_failures_per_minute_per_route");
    long to = alert.request().at();
    String route = alert.request().routeKey();
    List<SimRequest> requests = trace.requests();
    int from = alert.index();
    while (from > 0 && requests.get(from - 1).at() >= to - MINUTE) {
      from--;
    }
    Map<Actor, Integer> byAttacker = new HashMap<>();
    int total = 0;
    for (int i = from; i < requests.size() && requests.get(i).at() <= to; i++) {
      SimRequest r = requests.get(i);
      if (r.routeKey().equals(route) && (!refusedOnly || result.refusedCredentials().get(i))) {
        total++;
        if (r.actor().kind() != Actor.Kind.LEGIT) {
          byAttacker.merge(r.actor(), 1, Integer::sum);
        }
      }
    }
    int attack = byAttacker.values().stream().mapToInt(Integer::intValue).sum();
    if (attack * 2 < total) {
      return null;
    }
    return byAttacker.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** Whether {@code alert} is a true positive. */
  public static boolean isTruePositive(TraceGenerator.Trace trace, TraceReplay.Result result,
      TraceReplay.Alert alert) {
    Actor campaign = campaignOf(trace, result, alert);
    return campaign != null && campaign.exhibits(alert.anomaly().type());
  }

  /** The campaign an alert strictly detects (one of the detector's own kind), or null. */
  static Actor strictCampaign(TraceGenerator.Trace trace, TraceReplay.Result result, TraceReplay.Alert alert) {
    Actor campaign = campaignOf(trace, result, alert);
    return campaign != null && campaign.kind().detectedBy() == alert.anomaly().type() ? campaign : null;
  }

  /** The attack campaign an alert's key belongs to, or null when it belongs to no attacker. */
  private static Actor campaignOf(TraceGenerator.Trace trace, TraceReplay.Result result, TraceReplay.Alert alert) {
    SimRequest request = alert.request();
    switch (alert.anomaly().keyKind()) {
      case "ip":
        return request.actor().kind() == Actor.Kind.LEGIT ? null : request.actor();
      case "principal":
        return trace.attackerAccounts().get(alert.anomaly().key());
      case "token":
        // A token a thief replayed belongs to the thief, whoever's request completed the pattern; an attacker's
        // own account's token belongs to that attacker.
        Actor thief = request.authorization() == null ? null : trace.stolenTokens().get(request.authorization());
        return thief != null ? thief : request.actor().kind() == Actor.Kind.LEGIT ? null : request.actor();
      case "route":
        return spikeOwner(trace, result, alert);
      default:
        return null;
    }
  }
}
