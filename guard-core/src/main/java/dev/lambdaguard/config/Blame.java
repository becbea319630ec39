package dev.lambdaguard.config;

/**
 * The value being applied, so that a builder's refusal becomes a message naming where that value came from. One
 * try block around the whole assembly then serves every builder call: no lambda per setting, which a cold start
 * would pay for (each is a class spun at run time).
 */
final class Blame {

  private ConfigValue value;
  private String setting;

  /** Names {@code value} of {@code setting} as the one in use, and returns its text for the builder call. */
  String on(ConfigValue value, String setting) {
    this.value = value;
    this.setting = setting;
    return value.text();
  }

  /** A builder refused the value in use: the failure, naming its origin and setting. */
  ConfigurationException failure(RuntimeException cause) {
    if (value == null) {
      return new ConfigurationException("Lambda Guard configuration: " + cause.getMessage(), cause);
    }
    return ConfigurationException.of(value, setting, cause);
  }
}
