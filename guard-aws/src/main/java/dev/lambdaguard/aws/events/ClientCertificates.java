package dev.lambdaguard.aws.events;

import dev.lambdaguard.GuardRequest;
import java.util.Map;

/**
 * The mutual-TLS client certificate API Gateway puts in the event ({@code requestContext.identity.clientCert}
 * for REST APIs, {@code requestContext.authentication.clientCert} for HTTP APIs). The typed event classes of
 * aws-lambda-java-events do not carry it, so it is read from the JSON form where the guard has one
 * (stream handlers, handlers that take a Map).
 */
public final class ClientCertificates {

  private ClientCertificates() {}

  /** The request with the event's client certificate added, or the request itself when there is none. */
  public static GuardRequest addTo(GuardRequest request, Map<?, ?> json) {
    String pem = pem(json);
    return pem == null ? request : request.withGateway(request.gateway().withClientCertificate(pem));
  }

  static String pem(Map<?, ?> json) {
    if (!(json.get("requestContext") instanceof Map<?, ?> rc)) {
      return null;
    }
    Object holder = rc.get("identity") instanceof Map<?, ?> identity && identity.get("clientCert") != null
        ? identity.get("clientCert")
        : rc.get("authentication") instanceof Map<?, ?> authentication ? authentication.get("clientCert") : null;
    return holder instanceof Map<?, ?> cert && cert.get("clientCertPem") instanceof String pem ? pem : null;
  }
}
