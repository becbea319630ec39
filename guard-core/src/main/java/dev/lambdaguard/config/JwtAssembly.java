package dev.lambdaguard.config;

import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticatorBuilder;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The JWT part of a configuration, as {@link JwtAuthenticator} builder calls. */
final class JwtAssembly {

  private static final String PRESETS = "cognito:<userPoolId>, auth0:<domain>, okta:<domain>/<serverId>, "
      + "entra:<tenantId>, entra-v1:<tenantId>, oidc";
  private static final Setting[] NEED_AN_ISSUER = {Setting.JWT_AUDIENCE, Setting.JWT_CLIENT_IDS, Setting.JWT_JWKS_URL,
      Setting.JWT_JWKS_RESOURCE, Setting.JWT_JWKS_FILE, Setting.JWT_HMAC_KEY_REF, Setting.JWT_SCOPES, Setting.JWT_ROLES};
  private static final int MAX_JWKS_BYTES = 1024 * 1024;

  private JwtAssembly() {}

  /** The authenticator, or null when no source names an issuer or a preset. */
  static JwtAuthenticator authenticator(GuardConfig config, SecretsSupport secrets, Blame blame) {
    ConfigValue issuer = config.value(Setting.JWT_ISSUER);
    ConfigValue preset = config.value(Setting.JWT_PRESET);
    if (issuer == null && preset == null) {
      refuseStraySettings(config);
      return null;
    }
    JwtAuthenticatorBuilder jwt = preset == null ? JwtAuthenticator.builder() : preset(config, preset, blame);
    if (issuer != null && preset == null) {
      jwt.issuer(issuerUrl(blame.on(issuer, Setting.JWT_ISSUER.key())));
    }
    if (!cognito(preset)) { // cognito takes its client ids or audience as the kind of token it accepts
      ConfigValue audience = config.value(Setting.JWT_AUDIENCE);
      if (audience != null) {
        blame.on(audience, Setting.JWT_AUDIENCE.key());
        jwt.audiences(Values.list(audience, Setting.JWT_AUDIENCE.key()));
      }
      ConfigValue clientIds = config.value(Setting.JWT_CLIENT_IDS);
      if (clientIds != null) {
        blame.on(clientIds, Setting.JWT_CLIENT_IDS.key());
        jwt.clientIds(Values.list(clientIds, Setting.JWT_CLIENT_IDS.key()));
      }
    }
    keys(config, jwt, secrets, blame);
    ConfigValue algorithms = config.value(Setting.JWT_ALGORITHMS);
    if (algorithms != null) {
      blame.on(algorithms, Setting.JWT_ALGORITHMS.key());
      jwt.algorithms(Values.list(algorithms, Setting.JWT_ALGORITHMS.key()));
    }
    ConfigValue skew = config.value(Setting.JWT_CLOCK_SKEW);
    if (skew != null) {
      blame.on(skew, Setting.JWT_CLOCK_SKEW.key());
      jwt.clockSkew(Values.duration(skew, Setting.JWT_CLOCK_SKEW.key()));
    }
    jwt.routes(routes(config, blame));
    blame.on(issuer != null ? issuer : preset, "jwt");
    return jwt.build();
  }

  /** Token settings without an issuer, or route scopes without tokens, would be silently unenforced: refuse them. */
  private static void refuseStraySettings(GuardConfig config) {
    for (Setting s : NEED_AN_ISSUER) {
      ConfigValue stray = config.value(s);
      if (stray != null) {
        throw Values.fail(stray, s.key(), "token settings need jwt.issuer or jwt.preset");
      }
    }
    for (Map<RouteSetting, ConfigValue> route : config.routes().values()) {
      ConfigValue stray = route.containsKey(RouteSetting.SCOPES) ? route.get(RouteSetting.SCOPES) : route.get(RouteSetting.ROLES);
      if (stray != null) {
        // A route that seems to need a scope must not be open because nothing checks tokens.
        throw Values.fail(stray, "route", "scopes and roles need token authentication: set jwt.issuer or jwt.preset");
      }
    }
  }

  private static boolean cognito(ConfigValue preset) {
    return preset != null && preset.text().trim().toLowerCase(Locale.ROOT).startsWith("cognito:");
  }

