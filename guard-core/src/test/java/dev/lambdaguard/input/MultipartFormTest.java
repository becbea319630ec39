package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.events.EventSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multipart bodies are read field by field: names, file names and the content a handler or browser would
 * interpret, each at its own location; binary uploads are left alone; a malformed body is scanned whole.
 */
class MultipartFormTest {

  static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";
  static final String DELIMITER = "------WebKitFormBoundary7MA4YWxkTrZu0gW";

  /** A form as Chrome sends it: two fields, a PNG upload and an SVG upload. */
  static final String FORM = DELIMITER + "\r\n"
      + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
      + "Quarterly report\r\n"
      + DELIMITER + "\r\n"
      + "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
      + "Line one\r\nline two\r\n"
      + DELIMITER + "\r\n"
      + "Content-Disposition: form-data; name=\"photo\"; filename=\"cat.png\"\r\n"
      + "Content-Type: image/png\r\n\r\n"
      + "\u0089PNG\r\n\u001a\n<script>not read</script>\r\n"
      + DELIMITER + "\r\n"
      + "Content-Disposition: form-data; name=\"logo\"; filename=\"logo.svg\"\r\n"
      + "Content-Type: image/svg+xml\r\n\r\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\r\n"
      + DELIMITER + "--\r\n";

  private static List<String> walk(String contentType, String body) {
    List<String> seen = new ArrayList<>();
    MultipartForm.walk(contentType, body, (location, value) -> seen.add(location + "=" + value));
    return seen;
  }

  @Test
  void everyFieldNameFileNameAndInterpretedContentIsVisitedAtItsLocation() {
    assertEquals(List.of(
        "form.title#key=title", "form.title=Quarterly report",
        "form.comment#key=comment", "form.comment=Line one\r\nline two",
        "form.photo#key=photo", "form.photo#filename=cat.png",
        "form.logo#key=logo", "form.logo#filename=logo.svg",
        "form.logo=<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>"), walk(TYPE, FORM),
        "the PNG's bytes are not read; the SVG is (a browser runs script in it)");
  }

  @Test
  void bareLineFeedsQuotedEscapesAndAMissingCloseDelimiterAreRead() {
    String body = "--b\nContent-Disposition: form-data; NAME=\"a\\\"b\"; filename=\"..\\\\..\\\\win.ini\"\n"
        + "Content-Type: application/json\n\n{\"x\":1}\n--b\ncontent-disposition: form-data; name=last\n\ntail";
    assertEquals(List.of("form.*#key=a\"b", "form.*#filename=..\\..\\win.ini", "form.*={\"x\":1}",
        "form.last#key=last", "form.last=tail"), walk("multipart/form-data; boundary=b", body));
  }

  @Test
  void aBodyThatIsNotWellFormedMultipartIsScannedWhole() {
    assertEquals(List.of("body=no delimiter here ${jndi:ldap://x}"),
        walk("multipart/form-data; boundary=b", "no delimiter here ${jndi:ldap://x}"));
    assertEquals(List.of("body=--b\r\nx"), walk("multipart/form-data", "--b\r\nx"), "no boundary parameter");
    String endlessHeaders = "--b\r\nX: " + "y".repeat(MultipartForm.MAX_PART_HEADERS + 10) + "\r\n\r\nvalue";
    List<String> seen = walk("multipart/form-data; boundary=b", endlessHeaders);
    assertEquals(1, seen.size());
    assertTrue(seen.get(0).startsWith("body="), "headers no browser writes: the rest is scanned as text");
  }

  @Test
  void aBodyOfMorePartsThanAreReadOneByOneIsRefusedAsTooLargeToInspect() {
    String part = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
    List<String> seen = walk("multipart/form-data; boundary=b", part.repeat(MultipartForm.MAX_PARTS + 5) + "--b--");
    assertEquals(2 * MultipartForm.MAX_PARTS, seen.size(), "the walk stops at the limit");
    assertEquals(2 * MultipartForm.MAX_PARTS,
        walk("multipart/form-data; boundary=b", part.repeat(MultipartForm.MAX_PARTS) + "--b--").size(),
        "a body of exactly the limit is read whole");

    Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
        .inputInspection(InputPolicy.builder().build()).build();
    GuardRequest many = GuardRequest.builder("apigw-http-v2").method("POST").path("/upload")
        .headers(MultiValueMap.headersBuilder().add("content-type", "multipart/form-data; boundary=b").build())
        .body(Body.ofBytes((part.repeat(MultipartForm.MAX_PARTS + 1) + "--b--").getBytes(StandardCharsets.UTF_8)))
        .build();
    Denial refused = assertInstanceOf(Denial.class, guard.handle(many, Invocation.NONE, c -> "ok"));
    assertEquals(413, refused.status());
    assertEquals("input_too_large", refused.reason().code());
  }

