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
import java.util.Locale;
import java.util.Map;

/** The JWT part of a configuration, as {@link JwtAuthenticator} builder calls. */
final class JwtAssembly {

  private static final String PRESETS = "cognito:<userPoolId>, auth0:<domain>, okta:<domain>/<serverId>, "
      + "entra:<tenantId>, entra-v1:<tenantId>, oidc";

  private JwtAssembly() {}

  /** Whether any source asks for token authentication. */
  static boolean configured(GuardConfig config) {
    return config.value(Setting.JWT_PRESET) != null || config.value(Setting.JWT_ISSUER) != null;
  }

  /** The authenticator, or null when no source names an issuer or a preset. */
  static JwtAuthenticator authenticator(GuardConfig config, SecretsSupport secrets) {
    if (!configured(config)) {
      for (Setting s : new Setting[] {Setting.JWT_AUDIENCE, Setting.JWT_CLIENT_IDS, Setting.JWT_JWKS_URL,
          Setting.JWT_JWKS_RESOURCE, Setting.JWT_JWKS_FILE, Setting.JWT_HMAC_KEY_REF, Setting.JWT_SCOPES, Setting.JWT_ROLES}) {
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
      return null;
    }
    JwtAuthenticatorBuilder jwt = start(config);
    ConfigValue issuer = config.value(Setting.JWT_ISSUER);
    if (issuer != null) {
      Values.apply(issuer, Setting.JWT_ISSUER.key(), text -> jwt.issuer(issuerUrl(text)));
    }
    ConfigValue audience = config.value(Setting.JWT_AUDIENCE);
    if (audience != null && !cognito(config)) {
      String[] audiences = Values.list(audience, Setting.JWT_AUDIENCE.key());
      Values.apply(audience, Setting.JWT_AUDIENCE.key(), text -> jwt.audiences(audiences));
    }
    ConfigValue clientIds = config.value(Setting.JWT_CLIENT_IDS);
    if (clientIds != null && !cognito(config)) {
      String[] ids = Values.list(clientIds, Setting.JWT_CLIENT_IDS.key());
      Values.apply(clientIds, Setting.JWT_CLIENT_IDS.key(), text -> jwt.clientIds(ids));
    }
    keys(config, jwt, secrets);
    ConfigValue algorithms = config.value(Setting.JWT_ALGORITHMS);
    if (algorithms != null) {
      String[] algs = Values.list(algorithms, Setting.JWT_ALGORITHMS.key());
      Values.apply(algorithms, Setting.JWT_ALGORITHMS.key(), text -> jwt.algorithms(algs));
    }
    ConfigValue skew = config.value(Setting.JWT_CLOCK_SKEW);
    if (skew != null) {
      Values.apply(skew, Setting.JWT_CLOCK_SKEW.key(), text -> jwt.clockSkew(Values.duration(skew, Setting.JWT_CLOCK_SKEW.key())));
    }
    jwt.routes(routes(config));
    ConfigValue anyValue = issuer != null ? issuer : config.value(Setting.JWT_PRESET);
    return Values.apply(anyValue, "jwt", text -> jwt.build());
  }

  private static boolean cognito(GuardConfig config) {
    ConfigValue preset = config.value(Setting.JWT_PRESET);
    return preset != null && preset.text().trim().toLowerCase(Locale.ROOT).startsWith("cognito:");
  }

  /** A preset's builder, or a bare one. */
  private static JwtAuthenticatorBuilder start(GuardConfig config) {
    ConfigValue preset = config.value(Setting.JWT_PRESET);
    if (preset == null) {
      return JwtAuthenticator.builder();
    }
    String key = Setting.JWT_PRESET.key();
    String text = preset.text().trim();
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    String argument = colon < 0 ? "" : text.substring(colon + 1).trim();
    if (!name.equals("oidc") && config.value(Setting.JWT_ISSUER) != null) {
      throw Values.fail(config.value(Setting.JWT_ISSUER), Setting.JWT_ISSUER.key(),
          "the preset " + preset + " sets the issuer already: set jwt.issuer or a preset, not both");
    }
    String audience = first(config, Setting.JWT_AUDIENCE);
    return switch (name) {
      case "cognito" -> cognito(config, preset, argument);
      case "auth0" -> Values.apply(preset, key, t -> JwtAuthenticator.auth0(argument, required(audience, preset, name)));
      case "okta" -> {
        int slash = argument.indexOf('/');
        if (slash <= 0) {
          throw Values.fail(preset, key, "okta needs okta:<domain>/<authorizationServerId>");
        }
        yield Values.apply(preset, key, t -> JwtAuthenticator.okta(argument.substring(0, slash),
            argument.substring(slash + 1), required(audience, preset, name)));
      }
      case "entra" -> Values.apply(preset, key, t -> JwtAuthenticator.entraId(argument, required(audience, preset, name)));
      case "entra-v1" -> Values.apply(preset, key, t -> JwtAuthenticator.entraIdV1(argument, required(audience, preset, name)));
      case "oidc" -> {
        ConfigValue issuer = config.value(Setting.JWT_ISSUER);
        if (issuer == null || !argument.isEmpty()) {
          throw Values.fail(preset, key, "oidc takes no argument and needs jwt.issuer (its keys come by discovery)");
        }
        String url = Values.apply(issuer, Setting.JWT_ISSUER.key(), JwtAssembly::issuerUrl);
        yield Values.apply(preset, key, t -> JwtAuthenticator.oidc(url, required(audience, preset, name)));
      }
      default -> throw Values.fail(preset, key, "unknown preset '" + name + "' (" + PRESETS + ")");
    };
  }

  /** Cognito: the region is the user pool id's prefix; client ids mean access tokens, an audience id tokens. */
  private static JwtAuthenticatorBuilder cognito(GuardConfig config, ConfigValue preset, String poolId) {
    String key = Setting.JWT_PRESET.key();
    int underscore = poolId.indexOf('_');
    if (underscore <= 0) {
      throw Values.fail(preset, key, "cognito needs cognito:<userPoolId>, e.g. cognito:eu-west-1_AbCdEf123");
    }
    JwtAuthenticatorBuilder builder = Values.apply(preset, key,
        t -> JwtAuthenticator.cognito(poolId.substring(0, underscore), poolId));
    ConfigValue clientIds = config.value(Setting.JWT_CLIENT_IDS);
    ConfigValue audience = config.value(Setting.JWT_AUDIENCE);
    if (clientIds != null) {
      String[] ids = Values.list(clientIds, Setting.JWT_CLIENT_IDS.key());
      return Values.apply(clientIds, Setting.JWT_CLIENT_IDS.key(), t -> builder.accessTokensFor(ids));
    }
    if (audience != null) {
      String[] ids = Values.list(audience, Setting.JWT_AUDIENCE.key());
      return Values.apply(audience, Setting.JWT_AUDIENCE.key(), t -> builder.idTokensFor(ids));
    }
    throw Values.fail(preset, key, "cognito needs jwt.clientIds (access tokens) or jwt.audience (id tokens)");
  }

  private static String first(GuardConfig config, Setting setting) {
    ConfigValue value = config.value(setting);
    return value == null ? null : Values.list(value, setting.key())[0];
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

  private static void keys(GuardConfig config, JwtAuthenticatorBuilder jwt, SecretsSupport secrets) {
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
      Values.apply(url, Setting.JWT_JWKS_URL.key(), text -> jwt.keys(KeySource.jwks(jwksUri(text))));
    } else if (resource != null) {
      String json = Values.apply(resource, Setting.JWT_JWKS_RESOURCE.key(), text -> read(config.resources(), text));
      jwt.keys(KeySource.staticJwks(json));
    } else if (file != null) {
      String json = Values.apply(file, Setting.JWT_JWKS_FILE.key(), JwtAssembly::readFile);
      jwt.keys(KeySource.staticJwks(json));
    } else if (secret != null) {
      jwt.keys(KeySource.hmac(secrets.cache(config, secret), secret.text().trim()));
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
      java.nio.file.Path file = java.nio.file.Path.of(path.trim());
      if (java.nio.file.Files.size(file) > 1024 * 1024) {
        throw new IllegalArgumentException("the JWK set file is larger than 1 MiB: " + path.trim());
      }
      return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("the JWK set file cannot be read: " + path.trim());
    }
  }

  private static String read(ClassLoader resources, String resource) {
    String path = resource.trim().startsWith("/") ? resource.trim().substring(1) : resource.trim();
    try (InputStream in = resources.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("class-path resource not found: " + resource.trim());
      }
      return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("class-path resource cannot be read: " + resource.trim());
    }
  }

