package dev.lambdaguard.bench.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a labelled trace of requests to the orders API: legitimate users as they really behave (stale tokens
 * sent again before a refresh, a garbled token now and then, many users behind one carrier NAT, mobile users whose
 * address changes, bursts of refreshes, a crowd arriving at once after a notification) and attack campaigns of
 * every kind in {@link Actor.Kind}, each with parameters drawn from wide ranges. The same seed gives the same trace.
 */
public final class TraceGenerator {

  /** The simulated clock's origin. */
  public static final long START = 1_800_000_000_000L;
  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long TOKEN_LIFETIME = 60 * MINUTE;

  /** How big a trace is. */
  public record Scale(long durationMillis, int users, int stuffing, int slowStuffing, int scanners, int enumerators,
      int scrapers, int thieves, int floods) {

    /** Three hours, 400 users, twelve campaigns: the figures in BENCHMARKS.md. */
    public static Scale full() {
      return new Scale(180 * MINUTE, 400, 2, 1, 2, 1, 1, 3, 1);
    }

    /** Ninety minutes, 150 users, eight campaigns: what the test replays. */
    public static Scale small() {
      return new Scale(90 * MINUTE, 150, 1, 1, 1, 1, 1, 2, 1);
    }
  }

  /**
   * A generated trace.
   *
   * @param requests every request, in time order
   * @param actors every user and campaign
   * @param stolenTokens Authorization headers a thief replayed, to the thief
   * @param attackerAccounts subjects owned by attackers, to the campaign
   * @param floods each flood campaign's [start, end) times
   * @param hmacSecret the key the function verifies tokens with
   */
  public record Trace(List<SimRequest> requests, List<Actor> actors, Map<String, Actor> stolenTokens,
      Map<String, Actor> attackerAccounts, Map<Actor, long[]> floods, byte[] hmacSecret, long end) {}

  private record IssuedToken(String authorization, long issuedAt, long expiresAt, List<String> orders) {}

  private final Random random;
  private final Scale scale;
  private final long end;
  private final SimIssuer issuer;
  private final List<SimRequest> requests = new ArrayList<>();
  private final List<Actor> actors = new ArrayList<>();
  private final List<IssuedToken> issued = new ArrayList<>();
  private final Map<String, Actor> stolenTokens = new HashMap<>();
  private final Map<String, Actor> attackerAccounts = new HashMap<>();
  private final Map<Actor, long[]> floods = new HashMap<>();
  private int tokenIds;

  private TraceGenerator(long seed, Scale scale) {
    this.random = new Random(seed);
    this.scale = scale;
    this.end = START + scale.durationMillis();
    this.issuer = new SimIssuer(random);
  }

  public static Trace generate(long seed, Scale scale) {
    return new TraceGenerator(seed, scale).generate();
  }

  private Trace generate() {
    String[] natAddresses = new String[Math.max(3, scale.users() / 25)];
    for (int i = 0; i < natAddresses.length; i++) {
      natAddresses[i] = "62.1." + i + ".1";
    }
    for (int u = 0; u < scale.users(); u++) {
      user("user-" + u, START + exp(30 * MINUTE), natAddresses);
    }
    // A notification brings a crowd at once: many sessions starting within five minutes.
    long crowd = between(START + 30 * MINUTE, end - 30 * MINUTE);
    for (int u = 0; u < scale.users() / 6; u++) {
      user("crowd-" + u, crowd + (long) (random.nextDouble() * 5 * MINUTE), natAddresses);
    }
    for (int i = 0; i < scale.stuffing(); i++) {
      stuffing();
    }
    for (int i = 0; i < scale.slowStuffing(); i++) {
      slowStuffing();
    }
    for (int i = 0; i < scale.scanners(); i++) {
      scanner();
    }
    for (int i = 0; i < scale.enumerators(); i++) {
      enumerator();
    }
    for (int i = 0; i < scale.scrapers(); i++) {
      scraper();
    }
    for (int i = 0; i < scale.thieves(); i++) {
      thief();
    }
    for (int i = 0; i < scale.floods(); i++) {
      flood();
    }
    requests.removeIf(r -> r.at() >= end);
    requests.sort(Comparator.comparingLong(SimRequest::at));
    return new Trace(List.copyOf(requests), List.copyOf(actors), Map.copyOf(stolenTokens),
        Map.copyOf(attackerAccounts), Map.copyOf(floods), issuer.secret(), end);
  }

