package dev.lambdaguard.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.aws.secrets.ParametersSecretsExtension;
import dev.lambdaguard.aws.secrets.SecretsManagerProvider;
import dev.lambdaguard.examples.demo.DemoContext;
import dev.lambdaguard.bench.Cpu;
import dev.lambdaguard.aws.metrics.EmfMetrics;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.examples.orders.AnnotatedOrdersFunction;
import dev.lambdaguard.examples.orders.OrdersFunction;
import dev.lambdaguard.examples.orders.OrdersHandler;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.aws.layer.LambdaGuardHandler;
import dev.lambdaguard.config.GuardConfig;
import dev.lambdaguard.examples.dropin.PlainOrdersFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one cold start does, in a fresh JVM: read the event's bytes, deserialize them exactly as the Lambda
 * Java runtime does, construct the handler class and invoke it once, print {@code RESPONSE <status>}.
 *
 * <pre>java -cp benchmarks.jar dev.lambdaguard.bench.coldstart.ColdStartApp VARIANT event.json</pre>
 *
 * <p>Variants:
 * <ul>
 *   <li>{@code bare}: {@link OrdersHandler};
 *   <li>{@code guarded}: the same handler wrapped in a guard with strict JSON bodies and the default stdout sink
 *       (the foundation's guarded example); it also prints its init and allow event lines before the response;
 *   <li>{@code guarded-inventory}: {@code guarded} plus the runtime inventory (what a guard in Lambda does by
 *       default): a background thread reads and hashes the class path while the first request runs;
 *   <li>{@code guarded-jwt}: {@link OrdersFunction}, the deployed example: bearer token and route scopes verified, caller rate limits,
 *       with keys from a local JWKS file ({@code ORDERS_JWKS_FILE}), then strict JSON bodies; the harness mints a
 *       valid token for it at start and puts it in the event;
 *   <li>{@code guarded-annotated}: {@link AnnotatedOrdersFunction}, the same policy as {@code guarded-jwt} read from
 *       annotations and {@code GUARD_JWT_*} variables by {@code GuardConfig} (what configuration costs over code);
 *   <li>{@code guarded-empty}: the handler wrapped in {@code Guard.builder().build()}: empty chain, default stdout
 *       sink (what the guard machinery and event writing cost without the JSON interceptor);
 *   <li>{@code guarded-empty-noop}: empty chain and a sink that drops events (the guard machinery alone);
 *   <li>{@code guarded-scan}: {@code guarded} plus input inspection with the default policy only (request limits
 *       and the injection scan of every value, no schema, no rich text): what the scan itself costs;
 *   <li>{@code guarded-input}: {@code guarded} plus the example's input inspection ({@code OrdersSecurity.INPUT}:
 *       request limits, the id rule, the order body's JSON Schema (compiled at the first POST), rich text, the
 *       injection scan);
 *   <li>{@code guarded-apikey-ext}: {@code guarded} plus an API key checked against a secret read through the
 *       Parameters and Secrets extension (plain HTTP, no SDK), from a loopback stand-in the harness runs;
 *   <li>{@code guarded-apikey-sdk}: the same, the secret read through AWS Secrets Manager with the SDK v2
 *       (URLConnection client) and AWS's caching client, from a loopback Secrets Manager the harness runs;
 *   <li>{@code code-config}: code mode, {@code PlainOrdersFunction} (the drop-in example) wrapped in code with the
 *       guard from {@code GUARD_*} variables (token, scope, rate limit, input inspection; the harness sets them);
 *   <li>{@code layer}: the same function and variables in layer mode: the layer's {@code LambdaGuardHandler}
 *       created as the runtime creates it, loading the function from {@code GUARD_HANDLER} and reading the bytes;
 *   <li>{@code guarded-emf}: {@code guarded} plus EMF metrics through the library's own writer ({@code EmfMetrics});
 *   <li>{@code guarded-emflib}: {@code guarded} plus the same metrics through AWS's
 *       {@code aws-embedded-metrics} library ({@link LibraryEmfSink}).
 * </ul>
 * All variants take the same steps otherwise. Each variant's handler is reached through its own holder class so
 * that no run loads a class of another variant. Until the response is printed the code avoids lambdas and string
 * concatenation of its own, so that what it loads is what the handlers load.
 *
 * <p>After the response it prints {@code VMHWM_KB <n>}, the process's peak resident set size from
 * {@code /proc/self/status}, and {@code CPU_TICKS <n>}, the CPU time it used so far (user + system, in clock
 * ticks, from {@code /proc/self/stat}; the harness uses it to tell its children's CPU use from other processes'),
 * both absent where there are no such files; then it exits.
 */