  @Test
  void aPlainFieldIsReadWhateverTypeItDeclaresAndANestedMultipartPartAsText() {
    String body = "--b\r\nContent-Disposition: form-data; name=\"q\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + "1' UNION SELECT password FROM users --\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"files\"\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
        + "--c\r\nContent-Disposition: file; filename=\"../../etc/passwd\"\r\n\r\nx\r\n--c--\r\n--b--\r\n";
    List<String> seen = walk("multipart/form-data; boundary=b", body);
    assertTrue(seen.contains("form.q=1' UNION SELECT password FROM users --"), "a server hands this to the handler as "
        + "field q: " + seen);
    assertTrue(seen.stream().anyMatch(v -> v.startsWith("form.files=--c") && v.contains("../../etc/passwd")),
        "the nested part is read as text: " + seen);
  }

  @Test
  void aBodyTwoParsersWouldSplitDifferentlyIsScannedWhole() {
    String attack = "1' UNION SELECT password FROM users --";
    // A bare LF before the boundary in a CRLF body: strict parsers read one field q holding everything after it.
    String bareLf = "--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx\n--b\r\n"
        + "Content-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
        + attack + "\r\n--b--\r\n";
    assertEquals(List.of("body=" + bareLf), walk("multipart/form-data; boundary=b", bareLf));
    // The boundary followed by more than padding: content to some parsers, a delimiter to others.
    String suffixed = "--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx\r\n--bX\r\n" + attack + "\r\n--b--";
    assertEquals(List.of("body=" + suffixed), walk("multipart/form-data; boundary=b", suffixed));
    // Two boundary parameters: the walker would take one, a server the other.
    String twoBoundaries = "--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n" + attack + "\r\n--b--";
    assertEquals(List.of("body=" + twoBoundaries), walk("multipart/form-data; boundary=x; boundary=b", twoBoundaries));
    // A part with two dispositions, or one disposition naming two fields.
    String twoDispositions = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n"
        + "Content-Disposition: form-data; name=\"q\"\r\nContent-Type: image/png\r\n\r\n" + attack + "\r\n--b--";
    assertEquals(List.of("body=" + twoDispositions), walk("multipart/form-data; boundary=b", twoDispositions));
    String twoNames = "--b\r\nContent-Disposition: form-data; name=\"safe\"; name=\"q\"\r\n\r\n" + attack + "\r\n--b--";
    assertEquals(List.of("body=" + twoNames), walk("multipart/form-data; boundary=b", twoNames));
  }

  @Test
  void anExtendedFileNameOrFieldNameIsDecodedAndReadBesideThePlainOne() {
    // RFC 7578 rules filename* out of forms, but Spring's ContentDisposition reads it and prefers it
    String hidden = "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"cat.png\"; "
        + "filename*=UTF-8''%2e%2e%2F%2e%2e%2Fetc%2Fpasswd\r\nContent-Type: image/png\r\n\r\nx\r\n--b--";
    assertEquals(List.of("form.doc#key=doc", "form.doc#filename=cat.png", "form.doc#filename=../../etc/passwd"),
        walk("multipart/form-data; boundary=b", hidden));
    String pieces = "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename*0*=utf-8'en'%2e%2e%2f; "
        + "FILENAME*1=..; filename*2*=%2fetc%2fpasswd\r\nContent-Type: image/png\r\n\r\nx\r\n--b--";
    assertEquals(List.of("form.doc#key=doc", "form.doc#filename=../../etc/passwd", "form.doc=x"),
        walk("multipart/form-data; boundary=b", pieces),
        "numbered pieces are joined in order; without a plain file name the content is read, as a field's");
    String latin1 = "--b\r\nContent-Disposition: form-data; name=\"cv\"; name*=iso-8859-1''r%E9sum%E9\r\n\r\n"
        + "x\r\n--b--";
    assertEquals(List.of("form.cv#key=cv", "form.cv#key=r\u00e9sum\u00e9", "form.cv=x"),
        walk("multipart/form-data; boundary=b", latin1), "decoded in the charset it names");
    String same = "--b\r\nContent-Disposition: form-data; name=\"a\"; name*=a\r\n\r\nx\r\n--b--";
    assertEquals(List.of("form.a#key=a", "form.a=x"), walk("multipart/form-data; boundary=b", same),
        "an extended name equal to the plain one is read once");
    String plainPieces = "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename*0=\"it's a \"; "
        + "filename*1=\"dog's.txt\"\r\nContent-Type: image/png\r\n\r\nx\r\n--b--";
    assertEquals(List.of("form.doc#key=doc", "form.doc#filename=it's a dog's.txt", "form.doc=x"),
        walk("multipart/form-data; boundary=b", plainPieces),
        "a first piece that is not extended names no charset: its apostrophe is text, not a refused charset");
  }

