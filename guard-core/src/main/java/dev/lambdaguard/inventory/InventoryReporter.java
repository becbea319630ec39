package dev.lambdaguard.inventory;

import dev.lambdaguard.internal.Diagnostics;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Takes the runtime inventory once per execution environment, off the invocation path: a daemon thread of low
 * priority, started when the guard is built (the Lambda init phase), reads the class path and reports one
 * {@code inventory} event. The first request does not wait for it; on a frozen environment the thread simply
 * resumes with the next invocation.
 *
 * <p>Settings, from the code builder first, then the environment:
 * <ul>
 *   <li>{@code LAMBDA_GUARD_INVENTORY}: {@code on} or {@code off}; by default on in Lambda ({@code LAMBDA_TASK_ROOT}
 *       set) and off elsewhere (tests, tools);
 *   <li>{@code LAMBDA_GUARD_ADVISORIES}: a file in the advisory-list format whose entries are flagged too, read at
 *       init (a malformed file fails the init and names the variable).
 * </ul>
 */
public final class InventoryReporter {

  static final String ENABLED_VARIABLE = "LAMBDA_GUARD_INVENTORY";
  static final String ADVISORIES_VARIABLE = "LAMBDA_GUARD_ADVISORIES";

  private final Map<String, String> environment;
  private final AdvisoryList userAdvisories;

  private InventoryReporter(Map<String, String> environment, AdvisoryList userAdvisories) {
    this.environment = environment;
    this.userAdvisories = userAdvisories;
  }

  /**
   * The reporter the settings ask for, or null when the inventory is off.
   *
   * @param explicit the builder's choice, or null to follow the environment
   * @param userAdvisories the builder's own advisories, or null
   * @throws IllegalArgumentException naming the variable, when a setting is invalid
   */
  public static InventoryReporter configure(Map<String, String> environment, Boolean explicit,
      AdvisoryList userAdvisories) {
    boolean enabled = explicit != null ? explicit : enabledByEnvironment(environment);
    if (!enabled) {
      return null;
    }
    AdvisoryList user = userAdvisories != null ? userAdvisories : AdvisoryList.empty();
    String file = environment.get(ADVISORIES_VARIABLE);
    if (file != null && !file.isBlank()) {
      try {
        user = user.plus(AdvisoryList.read(Path.of(file)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(ADVISORIES_VARIABLE + " names an advisory list that cannot be used: "
            + e.getMessage(), e);
      }
    }
    return new InventoryReporter(environment, user);
  }

  private static boolean enabledByEnvironment(Map<String, String> environment) {
    Boolean setting = setting(environment);
    return setting != null ? setting : environment.get("LAMBDA_TASK_ROOT") != null;
  }

  /**
   * What {@code LAMBDA_GUARD_INVENTORY} in {@code environment} asks for: true, false, or null when it is unset (the
   * default then applies). For code that builds a guard from an environment other than the process's.
   *
   * @throws IllegalArgumentException naming the variable, when it is neither on nor off
   */
  public static Boolean setting(Map<String, String> environment) {
    String setting = environment.get(ENABLED_VARIABLE);
    if (setting == null || setting.isBlank()) {
      return null;
    }
    return switch (setting.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new IllegalArgumentException(ENABLED_VARIABLE + " must be on or off");
    };
  }

  /** The scan this reporter runs: the function's class path against the bundled and the user's advisories. */
  public InventoryScan scan() {
    return InventoryScan.of(AdvisoryList.bundled().plus(userAdvisories), InventoryScan.functionClassPath(environment));
  }

  /**
   * Starts the scan on its own daemon thread; {@code report} receives the inventory there. Never throws.
   *
   * @return completed with the inventory once {@code report} has returned, or exceptionally when the scan failed
   */
  public CompletableFuture<RuntimeInventory> startInBackground(Consumer<RuntimeInventory> report) {
    CompletableFuture<RuntimeInventory> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        RuntimeInventory inventory = scan().run();
        report.accept(inventory);
        done.complete(inventory);
      } catch (RuntimeException | LinkageError e) {
        Diagnostics.warn("runtime inventory failed with " + e.getClass().getName());
        done.completeExceptionally(e);
      }
    }, "lambda-guard-inventory");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
    return done;
  }
}