public final class ColdStartApp {

  static final String RESPONSE_PREFIX = "RESPONSE ";
  static final String PEAK_RSS_PREFIX = "VMHWM_KB ";
  static final String CPU_TICKS_PREFIX = "CPU_TICKS ";
  /** The variable that points the SDK variant at the harness's Secrets Manager. */
  static final String SECRETS_MANAGER_ENDPOINT = "BENCH_SECRETSMANAGER_ENDPOINT";

  private ColdStartApp() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !isVariant(args[0])) {
      System.err.println("usage: ColdStartApp bare|guarded|guarded-inventory|guarded-jwt|guarded-annotated"
          + "|guarded-empty|guarded-empty-noop|guarded-scan|guarded-input|guarded-apikey-ext|guarded-apikey-sdk"
          + "|guarded-emf|guarded-emflib|code-config|layer <event.json>");
      System.exit(2);
    }
    byte[] json = Files.readAllBytes(Path.of(args[1]));
    APIGatewayV2HTTPResponse response = invoke(args[0], json);
    PrintStream out = System.out;
    out.print(RESPONSE_PREFIX);
    out.println(response == null ? -1 : response.getStatusCode());
    out.flush();
    // Everything below happens after the measured point.
    long peak = peakRssKb();
    if (peak > 0) {
      out.println(PEAK_RSS_PREFIX + peak);
    }
    long ticks = Cpu.selfTicks();
    if (ticks >= 0) {
      out.println(CPU_TICKS_PREFIX + ticks);
    }
    out.flush();
  }

  /** Deserializes the event as the runtime does and invokes the variant's handler once. */
  static APIGatewayV2HTTPResponse invoke(String variant, byte[] json) {
    if (variant.equals("layer")) {
      return Layer.invoke(json); // the layer's handler is a stream handler: it reads the bytes itself
    }
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
    switch (variant) {
      case "bare":
        return Bare.invoke(event);
      case "guarded":
        return Guarded.invoke(event);
      case "guarded-inventory":
        return GuardedInventory.invoke(event);
      case "guarded-jwt":
        return GuardedJwt.invoke(event);
      case "guarded-annotated":
        return GuardedAnnotated.invoke(event);
      case "guarded-empty":
        return GuardedEmpty.invoke(event);
      case "guarded-empty-noop":
        return GuardedEmptyNoop.invoke(event);
      case "guarded-scan":
        return GuardedScan.invoke(event);
      case "guarded-input":
        return GuardedInput.invoke(event);
      case "guarded-apikey-ext":
        return GuardedApiKeyExtension.invoke(event);
      case "guarded-emf":
        return GuardedEmf.invoke(event);
      case "guarded-emflib":
        return GuardedEmfLibrary.invoke(event);
      case "guarded-apikey-sdk":
        return GuardedApiKeySdk.invoke(event);
      case "code-config":
        return CodeConfig.invoke(event);
      default:
        throw new IllegalArgumentException(variant);
    }
  }

  static boolean isVariant(String variant) {
    switch (variant) {
      case "bare":
      case "guarded":
      case "guarded-inventory":
      case "guarded-jwt":
      case "guarded-annotated":
      case "guarded-empty":
      case "guarded-empty-noop":
      case "guarded-scan":
      case "guarded-input":
      case "guarded-apikey-ext":
      case "guarded-apikey-sdk":
      case "code-config":
      case "layer":
      case "guarded-emf":
      case "guarded-emflib":
        return true;
      default:
        return false;
    }
  }

  /** Whether a variant reads a secret, so the harness must run the secret stores. */
  static boolean usesSecrets(String variant) {
    return variant.startsWith("guarded-apikey-");
  }

  private static final class Bare {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return new OrdersHandler().handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class Guarded {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().strictJsonBodies().build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedInventory {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(),
          Guard.builder().strictJsonBodies().runtimeInventory(true).build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedJwt {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return new OrdersFunction().handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedAnnotated {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return new AnnotatedOrdersFunction().handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedEmpty {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedEmptyNoop {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().eventSink(new DroppingSink()).build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedScan {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      Guard guard = Guard.builder().inputInspection(InputPolicy.defaults()).build();
      return GuardedRequestHandler.wrap(new OrdersHandler(), guard)
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedInput {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().inputInspection(OrdersSecurity.INPUT).build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedApiKeyExtension {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      SecretCache secrets = SecretCache.builder(ParametersSecretsExtension.secrets()).build();
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder()
              .apiKeys(ApiKeyAuthenticator.of(secrets, BenchSecretStores.SECRET_ID)).strictJsonBodies().build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedApiKeySdk {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      SecretCache secrets = SecretCache.builder(SecretsManagerProvider.builder()
          .endpoint(URI.create(System.getenv(SECRETS_MANAGER_ENDPOINT))).build()).build();
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder()
              .apiKeys(ApiKeyAuthenticator.of(secrets, BenchSecretStores.SECRET_ID)).strictJsonBodies().build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  /** Whether a variant reads its policy from GUARD_* variables (code-config, layer). */
  static boolean usesGuardEnvironment(String variant) {
    return variant.equals("code-config") || variant.equals("layer");
  }

  /**
   * Code mode with the policy of {@link Layer}: the plain drop-in function wrapped in code, the guard from the same
   * GUARD_* variables through the configuration model; its response written as the runtime writes it.
   */
  private static final class CodeConfig {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      Guard guard = GuardConfig.load(PlainOrdersFunction.class, System.getenv(),
          PlainOrdersFunction.class.getClassLoader()).newGuard();
      APIGatewayV2HTTPResponse response = GuardedRequestHandler.wrap(new PlainOrdersFunction(), guard)
          .handleRequest(event, new DemoContext("cold-start-1"));
      RuntimeSerialization.toJson(response);
      return response;
    }
  }

  /**
   * Layer mode: the layer's handler as the runtime creates and calls it (GUARD_HANDLER names the plain drop-in
   * function), on the event's bytes; the status read back from the bytes it writes.
   */
  private static final class Layer {
    static APIGatewayV2HTTPResponse invoke(byte[] json) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      try {
        new LambdaGuardHandler().handleRequest(new ByteArrayInputStream(json), out, new DemoContext("cold-start-1"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String written = out.toString(StandardCharsets.UTF_8);
      int at = written.indexOf("\"statusCode\":");
      APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
      if (at >= 0) {
        int start = at + "\"statusCode\":".length();
        int end = start;
        while (end < written.length() && Character.isDigit(written.charAt(end))) {
          end++;
        }
        response.setStatusCode(Integer.parseInt(written.substring(start, end)));
      }
      return response;
    }
  }

  private static final class GuardedEmf {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().strictJsonBodies()
              .eventSink(EmfMetrics.namespace("LambdaGuard").build().aroundStdout()).build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  private static final class GuardedEmfLibrary {
    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
      EventSink sink = new LibraryEmfSink(new StdoutJsonSink(new EventJson(Redactor.shared())));
      return GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().strictJsonBodies().eventSink(sink).build())
          .handleRequest(event, new DemoContext("cold-start-1"));
    }
  }

  /** A sink that drops events, as a class rather than a lambda so that it bootstraps nothing. */
  private static final class DroppingSink implements EventSink {
    @Override
    public void emit(SecurityEvent event) {}
  }

  /** VmHWM from /proc/self/status in KiB, or -1. */
  static long peakRssKb() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      List<String> lines = Files.readAllLines(status);
      for (String line : lines) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