  /** Guard-wide scopes and roles on every route; a listed route adds its own. */
  private static RoutePolicy routes(GuardConfig config) {
    RouteRequirement everywhere = RouteRequirement.authenticated();
    ConfigValue scopes = config.value(Setting.JWT_SCOPES);
    if (scopes != null) {
      String[] list = Values.list(scopes, Setting.JWT_SCOPES.key());
      everywhere = Values.apply(scopes, Setting.JWT_SCOPES.key(), t -> RouteRequirement.scopes(list));
    }
    ConfigValue roles = config.value(Setting.JWT_ROLES);
    if (roles != null) {
      String[] list = Values.list(roles, Setting.JWT_ROLES.key());
      RouteRequirement base = everywhere;
      everywhere = Values.apply(roles, Setting.JWT_ROLES.key(), t -> base.anyRole(list));
    }
    RoutePolicy.Builder policy = RoutePolicy.builder().unlisted(everywhere);
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      RouteRequirement requirement = everywhere;
      ConfigValue routeScopes = route.getValue().get(RouteSetting.SCOPES);
      if (routeScopes != null) {
        String[] list = Values.list(routeScopes, RouteSetting.SCOPES.key());
        RouteRequirement base = requirement;
        requirement = Values.apply(routeScopes, RouteSetting.SCOPES.key(), t -> base.andScopes(list));
      }
      ConfigValue routeRoles = route.getValue().get(RouteSetting.ROLES);
      if (routeRoles != null) {
        String[] list = Values.list(routeRoles, RouteSetting.ROLES.key());
        RouteRequirement base = requirement;
        requirement = Values.apply(routeRoles, RouteSetting.ROLES.key(), t -> base.anyRole(list));
      }
      policy.route(route.getKey(), requirement); // the key was checked when its source was read
    }
    ConfigValue deny = config.value(Setting.JWT_DENY_UNLISTED);
    if (deny != null && Values.bool(deny, Setting.JWT_DENY_UNLISTED.key())) {
      policy.denyUnlisted();
    }
    return policy.build();
  }
}
