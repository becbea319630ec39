package dev.lambdaguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Credentials planted in an environment are found at init and named, never shown. */
class CredentialCheckTest {

  // Built at run time from parts, so that no credential-shaped literal sits in the repository.
  static final String LONG_TERM_KEY = "AKIA" + "IOSFODNN7" + "EXAMPLE";
  static final String TEMPORARY_KEY = "ASIA" + "IOSFODNN7" + "EXAMPLE";
  static final String PEM = "-----BEGIN " + "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END " + "PRIVATE KEY-----";
  static final String TOKEN = "tok_" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "Zq9xR2vL";

  static Map<String, String> planted() {
    Map<String, String> env = new HashMap<>();
    env.put("LEGACY_AWS_KEY", LONG_TERM_KEY);
    env.put("SIGNING_KEY_PEM", PEM);
    env.put("DATABASE_URL", "postgres://app:" + "hunter2pw" + "@db.internal:5432/orders");
    env.put("JDBC", "Server=db;User Id=app;Password=" + "hunter2pw" + ";");
    env.put("PARTNER_API_TOKEN", TOKEN);
    // Not findings: Lambda's own role credentials, references to secrets, ordinary settings.
    env.put("AWS_ACCESS_KEY_ID", TEMPORARY_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
    env.put("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ");
    env.put("DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf");
    env.put("DB_PASSWORD_SECRET", "prod/orders-db_credentials#password"); // a name#field reference, as @Secret takes
    env.put("TOKEN_AUDIENCE", "orders-api");
    env.put("LOG_LEVEL", "INFO");
    return env;
  }

  @Test
  void plantedCredentialsAreFoundByKindAndLambdasOwnRoleCredentialsAreNot() {
    List<CredentialCheck.Finding> findings = CredentialCheck.scan(planted());
    assertEquals(List.of(
        new CredentialCheck.Finding("DATABASE_URL", "password_in_connection_string"),
        new CredentialCheck.Finding("JDBC", "password_in_connection_string"),
        new CredentialCheck.Finding("LEGACY_AWS_KEY", "aws_long_term_access_key"),
        new CredentialCheck.Finding("PARTNER_API_TOKEN", "secret_in_environment"),
        new CredentialCheck.Finding("SIGNING_KEY_PEM", "pem_private_key")), findings);
  }

  @Test
  void aNameAndFieldReferenceIsNotASecretButAGeneratedTokenWithAHashStillIs() {
    assertEquals(List.of(), CredentialCheck.scan(Map.of("SIGNING_SECRET", "prod/jwt/signing-keys#hmacKey")));
    assertEquals(List.of(new CredentialCheck.Finding("SIGNING_SECRET", "secret_in_environment")),
        CredentialCheck.scan(Map.of("SIGNING_SECRET", "kX9#q2Lm!vR7pZ4w%tY8")), "not a name: ! and %");
    assertEquals(List.of(new CredentialCheck.Finding("SIGNING_SECRET", "secret_in_environment")),
        CredentialCheck.scan(Map.of("SIGNING_SECRET", "kX9q2Lm#vR7pZ4w#tY8aB")), "two #: not name#field");
    assertEquals(List.of(new CredentialCheck.Finding("SIGNING_SECRET", "secret_in_environment")),
        CredentialCheck.scan(Map.of("SIGNING_SECRET", "Tr0ub4dorXkQ9Lm2#Vz7")),
        "a generated password with one #: its 'name' mixes upper, lower and digits");
    assertEquals(List.of(new CredentialCheck.Finding("SIGNING_SECRET", "secret_in_environment")),
        CredentialCheck.scan(Map.of("SIGNING_SECRET", "trqbxkqwlmzpfvn#9Vz7kQ")), "the field must start with a letter");
    assertEquals(List.of(), CredentialCheck.scan(Map.of("DB_PASSWORD_SECRET", "Prod/Orders-DB#password")),
        "a name in capitals is still a name");
  }

  @Test
  void aLongTermKeyInTheStandardVariableIsAFindingToo() {
    assertEquals(List.of(new CredentialCheck.Finding("AWS_ACCESS_KEY_ID", "aws_long_term_access_key")),
        CredentialCheck.scan(Map.of("AWS_ACCESS_KEY_ID", LONG_TERM_KEY, "AWS_SESSION_TOKEN", "x")));
  }

  @Test
  void longTermAwsKeysAndPrivateKeysAreHighSeverityTheRestMedium() {
    Map<String, String> env = new HashMap<>(planted());
    env.remove("AWS_SESSION_TOKEN"); // no role credentials: the standard variables are a user's keys
    env.put("AWS_ACCESS_KEY_ID", LONG_TERM_KEY);
    List<String> severities = CredentialCheck.scan(env).stream()
        .map(f -> f.variable() + " " + f.kind() + " " + f.severity()).toList();
    assertEquals(List.of(
        "AWS_ACCESS_KEY_ID aws_long_term_access_key high",
        "AWS_SECRET_ACCESS_KEY aws_secret_access_key high",
        "DATABASE_URL password_in_connection_string medium",
        "JDBC password_in_connection_string medium",
        "LEGACY_AWS_KEY aws_long_term_access_key high",
        "PARTNER_API_TOKEN secret_in_environment medium",
        "SIGNING_KEY_PEM pem_private_key high"), severities);
  }

  /** A child JVM with a crafted environment builds a guard; its output names the variables, never the values. */
  @Test
  void aGuardReportsPlantedCredentialsAtInitInAChildJvm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        GuardInit.class.getName()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(planted());
    Process process = builder.start();
    String output;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = String.join("\n", out.lines().toList());
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    for (String variable : List.of("LEGACY_AWS_KEY", "SIGNING_KEY_PEM", "DATABASE_URL", "JDBC", "PARTNER_API_TOKEN")) {
      assertTrue(output.contains("\"event_type\":\"config_warning\"") && output.contains("\"variable\":\"" + variable + "\""),
          "no warning for " + variable + " in: " + output);
    }
    assertEquals(5, output.lines().filter(l -> l.contains("\"config_warning\"")).count());
    assertTrue(output.lines().anyMatch(l -> l.contains("\"variable\":\"LEGACY_AWS_KEY\"")
        && l.contains("\"severity\":\"high\"")), output);
    for (String value : List.of(LONG_TERM_KEY, "MIIEvQIBADANBgkq", "hunter2pw", TOKEN)) {
      assertFalse(output.contains(value), "a planted value was written");
    }
  }

  /** The child: builds a guard with the default stdout sink and the process environment. */
  public static final class GuardInit {
    public static void main(String[] args) {
      Guard.builder().build();
    }
  }
}
