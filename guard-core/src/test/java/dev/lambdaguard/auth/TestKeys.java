package dev.lambdaguard.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;

/** Keys generated at test time; nothing secret is ever committed. */
public final class TestKeys {

  private TestKeys() {}

  public static RSAKey rsa(String kid, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey ec(String kid, Curve curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve.getStdName()));
      KeyPair pair = generator.generateKeyPair();
      return new ECKey.Builder(curve, (ECPublicKey) pair.getPublic()).privateKey((ECPrivateKey) pair.getPrivate())
          .keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Ed25519 key made by the JDK (nimbus's own generator needs Tink). */
  public static OctetKeyPair ed25519(String kid) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] x509 = pair.getPublic().getEncoded();
      byte[] pkcs8 = pair.getPrivate().getEncoded();
      byte[] x = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      byte[] d = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
      return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).keyID(kid)
          .keyUse(KeyUse.SIGNATURE).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWK set JSON of these keys. */
  public static String publicJwks(JWK... keys) {
    return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
  }
}
