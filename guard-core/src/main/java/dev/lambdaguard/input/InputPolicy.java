package dev.lambdaguard.input;

import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.internal.RouteTable;
import dev.lambdaguard.internal.Settings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What input inspection looks for, where, and what a finding does: block (the default) or monitor, per category
 * and per route; fields allowed to carry a category; the headers scanned besides parameters, cookies and the
 * body; a cap on the characters scanned per request. Immutable; build it once at init.
 *
 * <pre>{@code
 * InputPolicy.builder()
 *     .mode(Category.SSRF, InspectionMode.MONITOR)
 *     .allow("body/signature", Category.XSS)
 *     .route("POST /tickets", RouteInput.builder().allow("body/snippet", Category.SQLI, Category.CMDI).build())
 *     .build();
 * }</pre>
 */
public final class InputPolicy {

  /** Headers scanned by default: the ones proxies and clients fill with caller-chosen text that apps log or echo. */
  public static final List<String> DEFAULT_HEADERS = List.of("user-agent", "referer", "origin", "x-forwarded-for",
      "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded");
  /**
   * Headers that name the caller's own address ({@code X-Forwarded-For: 10.0.1.23} from an internal load balancer,
   * a private API's VPC client): an address there is where a request came from, not one the function is asked to
   * fetch, so SSRF does not apply to them. Every other category still does (SQL injection through a logged
   * {@code X-Forwarded-For} is an attack).
   */
  public static final List<String> CLIENT_ADDRESS_HEADERS = List.of("x-forwarded-for", "x-real-ip", "forwarded");
  /** Characters scanned per request at most; a request with more is refused (413), never passed unscanned. */
  public static final int DEFAULT_MAX_SCAN_CHARS = 1024 * 1024;

  private final InspectionMode mode;
  private final Map<Category, InspectionMode> modes;
  private final List<Allowance> allowances;
  private final List<String> headers;
  private final RouteTable<RouteInput> routes;
  private final int maxScanChars;
  private final InjectionScanner scanner;

  /** A field allowed to carry some categories. */
  record Allowance(FieldPattern field, Set<Category> categories) {
    static Allowance of(String field, Category... categories) {
      Set<Category> set =
          categories.length == 0 ? EnumSet.allOf(Category.class) : EnumSet.of(categories[0], categories);
      return new Allowance(FieldPattern.of(field), Set.copyOf(set));
    }

    boolean covers(String location, Category category) {
      return categories.contains(category) && field.matches(location);
    }
  }

  private InputPolicy(Builder b) {
    this.mode = b.mode;
    this.modes = Map.copyOf(b.modes);
    this.allowances = List.copyOf(b.allowances);
    this.headers = List.copyOf(b.headers);
    this.routes = b.routes.build();
    this.maxScanChars = b.maxScanChars;
    Set<Category> scanned = EnumSet.noneOf(Category.class);
    for (Category c : Category.values()) {
      if (b.modes.getOrDefault(c, b.mode) != InspectionMode.OFF || b.anyRouteEnables) {
        scanned.add(c);
      }
    }
    this.scanner = InjectionScanner.of(scanned);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every category blocked, the default headers scanned, no field allowed anything but SSRF in
   * {@link #CLIENT_ADDRESS_HEADERS}.
   */
  public static InputPolicy defaults() {
    return builder().build();
  }

  /** Compiles every route's body schema now (before a snapshot) instead of at its first body. */
  void compileSchemas() {
    for (RouteInput route : routes.values()) {
      if (route.schema() != null) {
        route.schema().compiled();
      }
    }
  }

  RouteInput routeFor(GuardRequest request) {
    if (routes.isEmpty()) {
      return RouteInput.NONE;
    }
    RouteInput route = routes.lookup(request.method(), request.routeKey(), request.path());
    return route != null ? route : RouteInput.NONE;
  }

  InspectionMode modeFor(Category category, RouteInput route) {
    InspectionMode own = route.modeFor(category);
    return own != null ? own : modes.getOrDefault(category, mode);
  }

  boolean allowed(String location, Category category, RouteInput route) {
    for (Allowance a : route.allowances()) {
      if (a.covers(location, category)) {
        return true;
      }
    }
    for (Allowance a : allowances) {
      if (a.covers(location, category)) {
        return true;
      }
    }
    return false;
  }

  List<String> headers() {
    return headers;
  }

  int maxScanChars() {
    return maxScanChars;
  }

  InjectionScanner scanner() {
    return scanner;
  }

  public static final class Builder {
    private InspectionMode mode = InspectionMode.BLOCK;
    private final Map<Category, InspectionMode> modes = new EnumMap<>(Category.class);
    private final List<Allowance> allowances = clientAddressAllowances();
    private final List<String> headers = new ArrayList<>(DEFAULT_HEADERS);
    private final RouteTable.Builder<RouteInput> routes = RouteTable.builder("input.route");
    private int maxScanChars = DEFAULT_MAX_SCAN_CHARS;
    private boolean anyRouteEnables;

    private Builder() {}

    private static List<Allowance> clientAddressAllowances() {
      List<Allowance> list = new ArrayList<>();
      for (String header : CLIENT_ADDRESS_HEADERS) {
        list.add(Allowance.of(InputLocations.header(header), Category.SSRF));
      }
      return list;
    }

    /** The mode of every category not set otherwise; {@link InspectionMode#BLOCK} by default. */
    public Builder mode(InspectionMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public Builder mode(Category category, InspectionMode mode) {
      modes.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /** Lets {@code field} (a {@link FieldPattern}) carry these categories everywhere (all when none is given). */
    public Builder allow(String field, Category... categories) {
      allowances.add(Allowance.of(field, categories));
      return this;
    }

    /** Scans these headers too (case-insensitive names), besides the defaults. */
    public Builder scanHeaders(String... names) {
      for (String name : names) {
        String lower = Objects.requireNonNull(name, "header").toLowerCase(Locale.ROOT);
        if (!headers.contains(lower)) {
          headers.add(lower);
        }
      }
      return this;
    }

    /** One route's own modes and allowances ({@code POST /tickets}, {@code ANY /cms/{proxy+}}). */
    public Builder route(String route, RouteInput input) {
      routes.put(route, Objects.requireNonNull(input, "input"));
      for (Category c : Category.values()) {
        InspectionMode own = input.modeFor(c);
        anyRouteEnables |= own != null && own != InspectionMode.OFF;
      }
      return this;
    }

    public Builder maxScanChars(int chars) {
      this.maxScanChars = Settings.within("input.maxScanChars", chars, 1024, 64 * 1024 * 1024);
      return this;
    }

    public InputPolicy build() {
      return new InputPolicy(this);
    }
  }
}