  @Test
  void anExtendedNameGivenTwiceMakesTheBodyAmbiguousAndAnUnreadableCharsetIsRefused() {
    String twice = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''a.png; "
        + "filename*0=../x\r\n\r\nx\r\n--b--";
    assertEquals(List.of("body=" + twice), walk("multipart/form-data; boundary=b", twice));
    String utf16 = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-16''%2e%00%2e%00\r\n"
        + "Content-Type: image/png\r\n\r\nx\r\n--b--";
    List<String> seen = new ArrayList<>();
    boolean[] unreadable = {false};
    MultipartForm.walk("multipart/form-data; boundary=b", utf16, new InputFields.Visitor() {
      @Override
      public boolean visit(String location, String value) {
        return seen.add(location + "=" + value);
      }

      @Override
      public boolean unreadable() {
        unreadable[0] = true;
        return false;
      }
    });
    assertTrue(unreadable[0], "a name in UTF-16 cannot be scanned as text: " + seen);
  }

  @Test
  void anExtendedParameterIsOnlyTheNameItselfFollowedByAStarAndAPieceNumber() {
    assertEquals(0, ExtendedValues.pieceIndex("filename*", "filename"));
    assertEquals(0, ExtendedValues.pieceIndex("FileName*0*", "filename"));
    assertEquals(12, ExtendedValues.pieceIndex("filename*12", "filename"));
    assertEquals(-1, ExtendedValues.pieceIndex("filename", "filename"));
    assertEquals(-1, ExtendedValues.pieceIndex("filename**", "filename"));
    assertEquals(-1, ExtendedValues.pieceIndex("filename*100", "filename"), "at most 100 pieces");
    assertEquals(-1, ExtendedValues.pieceIndex("filename*x", "filename"));
    assertEquals(-1, ExtendedValues.pieceIndex("name*", "filename"));
    assertEquals(-1, ExtendedValues.pieceIndex("filename*", "name"), "filename* is not name*");
    assertEquals("a\uff11", ExtendedValues.decode("a%ef%bc%91"), "UTF-8 when no charset is named");
    assertEquals("%\uff10\uff10", ExtendedValues.decode("%\uff10\uff10"), "only ASCII hex digits escape");
    assertEquals("a\ud83d\ude00.png", ExtendedValues.decode("UTF-8''a\ud83d\ude00.png"),
        "a character beyond the basic plane, sent as it is, stays one character");
  }

  @Test
  void aFileNameHiddenInAnExtendedParameterIsRefusedThroughTheGuard() {
    Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
        .inputInspection(InputPolicy.builder().build()).build();
    String hidden = DELIMITER + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"report.pdf\"; "
        + "filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n"
        + DELIMITER + "--\r\n";
    Outcome refused = guard.handle(post(hidden), Invocation.NONE, c -> "ok");
    assertInstanceOf(Denial.class, refused);
    assertTrue(refused.toString().contains("form.doc#filename"), refused.toString());
    assertFalse(refused.toString().contains("passwd"), "the value is never echoed: " + refused);
    String benign = hidden.replace("..%2F..%2F..%2Fetc%2Fpasswd", "r%C3%A9sum%C3%A9.pdf");
    assertEquals("ok", ((Outcome.Handled) guard.handle(post(benign), Invocation.NONE, c -> "ok")).response());
  }

  @Test
  void emptyPartsAndPaddingAfterTheDelimiterAreRead() {
    String body = "--b \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--b\r\n"
        + "Content-Disposition: form-data; name=\"c\"\r\n\r\nv\r\n--b--\r\nepilogue";
    assertEquals(List.of("form.a#key=a", "form.c#key=c", "form.c=v"), walk("multipart/form-data; boundary=b", body));
    assertEquals(List.of(), walk("multipart/form-data; boundary=b", "--b--\r\n"), "a form with no part");
  }

