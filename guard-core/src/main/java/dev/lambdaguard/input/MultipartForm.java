package dev.lambdaguard.input;

import java.util.Locale;

/**
 * The fields of a {@code multipart/form-data} body (RFC 7578), read in one pass without a regular expression: each
 * part's field name, its file name when it is a file, and its content when that is text a handler might use (a plain
 * field, or a file of JSON, XML, SVG or HTML; binary files are not read). A body that is not well-formed multipart
 * is handed over whole, as text, so that nothing escapes the scan by being malformed.
 */
final class MultipartForm {

  /** RFC 2046: a boundary is 1 to 70 characters. */
  static final int MAX_BOUNDARY = 70;
  /** Part headers longer than this are not headers a browser writes: the body is read as text instead. */
  static final int MAX_PART_HEADERS = 8192;
  /**
   * The most parts a body may have (a form of a thousand fields is already far beyond any browser form): each costs
   * a few hundred nanoseconds of bookkeeping, so a body of tiny parts would cost several times its scan. A body with
   * more is refused as too large to inspect, as a body over the scan budget is.
   */
  static final int MAX_PARTS = 1000;

  private MultipartForm() {}

  /**
   * Visits the fields of {@code text}, a body whose content type is {@code contentType}; false when the visitor
   * stopped the walk.
   */
  static boolean walk(String contentType, String text, InputFields.Visitor visitor) {
    String boundary = boundary(contentType);
    if (boundary == null) {
      return visitor.visit("body", text);
    }
    String delimiter = "--" + boundary;
    String lineAndDelimiter = "\n" + delimiter;
    int at = text.startsWith(delimiter) ? 0 : text.indexOf(lineAndDelimiter);
    if (at < 0) {
      return visitor.visit("body", text);
    }
    int position = at == 0 ? delimiter.length() : at + 1 + delimiter.length();
    for (int parts = 0; ; parts++) {
      if (text.startsWith("--", position)) {
        return true; // the close delimiter; an epilogue after it is ignored, as by every parser
      }
      int headersStart = lineEnd(text, position);
      int blank = blankLine(text, headersStart);
      if (parts == MAX_PARTS) {
        return visitor.tooManyFields();
      }
      if (headersStart < 0 || blank < 0) {
        return visitor.visit("body", text.substring(position));
      }
      int contentStart = lineEnd(text, blank);
      int next = text.indexOf(lineAndDelimiter, contentStart);
      int contentEnd = next < 0 ? text.length() : next > contentStart && text.charAt(next - 1) == '\r' ? next - 1 : next;
      if (!part(text.substring(headersStart, blank), text.substring(contentStart, Math.max(contentStart, contentEnd)),
          visitor)) {
        return false;
      }
      if (next < 0) {
        return true; // no close delimiter: the last part ran to the end of the body, and was read
      }
      position = next + 1 + delimiter.length();
    }
  }

  private static boolean part(String headers, String content, InputFields.Visitor visitor) {
    String disposition = null;
    String type = "";
    int start = 0;
    while (start < headers.length()) {
      int end = headers.indexOf('\n', start);
      if (end < 0) {
        end = headers.length();
      }
      String line = headers.substring(start, end).strip();
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (name.equals("content-disposition")) {
          disposition = line.substring(colon + 1);
        } else if (name.equals("content-type")) {
          type = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        }
      }
      start = end + 1;
    }
    String field = disposition == null ? null : parameter(disposition, "name");
    String filename = disposition == null ? null : parameter(disposition, "filename");
    String location = InputLocations.form(field);
    if (field != null && !field.isEmpty() && !visitor.visit(location + InputLocations.KEY_SUFFIX, field)) {
      return false;
    }
    if (filename != null && !filename.isEmpty() && !visitor.visit(location + InputLocations.FILENAME_SUFFIX, filename)) {
      return false;
    }
    boolean read = filename == null ? type.isEmpty() || type.startsWith("text/") || interpreted(type) : interpreted(type);
    return !read || content.isEmpty() || visitor.visit(location, content);
  }

  /**
   * Content a browser or a parser interprets, so that an attack in it runs: markup (HTML, XML, SVG) and JSON. A
   * plain field is also read as text when it declares no type or a text one; an uploaded text or binary file is
   * data, not read.
   */
  private static boolean interpreted(String type) {
    return type.contains("json") || type.contains("xml") || type.contains("html");
  }

  /** The boundary parameter of a multipart content type, unquoted; null when absent or not a valid boundary. */
  static String boundary(String contentType) {
    String value = parameter(contentType, "boundary");
    return value == null || value.isEmpty() || value.length() > MAX_BOUNDARY ? null : value;
  }

  /**
   * A parameter of a header value ({@code ; name=value} or {@code ; name="quoted \" value"}); names are case
   * insensitive; null when absent. One pass, no regular expression.
   */
  static String parameter(String header, String wanted) {
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      i++;
      while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
        i++;
      }
      int nameStart = i;
      while (i < header.length() && header.charAt(i) != '=' && header.charAt(i) != ';') {
        i++;
      }
      String name = header.substring(nameStart, i).strip();
      if (i >= header.length() || header.charAt(i) == ';') {
        continue;
      }
      i++; // '='
      StringBuilder value = new StringBuilder();
      if (i < header.length() && header.charAt(i) == '"') {
        i++;
        while (i < header.length() && header.charAt(i) != '"') {
          char c = header.charAt(i);
          if (c == '\\' && i + 1 < header.length()) {
            c = header.charAt(++i);
          }
          value.append(c);
          i++;
        }
        i = header.indexOf(';', i);
      } else {
        int end = header.indexOf(';', i);
        value.append(header.substring(i, end < 0 ? header.length() : end).strip());
        i = end;
      }
      if (name.equalsIgnoreCase(wanted)) {
        return value.toString();
      }
    }
    return null;
  }

  /** The index after the line break that ends the line holding {@code from}, or -1. */
  private static int lineEnd(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? -1 : newline + 1;
  }

  /** The start of the first empty line at or after {@code from}, or -1 (part headers end at one). */
  private static int blankLine(String text, int from) {
    if (from < 0) {
      return -1;
    }
    int line = from;
    while (line < text.length()) {
      int end = text.indexOf('\n', line);
      if (end < 0) {
        return -1;
      }
      if (end == line || (end == line + 1 && text.charAt(line) == '\r')) {
        return line;
      }
      if (end - from > MAX_PART_HEADERS) {
        return -1;
      }
      line = end + 1;
    }
    return -1;
  }
}
