package dev.lambdaguard.input;

import java.util.Locale;
import java.util.Set;

/**
 * The fields of a {@code multipart/*} body (RFC 7578, RFC 2046), read in one pass without a regular expression:
 * each part's field name, its file name when it is a file, and its content when a handler or browser would use it
 * as text (every plain field, whatever type it declares; a file of JSON, XML, SVG or HTML; a nested multipart part,
 * as text; binary and plain-text files are data, not read).
 *
 * <p>It reads strictly, and anything a server framework could read differently is read whole instead: a delimiter
 * not at a line start with the body's own line ending, or not followed by transport padding and a line break or
 * {@code --}; a duplicate {@code boundary}, {@code name} or {@code filename} parameter; a duplicate
 * {@code Content-Disposition} or {@code Content-Type} header. Such a body is handed to the scanner as one text, so
 * that no field can hide between two parsers' readings of it. A part in a character set whose ASCII is not ASCII
 * (UTF-16, EBCDIC) cannot be scanned as text and makes the body unreadable.
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
  /** Character sets in which the characters attacks are made of are the ASCII bytes, so the UTF-8 reading sees them. */
  static final Set<String> ASCII_COMPATIBLE = Set.of("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1",
      "iso8859-1", "latin1", "windows-1252", "cp1252");

  /** The body can be read two ways: it is scanned whole. */
  private static final class Ambiguous extends RuntimeException {
    Ambiguous() {
      super(null, null, false, false);
    }
  }

  private MultipartForm() {}

  /**
   * Visits the fields of {@code text}, a body whose content type is {@code contentType}; false when the visitor
   * stopped the walk.
   */
  static boolean walk(String contentType, String text, InputFields.Visitor visitor) {
    try {
      return read(boundary(contentType), text, visitor);
    } catch (Ambiguous e) {
      return visitor.visit("body", text);
    }
  }

  private static boolean read(String boundary, String text, InputFields.Visitor visitor) {
    if (boundary == null) {
      throw new Ambiguous();
    }
    String delimiter = "--" + boundary;
    int first = text.startsWith(delimiter) ? 0 : text.indexOf("\n" + delimiter) + 1;
    if (first == 0 && !text.startsWith(delimiter)) {
      throw new Ambiguous();
    }
    int position = first + delimiter.length();
    if (text.startsWith("--", position)) {
      return true; // a form with no part
    }
    int firstLine = afterDelimiter(text, position);
    // The body's line ending, fixed by its first delimiter line: every later delimiter must follow the same one.
    boolean crlf = text.charAt(firstLine - 2) == '\r';
    String lineDelimiter = "\n" + delimiter;
    for (int parts = 0; ; parts++) {
      if (text.startsWith("--", position)) {
        return true; // the close delimiter; an epilogue after it is ignored, as by every parser
      }
      if (parts == MAX_PARTS) {
        return visitor.tooManyFields();
      }
      int headersStart = afterDelimiter(text, position);
      int blank = blankLine(text, headersStart);
      if (blank < 0) {
        throw new Ambiguous();
      }
      int contentStart = text.indexOf('\n', blank) + 1;
      // From the blank line's own line break: an empty part's content ends where its headers do.
      int next = nextDelimiter(text, lineDelimiter, contentStart - 1, crlf);
      int contentEnd = next < 0 ? text.length() : crlf ? next - 1 : next;
      if (!part(text.substring(headersStart, blank), text, contentStart, Math.max(contentStart, contentEnd),
          visitor)) {
        return false;
      }
      if (next < 0) {
        return true; // no close delimiter: the last part ran to the end of the body, and was read
      }
      position = next + lineDelimiter.length();
    }
  }

  /**
   * Where the line after a delimiter starts: past transport padding (spaces and tabs) and a line break. A delimiter
   * followed by anything else is not one to the strict parsers and content to others: the body is ambiguous.
   */
  private static int afterDelimiter(String text, int at) {
    int i = at;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (text.startsWith("\r\n", i)) {
      return i + 2;
    }
    if (i < text.length() && text.charAt(i) == '\n') {
      return i + 1;
    }
    throw new Ambiguous();
  }

  /**
   * The line break before the next delimiter at or after {@code from}, or -1. Any occurrence of the boundary after a
   * line break that a strict parser would not take (the other line ending, or more than padding after it) is taken
   * as a delimiter by others: the body is ambiguous.
   */
  private static int nextDelimiter(String text, String lineDelimiter, int from, boolean crlf) {
    int candidate = text.indexOf(lineDelimiter, from);
    if (candidate < 0) {
      return -1;
    }
    if (crlf && (candidate == 0 || text.charAt(candidate - 1) != '\r')) {
      throw new Ambiguous();
    }
    int end = candidate + lineDelimiter.length();
    if (!text.startsWith("--", end)) {
      afterDelimiter(text, end); // throws unless padding and a line break follow
    }
    return candidate;
  }

  /**
   * One part: its headers, and its content {@code body[contentStart, contentEnd)}, copied only when it is read (an
   * uploaded image or binary file can be most of the body).
   */
  private static boolean part(String headers, String body, int contentStart, int contentEnd,
      InputFields.Visitor visitor) {
    String disposition = null;
    String type = null;
    int start = 0;
    while (start < headers.length()) {
      int end = headers.indexOf('\n', start);
      if (end < 0) {
        end = headers.length();
      }
      String line = headers.substring(start, end).strip();
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).strip();
        if (name.equalsIgnoreCase("content-disposition")) {
          disposition = once(disposition, line.substring(colon + 1));
        } else if (name.equalsIgnoreCase("content-type")) {
          type = once(type, line.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
        }
      }
      start = end + 1;
    }
    type = type == null ? "" : type;
    // read whole before anything is visited: a name or piece given twice makes the body be read as one text
    Names names = disposition == null ? Names.NONE : Names.of(disposition);
    String filename = names.filename;
    String location = InputLocations.form(names.field);
    if (!visitNames(names.field, names.extendedField, location + InputLocations.KEY_SUFFIX, visitor)
        || !visitNames(filename, names.extendedFilename, location + InputLocations.FILENAME_SUFFIX, visitor)) {
      return false;
    }
    // A part without a file name is a field to every server framework, whatever type it declares.
    boolean read = filename == null || interpreted(type) || type.startsWith("multipart/");
    if (!read || contentStart == contentEnd) {
      return true;
    }
    // Only content that is read must be readable: an unread file may declare any charset.
    String charset = parameter(type, "charset");
    if (charset != null && !ASCII_COMPATIBLE.contains(charset.toLowerCase(Locale.ROOT))) {
      return visitor.unreadable();
    }
    return visitor.visit(location, body.substring(contentStart, contentEnd));
  }

  /** A header or parameter given twice is read as the first by some parsers and as the last by others. */
  private static String once(String seen, String value) {
    if (seen != null) {
      throw new Ambiguous();
    }
    return value;
  }

  /**
   * Visits a name of the part: its plain parameter and, when the header has one, its extended parameter
   * ({@link Names}), decoded. Returns whether to go on.
   */
  private static boolean visitNames(String plain, String extended, String location, InputFields.Visitor visitor) {
    if (plain != null && !plain.isEmpty() && !visitor.visit(location, plain)) {
      return false;
    }
    if (extended == null) {
      return true;
    }
    String decoded = ExtendedValues.decode(extended);
    if (decoded == null) {
      return visitor.unreadable();
    }
    return decoded.isEmpty() || decoded.equals(plain) || visitor.visit(location, decoded);
  }

  /**
   * The names a {@code Content-Disposition} gives, read in one pass over its parameters: {@code name} and
   * {@code filename}, and their extended forms (RFC 8187, RFC 2231): {@code filename*=UTF-8''%2e%2e%2fetc}, or
   * numbered pieces {@code filename*0*=UTF-8''%2e%2e; filename*1=%2fetc}. RFC 7578 rules those out of forms, yet
   * parsers read them and some prefer them to the plain parameter (Spring's {@code ContentDisposition} does), so a
   * name hidden there is read too. Pieces are joined in the order of their numbers (the present ones, gaps or not:
   * what any parser takes is inside), still encoded, as {@link ExtendedValues#decode} takes them; null when absent.
   * A name or piece given twice makes the body ambiguous.
   */
  private record Names(String field, String filename, String extendedField, String extendedFilename) {

    static final Names NONE = new Names(null, null, null, null);

    static Names of(String disposition) {
      String field = null;
      String filename = null;
      String[] fieldPieces = null;
      String[] filenamePieces = null;
      Parameters parameters = new Parameters(disposition);
      while (parameters.next()) {
        String name = parameters.name();
        if (name.equalsIgnoreCase("name")) {
          field = once(field, parameters.value());
        } else if (name.equalsIgnoreCase("filename")) {
          filename = once(filename, parameters.value());
        } else {
          int fieldPiece = ExtendedValues.pieceIndex(name, "name");
          int filenamePiece = fieldPiece >= 0 ? -1 : ExtendedValues.pieceIndex(name, "filename");
          if (fieldPiece >= 0) {
            fieldPieces = put(fieldPieces, fieldPiece, piece(name, fieldPiece, parameters.value()));
          } else if (filenamePiece >= 0) {
            filenamePieces = put(filenamePieces, filenamePiece, piece(name, filenamePiece, parameters.value()));
          }
        }
      }
      return new Names(field, filename, joined(fieldPieces), joined(filenamePieces));
    }

    /**
     * A piece as {@link ExtendedValues#decode} takes the joined pieces: a first piece that is not extended
     * ({@code filename*0="it's a "}, no {@code *} after the number) names no charset, so it is given an empty
     * prefix, lest its own apostrophes be read as one.
     */
    private static String piece(String name, int index, String value) {
      return index == 0 && name.charAt(name.length() - 1) != '*' ? "''" + value : value;
    }

    private static String[] put(String[] pieces, int index, String value) {
      String[] to = pieces == null ? new String[ExtendedValues.MAX_PIECES] : pieces;
      to[index] = once(to[index], value);
      return to;
    }

    private static String joined(String[] pieces) {
      if (pieces == null) {
        return null;
      }
      StringBuilder joined = new StringBuilder();
      for (String piece : pieces) {
        if (piece != null) {
          joined.append(piece);
        }
      }
      return joined.toString();
    }
  }

  /** File contents a browser or parser interprets, so that an attack in them runs: markup and JSON. */
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
   * insensitive; null when absent; a parameter given twice makes the body ambiguous. One pass, no regular
   * expression.
   */
  static String parameter(String header, String wanted) {
    String found = null;
    Parameters parameters = new Parameters(header);
    while (parameters.next()) {
      if (parameters.name().equalsIgnoreCase(wanted)) {
        found = once(found, parameters.value());
      }
    }
    return found;
  }

  /**
   * The parameters of a header value, one at a time: {@code ; name=value} or {@code ; name="quoted \" value"}.
   * One pass, no regular expression; a parameter without {@code =} is passed over.
   */
  private static final class Parameters {
    private final String header;
    private int i;
    private String name;
    private String value;

    Parameters(String header) {
      this.header = header;
      this.i = header.indexOf(';');
    }

    /** Moves to the next parameter; false when there is none. */
    boolean next() {
      while (i >= 0 && i < header.length()) {
        i++;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
          i++;
        }
        int nameStart = i;
        while (i < header.length() && header.charAt(i) != '=' && header.charAt(i) != ';') {
          i++;
        }
        String parameterName = header.substring(nameStart, i).strip();
        if (i >= header.length() || header.charAt(i) == ';') {
          continue;
        }
        i++; // '='
        StringBuilder text = new StringBuilder();
        if (i < header.length() && header.charAt(i) == '"') {
          i++;
          while (i < header.length() && header.charAt(i) != '"') {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < header.length()) {
              c = header.charAt(++i);
            }
            text.append(c);
            i++;
          }
          i = header.indexOf(';', i);
        } else {
          int end = header.indexOf(';', i);
          text.append(header.substring(i, end < 0 ? header.length() : end).strip());
          i = end;
        }
        name = parameterName;
        value = text.toString();
        return true;
      }
      return false;
    }

    String name() {
      return name;
    }

    String value() {
      return value;
    }
  }

  /** The start of the first empty line at or after {@code from}, or -1 (part headers end at one). */
  private static int blankLine(String text, int from) {
    int line = from;
    while (line < text.length()) {
      int end = text.indexOf('\n', line);
      if (end < 0 || end - from > MAX_PART_HEADERS) {
        return -1;
      }
      if (end == line || (end == line + 1 && text.charAt(line) == '\r')) {
        return line;
      }
      line = end + 1;
    }
    return -1;
  }
}
