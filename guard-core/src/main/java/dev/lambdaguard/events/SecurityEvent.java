package dev.lambdaguard.events;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Reason;
import dev.lambdaguard.anomaly.Anomaly;
import java.util.List;
import java.util.Map;

/**
 * A decision or observation of the guard, as a typed value. Sinks turn events into output; the field
 * names of the JSON form are documented in {@code docs/events.md}.
 */
public sealed interface SecurityEvent {

  /**
   * The stable event type name: {@code init}, {@code inventory}, {@code allow}, {@code deny}, {@code detection},
   * {@code error}, {@code pass_through}, {@code anomaly}, {@code egress}, {@code permissions_observed}...
   */
  String type();

  /** When the event happened, in epoch milliseconds from the guard's clock. */
  long timestampMillis();

  /** The guard was built: what the chain is. */
  record InitEvent(long timestampMillis, FunctionEnvironment function, List<String> interceptors)
      implements SecurityEvent {
    public InitEvent {
      interceptors = List.copyOf(interceptors);
    }

    @Override
    public String type() {
      return "init";
    }
  }

  /** The chain let the request through and the handler ran. */
  record AllowEvent(
      long timestampMillis, InvocationInfo invocation, RequestSummary request, int findings, long chainNanos)
      implements SecurityEvent {
    @Override
    public String type() {
      return "allow";
    }
  }

  /** The chain refused the request; the handler did not run. */
  record DenyEvent(
      long timestampMillis,
      InvocationInfo invocation,
      RequestSummary request,
      Reason reason,
      int status,
      String interceptor,
      Map<String, String> details,
      long chainNanos)
      implements SecurityEvent {
    public DenyEvent {
      details = Map.copyOf(details);
    }

    /** A deny event without details. */
    public DenyEvent(long timestampMillis, InvocationInfo invocation, RequestSummary request, Reason reason,
        int status, String interceptor, long chainNanos) {
      this(timestampMillis, invocation, request, reason, status, interceptor, Map.of(), chainNanos);
    }

    @Override
    public String type() {
      return "deny";
    }
  }

  /** An inspection found something, whether or not it blocked. */
  record DetectionEvent(
      long timestampMillis, InvocationInfo invocation, RequestSummary request, Finding finding, boolean blocked)
      implements SecurityEvent {
    @Override
    public String type() {
      return "detection";
    }
  }

  /**
   * The guard failed while deciding and refused the request (fail closed).
   *
   * @param component the interceptor or stage that failed
   * @param errorType the exception's class name; its message is never carried
   */
  record ErrorEvent(
      long timestampMillis,
      InvocationInfo invocation,
      RequestSummary request,
      Reason reason,
      String component,
      String errorType)
      implements SecurityEvent {
    @Override
    public String type() {
      return "error";
    }
  }

  /**
   * Something an interceptor did that operators must see although the request was not refused, e.g. a
   * rate-limit check that fell back to local buckets.
   *
   * @param notice the stable notice code
   * @param details what the notice is about (a secret id), never a value; may be empty
   */
  record NoticeEvent(long timestampMillis, InvocationInfo invocation, RequestSummary request, String notice,
      Map<String, String> details) implements SecurityEvent {
    @Override
    public String type() {
      return "notice";
    }
  }

  /**
   * Something wrong in the function's configuration, found at init: a credential in an environment variable
   * or in a configuration file packaged with the function. Names the variable or key and the kind, never the
   * value.
   *
   * @param warning the stable code, e.g. {@code credential_in_environment}, {@code credential_in_package}
   * @param kind what was found, e.g. {@code aws_long_term_access_key}
   * @param variable the variable's name, or the key in the packaged file
   * @param severity {@code high} or {@code medium}; null when the warning has none
   * @param resource the packaged file ({@code application.properties}, {@code lib/x.jar!/.env}); null for the
   *     environment
   */
  record ConfigurationWarningEvent(long timestampMillis, FunctionEnvironment function, String warning, String kind,
      String variable, String severity, String resource) implements SecurityEvent {

    /** A warning without severity or file. */
    public ConfigurationWarningEvent(long timestampMillis, FunctionEnvironment function, String warning,
        String kind, String variable) {
      this(timestampMillis, function, warning, kind, variable, null, null);
    }

    @Override
    public String type() {
      return "config_warning";
    }
  }

  /**
   * A pattern over many requests that the anomaly detector found (credential stuffing, scanning, token theft,
   * a volume spike); never a decision. The request is the one that completed the pattern.
   */
  record AnomalyEvent(long timestampMillis, InvocationInfo invocation, RequestSummary request, Anomaly anomaly)
      implements SecurityEvent {
    @Override
    public String type() {
      return "anomaly";
    }
  }

  /**
   * The function tried to connect to a host its egress policy does not allow (the first time, per host).
   *
   * @param host the host the client asked for
   * @param port the port, or -1 when the URI named none
   * @param scheme the URI scheme
   * @param blocked whether the connection was refused
   */
  record EgressEvent(long timestampMillis, FunctionEnvironment function, String host, int port, String scheme,
      boolean blocked) implements SecurityEvent {
    @Override
    public String type() {
      return "egress";
    }
  }

  /**
   * The AWS permissions this execution environment has been seen to use since it started (cumulative, so the
   * newest event of an environment says all it knows), written at most once per interval and only when something
   * new was seen. The input of the least-privilege policy generator.
   *
   * @param permissions each distinct IAM action and resource, with its call and denial counts
   * @param sinceMillis when the first call was seen
   * @param dropped calls not kept for lack of room (the list is then incomplete)
   */
  record PermissionsObservedEvent(long timestampMillis, FunctionEnvironment function,
      List<dev.lambdaguard.permissions.ObservedPermissions.Permission> permissions, long sinceMillis, long dropped)
      implements SecurityEvent {
    public PermissionsObservedEvent {
      permissions = List.copyOf(permissions);
    }

    @Override
    public String type() {
      return "permissions_observed";
    }
  }

  /**
   * What the function runs, taken once per execution environment at cold start: the Java runtime and the
   * libraries on the class path, with the advisories that affect them (see {@code docs/supply-chain.md}).
   */
  record InventoryEvent(long timestampMillis, FunctionEnvironment function,
      dev.lambdaguard.inventory.RuntimeInventory inventory) implements SecurityEvent {
    @Override
    public String type() {
      return "inventory";
    }
  }

  /** An event that is not an HTTP request went to the handler untouched. */
  record PassThroughEvent(long timestampMillis, InvocationInfo invocation, String eventSource)
      implements SecurityEvent {
    @Override
    public String type() {
      return "pass_through";
    }
  }
}
