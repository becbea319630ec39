package dev.lambdaguard.config;

import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code guard.json} (a class-path resource: the root of the function's package) into a layer. Keys are the
 * settings' dotted keys, nested or written whole ({@code {"jwt": {"issuer": ...}}} or {@code {"jwt.issuer": ...}});
 * a list is a JSON array of strings or one comma-separated string; {@code routes} maps route keys to route settings.
 * An unknown key fails: a misspelt setting in a file written for us is a mistake, not noise.
 */
final class FileSettings {

  static final String DEFAULT_RESOURCE = "guard.json";
  private static final int MAX_BYTES = 256 * 1024;

  private FileSettings() {}

  /** The layer of {@code resource}, or an empty layer when there is no such resource. */
  static ConfigLayer read(ClassLoader resources, String resource) {
    URL url = resources == null ? null : resources.getResource(resource);
    if (url == null) {
      return ConfigLayer.builder("file").build();
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("Lambda Guard configuration: " + resource + " cannot be read", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigurationException("Lambda Guard configuration: " + resource + " is larger than " + MAX_BYTES + " bytes");
    }
    return parse(bytes, resource);
  }

  static ConfigLayer parse(byte[] json, String resource) {
    JsonParseResult parsed = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(MAX_BYTES)).parse(json);
    if (parsed instanceof JsonParseResult.Rejected rejected) {
      throw new ConfigurationException("Lambda Guard configuration: " + resource + " is not strict JSON: "
          + rejected.detail());
    }
    JsonNode root = ((JsonParseResult.Parsed) parsed).value();
    if (!root.isObject()) {
      throw new ConfigurationException("Lambda Guard configuration: " + resource + " must hold a JSON object");
    }
    ConfigLayer.Builder layer = ConfigLayer.builder("file");
    settings(root, "", resource, layer);
    return layer.build();
  }

  private static void settings(JsonNode object, String prefix, String resource, ConfigLayer.Builder layer) {
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String key = prefix + member.getKey();
      JsonNode value = member.getValue();
      if (key.equals("routes")) {
        routes(value, resource, layer);
        continue;
      }
      Setting setting = Setting.byKey(key);
      if (setting != null) {
        layer.set(setting, text(value, resource, key), resource + " " + key);
      } else if (value.isObject()) {
        settings(value, key + ".", resource, layer);
      } else {
        throw new ConfigurationException("Lambda Guard configuration: " + resource + ": unknown setting '" + key
            + "' (docs/configuration.md lists the settings)");
      }
    }
  }

  private static void routes(JsonNode routes, String resource, ConfigLayer.Builder layer) {
    if (!routes.isObject()) {
      throw new ConfigurationException("Lambda Guard configuration: " + resource
          + ": routes must map route keys (\"GET /orders/{id}\") to objects");
    }
    for (Map.Entry<String, JsonNode> route : routes.properties()) {
      String where = resource + " routes[\"" + route.getKey() + "\"]";
      if (!route.getValue().isObject()) {
        throw new ConfigurationException("Lambda Guard configuration: " + where + " must be an object");
      }
      layer.route(route.getKey(), where);
      for (Map.Entry<String, JsonNode> member : route.getValue().properties()) {
        RouteSetting setting = RouteSetting.byKey(member.getKey());
        if (setting == null) {
          throw new ConfigurationException("Lambda Guard configuration: " + where + ": unknown route setting '"
              + member.getKey() + "'");
        }
        layer.set(route.getKey(), setting, text(member.getValue(), where, member.getKey()), where + "." + member.getKey());
      }
    }
  }

  /** A scalar as text, an array of scalars comma-joined. */
  private static String text(JsonNode value, String resource, String key) {
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode element : value) {
        if (element.isContainer() || element.isNull()) {
          throw new ConfigurationException("Lambda Guard configuration: " + resource + " " + key
              + ": a list holds strings only");
        }
        joined.append(joined.length() == 0 ? "" : ",").append(element.asString());
      }
      return joined.toString();
    }
    if (value.isContainer() || value.isNull()) {
      throw new ConfigurationException("Lambda Guard configuration: " + resource + " " + key
          + ": expected a string, number, boolean or list");
    }
    return value.asString();
  }
}
