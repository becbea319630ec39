package dev.lambdaguard.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A version string ordered as Maven orders versions, so that an advisory range means here what it means to the
 * enforcer in the build: numbers compare as numbers ({@code 2.10 > 2.9}), missing parts count as zero
 * ({@code 2.0 == 2.0.0}), and qualifiers sort {@code alpha < beta < milestone < rc < snapshot < release < sp}, with
 * any other word after {@code sp} (compared as text); {@code ga}, {@code final} and {@code release} are the
 * release itself ({@code 5.2.20.RELEASE == 5.2.20}); a single {@code a}, {@code b} or {@code m} directly before a
 * number is alpha, beta or milestone ({@code 1.0b2}). A {@code -} starts a nested part, so {@code 1.0-1} follows
 * {@code 1.0} but precedes {@code 1.0.1}. Immutable; equality is Maven's ({@code compareTo == 0}).
 */
public final class MavenVersion implements Comparable<MavenVersion> {

  /** Longer strings are refused: a version from jar metadata is never that long, and parsing stays bounded. */
  static final int MAX_LENGTH = 128;

  private final String text;
  private final Part.Items items;

  private MavenVersion(String text, Part.Items items) {
    this.text = text;
    this.items = items;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is empty, longer than {@value #MAX_LENGTH} characters or holds a
   *     character other than letters, digits, {@code .}, {@code -}, {@code _} and {@code +}
   */
  public static MavenVersion parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a version: empty or longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != '_' && c != '+') {
        throw new IllegalArgumentException("not a version: character at " + i);
      }
    }
    return new MavenVersion(text, Part.parse(text.toLowerCase(Locale.ROOT)));
  }

  /** The version as written. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public int compareTo(MavenVersion other) {
    return items.compareTo(other.items);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MavenVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return items.toString().hashCode();
  }

  /** The parts of a version: a number, a word, or a nested list (what follows a {@code -}). */
  private sealed interface Part permits Part.Number, Part.Word, Part.Items {

    int NUMBER = 0;
    int WORD = 1;
    int LIST = 2;

    int kind();

    /** Whether this part equals an absent one (0, a release qualifier, an empty list): trailing ones are dropped. */
    boolean isNull();

    /** Compares with another part, or with an absent one when {@code other} is null. */
    int compareTo(Part other);

    record Number(BigInteger value) implements Part {
      static final Number ZERO = new Number(BigInteger.ZERO);

      @Override
      public int kind() {
        return NUMBER;
      }

      @Override
      public boolean isNull() {
        return value.signum() == 0;
      }

      @Override
      public int compareTo(Part other) {
        if (other == null) {
          return value.signum();
        }
        return other instanceof Number n ? value.compareTo(n.value) : 1; // a number follows a word or a list
      }

      @Override
      public String toString() {
        return value.toString();
      }
    }

    record Word(String value) implements Part {
      private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
      private static final String RELEASE_RANK = String.valueOf(QUALIFIERS.indexOf(""));

      static Word of(String text, boolean followedByDigit) {
        if (followedByDigit && text.length() == 1) {
          switch (text.charAt(0)) {
            case 'a' -> text = "alpha";
            case 'b' -> text = "beta";
            case 'm' -> text = "milestone";
            default -> { }
          }
        }
        return new Word(switch (text) {
          case "ga", "final", "release" -> "";
          case "cr" -> "rc";
          default -> text;
        });
      }

      /** A sortable key: the rank of a known qualifier, or past {@code sp} for any other word. */
      private static String rank(String value) {
        int i = QUALIFIERS.indexOf(value);
        return i >= 0 ? String.valueOf(i) : QUALIFIERS.size() + "-" + value;
      }

      @Override
      public int kind() {
        return WORD;
      }

      @Override
      public boolean isNull() {
        return value.isEmpty();
      }

      @Override
      public int compareTo(Part other) {
        if (other == null) {
          return rank(value).compareTo(RELEASE_RANK);
        }
        if (other instanceof Word w) {
          return rank(value).compareTo(rank(w.value));
        }
        return -1; // a word precedes a number and a list
      }

      @Override
      public String toString() {
        return value;
      }
    }

    final class Items implements Part {
      private final List<Part> parts = new ArrayList<>();

      @Override
      public int kind() {
        return LIST;
      }

      @Override
      public boolean isNull() {
        return parts.isEmpty();
      }

      @Override
      public int compareTo(Part other) {
        if (other == null) {
          return parts.isEmpty() ? 0 : parts.get(0).compareTo(null);
        }
        if (other instanceof Number) {
          return -1;
        }
        if (other instanceof Word) {
          return 1;
        }
        List<Part> theirs = ((Items) other).parts;
        for (int i = 0; i < Math.max(parts.size(), theirs.size()); i++) {
          Part mine = i < parts.size() ? parts.get(i) : null;
          Part their = i < theirs.size() ? theirs.get(i) : null;
          int c = mine == null ? -their.compareTo(null) : mine.compareTo(their);
          if (c != 0) {
            return c;
          }
        }
        return 0;
      }

      /** Drops trailing absent parts ({@code 1.0.0 == 1}), but not past a word ({@code 1.0-rc} keeps its 0s). */
      void normalize() {
        for (int i = parts.size() - 1; i >= 0; i--) {
          Part last = parts.get(i);
          if (last.isNull()) {
            parts.remove(i);
          } else if (!(last instanceof Items)) {
            break;
          }
        }
      }

      @Override
      public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (Part p : parts) {
          sb.append(p.kind()).append(':').append(p).append(',');
        }
        return sb.append(']').toString();
      }

      static Items parse(String version) {
        Items root = new Items();
        Items list = root;
        List<Items> opened = new ArrayList<>();
        opened.add(root);
        boolean digits = false;
        int start = 0;
        for (int i = 0; i < version.length(); i++) {
          char c = version.charAt(i);
          if (c == '.' || c == '-') {
            list.parts.add(i == start ? Number.ZERO : item(digits, version.substring(start, i)));
            start = i + 1;
            if (c != '.') {
              list = open(list, opened);
            }
          } else if (c >= '0' && c <= '9') {
            if (!digits && i > start) {
              list.parts.add(Word.of(version.substring(start, i), true));
              start = i;
              list = open(list, opened);
            }
            digits = true;
          } else {
            if (digits && i > start) {
              list.parts.add(item(true, version.substring(start, i)));
              start = i;
              list = open(list, opened);
            }
            digits = false;
          }
        }
        if (version.length() > start) {
          list.parts.add(item(digits, version.substring(start)));
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
          opened.get(i).normalize();
        }
        return root;
      }

      private static Items open(Items list, List<Items> opened) {
        Items nested = new Items();
        list.parts.add(nested);
        opened.add(nested);
        return nested;
      }

      private static Part item(boolean digits, String text) {
        return digits ? new Number(new BigInteger(text)) : Word.of(text, false);
      }
    }

    static Items parse(String version) {
      return Items.parse(version);
    }
  }
}
