package dev.lambdaguard.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent.InventoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class InventoryEventTest {

  @TempDir
  Path taskRoot;

  @Test
  void aGuardBuiltInLambdaReportsThePlantedJarInOneInventoryEvent() throws Exception {
    PlantedJars.maven(taskRoot.resolve("lib"), "log4j-core-2.14.1.jar", "org.apache.logging.log4j:log4j-core:2.14.1");
    RecordingSink sink = new RecordingSink();

    Guard.builder().eventSink(sink)
        .environment(Map.of("LAMBDA_TASK_ROOT", taskRoot.toString(), "AWS_LAMBDA_FUNCTION_NAME", "orders"))
        .build();

    InventoryEvent event = awaitInventory(sink);
    assertEquals("orders", event.function().functionName());
    Library log4j = event.inventory().libraries().stream()
        .filter(l -> "log4j-core".equals(l.artifactId())).findFirst().orElseThrow();
    assertEquals("CVE-2021-44228", log4j.advisories().get(0).id());
    assertEquals(List.of("init", "inventory"), sink.types());
  }

  @Test
  void theInventoryIsOffOutsideLambdaUnlessAskedFor() throws Exception {
    assertNull(InventoryReporter.configure(Map.of(), null, null));
    assertNull(InventoryReporter.configure(Map.of("LAMBDA_TASK_ROOT", "/var/task", "LAMBDA_GUARD_INVENTORY", "off"),
        null, null));
    assertNull(InventoryReporter.configure(Map.of("LAMBDA_TASK_ROOT", "/var/task"), false, null));
    assertTrue(InventoryReporter.configure(Map.of("LAMBDA_GUARD_INVENTORY", "on"), null, null) != null);
    assertTrue(InventoryReporter.configure(Map.of(), true, null) != null);
  }

  @Test
  void badSettingsFailAtInitNamingTheVariable() throws Exception {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Guard.builder().environment(Map.of("LAMBDA_GUARD_INVENTORY", "sometimes")).build());
    assertTrue(bad.getMessage().contains("LAMBDA_GUARD_INVENTORY"), bad.getMessage());

    Path list = taskRoot.resolve("advisories.txt");
    Files.writeString(list, "com.example:billing not-a-range X-1 high summary\n");
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> Guard.builder()
        .environment(Map.of("LAMBDA_GUARD_INVENTORY", "on", "LAMBDA_GUARD_ADVISORIES", list.toString())).build());
    assertTrue(malformed.getMessage().startsWith("LAMBDA_GUARD_ADVISORIES"), malformed.getMessage());
    assertTrue(malformed.getMessage().contains("line 1"), malformed.getMessage());
  }

  @Test
  void theUsersListFromTheEnvironmentIsFlaggedToo() throws Exception {
    PlantedJars.maven(taskRoot.resolve("lib"), "billing.jar", "com.example:billing:3.0.9");
    Path list = taskRoot.resolve("advisories.txt");
    Files.writeString(list, "com.example:billing (,3.1.0) INTERNAL-42 medium leaks invoices to the log\n");
    RecordingSink sink = new RecordingSink();

    Guard.builder().eventSink(sink).environment(
        Map.of("LAMBDA_TASK_ROOT", taskRoot.toString(), "LAMBDA_GUARD_ADVISORIES", list.toString())).build();

    Library billing = awaitInventory(sink).inventory().libraries().stream()
        .filter(l -> "billing".equals(l.artifactId())).findFirst().orElseThrow();
    assertEquals("INTERNAL-42", billing.advisories().get(0).id());
  }

  @Test
  void theEventIsOneJsonLineWithTheRuntimeAndEachLibrary() throws Exception {
    Path jar = PlantedJars.maven(taskRoot, "function.jar", "org.apache.logging.log4j:log4j-core:2.14.1",
        "com.example:orders:1.0.0");
    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.bundled(), List.of(jar)).run();
    String line = new EventJson(new Redactor()).format(
        new InventoryEvent(0, new FunctionEnvironment("orders", "7", "on-demand", "eu-west-1"), inventory));

    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("inventory", json.get("event_type").asString());
    assertEquals("WARN", json.get("level").asString());
    assertEquals("orders", json.get("function_name").asString());
    assertEquals(inventory.java().version(), json.get("java_version").asString());
    assertEquals(2, json.get("libraries_count").asInt());
    assertEquals(1, json.get("flagged_count").asInt());
    JsonNode log4j = json.get("libraries").get(0);
    assertEquals("org.apache.logging.log4j", log4j.get("group").asString());
    assertEquals("log4j-core", log4j.get("artifact").asString());
    assertEquals("2.14.1", log4j.get("version").asString());
    assertEquals(InventoryScanTest.sha256(jar), log4j.get("sha256").asString());
    assertEquals("CVE-2021-44228", log4j.get("advisories").get(0).get("id").asString());
    assertEquals("critical", log4j.get("advisories").get(0).get("severity").asString());
    assertFalse(json.get("libraries").get(1).has("advisories"));
    assertEquals(5020, json.get("ocsf_class_uid").asInt());
  }

  @Test
  void aCleanInventoryIsInfo() throws Exception {
    Path jar = PlantedJars.maven(taskRoot, "function.jar", "com.example:orders:1.0.0");
    RuntimeInventory inventory = InventoryScan.of(AdvisoryList.empty(), List.of(jar)).run();
    JsonNode json = new ObjectMapper().readTree(new EventJson(new Redactor()).format(
        new InventoryEvent(0, new FunctionEnvironment(null, null, null, null), inventory)));
    assertEquals("INFO", json.get("level").asString());
    assertEquals(0, json.get("flagged_count").asInt());
  }

  /** The inventory runs on its own thread: wait for its event (bounded), as a log reader would. */
  private static InventoryEvent awaitInventory(RecordingSink sink) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      List<InventoryEvent> events = sink.events(InventoryEvent.class);
      if (!events.isEmpty()) {
        return events.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no inventory event within 30 s; events: " + sink.types());
  }
}
