package dev.lambdaguard.config;

/**
 * A configuration that cannot work, found while the guard is built (the init phase), never at the first request.
 * The message names the source (annotation and attribute, environment variable or file key) and the setting.
 */
public final class ConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The failure of a value from {@code origin}, with the cause's own message (which names the bad part). */
  static ConfigurationException of(ConfigValue value, String setting, RuntimeException cause) {
    return new ConfigurationException("Lambda Guard configuration: " + value.origin() + " (" + setting + "): "
        + cause.getMessage(), cause);
  }
}
