package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cookie header parsing, including the malformed shapes browsers and attackers send. */
class CookieTest {

  @Test
  void pairsAreSplitOnSemicolonsInOrder() {
    assertEquals(List.of(new Cookie("a", "1"), new Cookie("b", "2"), new Cookie("a", "3")),
        Cookie.parseHeader("a=1; b=2; a=3"));
  }

  @Test
  void whitespaceAroundNamesAndValuesIsTrimmed() {
    assertEquals(List.of(new Cookie("session", "abc"), new Cookie("theme", "dark mode")),
        Cookie.parseHeader("  session =  abc  ;\ttheme= dark mode "));
  }

  @Test
  void anEqualsSignInsideAValueBelongsToTheValue() {
    assertEquals(List.of(new Cookie("token", "a=b=="), new Cookie("x", "")),
        Cookie.parseHeader("token=a=b==; x="));
  }

  @Test
  void aPairWithoutEqualsIsANameWithAnEmptyValue() {
    assertEquals(List.of(new Cookie("flag", ""), new Cookie("b", "2")), Cookie.parseHeader("flag; b=2"));
  }

  @Test
  void emptyPairsAndPairsWithoutANameAreSkipped() {
    assertEquals(List.of(new Cookie("a", "1"), new Cookie("b", "2")),
        Cookie.parseHeader(";; a=1 ;  ; =orphan; =; b=2;"));
  }

  @Test
  void anEmptyOrBlankHeaderHasNoCookie() {
    assertEquals(List.of(), Cookie.parseHeader(""));
    assertEquals(List.of(), Cookie.parseHeader("   "));
    assertEquals(List.of(), Cookie.parseHeader(";"));
  }

  @Test
  void valuesAreKeptAsSentNotDecoded() {
    assertEquals(List.of(new Cookie("q", "%20a+b\"c\"")), Cookie.parseHeader("q=%20a+b\"c\""));
  }

  @Test
  void parsingAppendsToTheGivenList() {
    List<Cookie> into = new ArrayList<>(List.of(new Cookie("first", "0")));

    List<Cookie> result = Cookie.parseHeader("a=1", into);

    assertSame(into, result);
    assertEquals(List.of(new Cookie("first", "0"), new Cookie("a", "1")), into);
  }

  @Test
  void parsingIsLinearEvenWhenNoPairHasAnEqualsSign() {
    String header = "a;".repeat(200_000);
    List<Cookie> cookies = Cookie.parseHeader(header);
    assertEquals(200_000, cookies.size());
    assertEquals(new Cookie("a", ""), cookies.get(199_999));
  }

  @Test
  void printingACookieShowsItsNameNeverItsValue() {
    assertEquals("Cookie[session]", new Cookie("session", "s3ss10n-v4lue").toString());
  }
}
