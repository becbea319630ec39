package dev.lambdaguard.bench.coldstart;

import dev.lambdaguard.bench.BenchIssuer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test access to the package-private entry points of {@link ColdStartApp} and {@link ColdStartHarness}. */
public final class ColdStartAppAccess {

  private ColdStartAppAccess() {}

  public static int status(String variant, byte[] event) {
    return ColdStartApp.invoke(variant, event).getStatusCode();
  }

  /**
   * Each variant's status on the GET scenario, each in a fresh child JVM exactly as the harness starts it (with
   * the secret stores running and the API key in the event).
   */
  public static Map<String, Integer> statusesInChildJvms(List<String> variants) throws Exception {
    return statusesInChildJvms(variants, false);
  }

  /**
   * As {@link #statusesInChildJvms(List)}; with {@code guardEnvironment}, the children also get the harness's
   * GUARD_* policy (token keys from a JWKS file, scope, rate limit, input) for the code-config and layer variants.
   */
  public static Map<String, Integer> statusesInChildJvms(List<String> variants, boolean guardEnvironment)
      throws Exception {
    Path tmp = Files.createTempDirectory("lambdaguard-coldstart-test");
    try (BenchSecretStores stores = BenchSecretStores.start()) {
      BenchIssuer issuer = new BenchIssuer();
      Path event = ColdStartHarness.withCredentials(
          ColdStartHarness.extract("http-api-v2-get-order.json", tmp), issuer.token(), stores);
      String java = ProcessHandle.current().info().command().orElseThrow();
      ColdStartHarness harness = new ColdStartHarness(java, System.getProperty("java.class.path"), List.of(),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      Map<String, String> environment = new LinkedHashMap<>(stores.environment());
      if (guardEnvironment) {
        environment.putAll(issuer.environment(Files.writeString(tmp.resolve("jwks.json"), issuer.jwks()).toString()));
        environment.putAll(issuer.guardEnvironment());
      }
      harness.childEnvironment = Map.copyOf(environment);
      Map<String, Integer> statuses = new LinkedHashMap<>();
      for (ColdStartHarness.Run run : harness.measure("get", event, variants, 1, 0)) {
        statuses.put(run.variant(), run.status());
      }
      return statuses;
    }
  }
}
