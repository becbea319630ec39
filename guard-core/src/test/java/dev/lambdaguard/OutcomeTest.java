package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handled outcome keeps the handler's response as is and headers in the order they were added. */
class OutcomeTest {

  @Test
  void withHeaderAppendsInOrderAndLeavesTheOriginalAndTheResponseUntouched() {
    Object response = new Object();
    Outcome.Handled original = Outcome.Handled.of(response);

    Outcome.Handled stamped = original.withHeader("X-A", "1").withHeader("X-B", "2").withHeader("X-A", "3");

    assertEquals(List.of(), original.addedHeaders());
    assertSame(response, stamped.response());
    assertEquals(List.of(new Outcome.Header("X-A", "1"), new Outcome.Header("X-B", "2"),
        new Outcome.Header("X-A", "3")), stamped.addedHeaders());
  }

  @Test
  void theHeaderListIsAnImmutableCopy() {
    List<Outcome.Header> headers = new ArrayList<>(List.of(new Outcome.Header("X-A", "1")));
    Outcome.Handled handled = new Outcome.Handled("r", headers);

    headers.clear();

    assertEquals(1, handled.addedHeaders().size());
    assertThrows(UnsupportedOperationException.class, () -> handled.addedHeaders().add(new Outcome.Header("a", "b")));
  }

  @Test
  void aHeaderNeedsANameAndAValue() {
    assertEquals("name", assertThrows(NullPointerException.class, () -> new Outcome.Header(null, "v")).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class, () -> Outcome.Handled.of("r").withHeader("n", null))
        .getMessage());
  }
}
