package dev.lambdaguard.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one route adds to the input policy: the JSON Schema its body must match, typed rules for its path, query
 * and header parameters, rich-text fields to sanitize, its own mode (per category), and fields allowed to carry
 * what would otherwise be a finding (a support ticket's code snippet). Schemas are compiled and patterns checked
 * when the route is built, at init. Immutable.
 *
 * <pre>{@code
 * RouteInput.builder()
 *     .schema("schemas/ticket.json")
 *     .query("page", ParameterRule.integer(1, 1000))
 *     .richText("body/description")
 *     .allow("body/snippet", Category.SQLI, Category.CMDI)
 *     .build();
 * }</pre>
 */
public final class RouteInput {

  static final RouteInput NONE = builder().build();

  private final InspectionMode mode;
  private final Map<Category, InspectionMode> modes;
  private final List<InputPolicy.Allowance> allowances;
  private final BodySchema schema;
  private final boolean jsonOnly;
  private final Map<String, ParameterRule> query;
  private final Map<String, ParameterRule> pathParameters;
  private final Map<String, ParameterRule> headers;
  private final List<RichText.Field> richText;

  private RouteInput(Builder b) {
    this.mode = b.mode;
    this.modes = Map.copyOf(b.modes);
    this.allowances = List.copyOf(b.allowances);
    this.schema = b.schema;
    this.jsonOnly = b.jsonOnly || b.schema != null;
    this.query = Map.copyOf(b.query);
    this.pathParameters = Map.copyOf(b.pathParameters);
    this.headers = Map.copyOf(b.headers);
    this.richText = List.copyOf(b.richText);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This route's mode for a category, or null to use the policy's. */
  InspectionMode modeFor(Category category) {
    InspectionMode own = modes.get(category);
    return own != null ? own : mode;
  }

  List<InputPolicy.Allowance> allowances() {
    return allowances;
  }

  BodySchema schema() {
    return schema;
  }

  boolean jsonOnly() {
    return jsonOnly;
  }

  Map<String, ParameterRule> query() {
    return query;
  }

  Map<String, ParameterRule> pathParameters() {
    return pathParameters;
  }

  Map<String, ParameterRule> headers() {
    return headers;
  }

  List<RichText.Field> richText() {
    return richText;
  }

  public static final class Builder {
    private InspectionMode mode;
    private final Map<Category, InspectionMode> modes = new EnumMap<>(Category.class);
    private final List<InputPolicy.Allowance> allowances = new ArrayList<>();
    private BodySchema schema;
    private boolean jsonOnly;
    private final Map<String, ParameterRule> query = new LinkedHashMap<>();
    private final Map<String, ParameterRule> pathParameters = new LinkedHashMap<>();
    private final Map<String, ParameterRule> headers = new LinkedHashMap<>();
    private final List<RichText.Field> richText = new ArrayList<>();

    private Builder() {}

    /**
     * The JSON Schema (a class-path resource) the body must match; compiled now. Implies {@link #jsonOnly()}.
     *
     * @throws IllegalArgumentException when the resource is missing or not a schema, naming it
     */
    public Builder schema(String classpathResource) {
      this.schema = BodySchema.classpath(classpathResource);
      return this;
    }

    /** A body, when present, must be JSON ({@code application/json} or {@code application/*+json}); else 415. */
    public Builder jsonOnly() {
      this.jsonOnly = true;
      return this;
    }

    /** A rule for query parameter {@code name} (every value of it). */
    public Builder query(String name, ParameterRule rule) {
      query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** A rule for path parameter {@code name} ({@code id} of {@code /orders/{id}}). */
    public Builder pathParameter(String name, ParameterRule rule) {
      pathParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** A rule for header {@code name} (case-insensitive). */
    public Builder header(String name, ParameterRule rule) {
      headers.put(Objects.requireNonNull(name, "name").toLowerCase(java.util.Locale.ROOT),
          Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Rich-text fields ({@link FieldPattern}s such as {@code body/description}) cleaned with the default
     * {@link HtmlPolicy}: the handler gets the sanitized value; markup in them is not an XSS finding.
     */
    public Builder richText(String... fields) {
      return richText(HtmlPolicy.defaults(), fields);
    }

    /** Rich-text fields cleaned with {@code policy}. */
    public Builder richText(HtmlPolicy policy, String... fields) {
      for (String field : fields) {
        if (!field.startsWith("body/")) {
          // Only JSON body fields are rewritten; allowing markup in a field that is not cleaned would let it through.
          throw new IllegalArgumentException("richText: only JSON body fields (body/...) are sanitized: " + field);
        }
        richText.add(new RichText.Field(FieldPattern.of(field), Objects.requireNonNull(policy, "policy")));
        allowances.add(InputPolicy.Allowance.of(field, Category.XSS));
      }
      return this;
    }

    /** This route's mode for every category it does not set one for. */
    public Builder mode(InspectionMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public Builder mode(Category category, InspectionMode mode) {
      modes.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /** Lets {@code field} carry these categories (all of them when none is given) on this route. */
    public Builder allow(String field, Category... categories) {
      allowances.add(InputPolicy.Allowance.of(field, categories));
      return this;
    }

    public RouteInput build() {
      return new RouteInput(this);
    }
  }
}