  /** A preset's builder. */
  private static JwtAuthenticatorBuilder preset(GuardConfig config, ConfigValue preset, Blame blame) {
    String key = Setting.JWT_PRESET.key();
    String text = preset.text().trim();
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    String argument = colon < 0 ? "" : text.substring(colon + 1).trim();
    ConfigValue issuer = config.value(Setting.JWT_ISSUER);
    if (!name.equals("oidc") && issuer != null) {
      throw Values.fail(issuer, Setting.JWT_ISSUER.key(),
          "the preset " + preset + " sets the issuer already: set jwt.issuer or a preset, not both");
    }
    ConfigValue audienceValue = config.value(Setting.JWT_AUDIENCE);
    String audience = audienceValue == null ? null : Values.list(audienceValue, Setting.JWT_AUDIENCE.key())[0];
    if (name.equals("cognito")) {
      return cognito(config, preset, argument, blame);
    }
    if (name.equals("oidc")) {
      if (issuer == null || !argument.isEmpty()) {
        throw Values.fail(preset, key, "oidc takes no argument and needs jwt.issuer (its keys come by discovery)");
      }
      String url = issuerUrl(blame.on(issuer, Setting.JWT_ISSUER.key()));
      String aud = required(audience, preset, name);
      blame.on(preset, key);
      return JwtAuthenticator.oidc(url, aud);
    }
    if (!name.equals("auth0") && !name.equals("okta") && !name.equals("entra") && !name.equals("entra-v1")) {
      throw Values.fail(preset, key, "unknown preset '" + name + "' (" + PRESETS + ")");
    }
    String aud = required(audience, preset, name);
    blame.on(preset, key);
    switch (name) {
      case "auth0":
        return JwtAuthenticator.auth0(argument, aud);
      case "okta":
        int slash = argument.indexOf('/');
        if (slash <= 0) {
          throw Values.fail(preset, key, "okta needs okta:<domain>/<authorizationServerId>");
        }
        return JwtAuthenticator.okta(argument.substring(0, slash), argument.substring(slash + 1), aud);
      case "entra":
        return JwtAuthenticator.entraId(argument, aud);
      default:
        return JwtAuthenticator.entraIdV1(argument, aud);
    }
  }

  /** Cognito: the region is the user pool id's prefix; client ids mean access tokens, an audience id tokens. */
  private static JwtAuthenticatorBuilder cognito(GuardConfig config, ConfigValue preset, String poolId, Blame blame) {
    String key = Setting.JWT_PRESET.key();
    int underscore = poolId.indexOf('_');
    if (underscore <= 0) {
      throw Values.fail(preset, key, "cognito needs cognito:<userPoolId>, e.g. cognito:eu-west-1_AbCdEf123");
    }
    blame.on(preset, key);
    JwtAuthenticatorBuilder builder = JwtAuthenticator.cognito(poolId.substring(0, underscore), poolId);
    ConfigValue clientIds = config.value(Setting.JWT_CLIENT_IDS);
    if (clientIds != null) {
      blame.on(clientIds, Setting.JWT_CLIENT_IDS.key());
      return builder.accessTokensFor(Values.list(clientIds, Setting.JWT_CLIENT_IDS.key()));
    }
    ConfigValue audience = config.value(Setting.JWT_AUDIENCE);
    if (audience != null) {
      blame.on(audience, Setting.JWT_AUDIENCE.key());
      return builder.idTokensFor(Values.list(audience, Setting.JWT_AUDIENCE.key()));
    }
    throw Values.fail(preset, key, "cognito needs jwt.clientIds (access tokens) or jwt.audience (id tokens)");
  }

  private static String required(String audience, ConfigValue preset, String name) {
    if (audience == null) {
      throw Values.fail(preset, Setting.JWT_PRESET.key(), name + " needs jwt.audience");
    }
    return audience;
  }

