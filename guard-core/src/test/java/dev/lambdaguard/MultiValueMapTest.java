package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headers compare names case-insensitively, query parameters exactly; both keep every value in order. */
class MultiValueMapTest {

  @Test
  void headerNamesCompareCaseInsensitively() {
    MultiValueMap headers = MultiValueMap.headersBuilder()
        .add("Content-Type", "application/json")
        .add("X-Forwarded-For", "203.0.113.9")
        .add("x-forwarded-for", "10.0.0.1")
        .build();

    assertEquals("application/json", headers.firstOrNull("content-type"));
    assertEquals("application/json", headers.firstOrNull("CONTENT-TYPE"));
    assertEquals(List.of("203.0.113.9", "10.0.0.1"), headers.all("X-FORWARDED-FOR"));
    assertTrue(headers.contains("Content-type"));
    assertEquals(List.of("content-type", "x-forwarded-for"), List.copyOf(headers.names()));
  }

  @Test
  void queryNamesCompareExactly() {
    MultiValueMap query = MultiValueMap.queryBuilder().add("id", "1").add("ID", "2").build();

    assertEquals(List.of("1"), query.all("id"));
    assertEquals(List.of("2"), query.all("ID"));
    assertFalse(query.contains("Id"));
    assertEquals(List.of("id", "ID"), List.copyOf(query.names()));
  }

  @Test
  void everyValueIsKeptInArrivalOrderWithFirstAndLast() {
    MultiValueMap query = MultiValueMap.queryBuilder()
        .add("tag", "a")
        .add("page", "2")
        .addAll("tag", List.of("b", "c"))
        .build();

    assertEquals(List.of("a", "b", "c"), query.all("tag"));
    assertEquals(Optional.of("a"), query.first("tag"));
    assertEquals("a", query.firstOrNull("tag"));
    assertEquals("c", query.lastOrNull("tag"));
    assertEquals("2", query.lastOrNull("page"));
    assertEquals(2, query.size());
    assertEquals(4, query.valueCount());
    assertEquals(List.of("tag", "page"), List.copyOf(query.names()));
  }

  @Test
  void aMissingNameHasNoValue() {
    MultiValueMap query = MultiValueMap.queryBuilder().add("a", "1").build();

    assertEquals(Optional.empty(), query.first("b"));
    assertNull(query.firstOrNull("b"));
    assertNull(query.lastOrNull("b"));
    assertEquals(List.of(), query.all("b"));
    assertFalse(query.contains("b"));
  }

  @Test
  void nullNamesAndValuesAreSkipped() {
    List<String> withNull = new ArrayList<>();
    withNull.add("x");
    withNull.add(null);
    MultiValueMap query = MultiValueMap.queryBuilder()
        .add(null, "v")
        .add("n", null)
        .addAll("list", withNull)
        .addAll("none", null)
        .build();

    assertEquals(List.of("list"), List.copyOf(query.names()));
    assertEquals(List.of("x"), query.all("list"));
  }

  @Test
  void anEmptyValueIsAValue() {
    MultiValueMap query = MultiValueMap.queryBuilder().add("flag", "").build();

    assertTrue(query.contains("flag"));
    assertEquals("", query.firstOrNull("flag"));
  }

  @Test
  void emptyMapsAreSharedAndKeepTheirCaseRule() {
    assertSame(MultiValueMap.emptyHeaders(), MultiValueMap.headersBuilder().build());
    assertSame(MultiValueMap.emptyQuery(), MultiValueMap.queryBuilder().build());
    assertTrue(MultiValueMap.emptyHeaders().isEmpty());
    assertEquals(0, MultiValueMap.emptyQuery().valueCount());
  }

  @Test
  void theMapIsImmutableAndItsBuilderIsSpent() {
    MultiValueMap.Builder builder = MultiValueMap.queryBuilder().add("a", "1");
    MultiValueMap map = builder.build();

    // The builder hands its storage to the map without a copy, so it refuses further use.
    assertThrows(IllegalStateException.class, () -> builder.add("a", "2"));
    assertThrows(IllegalStateException.class, builder::build);

    assertEquals(List.of("1"), map.all("a"));
    assertFalse(map.contains("b"));
    assertThrows(UnsupportedOperationException.class, () -> map.all("a").add("x"));
    assertThrows(UnsupportedOperationException.class, () -> map.asMap().remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> map.names().clear());
  }

  @Test
  void printingShowsNamesButNeverValues() {
    MultiValueMap headers = MultiValueMap.headersBuilder().add("Authorization", "Bearer secret-token").build();

    assertEquals("MultiValueMap[authorization]", headers.toString());
  }
}
