package dev.lambdaguard.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.config.RouteSetting;
import dev.lambdaguard.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every setting with its environment variable and key, and every route setting. */
class ConfigurationDocumentationTest {

  @Test
  void everySettingHasItsRow() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    for (Setting setting : Setting.values()) {
      String row = "| `" + setting.environmentVariable() + "` | `" + setting.key() + "` |";
      assertTrue(doc.contains(row), "docs/configuration.md has no row " + row);
    }
    for (RouteSetting setting : RouteSetting.values()) {
      assertTrue(doc.contains("| `" + setting.key() + "` |"), "docs/configuration.md has no route setting " + setting.key());
    }
  }
}
