package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The security context is immutable: each enrichment is a copy, and earlier contexts never change. */
class SecurityContextTest {

  static final SecurityContext.Attribute<String> TENANT = SecurityContext.Attribute.of("tenant", String.class);
  static final SecurityContext.Attribute<Integer> QUOTA = SecurityContext.Attribute.of("quota", Integer.class);

  @Test
  void theEmptyContextHoldsNothing() {
    SecurityContext empty = SecurityContext.empty();

    assertEquals(Optional.empty(), empty.principal());
    assertEquals(Optional.empty(), empty.jsonBody());
    assertEquals(List.of(), empty.findings());
    assertEquals(Map.of(), empty.sanitizedFields());
    assertEquals(Optional.empty(), empty.get(TENANT));
  }

  @Test
  void eachEnrichmentIsACopyThatLeavesTheOriginalUnchanged() {
    SecurityContext base = SecurityContext.empty();
    Principal alice = new Principal("alice", null, null, Set.of("orders:read"), null, null);
    Finding finding = new Finding("xss", "xss-001", "/q", 50);

    SecurityContext enriched = base
        .withPrincipal(alice)
        .withJsonBody(JsonNodeFactory.instance.objectNode())
        .withFinding(finding)
        .withSanitizedField("/q", "clean")
        .with(TENANT, "acme");

    assertNotSame(base, enriched);
    assertEquals(Optional.empty(), base.principal());
    assertEquals(List.of(), base.findings());
    assertEquals(Optional.empty(), base.get(TENANT));
    assertEquals(Optional.of(alice), enriched.principal());
    assertEquals(Optional.of(JsonNodeFactory.instance.objectNode()), enriched.jsonBody());
    assertEquals(List.of(finding), enriched.findings());
    assertEquals(Map.of("/q", "clean"), enriched.sanitizedFields());
    assertEquals(Optional.of("acme"), enriched.get(TENANT));
  }

  @Test
  void findingsAccumulateInOrderAndCannotBeChanged() {
    Finding first = new Finding("xss", "xss-001", "/a", 10);
    Finding second = new Finding("sqli", "sqli-001", "/b", 20);

    SecurityContext context = SecurityContext.empty().withFinding(first).withFinding(second);

    assertEquals(List.of(first, second), context.findings());
    assertThrows(UnsupportedOperationException.class, () -> context.findings().clear());
    assertThrows(UnsupportedOperationException.class, () -> context.withSanitizedField("/a", "x")
        .sanitizedFields().clear());
  }

  @Test
  void attributesAreTypedAndKeyedByIdentity() {
    SecurityContext.Attribute<String> otherTenant = SecurityContext.Attribute.of("tenant", String.class);

    SecurityContext context = SecurityContext.empty().with(TENANT, "acme").with(QUOTA, 5).with(TENANT, "globex");

    assertEquals(Optional.of("globex"), context.get(TENANT));
    assertEquals(Optional.of(5), context.get(QUOTA));
    assertEquals(Optional.empty(), context.get(otherTenant), "a key of the same name is another key");
    assertEquals("tenant", TENANT.name());
    assertEquals(String.class, TENANT.type());
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedEvenThroughARawKey() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    SecurityContext.Attribute<Object> raw = (SecurityContext.Attribute) QUOTA;

    assertThrows(ClassCastException.class, () -> SecurityContext.empty().with(raw, "not a number"));
  }

  @Test
  void nullsAreRefused() {
    assertEquals("principal", assertThrows(NullPointerException.class,
        () -> SecurityContext.empty().withPrincipal(null)).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class,
        () -> SecurityContext.empty().with(TENANT, null)).getMessage());
    assertEquals("finding", assertThrows(NullPointerException.class,
        () -> SecurityContext.empty().withFinding(null)).getMessage());
  }

  @Test
  void outsideAGuardedHandlerThereIsNoCurrentContext() {
    assertEquals(Optional.empty(), SecurityContext.current());
  }

  @Test
  void printingKeepsClaimsOut() {
    Principal alice = new Principal("alice", null, null, null, null, Map.of("email", "alice@example.com"));
    SecurityContext context = SecurityContext.empty().withPrincipal(alice);

    assertEquals("Principal[alice]", alice.toString());
    assertFalse(context.toString().contains("alice@example.com"));
    assertSame(alice, context.principal().orElseThrow());
  }
}
