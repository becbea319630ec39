package dev.lambdaguard.config;

import dev.lambdaguard.secrets.SecretProvider;
import java.util.Map;

/**
 * Makes the secret provider that configuration names ({@code secrets.provider}); found through
 * {@link java.util.ServiceLoader}, so that guard-aws brings the AWS ones (Parameters and Secrets extension, Secrets
 * Manager, SSM) without guard-core knowing AWS. Looked up only when a setting needs a secret.
 */
public interface SecretProviderFactory extends Plugins.Named {

  /** The name configuration uses: {@code extension}, {@code secretsmanager}, {@code ssm}. */
  String name();

  /** A provider for this environment; nothing is fetched yet. */
  SecretProvider create(Map<String, String> environment);
}
