package dev.lambdaguard;

import dev.lambdaguard.internal.CurrentContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the chain established about one request, for the interceptors after it and for the user's handler.
 *
 * <p>Immutable: an interceptor enriches it with a {@code with...} method and passes the copy to
 * {@link Chain#proceed(SecurityContext)}. A handler reads it through {@link #current()} while it runs
 * inside a guarded invocation, or as an argument of a guarded handler interface.
 */
public final class SecurityContext {

  private static final SecurityContext EMPTY =
      new SecurityContext(null, null, List.of(), Map.of(), Map.of(), List.of());

  private final Principal principal;
  private final JsonNode jsonBody;
  private final List<Finding> findings;
  private final Map<String, String> sanitizedFields;
  private final Map<Attribute<?>, Object> attributes;
  private final List<String> notices;

  private SecurityContext(
      Principal principal,
      JsonNode jsonBody,
      List<Finding> findings,
      Map<String, String> sanitizedFields,
      Map<Attribute<?>, Object> attributes,
      List<String> notices) {
    this.principal = principal;
    this.jsonBody = jsonBody;
    this.findings = findings;
    this.sanitizedFields = sanitizedFields;
    this.attributes = attributes;
    this.notices = notices;
  }

  /** The context before any interceptor ran. */
  public static SecurityContext empty() {
    return EMPTY;
  }

  /**
   * The context of the guarded invocation running on this thread, if any. Set for the duration of the
   * user's handler only.
   */
  public static Optional<SecurityContext> current() {
    return Optional.ofNullable(CurrentContext.get());
  }

  /** The authenticated caller, if an authentication interceptor established one. */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /** The JSON body as parsed once by the strict parser, if a JSON interceptor parsed it. */
  public Optional<JsonNode> jsonBody() {
    return Optional.ofNullable(jsonBody);
  }

  /** What inspections found, in order; in monitor mode these did not block. Immutable. */
  public List<Finding> findings() {
    return findings;
  }

  /** Fields whose values a sanitizer changed: location to sanitized value. Immutable. */
  public Map<String, String> sanitizedFields() {
    return sanitizedFields;
  }

  /** A value stored under a typed key by an interceptor, if any. */
  public <T> Optional<T> get(Attribute<T> key) {
    return Optional.ofNullable(key.type().cast(attributes.get(key)));
  }

  public SecurityContext withPrincipal(Principal principal) {
    return new SecurityContext(
        Objects.requireNonNull(principal, "principal"), jsonBody, findings, sanitizedFields, attributes, notices);
  }

  public SecurityContext withJsonBody(JsonNode jsonBody) {
    return new SecurityContext(
        principal, Objects.requireNonNull(jsonBody, "jsonBody"), findings, sanitizedFields, attributes, notices);
  }

  public SecurityContext withFinding(Finding finding) {
    List<Finding> copy = new ArrayList<>(findings.size() + 1);
    copy.addAll(findings);
    copy.add(Objects.requireNonNull(finding, "finding"));
    return new SecurityContext(
        principal, jsonBody, Collections.unmodifiableList(copy), sanitizedFields, attributes, notices);
  }

  public SecurityContext withSanitizedField(String location, String sanitizedValue) {
    Map<String, String> copy = new LinkedHashMap<>(sanitizedFields);
    copy.put(Objects.requireNonNull(location, "location"), Objects.requireNonNull(sanitizedValue, "value"));
    return new SecurityContext(
        principal, jsonBody, findings, Collections.unmodifiableMap(copy), attributes, notices);
  }

  /**
   * Operational notices of this request, such as {@code rate_limit_fallback}: things an interceptor did that
   * operators must see although the request was not refused. The guard writes one notice event for each.
   */
  public List<String> notices() {
    return notices;
  }

  /** A copy with one more notice; the code is a stable snake-case word, like a reason code. */
  public SecurityContext withNotice(String code) {
    Reason.of(code, Reason.Kind.POLICY);
    List<String> copy = new ArrayList<>(notices.size() + 1);
    copy.addAll(notices);
    copy.add(code);
    return new SecurityContext(principal, jsonBody, findings, sanitizedFields, attributes,
        Collections.unmodifiableList(copy));
  }

  public <T> SecurityContext with(Attribute<T> key, T value) {
    Map<Attribute<?>, Object> copy = new LinkedHashMap<>(attributes);
    copy.put(Objects.requireNonNull(key, "key"), key.type().cast(Objects.requireNonNull(value, "value")));
    return new SecurityContext(
        principal, jsonBody, findings, sanitizedFields, Collections.unmodifiableMap(copy), notices);
  }

  @Override
  public String toString() {
    return "SecurityContext[principal=" + principal + ", findings=" + findings.size() + "]";
  }

  /**
   * A typed key for values that extensions keep in the context (a secrets handle, a rate-limit probe).
   * Keys compare by identity: hold each in a {@code static final} field.
   *
   * @param name a name for diagnostics
   * @param type the value type
   */
  public static final class Attribute<T> {
    private final String name;
    private final Class<T> type;

    private Attribute(String name, Class<T> type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> Attribute<T> of(String name, Class<T> type) {
      return new Attribute<>(name, type);
    }

    public String name() {
      return name;
    }

    public Class<T> type() {
      return type;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
