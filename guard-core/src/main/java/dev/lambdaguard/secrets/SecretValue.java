package dev.lambdaguard.secrets;

import java.util.Arrays;

/**
 * A secret as a provider returned it: text, or bytes for a binary secret, and the version it is.
 * {@link #toString()} never shows the value.
 *
 * @param text the secret string, or null for a binary secret
 * @param binary the decoded bytes of a binary secret, or null
 * @param versionId the provider's version id, or null
 */
public record SecretValue(String text, byte[] binary, String versionId) {

  public SecretValue {
    if ((text == null) == (binary == null)) {
      throw new IllegalArgumentException("a secret value is either text or binary");
    }
    binary = binary == null ? null : binary.clone();
  }

  public static SecretValue text(String text, String versionId) {
    return new SecretValue(text, null, versionId);
  }

  public static SecretValue binary(byte[] bytes, String versionId) {
    return new SecretValue(null, bytes, versionId);
  }

  @Override
  public byte[] binary() {
    return binary == null ? null : binary.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue v && java.util.Objects.equals(text, v.text) && Arrays.equals(binary, v.binary)
        && java.util.Objects.equals(versionId, v.versionId);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(text, Arrays.hashCode(binary), versionId);
  }

  @Override
  public String toString() {
    return "SecretValue[version=" + versionId + "]";
  }
}
