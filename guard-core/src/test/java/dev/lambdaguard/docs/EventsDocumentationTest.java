package dev.lambdaguard.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Reason;
import dev.lambdaguard.Reasons;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md documents every reason code the library can return. */
class EventsDocumentationTest {

  private static String eventsDoc() throws IOException {
    Path doc = Path.of("..", "docs", "events.md");
    assertTrue(Files.exists(doc), "docs/events.md is missing");
    return Files.readString(doc);
  }

  @Test
  void everyReasonCodeIsDocumentedInItsTable() throws Exception {
    String doc = eventsDoc();
    int checked = 0;
    for (Field field : Reasons.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Reason.class) {
        Reason reason = (Reason) field.get(null);
        String kind = reason.kind().name().toLowerCase(java.util.Locale.ROOT);
        assertTrue(doc.contains("| `" + reason.code() + "` | " + kind + " |"),
            "docs/events.md has no row for " + reason.code() + " (" + kind + ")");
        checked++;
      }
    }
    assertTrue(checked >= 7, "found only " + checked + " reason constants");
  }
}
