package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.Introspection;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * One RFC 7662 introspection call over the JDK's HTTP client, with bounded timeouts and answer size.
 * Throws {@link Refused}: {@code token_inactive} for an inactive token, {@code introspection_unavailable}
 * when the endpoint fails. Nothing from the answer or the error reaches a message.
 */
public final class Introspector {

  static final int MAX_ANSWER_BYTES = 64 * 1024;
  private static final StrictJsonParser JSON =
      new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(MAX_ANSWER_BYTES).withMaxDepth(8));

  private final Introspection config;

  public Introspector(Introspection config) {
    this.config = config;
  }

  /** The claims of an active token. */
  public JsonNode introspect(String token) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) RemoteKeys.url(config.endpoint(), "introspection endpoint").openConnection();
      connection.setConnectTimeout((int) config.connectTimeout().toMillis());
      connection.setReadTimeout((int) config.readTimeout().toMillis());
      connection.setInstanceFollowRedirects(false);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("Authorization", "Basic " + basic());
      byte[] form = ("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&token_type_hint=access_token")
          .getBytes(StandardCharsets.US_ASCII);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(form);
      }
      if (connection.getResponseCode() != 200) {
        throw unavailable();
      }
      byte[] answer;
      try (InputStream in = connection.getInputStream()) {
        answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
      if (answer.length > MAX_ANSWER_BYTES || !(JSON.parse(answer) instanceof JsonParseResult.Parsed parsed)
          || !parsed.value().isObject()) {
        throw unavailable();
      }
      JsonNode claims = parsed.value();
      if (!claims.path("active").isBoolean()) {
        throw unavailable();
      }
      if (!claims.get("active").booleanValue()) {
        throw Refused.of(Reasons.TOKEN_INACTIVE, "the token is not active");
      }
      // An active refresh token is not an access token (token confusion).
      if ("refresh_token".equalsIgnoreCase(claims.path("token_type").asString(""))) {
        throw Refused.of(Reasons.TOKEN_TYPE_INVALID, "the token is not an access token");
      }
      return claims;
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refused refused) {
        throw refused;
      }
      throw unavailable();
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** RFC 6749 §2.3.1: client id and secret form-urlencoded, then Basic. */
  private String basic() {
    String secret = config.clientSecret().get();
    String pair = URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Refused unavailable() {
    return Refused.of(Reasons.INTROSPECTION_UNAVAILABLE, "the token could not be checked");
  }
}
