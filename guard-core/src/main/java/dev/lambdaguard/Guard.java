package dev.lambdaguard;

import dev.lambdaguard.anomaly.Anomaly;
import dev.lambdaguard.anomaly.AnomalyDetector;
import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.internal.CredentialChoice;
import dev.lambdaguard.events.EventFormat;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.InvocationInfo;
import dev.lambdaguard.events.InvocationSummary;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.RequestSummary;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.events.StdoutJsonSink;
import dev.lambdaguard.internal.Diagnostics;
import dev.lambdaguard.internal.EnvironmentNotices;
import dev.lambdaguard.internal.HandlerFailure;
import dev.lambdaguard.internal.InterceptorFault;
import dev.lambdaguard.internal.InvocationState;
import dev.lambdaguard.internal.RealChain;
import dev.lambdaguard.internal.Sneaky;
import dev.lambdaguard.input.InputInspector;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.RequestLimits;
import dev.lambdaguard.input.RequestLimitsInterceptor;
import dev.lambdaguard.json.JsonBodyInterceptor;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.StrictJsonParser;
import dev.lambdaguard.permissions.ObservedPermissions;
import dev.lambdaguard.ratelimit.RateLimitInterceptor;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.secrets.CredentialCheck;
import dev.lambdaguard.secrets.PackagedCredentialCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine of a guarded handler: runs each request through the chain and reports every decision.
 *
 * <p>Built once per execution environment (in a static field or the handler's constructor) and shared
 * by all invocations; thread-safe. The chain order is fixed by the library, whatever the order of the
 * builder calls:
 * <ol>
 *   <li>request sanity (a body the adapter could not decode is refused);
 *   <li>{@code limits}: header, parameter, cookie and body sizes, when configured (counted, nothing parsed);
 *   <li>{@code jwt}: bearer token authentication and route authorization, when configured (before any
 *       body is parsed: an unauthenticated caller costs as little as possible);
 *   <li>{@code api_key}: API keys held in a secret, when configured; or, with {@code jwtOrApiKey}, one step
 *       {@code auth} that checks whichever of the two credentials the request carries;
 *   <li>{@code rate_limit}: per-caller limits, after authentication so that the caller is known, before any
 *       body is parsed, when configured;
 *   <li>{@code json_body}: strict JSON parsing within limits, when enabled;
 *   <li>{@code input}: injection detection over every string of the request, when configured;
 *   <li>the user's interceptors, in the order they were added;
 *   <li>the user's handler.
 * </ol>
 * Once decided, each request is reported as events and, with {@code anomalyDetection}, observed by the
 * anomaly detector, which may add {@code anomaly} events but never changes the decision.
 *
 * <pre>{@code
 * static final Guard GUARD = Guard.builder().strictJsonBodies().build();
 * }</pre>
 */
public final class Guard implements SnapshotAware {

  private final List<Interceptor> interceptors;
  private final EventSink sink;
  private final Clock clock;
  private final FunctionEnvironment function;
  private final Redactor redactor;
  private final double allowSampleRate;
  private final AnomalyDetector anomalies;
  private final long permissionsIntervalMillis;
  private final AtomicBoolean coldStart = new AtomicBoolean(true);
  private final java.util.concurrent.CompletableFuture<dev.lambdaguard.inventory.RuntimeInventory> inventory;
  private volatile boolean restored;

  private Guard(Builder b) {
    this.clock = b.clock;
    this.function = FunctionEnvironment.from(b.environment);
    this.redactor = b.redactor;
    this.allowSampleRate = b.allowSampleRate;
    this.anomalies = b.anomalyPolicy == null ? null : new AnomalyDetector(b.anomalyPolicy);
    this.permissionsIntervalMillis = b.permissionsInterval.toMillis();
    this.interceptors = assembleChain(b);
    EventFormat format = b.ocsf ? new dev.lambdaguard.events.OcsfJson(redactor) : new EventJson(redactor);
    this.sink = b.sink != null ? b.sink : b.metrics != null ? b.metrics.apply(format) : new StdoutJsonSink(format);
    emit(new SecurityEvent.InitEvent(clock.currentTimeMillis(), function, interceptorNames()));
    if (b.egressPolicy != null) {
      dev.lambdaguard.egress.EgressMonitor.install(b.egressPolicy, attempt -> emit(new SecurityEvent.EgressEvent(
          clock.currentTimeMillis(), function, attempt.host(), attempt.port(), attempt.scheme(), attempt.blocked())));
    }
    if (b.credentialCheck) {
      for (CredentialCheck.Finding finding : CredentialCheck.scan(b.environment)) {
        emit(new SecurityEvent.ConfigurationWarningEvent(clock.currentTimeMillis(), function,
            "credential_in_environment", finding.kind(), finding.variable(), finding.severity(), null));
      }
      for (PackagedCredentialCheck.Finding finding : PackagedCredentialCheck.scan(Guard.class.getClassLoader())) {
        emit(new SecurityEvent.ConfigurationWarningEvent(clock.currentTimeMillis(), function,
            "credential_in_package", finding.kind(), finding.key(), finding.severity(), finding.resource()));
      }
    }
    this.inventory = b.inventory == null ? null : b.inventory.startInBackground(
        taken -> emit(new SecurityEvent.InventoryEvent(clock.currentTimeMillis(), function, taken)));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The one place where the chain order is decided. */
  private static List<Interceptor> assembleChain(Builder b) {
    List<Interceptor> chain = new ArrayList<>();
    if (b.requestLimits != null) {
      chain.add(new RequestLimitsInterceptor(b.requestLimits));
    }
    if (b.eitherCredential) {
      chain.add(new CredentialChoice(b.jwt, b.apiKeys));
    } else {
      if (b.jwt != null) {
        chain.add(b.jwt);
      }
      if (b.apiKeys != null) {
        chain.add(b.apiKeys);
      }
    }
    if (b.rateLimits != null) {
      chain.add(new RateLimitInterceptor(b.rateLimits));
    }
    if (b.jsonLimits != null) {
      chain.add(new JsonBodyInterceptor(new StrictJsonParser(b.jsonLimits)));
    }
    if (b.inputPolicy != null) {
      chain.add(new InputInspector(b.inputPolicy));
    }
    chain.addAll(b.interceptors);
    return List.copyOf(chain);
  }

  /** The names of the interceptors, in chain order. */
  public List<String> interceptorNames() {
    List<String> names = new ArrayList<>(interceptors.size());
    for (Interceptor interceptor : interceptors) {
      names.add(interceptor.name());
    }
    return names;
  }

  /**
   * The runtime inventory this guard takes at init, when it takes one: completes (on the inventory's own thread)
   * once its {@code inventory} event was written. A function may read it, e.g. to refuse to serve on a critical
   * advisory; nothing in the guard waits for it.
   */
  public java.util.Optional<java.util.concurrent.CompletionStage<dev.lambdaguard.inventory.RuntimeInventory>>
      runtimeInventory() {
    return java.util.Optional.ofNullable(inventory);
  }

  /**
   * Before a SnapStart checkpoint: every step primes itself and synthetic requests run through the steps that
   * work offline, reporting nothing. No network call. See {@link SnapshotAware}.
   */
  @Override
  public void prime() {
    dev.lambdaguard.internal.SnapshotPriming.prime(interceptors, clock);
  }

  /**
   * After a restore: every step forgets what copies must not share (cached keys and tokens, secrets, local
   * rate-limit windows); the next invocation is reported as this copy's cold start, and every event from now
   * on carries {@code restored}.
   */
  @Override
  public void afterRestore() {
    for (Interceptor step : interceptors) {
      if (step instanceof SnapshotAware aware) {
        aware.afterRestore();
      }
    }
    restored = true;
    coldStart.set(true);
  }

  /** The redactor every event passes through; register secret values with it. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Runs one request through the chain and, unless denied, the handler.
   *
   * @param request the normalized request
   * @param ids the invocation's ids
   * @param terminal the user's handler
   * @return a {@link Denial}, or {@link Outcome.Handled} with the handler's response
   * @throws Exception exactly what the handler threw, unchanged (declared through a sneaky rethrow, so the
   *     caller's own signature decides which checked exceptions can occur)
   */
  public Outcome handle(GuardRequest request, Invocation ids, Terminal terminal) {
    long start = clock.nanoTime();
    learnAccount(ids);
    InvocationInfo info = new InvocationInfo(function, ids, takeColdStart(), restored);
    InvocationState state = new InvocationState(terminal, clock);
    Outcome outcome;
    if (request.body().isMalformed()) {
      outcome = Denial.badRequest(Reasons.REQUEST_MALFORMED, "The request could not be read.");
    } else {
      try {
        outcome = new RealChain(interceptors, 0, request, SecurityContext.empty(), state).proceed();
      } catch (HandlerFailure failure) {
        outcome = null; // rethrown below, once reported
      } catch (InterceptorFault fault) {
        if (state.handlerFailure() == null) {
          return failClosed(request, info, state, fault.interceptor(), fault.getCause(), start);
        }
        outcome = null; // an interceptor replaced the handler's exception with its own: the handler's wins
      } catch (RuntimeException | StackOverflowError bug) {
        return failClosed(request, info, state, "guard", bug, start);
      }
    }
    long chainNanos = clock.nanoTime() - start - state.handlerNanos();
    if (state.handlerFailure() != null) {
      // The chain let the request through and the handler ran: report that (and any findings, which a
      // monitor-mode inspection would otherwise lose), then rethrow the handler's exception unchanged, even
      // if an interceptor swallowed or replaced it.
      report(Outcome.Handled.of(null), request, info, state, chainNanos);
      reportObservedPermissions();
      throw Sneaky.rethrow(state.handlerFailure());
    }
    report(outcome, request, info, state, chainNanos);
    reportObservedPermissions();
    return outcome;
  }

  /** Tells the sink the invocation is over, with what metrics need (counted even when its events were sampled out). */
  private void endInvocation(InvocationInfo info, String route, String decision, Reason reason,
      List<Finding> findings, long chainNanos) {
    try {
      sink.endInvocation(new InvocationSummary(info, route, decision, reason, findings, chainNanos));
    } catch (RuntimeException e) {
      Diagnostics.warn("event sink failed with " + e.getClass().getName());
    }
  }

  /** Reports an event that is not an HTTP request and went to the handler untouched. */
  public void passThrough(String eventSource, Invocation ids) {
    learnAccount(ids);
    InvocationInfo info = new InvocationInfo(function, ids, takeColdStart(), restored);
    if (sampled()) {
      emit(new SecurityEvent.PassThroughEvent(clock.currentTimeMillis(), info, eventSource));
    }
    endInvocation(info, null, "pass_through", null, List.of(), 0);
    reportObservedPermissions();
  }

  /**
   * Writes the AWS permissions this environment was seen to use (see {@link ObservedPermissions}), when something
   * new was seen and none was written within the interval. Called at the end of an invocation's guard work: a
   * frozen Lambda environment runs no timer, and the calls the handler made are then recorded. When nothing is new
   * this costs one volatile read. (For a pass-through event the handler runs after this, so its calls are written
   * at the next invocation.)
   */
  private void reportObservedPermissions() {
    long now = clock.currentTimeMillis();
    ObservedPermissions.Snapshot snapshot = ObservedPermissions.environment().takeIfDue(now, permissionsIntervalMillis);
    if (snapshot != null) {
      emit(new SecurityEvent.PermissionsObservedEvent(now, function, snapshot.permissions(), snapshot.sinceMillis(),
          snapshot.dropped()));
    }
  }

  private void report(Outcome outcome, GuardRequest request, InvocationInfo info, InvocationState state, long chainNanos) {
    SecurityContext context = state.lastContext();
    boolean denied = outcome instanceof Denial;
    try {
      writeEvents(outcome, request, info, state, chainNanos);
    } finally {
      endInvocation(info, request.routeKey(), denied ? "deny" : "allow", denied ? ((Denial) outcome).reason() : null,
          context.findings(), chainNanos);
    }
  }

  private void writeEvents(
      Outcome outcome, GuardRequest request, InvocationInfo info, InvocationState state, long chainNanos) {
    SecurityContext context = state.lastContext();
    boolean denied = outcome instanceof Denial;
    boolean writeAllow = !denied && sampled();
    List<Anomaly> found = anomalies == null
        ? List.of() : anomalies.observe(request, outcome, context, clock.currentTimeMillis());
    if (!denied && !writeAllow && context.findings().isEmpty() && context.notices().isEmpty() && found.isEmpty()
        && !EnvironmentNotices.pending()) {
      return; // a sampled-out allow with nothing else to say: build nothing
    }
    RequestSummary summary = summarize(request, context);
    long now = clock.currentTimeMillis();
    for (Finding finding : context.findings()) {
      emit(new SecurityEvent.DetectionEvent(now, info, summary, finding, denied));
    }
    for (String notice : context.notices()) {
      emit(new SecurityEvent.NoticeEvent(now, info, summary, notice, Map.of()));
    }
    for (EnvironmentNotices.Notice notice : EnvironmentNotices.drain()) {
      emit(new SecurityEvent.NoticeEvent(now, info, summary, notice.code(), notice.details()));
    }
    if (outcome instanceof Denial denial) {
      String by = state.deniedBy() != null ? state.deniedBy() : "guard";
      emit(new SecurityEvent.DenyEvent(
          now, info, summary, denial.reason(), denial.status(), by, denial.eventFields(), chainNanos));
    } else if (writeAllow) {
      emit(new SecurityEvent.AllowEvent(now, info, summary, context.findings().size(), chainNanos));
    }
    for (Anomaly anomaly : found) {
      emit(new SecurityEvent.AnomalyEvent(now, info, summary, anomaly));
    }
  }

  private Outcome failClosed(
      GuardRequest request, InvocationInfo info, InvocationState state, String component, Throwable cause,
      long start) {
    Diagnostics.warn("interceptor '" + component + "' failed with " + cause.getClass().getName()
        + "; the request was refused");
    Denial denial = Denial.internalError();
    emit(new SecurityEvent.ErrorEvent(clock.currentTimeMillis(), info, summarize(request, state.lastContext()),
        denial.reason(), component, cause.getClass().getName()));
    endInvocation(info, request.routeKey(), "error", denial.reason(), state.lastContext().findings(),
        clock.nanoTime() - start - state.handlerNanos());
    return denial;
  }

  private static RequestSummary summarize(GuardRequest request, SecurityContext context) {
    return new RequestSummary(request.source(), request.method(), request.routeKey(), request.path(),
        request.sourceIp(), request.userAgent(), context.principal().map(Principal::subject).orElse(null));
  }

  /**
   * Tells the permissions record the function's account, from the first invocation whose ARN names it; once
   * learnt, the record answers later ones with one volatile read. The record alone says whether it is known, so
   * an ARN that does not parse leaves it to the next invocation's.
   */
  private void learnAccount(Invocation ids) {
    ObservedPermissions.environment().learnAccount(ids.functionArn());
  }

  private boolean takeColdStart() {
    return coldStart.get() && coldStart.compareAndSet(true, false);
  }

  private boolean sampled() {
    return allowSampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < allowSampleRate;
  }

  private void emit(SecurityEvent event) {
    try {
      sink.emit(event);
    } catch (RuntimeException e) {
      Diagnostics.warn("event sink failed with " + e.getClass().getName());
    }
  }

  /**
   * Configures a guard. Setters validate at once and name the setting on a bad value; {@link #build()}
   * never fails at the first request instead. Not thread-safe; the guard it builds is.
   */
  public static final class Builder {
    private final List<Interceptor> interceptors = new ArrayList<>();
    private JsonLimits jsonLimits;
    private JwtAuthenticator jwt;
    private RateLimitPolicy rateLimits;
    private ApiKeyAuthenticator apiKeys;
    private boolean eitherCredential;
    private RequestLimits requestLimits;
    private InputPolicy inputPolicy;
    private EventSink sink;
    private java.util.function.Function<EventFormat, EventSink> metrics;
    private Clock clock = Clock.system();
    private Map<String, String> environment = System.getenv();
    private Redactor redactor = Redactor.shared();
    private double allowSampleRate = 1.0;
    private boolean credentialCheck = true;
    private boolean ocsf;
    private AnomalyPolicy anomalyPolicy;
    private dev.lambdaguard.egress.EgressPolicy egressPolicy;
    private java.time.Duration permissionsInterval = java.time.Duration.ofMinutes(5);
    private Boolean runtimeInventory;
    private dev.lambdaguard.inventory.AdvisoryList advisories;
    private dev.lambdaguard.inventory.InventoryReporter inventory;

    private Builder() {}

    /** Adds an interceptor after the library's own, in call order. */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Authenticates bearer JWTs and authorizes routes; see {@link JwtAuthenticator}. */
    public Builder jwt(JwtAuthenticator authenticator) {
      this.jwt = Objects.requireNonNull(authenticator, "jwt");
      return this;
    }

    /**
     * Authenticates callers by API keys held in a secret; see {@link ApiKeyAuthenticator}. Runs after
     * {@code jwt} when both are configured (both are then required).
     */
    public Builder apiKeys(ApiKeyAuthenticator authenticator) {
      this.apiKeys = Objects.requireNonNull(authenticator, "apiKeys");
      this.eitherCredential = false;
      return this;
    }

    /**
     * Authenticates each caller by a bearer token or by an API key, whichever the request carries (people
     * through an identity provider, partners' systems by key). A request with both is refused; one with
     * neither gets the token check's 401 challenge. Rate limits then key on either kind of caller.
     */
    public Builder jwtOrApiKey(JwtAuthenticator tokens, ApiKeyAuthenticator keys) {
      this.jwt = Objects.requireNonNull(tokens, "tokens");
      this.apiKeys = Objects.requireNonNull(keys, "keys");
      this.eitherCredential = true;
      return this;
    }

    /** Limits how often each caller may call; see {@link RateLimitPolicy}. */
    public Builder rateLimit(RateLimitPolicy policy) {
      this.rateLimits = Objects.requireNonNull(policy, "rateLimit");
      return this;
    }

    /** Parses JSON bodies strictly with the default {@link JsonLimits}. */
    public Builder strictJsonBodies() {
      return strictJsonBodies(JsonLimits.defaults());
    }

    /** Parses JSON bodies strictly within {@code limits}; the tree reaches the handler in the context. */
    public Builder strictJsonBodies(JsonLimits limits) {
      this.jsonLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Refuses oversized requests before anything else runs; see {@link RequestLimits}. */
    public Builder requestLimits(RequestLimits limits) {
      this.requestLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Scans every string of the request for injections under {@code policy}; see {@link InputInspector}. Turns
     * on strict JSON bodies (so JSON is parsed once, within limits, and its keys and values scanned) and the
     * default {@link RequestLimits}, unless they are configured otherwise.
     */
    public Builder inputInspection(InputPolicy policy) {
      this.inputPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Watches every decided request for attack patterns no single request shows (credential stuffing, scanning,
     * token theft, volume spikes) and reports each as an {@code anomaly} event; never changes a decision. Off by
     * default. See {@link AnomalyPolicy}.
     */
    public Builder anomalyDetection(AnomalyPolicy policy) {
      this.anomalyPolicy = Objects.requireNonNull(policy, "anomalyDetection");
      return this;
    }

    /**
     * Watches the function's outbound HTTP connections through the JVM's proxy selector and reports (or, in block
     * mode, refuses) those to hosts {@code policy} does not allow, as {@code egress} events. Off by default. Installs
     * a JVM-wide {@link java.net.ProxySelector} when the guard is built; see
     * {@link dev.lambdaguard.egress.EgressMonitor} for what it cannot see.
     */
    public Builder egressMonitoring(dev.lambdaguard.egress.EgressPolicy policy) {
      this.egressPolicy = Objects.requireNonNull(policy, "egressMonitoring");
      return this;
    }

    /** Where events go; by default one JSON line each on standard output. */
    public Builder eventSink(EventSink sink) {
      this.sink = Objects.requireNonNull(sink, "eventSink");
      return this;
    }

    /**
     * Writes metrics beside the default standard-output events: {@code writer} is given the events' format (this
     * builder's redactor, OCSF or the library's own lines, as {@link #ocsfEvents} says) and returns the sink writing
     * both, e.g. {@code format -> EmfMetrics.namespace("Orders/Security").build().aroundStdout(format)} (guard-aws).
     * Built when the guard is, so a redactor or format set after this call applies. A sink set with
     * {@link #eventSink} replaces it.
     */
    public Builder metrics(java.util.function.Function<EventFormat, EventSink> writer) {
      this.metrics = Objects.requireNonNull(writer, "metrics");
      return this;
    }

    /**
     * Writes events as OCSF 1.x objects (Authentication, HTTP Activity, Detection Finding, API Activity; see
     * {@link dev.lambdaguard.events.OcsfJson}) instead of the library's own lines, for Amazon Security Lake or an
     * OCSF-aware SIEM. Applies to the default standard-output sink; a sink of your own chooses its format itself.
     */
    public Builder ocsfEvents() {
      this.ocsf = true;
      return this;
    }

    /** The redactor events pass through; by default {@link Redactor#shared()}, which secret caches also use. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * The share of allow and pass-through events written, from 0.0 to 1.0 (default 1.0). Denials,
     * detections and errors are always written.
     */
    public Builder allowEventSampleRate(double rate) {
      if (!(rate >= 0.0 && rate <= 1.0)) {
        throw new IllegalArgumentException("allowEventSampleRate must be between 0.0 and 1.0: " + rate);
      }
      this.allowSampleRate = rate;
      return this;
    }

    /**
     * Whether the environment, and the configuration files packaged with the function, are checked at init for
     * credentials that belong in a secret store (on by default); each finding is a {@code config_warning} event
     * naming the variable or file and key, never the value.
     */
    public Builder credentialCheck(boolean enabled) {
      this.credentialCheck = enabled;
      return this;
    }

    /**
     * At most how often the {@code permissions_observed} event is written (default 5 minutes; the first as soon as a
     * call is seen). Between 1 second and 1 day.
     */
    public Builder observedPermissionsInterval(java.time.Duration interval) {
      this.permissionsInterval = dev.lambdaguard.internal.Settings.within("observedPermissionsInterval", interval,
          java.time.Duration.ofSeconds(1), java.time.Duration.ofDays(1));
      return this;
    }

    /**
     * Whether the runtime inventory is taken at init: one {@code inventory} event listing the Java runtime and the
     * class path's libraries, flagging known-vulnerable versions. By default on in Lambda and off elsewhere, or as
     * {@code LAMBDA_GUARD_INVENTORY} says; see {@link dev.lambdaguard.inventory.InventoryReporter}.
     */
    public Builder runtimeInventory(boolean enabled) {
      this.runtimeInventory = enabled;
      return this;
    }

    /**
     * The function's own advisories, flagged by the runtime inventory beside the bundled list (and those of the
     * file {@code LAMBDA_GUARD_ADVISORIES} names).
     */
    public Builder advisories(dev.lambdaguard.inventory.AdvisoryList advisories) {
      this.advisories = Objects.requireNonNull(advisories, "advisories");
      return this;
    }

    /** The clock; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The environment variables to read the function's name and version from; by default the process's. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    public Guard build() {
      if (inputPolicy != null) {
        // Inspection reads the parsed JSON tree and relies on sizes being bounded first.
        jsonLimits = jsonLimits != null ? jsonLimits : JsonLimits.defaults();
        requestLimits = requestLimits != null ? requestLimits : RequestLimits.defaults();
      }
      inventory = dev.lambdaguard.inventory.InventoryReporter.configure(environment, runtimeInventory, advisories);
      return new Guard(this);
    }
  }
}