  // ---- legitimate users ----

  private void user(String subject, long firstSession, String[] natAddresses) {
    Actor actor = actor(Actor.Kind.LEGIT, firstSession);
    List<String> orders = new ArrayList<>();
    int count = 2 + random.nextInt(14);
    for (int i = 0; i < count; i++) {
      orders.add(Integer.toString(100_000 + random.nextInt(900_000)));
    }
    double mode = random.nextDouble();
    boolean nat = mode < 0.3;
    boolean mobile = mode >= 0.8;
    String address = nat ? natAddresses[random.nextInt(natAddresses.length)] : "81." + octets(3);
    long nextMove = mobile ? firstSession + addressLifetime() : Long.MAX_VALUE;
    String token = null;
    long tokenExpires = 0;
    for (long session = firstSession; session < end; session += 5 * MINUTE + exp(60 * MINUTE)) {
      long t = session;
      if (token == null || tokenExpires - t < 5 * MINUTE) {
        if (token != null && tokenExpires < t && random.nextDouble() < 0.3) {
          // The app sends its expired token once or a few times before it refreshes.
          int stale = 1 + random.nextInt(3);
          for (int i = 0; i < stale; i++) {
            add(t, actor, address, get(pick(orders)), token);
            t += 300 + random.nextInt(1500);
          }
        }
        token = issuer.bearer(subject, t, t + TOKEN_LIFETIME, "t" + (tokenIds++));
        tokenExpires = t + TOKEN_LIFETIME;
        issued.add(new IssuedToken(token, t, tokenExpires, orders));
      }
      if (random.nextDouble() < 0.02) {
        add(t, actor, address, get(pick(orders)), token.substring(0, token.length() - 3));
        t += 2 * SECOND;
      }
      boolean burst = random.nextDouble() < 0.1;
      int length = 3 + random.nextInt(28);
      for (int i = 0; i < length && t < end; i++) {
        if (mobile && t >= nextMove) {
          address = "100." + (64 + random.nextInt(64)) + "." + octets(2);
          nextMove = t + addressLifetime();
        }
        add(t, actor, address, userRequest(orders), token);
        t += burst && i < 20 ? 200 + random.nextInt(400) : 1000 + exp(8 * SECOND);
      }
    }
  }

  private String[] userRequest(List<String> orders) {
    double r = random.nextDouble();
    if (r < 0.92) {
      return get(pick(orders));
    }
    if (r < 0.96) {
      return new String[] {"POST", "/orders", "POST /orders", null,
          "{\"item\":\"book-" + random.nextInt(50) + "\",\"quantity\":" + (1 + random.nextInt(5)) + "}"};
    }
    if (r < 0.98) {
      String own = pick(orders); // a mistyped id: one digit changed
      int at = random.nextInt(own.length());
      return get(own.substring(0, at) + random.nextInt(10) + own.substring(at + 1));
    }
    // An old bookmark or a client bug: a path no route serves.
    return new String[] {"GET", random.nextBoolean() ? "/orders" : "/order/" + pick(orders), "$default", null, null};
  }

  /** A mobile address lasts 8 minutes or more, 25 on average beyond that. */
  private long addressLifetime() {
    return 8 * MINUTE + exp(25 * MINUTE);
  }

  // ---- attackers ----