  @Test
  void aPartInACharacterSetWhoseAsciiIsNotAsciiIsRefusedAsUnreadable() {
    String utf16 = "--b\r\nContent-Disposition: form-data; name=\"q\"\r\nContent-Type: text/plain; charset=UTF-16LE\r\n\r\n"
        + "1\u0000'\u0000\r\n--b--";
    Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
        .inputInspection(InputPolicy.builder().build()).build();
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("POST").path("/upload")
        .headers(MultiValueMap.headersBuilder().add("content-type", "multipart/form-data; boundary=b").build())
        .body(Body.ofBytes(utf16.getBytes(StandardCharsets.UTF_8))).build();
    Denial refused = assertInstanceOf(Denial.class, guard.handle(request, Invocation.NONE, c -> "ok"));
    assertEquals(415, refused.status());
    assertEquals("unsupported_media_type", refused.reason().code());
    String latin1 = utf16.replace("UTF-16LE", "ISO-8859-1");
    assertEquals(List.of("form.q#key=q", "form.q=1\u0000'\u0000"), walk("multipart/form-data; boundary=b", latin1),
        "an ASCII-compatible set is read");
    String unreadFile = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n"
        + "Content-Type: image/png; charset=UTF-16LE\r\n\r\n\u0089PNG\r\n--b--";
    assertEquals(List.of("form.f#key=f", "form.f#filename=a.png"), walk("multipart/form-data; boundary=b", unreadFile),
        "a file whose content is not read may declare any set: its names are still read");
  }

  @Test
  void theBoundaryAndParametersAreReadWithoutARegularExpression() {
    assertEquals("abc", MultipartForm.boundary("multipart/form-data; boundary=abc"));
    assertEquals("a b;c", MultipartForm.boundary("multipart/form-data; charset=utf-8; BOUNDARY=\"a b;c\""));
    assertNull(MultipartForm.boundary("multipart/form-data; boundary=" + "x".repeat(71)), "RFC 2046: at most 70");
    assertNull(MultipartForm.parameter("form-data; filename=\"a\"", "name"), "filename is not name");
    assertEquals("", MultipartForm.parameter("form-data; name=\"\"", "name"));
  }

  @Test
  void anAttackInAFieldOrAFileNameIsRefusedThroughTheGuardAndTheLocationSaysWhere() {
    Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
        .inputInspection(InputPolicy.builder().build()).build();
    String traversal = DELIMITER + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"../../../../etc/passwd\""
        + "\r\nContent-Type: application/octet-stream\r\n\r\nbinary\r\n" + DELIMITER + "--\r\n";
    Outcome refused = guard.handle(post(traversal), Invocation.NONE, c -> "ok");
    assertInstanceOf(Denial.class, refused);
    assertTrue(refused.toString().contains("form.doc#filename"), refused.toString());
    assertFalse(refused.toString().contains("etc/passwd"), "the value is never echoed: " + refused);

    String sqli = FORM.replace("Quarterly report", "1' UNION SELECT password FROM users --");
    Outcome second = guard.handle(post(sqli), Invocation.NONE, c -> "ok");
    assertTrue(second.toString().contains("form.title"), second.toString());

    assertEquals("ok", ((Outcome.Handled) guard.handle(post(FORM), Invocation.NONE, c -> "ok")).response(),
        "the benign form passes, its PNG bytes included");
  }

  @Test
  void aBase64BodyAsApiGatewaySendsBinaryMediaIsReadToo() {
    String encoded = java.util.Base64.getEncoder().encodeToString(
        FORM.replace("Quarterly report", "<img src=x onerror=alert(1)>").getBytes(StandardCharsets.UTF_8));
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("POST").path("/upload")
        .headers(MultiValueMap.headersBuilder().add("content-type", TYPE).build())
        .body(Body.fromEvent(encoded, true)).build();
    Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
        .inputInspection(InputPolicy.builder().build()).build();
    assertInstanceOf(Denial.class, guard.handle(request, Invocation.NONE, c -> "ok"));
  }

  private static GuardRequest post(String body) {
    return GuardRequest.builder("apigw-http-v2").method("POST").path("/upload")
        .headers(MultiValueMap.headersBuilder().add("content-type", TYPE).build())
        .body(Body.ofBytes(body.getBytes(StandardCharsets.UTF_8))).build();
  }
}
