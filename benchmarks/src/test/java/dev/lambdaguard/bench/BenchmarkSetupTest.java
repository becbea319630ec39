package dev.lambdaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.bench.coldstart.ColdStartAppAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Functional checks only (no timing): the benchmark and the cold-start app measure the paths they claim to, so a
 * change elsewhere that turns an allow into a denial or a 404 fails the build instead of silently changing what
 * the numbers mean.
 */
class BenchmarkSetupTest {

  @Test
  void everyVariantOfTheOverheadBenchmarkAnswersTheOrder() {
    GuardOverheadBenchmark b = new GuardOverheadBenchmark();
    b.setUp(); // throws unless all three answer 200
    assertEquals(200, b.bare(null).getStatusCode());
    assertEquals(200, b.guardedEmptyChainNoopSink(null).getStatusCode());
    assertEquals(200, b.guardedEmptyChainJsonSink(null).getStatusCode());
    assertEquals(b.bare(null).getBody(), b.guardedEmptyChainNoopSink(null).getBody());
  }

  @Test
  void theBreakdownStagesRun() {
    GuardOverheadBreakdownBenchmark b = new GuardOverheadBreakdownBenchmark();
    b.setUp();
    assertEquals("GET", b.adapterToRequest(null).method());
    assertEquals(200, ((com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse)
        ((dev.lambdaguard.Outcome.Handled) b.guardHandleEmptyChain(null)).response()).getStatusCode());
    assertTrue(b.allowEventFormat(null).contains("\"event_type\":\"allow\""));
    assertTrue(b.allowEventRedactOnly(null) > 0);
    b.allowEventWrite(null);
    assertTrue(b.allowEventOcsfFormat(null).contains("\"class_uid\":4002"));
    b.allowMetricsWrite(null);
  }

  @Test
  void coldStartAppAnswersGetAndPostInBothVariants() {
    byte[] get = GuardOverheadBenchmark.resource("/bench-events/http-api-v2-get-order.json");
    byte[] post = GuardOverheadBenchmark.resource("/bench-events/http-api-v2-post-order.json");
    assertEquals(200, ColdStartAppAccess.status("bare", get));
    assertEquals(200, ColdStartAppAccess.status("guarded", get));
    assertEquals(200, ColdStartAppAccess.status("guarded-empty", get));
    assertEquals(200, ColdStartAppAccess.status("guarded-empty-noop", get));
    // The bare handler gets no parsed body (it relies on the guard for that) and answers 422 without parsing;
    // the guarded one parses the body strictly and creates the order.
    assertEquals(422, ColdStartAppAccess.status("bare", post));
    assertEquals(201, ColdStartAppAccess.status("guarded", post));
    assertEquals(200, ColdStartAppAccess.status("guarded-input", get));
    assertEquals(201, ColdStartAppAccess.status("guarded-input", post));
    // The two ways of writing EMF metrics: ours and AWS's library (which must not break Jackson 3 for the POST).
    assertEquals(200, ColdStartAppAccess.status("guarded-emf", get));
    assertEquals(201, ColdStartAppAccess.status("guarded-emf", post));
    assertEquals(200, ColdStartAppAccess.status("guarded-emflib", get));
    assertEquals(201, ColdStartAppAccess.status("guarded-emflib", post));
  }

  @Test
  void theAdversarialBenchmarkRunsEveryShape() throws Exception {
    org.openjdk.jmh.annotations.Param shapes = InputScanBenchmark.Adversarial.class.getField("shape")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class);
    assertEquals(AdversarialInputs.SHAPES, List.of(shapes.value()));
  }

  @Test
  void everyAdversarialInputIsOneMiBAndScansToTheEnd() {
    for (String shape : AdversarialInputs.SHAPES) {
      String input = AdversarialInputs.oneMiB(shape);
      assertEquals(AdversarialInputs.SIZE, input.length());
      dev.lambdaguard.input.InjectionScanner.allCategories().scan(input); // completes; its time is benchmarked
    }
  }

  @Test
  void theApiKeyVariantsAreAllowedWithTheirKeyFromEachSecretStore() throws Exception {
    assertEquals(Map.of("bare", 200, "guarded-apikey-ext", 200, "guarded-apikey-sdk", 200),
        ColdStartAppAccess.statusesInChildJvms(List.of("bare", "guarded-apikey-ext", "guarded-apikey-sdk")));
  }

  @Test
  void codeModeAndLayerModeAllowTheTokenWithTheSameGuardEnvironment() throws Exception {
    assertEquals(Map.of("bare", 200, "code-config", 200, "layer", 200),
        ColdStartAppAccess.statusesInChildJvms(List.of("bare", "code-config", "layer"), true));
  }
}
