package dev.lambdaguard.aws.secrets;

import dev.lambdaguard.internal.Settings;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Secrets and parameters through the AWS Parameters and Secrets Lambda Extension: plain HTTP to the
 * extension on {@code localhost:2773} with the {@code X-Aws-Parameters-Secrets-Token} header (the function's
 * session token). No AWS SDK on the class path at all: the smallest cold start of the providers. The
 * extension keeps its own cache; {@code SecretCache} adds one in the function's memory on top.
 *
 * <p>Every call is bounded by timeouts; a status other than 200, a malformed answer or a timeout is a
 * {@link SecretUnavailableException} naming the secret id and the status, never the answer.
 */
public final class ParametersSecretsExtension implements SecretProvider {

  public static final int DEFAULT_PORT = 2773;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(200);
  /** The extension may fetch from AWS on a miss of its own cache. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);
  static final int MAX_ANSWER_BYTES = 128 * 1024;
  private static final StrictJsonParser JSON = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(MAX_ANSWER_BYTES));

  private final URI base;
  private final String token;
  private final boolean parameters;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private ParametersSecretsExtension(URI base, String token, boolean parameters, Duration connect, Duration read) {
    this.base = base;
    this.token = token;
    this.parameters = parameters;
    this.connectTimeout = connect;
    this.readTimeout = read;
  }

  /** Secrets Manager secrets through the extension, configured from the Lambda environment. */
  public static ParametersSecretsExtension secrets() {
    return fromEnvironment(System.getenv(), false);
  }

  /** SSM parameters (SecureString decrypted) through the extension, configured from the Lambda environment. */
  public static ParametersSecretsExtension parameters() {
    return fromEnvironment(System.getenv(), true);
  }

  /**
   * From an environment: the port from {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}, the token from
   * {@code AWS_SESSION_TOKEN}.
   */
  public static ParametersSecretsExtension fromEnvironment(Map<String, String> env, boolean parameters) {
    String port = env.getOrDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(DEFAULT_PORT));
    if (!port.matches("\\d{1,5}")) {
      throw new IllegalArgumentException("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT is not a port: " + port);
    }
    return at(URI.create("http://localhost:" + port), env.get("AWS_SESSION_TOKEN"), parameters);
  }

  /** An extension (or an emulation of it) at {@code base}, with {@code token}. */
  public static ParametersSecretsExtension at(URI base, String token, boolean parameters) {
    return new ParametersSecretsExtension(Objects.requireNonNull(base, "base"), token, parameters,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  public ParametersSecretsExtension withTimeouts(Duration connect, Duration read) {
    return new ParametersSecretsExtension(base, token, parameters,
        Settings.within("secrets.extension.connectTimeout", connect, Duration.ofMillis(10), Duration.ofSeconds(5)),
        Settings.within("secrets.extension.readTimeout", read, Duration.ofMillis(10), Duration.ofSeconds(30)));
  }

  @Override
  public SecretValue fetch(String id, String versionStage) {
    String query = parameters
        ? "/systemsmanager/parameters/get?name=" + encode(id) + "&withDecryption=true"
        : "/secretsmanager/get?secretId=" + encode(id) + (versionStage == null ? "" : "&versionStage=" + encode(versionStage));
    JsonNode answer = call(id, query);
    if (parameters) {
      JsonNode parameter = answer.path("Parameter");
      if (!parameter.path("Value").isString()) {
        throw new SecretUnavailableException("parameter '" + id + "' has no value in the extension's answer");
      }
      return SecretValue.text(parameter.get("Value").asString(), parameter.path("Version").asString(null));
    }
    String version = answer.path("VersionId").asString(null);
    if (answer.path("SecretString").isString()) {
      return SecretValue.text(answer.get("SecretString").asString(), version);
    }
    if (answer.path("SecretBinary").isString()) {
      try {
        return SecretValue.binary(Base64.getDecoder().decode(answer.get("SecretBinary").asString()), version);
      } catch (IllegalArgumentException e) {
        throw new SecretUnavailableException("secret '" + id + "' has a malformed binary value");
      }
    }
    throw new SecretUnavailableException("secret '" + id + "' has no value in the extension's answer");
  }

  private JsonNode call(String id, String pathAndQuery) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      connection.setInstanceFollowRedirects(false);
      if (token != null) {
        connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
      }
      int status = connection.getResponseCode();
      if (status != 200) {
        throw new SecretUnavailableException("secret '" + id + "' could not be fetched: HTTP " + status);
      }
      byte[] body;
      try (InputStream in = connection.getInputStream()) {
        body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
      if (body.length > MAX_ANSWER_BYTES || !(JSON.parse(body) instanceof JsonParseResult.Parsed parsed)
          || !parsed.value().isObject()) {
        throw new SecretUnavailableException("secret '" + id + "' could not be fetched: malformed answer");
      }
      return parsed.value();
    } catch (IOException e) {
      throw new SecretUnavailableException("secret '" + id + "' could not be fetched: " + e.getClass().getSimpleName());
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
