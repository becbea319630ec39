package dev.lambdaguard.aws.iam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The documents of the broad AWS managed policies that templates attach by name or ARN, bundled so that the
 * linter sees what they grant: {@code AdministratorAccess}, {@code PowerUserAccess}, {@code AmazonS3FullAccess},
 * {@code IAMFullAccess}, as published in the AWS Managed Policy Reference. Other managed policies are not known
 * and not linted.
 */
final class ManagedPolicies {

  static final Set<String> KNOWN = Set.of("AdministratorAccess", "PowerUserAccess", "AmazonS3FullAccess",
      "IAMFullAccess");

  private ManagedPolicies() {}

  /** The name of the managed policy {@code reference} (a name or an AWS-managed policy ARN) if known, or null. */
  static String nameOf(String reference) {
    String name = reference;
    if (reference.contains(":")) {
      if (!reference.contains(":iam::aws:policy/")) {
        return null; // a customer-managed policy: its document is elsewhere
      }
      name = reference.substring(reference.lastIndexOf('/') + 1);
    }
    return KNOWN.contains(name) ? name : null;
  }

  /** The document of the known managed policy {@code name}. */
  static JsonNode document(String name) {
    return TemplateReader.read(documentText(name));
  }

  /** The bundled text of the known managed policy {@code name}, as AWS publishes it. */
  static String documentText(String name) {
    try (InputStream in = ManagedPolicies.class.getResourceAsStream("managed/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("managed policy not bundled: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("managed policy unreadable: " + name, e);
    }
  }
}