  /** An issuer is an absolute https URL (http only to loopback, for tests), with a host and nothing after a '#'. */
  static String issuerUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed issuer URL: not a URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (!uri.isAbsolute() || host.isEmpty() || uri.getFragment() != null || uri.getUserInfo() != null
        || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      throw new IllegalArgumentException("malformed issuer URL: expected https://host/... (http only to loopback)");
    }
    return text.trim();
  }

  private static void keys(GuardConfig config, JwtAuthenticatorBuilder jwt, SecretsSupport secrets, Blame blame) {
    ConfigValue url = config.value(Setting.JWT_JWKS_URL);
    ConfigValue resource = config.value(Setting.JWT_JWKS_RESOURCE);
    ConfigValue file = config.value(Setting.JWT_JWKS_FILE);
    ConfigValue secret = config.value(Setting.JWT_HMAC_KEY_REF);
    int given = (url != null ? 1 : 0) + (resource != null ? 1 : 0) + (file != null ? 1 : 0) + (secret != null ? 1 : 0);
    if (given > 1) {
      ConfigValue any = url != null ? url : resource != null ? resource : file;
      throw Values.fail(any, "jwt keys", "set one of jwt.jwksUrl, jwt.jwksResource, jwt.jwksFile and jwt.hmacKeyRef");
    }
    if (url != null) {
      jwt.keys(KeySource.jwks(jwksUri(blame.on(url, Setting.JWT_JWKS_URL.key()))));
    } else if (resource != null) {
      jwt.keys(KeySource.staticJwks(read(config.resources(), blame.on(resource, Setting.JWT_JWKS_RESOURCE.key()))));
    } else if (file != null) {
      jwt.keys(KeySource.staticJwks(readFile(blame.on(file, Setting.JWT_JWKS_FILE.key()))));
    } else if (secret != null) {
      jwt.keys(KeySource.hmac(secrets.cache(config, secret), blame.on(secret, Setting.JWT_HMAC_KEY_REF.key()).trim()));
    } else if (config.value(Setting.JWT_PRESET) == null) {
      throw Values.fail(config.value(Setting.JWT_ISSUER), Setting.JWT_ISSUER.key(),
          "no key source: set jwt.jwksUrl, jwt.jwksResource, jwt.jwksFile, jwt.hmacKeyRef or a jwt.preset");
    }
  }

  private static URI jwksUri(String text) {
    try {
      URI uri = new URI(text.trim());
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("malformed JWKS URL: not absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed JWKS URL: not a URI");
    }
  }

  private static String readFile(String path) {
    try {
      Path file = Path.of(path.trim());
      if (Files.size(file) > MAX_JWKS_BYTES) {
        throw new IllegalArgumentException("the JWK set file is larger than 1 MiB: " + path.trim());
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException("the JWK set file cannot be read: " + path.trim());
    }
  }

  private static String read(ClassLoader resources, String resource) {
    String path = resource.trim().startsWith("/") ? resource.trim().substring(1) : resource.trim();
    try (InputStream in = resources.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("class-path resource not found: " + resource.trim());
      }
      return new String(in.readNBytes(MAX_JWKS_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("class-path resource cannot be read: " + resource.trim());
    }
  }

  /**
   * Guard-wide scopes on every route, a listed route adding its own (all are needed); guard-wide roles on every
   * route unless the route names its own, which replace them (one of the route's roles is needed: adding them to the
   * guard-wide ones would make a route's "one of" looser than the guard's).
   */
  private static RoutePolicy routes(GuardConfig config, Blame blame) {
    RouteRequirement scopesEverywhere = RouteRequirement.authenticated();
    ConfigValue scopes = config.value(Setting.JWT_SCOPES);
    if (scopes != null) {
      blame.on(scopes, Setting.JWT_SCOPES.key());
      scopesEverywhere = RouteRequirement.scopes(Values.list(scopes, Setting.JWT_SCOPES.key()));
    }
    ConfigValue roles = config.value(Setting.JWT_ROLES);
    RouteRequirement everywhere = withRoles(scopesEverywhere, roles, Setting.JWT_ROLES.key(), blame);
    RoutePolicy.Builder policy = RoutePolicy.builder().unlisted(everywhere);
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      RouteRequirement requirement = scopesEverywhere;
      ConfigValue routeScopes = route.getValue().get(RouteSetting.SCOPES);
      if (routeScopes != null) {
        blame.on(routeScopes, RouteSetting.SCOPES.key());
        requirement = requirement.andScopes(Values.list(routeScopes, RouteSetting.SCOPES.key()));
      }
      ConfigValue routeRoles = route.getValue().get(RouteSetting.ROLES);
      requirement = routeRoles != null ? withRoles(requirement, routeRoles, RouteSetting.ROLES.key(), blame)
          : withRoles(requirement, roles, Setting.JWT_ROLES.key(), blame);
      policy.route(route.getKey(), requirement); // the key was checked when its source was read
    }
    ConfigValue deny = config.value(Setting.JWT_DENY_UNLISTED);
    if (deny != null && Values.bool(deny, Setting.JWT_DENY_UNLISTED.key())) {
      policy.denyUnlisted();
    }
    return policy.build();
  }

  private static RouteRequirement withRoles(RouteRequirement requirement, ConfigValue roles, String key, Blame blame) {
    if (roles == null) {
      return requirement;
    }
    blame.on(roles, key);
    return requirement.anyRole(Values.list(roles, key));
  }
}
