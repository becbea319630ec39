package dev.lambdaguard.input;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema for request bodies (draft 2020-12 by default, draft-07 and the others by their {@code $schema}),
 * loaded from the class path and compiled once, at the first body it checks: the validator costs about 150 ms of
 * cold start, which a function whose first request goes to another route should not pay ({@link #compiled()}
 * compiles at once, for a SnapStart checkpoint or to fail at init on a broken schema). It validates the tree the
 * guard already parsed: the body is never parsed twice. Violations name the JSON pointer and the keyword that
 * failed, never a value.
 *
 * <p>Needs {@code com.networknt:json-schema-validator} on the class path (an optional dependency of
 * guard-core); without it, compiling a schema fails with a message that says so.
 */
public final class BodySchema {

  /** Violations reported at most; the first few say what is wrong, a flood says no more. */
  static final int MAX_VIOLATIONS = 5;

  private final String resource;
  private final String path;
  private volatile Schema schema;
  /** Why the schema did not compile, once it has been tried; guarded by {@code this}. */
  private RuntimeException failure;

  /** One failed check: where in the body ({@code /items/0/quantity}), and which keyword ({@code minimum}). */
  public record Violation(String pointer, String keyword) {
    @Override
    public String toString() {
      return (pointer.isEmpty() ? "/" : pointer) + " (" + keyword + ")";
    }
  }

  private BodySchema(String resource, String path) {
    this.resource = resource;
    this.path = path;
  }

  /**
   * The schema in class-path resource {@code resource} (e.g. {@code schemas/order.json}); relative
   * {@code $ref}s resolve beside it. The resource must exist now; it is compiled at first use.
   *
   * @throws IllegalArgumentException when the resource is missing, naming it
   */
  public static BodySchema classpath(String resource) {
    Objects.requireNonNull(resource, "resource");
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    if (Thread.currentThread().getContextClassLoader().getResource(path) == null
        && BodySchema.class.getClassLoader().getResource(path) == null) {
      throw new IllegalArgumentException("input schema: class-path resource not found: " + resource);
    }
    return new BodySchema(resource, path);
  }

  /**
   * This schema, compiled now rather than at the first body.
   *
   * @throws IllegalArgumentException when the resource is not a valid schema, naming it
   * @throws IllegalStateException when the validator is not on the class path
   */
  public BodySchema compiled() {
    schema();
    return this;
  }

  private Schema schema() {
    Schema compiled = schema;
    if (compiled == null) {
      synchronized (this) {
        if (failure != null) {
          throw failure; // compiled once: a broken schema is not compiled again at every request
        }
        compiled = schema;
        if (compiled == null) {
          try {
            compiled = compile();
          } catch (RuntimeException e) {
            failure = e;
            throw e;
          }
          schema = compiled;
        }
      }
    }
    return compiled;
  }

  private Schema compile() {
    try {
      Schema compiled = Registry.INSTANCE.getSchema(SchemaLocation.of("classpath:" + path));
      compiled.initializeValidators(); // every keyword's validator now, not one by one inside a request
      return compiled;
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("input schema: JSON Schema validation needs com.networknt:json-schema-validator "
          + "on the class path", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("input schema: " + resource + " is not a valid JSON Schema: "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** What in {@code body} breaks the schema, at most {@link #MAX_VIOLATIONS}; empty when it conforms. */
  public List<Violation> validate(JsonNode body) {
    List<Error> errors = schema().validate(body);
    if (errors.isEmpty()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>(Math.min(errors.size(), MAX_VIOLATIONS));
    for (Error error : errors) {
      if (out.size() == MAX_VIOLATIONS) {
        break;
      }
      out.add(new Violation(pointer(error.getInstanceLocation(), error.getProperty()), error.getKeyword()));
    }
    return out;
  }

  /**
   * The JSON pointer of the failing instance; member names that are not plain identifiers show as {@code *}
   * (an unexpected property's name is caller-chosen text). A failing property names it under its object.
   */
  private static String pointer(NodePath path, String property) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/').append(
          element instanceof Integer ? element.toString() : InputLocations.jsonSegment(String.valueOf(element)));
    }
    if (property != null) {
      out.append('/').append(InputLocations.jsonSegment(property));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "BodySchema[" + resource + "]";
  }

  /** One registry for every schema, created at the first schema (a function without schemas never loads it). */
  private static final class Registry {
    static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  }
}