  private void stuffing() {
    long t = between(START + 15 * MINUTE, end - 40 * MINUTE);
    Actor actor = actor(Actor.Kind.STUFFING, t);
    String[] pool = new String[5 + random.nextInt(36)];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = "45." + octets(3);
    }
    String[] targets = targets();
    int attempts = 200 + random.nextInt(1300);
    long meanGap = 300 + random.nextInt(1700);
    for (int i = 0; i < attempts; i++) {
      add(t, actor, pool[random.nextInt(pool.length)], get(targets[random.nextInt(targets.length)]),
          leakedCredential(t));
      t += 50 + exp(meanGap);
    }
  }

  private void slowStuffing() {
    long t = between(START + 5 * MINUTE, START + scale.durationMillis() / 3);
    Actor actor = actor(Actor.Kind.SLOW_STUFFING, t);
    String[] addresses = new String[1 + random.nextInt(3)];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = "46." + octets(3);
    }
    String[] targets = targets();
    long stop = Math.min(end, t + 60 * MINUTE + random.nextInt(60) * MINUTE);
    while (t < stop) {
      add(t, actor, addresses[random.nextInt(addresses.length)], get(targets[random.nextInt(targets.length)]),
          leakedCredential(t));
      t += 60 * SECOND + random.nextInt(120) * SECOND;
    }
  }

  /** Leaked tokens of other users (long expired), tokens forged under a guessed key, or opaque guesses. */
  private String leakedCredential(long now) {
    double r = random.nextDouble();
    String victim = "victim-" + random.nextInt(100_000);
    if (r < 0.4) {
      long issued = now - 2 * TOKEN_LIFETIME - random.nextInt(1000) * MINUTE;
      return issuer.bearer(victim, issued, issued + TOKEN_LIFETIME, "leak" + (tokenIds++));
    }
    if (r < 0.8) {
      return issuer.forged(victim, now, now + TOKEN_LIFETIME, "forged" + (tokenIds++));
    }
    return "Bearer " + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }

  private static final String[] PROBES = {
      "/admin", "/.env", "/.git/config", "/wp-login.php", "/api/v1/users", "/actuator/env", "/server-status",
      "/phpmyadmin", "/config.json", "/backup.zip", "/api/admin/users", "/debug", "/console", "/.aws/credentials",
      "/orders/export", "/internal/health", "/graphql", "/swagger.json", "/v2/api-docs", "/login"};

  private static final String[] INJECTIONS = {
      "1%27%20OR%20%271%27%3D%271", "1%3B%20DROP%20TABLE%20orders", "..%2F..%2Fetc%2Fpasswd",
      "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "1%20UNION%20SELECT%20password%20FROM%20users", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"};

  private void scanner() {
    long t = between(START + 10 * MINUTE, end - 30 * MINUTE);
    // Some scanners try random bearer tokens on a share of their probes: that is token brute force too.
    double withToken = random.nextBoolean() ? 0 : 0.3 * random.nextDouble();
    Actor actor = actor(Actor.Kind.SCANNER, t,
        withToken > 0 ? java.util.Set.of(dev.lambdaguard.anomaly.AnomalyType.CREDENTIAL_STUFFING) : java.util.Set.of());
    String address = "185." + octets(3);
    int probes = 150 + random.nextInt(250);
    long meanGap = 200 + random.nextInt(800);
    for (int i = 0; i < probes; i++) {
      String token = random.nextDouble() >= withToken ? null : "Bearer " + Long.toHexString(random.nextLong());
      if (random.nextDouble() < 0.7) {
        String path = PROBES[random.nextInt(PROBES.length)] + (random.nextBoolean() ? "" : "/" + random.nextInt(50));
        add(t, actor, address, new String[] {"GET", path, "$default", null, null}, token);
      } else {
        String id = INJECTIONS[random.nextInt(INJECTIONS.length)];
        add(t, actor, address, new String[] {"GET", "/orders/" + id, "GET /orders/{id}", decode(id), null}, token);
      }
      t += 50 + exp(meanGap);
    }
  }

  private void enumerator() {
    long t = between(START + 10 * MINUTE, end - 40 * MINUTE);
    Actor actor = actor(Actor.Kind.ENUMERATOR, t);
    String subject = "acct-" + random.nextInt(1_000_000);
    attackerAccounts.put(subject, actor);
    String address = "193." + octets(3);
    int base = 100_000 + random.nextInt(800_000);
    int count = 100 + random.nextInt(300);
    String token = null;
    long expires = 0;
    for (int i = 0; i < count; i++) {
      if (token == null || expires - t < MINUTE) {
        token = issuer.bearer(subject, t, t + TOKEN_LIFETIME, "e" + (tokenIds++));
        expires = t + TOKEN_LIFETIME;
      }
      add(t, actor, address, get(Integer.toString(base + i)), token);
      t += 2 * SECOND + random.nextInt(8) * SECOND;
    }
  }

  private void scraper() {
    long t = between(START + 10 * MINUTE, end - 40 * MINUTE);
    // Its own account's token rotated over a pool of one to five addresses from the first request on: one holder
    // behind many addresses, which the token-theft detector must tell from a token that changes hands.
    String[] addresses = new String[1 + random.nextInt(5)];
    Actor actor = actor(Actor.Kind.SCRAPER, t);
    String subject = "acct-" + random.nextInt(1_000_000);
    attackerAccounts.put(subject, actor);
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = "194." + octets(3);
    }
    long stop = t + 10 * MINUTE + random.nextInt(20) * MINUTE;
    String token = null;
    long expires = 0;
    while (t < stop) {
      if (token == null || expires - t < MINUTE) {
        token = issuer.bearer(subject, t, t + TOKEN_LIFETIME, "s" + (tokenIds++));
        expires = t + TOKEN_LIFETIME;
      }
      add(t, actor, addresses[random.nextInt(addresses.length)], get(randomOrder()), token);
      t += SECOND + exp(1500);
    }
  }

  private void thief() {
    long t = between(START + 20 * MINUTE, end - 30 * MINUTE);
    List<IssuedToken> live = new ArrayList<>();
    for (IssuedToken token : issued) {
      if (token.issuedAt() <= t && token.expiresAt() - t >= 20 * MINUTE && !stolenTokens.containsKey(token.authorization())) {
        live.add(token);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    IssuedToken stolen = live.get(random.nextInt(live.size()));
    Actor actor = actor(Actor.Kind.TOKEN_THIEF, t);
    stolenTokens.put(stolen.authorization(), actor);
    String[] botnet = new String[3 + random.nextInt(23)];
    for (int i = 0; i < botnet.length; i++) {
      botnet[i] = "91." + octets(3);
    }
    long stop = Math.min(stolen.expiresAt(), t + 10 * MINUTE + random.nextInt(20) * MINUTE);
    long meanGap = 3 * SECOND + random.nextInt(17) * SECOND;
    while (t < stop) {
      add(t, actor, botnet[random.nextInt(botnet.length)], get(pick(stolen.orders())), stolen.authorization());
      t += exp(meanGap);
    }
  }

  private void flood() {
    long t = between(START + 30 * MINUTE, end - 20 * MINUTE);
    Actor actor = actor(Actor.Kind.FLOOD, t);
    String[] addresses = new String[50 + random.nextInt(150)];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = "23." + octets(3);
    }
    long stop = t + 3 * MINUTE + random.nextInt(3) * MINUTE;
    floods.put(actor, new long[] {t, stop});
    double perMinute = 800 + random.nextInt(1200);
    long meanGap = (long) (MINUTE / perMinute);
    String[] targets = targets();
    while (t < stop) {
      add(t, actor, addresses[random.nextInt(addresses.length)], get(targets[random.nextInt(targets.length)]), null);
      t += 1 + exp(meanGap);
    }
  }

  // ---- helpers ----

  private Actor actor(Actor.Kind kind, long start) {
    return actor(kind, start, java.util.Set.of());
  }

  private Actor actor(Actor.Kind kind, long start, java.util.Set<dev.lambdaguard.anomaly.AnomalyType> alsoExhibits) {
    Actor actor = new Actor(actors.size(), kind, start, alsoExhibits);
    actors.add(actor);
    return actor;
  }

  private void add(long at, Actor actor, String ip, String[] request, String authorization) {
    requests.add(new SimRequest(at, actor, ip, request[0], request[1], request[2], request[3], authorization,
        request[4]));
  }

  private static String[] get(String id) {
    return new String[] {"GET", "/orders/" + id, "GET /orders/{id}", id, null};
  }

  /** The one to three paths a stuffing or flood campaign hammers: it wants an answer, not the content. */
  private String[] targets() {
    String[] targets = new String[1 + random.nextInt(3)];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = randomOrder();
    }
    return targets;
  }

  private String randomOrder() {
    return Integer.toString(100_000 + random.nextInt(900_000));
  }

  private String pick(List<String> values) {
    // Users read their recent orders most: the first ones of the list, quadratically more often.
    double r = random.nextDouble();
    return values.get((int) (r * r * values.size()));
  }

  private String octets(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ".").append(1 + random.nextInt(254));
    }
    return sb.toString();
  }

  private long exp(long mean) {
    return (long) (-mean * Math.log(1 - random.nextDouble()));
  }

  private long between(long from, long to) {
    return from + (long) (random.nextDouble() * Math.max(1, to - from));
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
