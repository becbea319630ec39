package dev.lambdaguard.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one route changes in the input policy: its own mode (per category), and fields allowed to carry what
 * would otherwise be a finding (a support ticket's code snippet, a CMS page's HTML). Immutable.
 *
 * <pre>{@code
 * RouteInput.builder().allow("body/snippet", Category.SQLI, Category.XSS).mode(Category.CMDI, InspectionMode.MONITOR).build()
 * }</pre>
 */
public final class RouteInput {

  static final RouteInput NONE = builder().build();

  private final InspectionMode mode;
  private final Map<Category, InspectionMode> modes;
  private final List<InputPolicy.Allowance> allowances;

  private RouteInput(Builder b) {
    this.mode = b.mode;
    this.modes = Map.copyOf(b.modes);
    this.allowances = List.copyOf(b.allowances);
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

  public static final class Builder {
    private InspectionMode mode;
    private final Map<Category, InspectionMode> modes = new EnumMap<>(Category.class);
    private final List<InputPolicy.Allowance> allowances = new ArrayList<>();

    private Builder() {}

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
