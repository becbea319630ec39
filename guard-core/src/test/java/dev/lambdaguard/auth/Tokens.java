package dev.lambdaguard.auth;

import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tokens from raw header and claims JSON, so that tests can forge every malformed shape an attacker
 * would. Signing goes through the JDK directly (nimbus's Ed25519 signer needs Tink).
 */
public final class Tokens {

  private Tokens() {}

  public static String b64(String json) {
    return b64(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A compact JWS of exactly this header and payload JSON, signed with {@code key} for {@code alg}. */
  public static String sign(String alg, JWK key, String headerJson, String payloadJson) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + b64(signature(alg, key, input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** A token with a standard header {"alg":alg,"kid":kid} (and typ when given). */
  public static String sign(String alg, JWK key, String payloadJson) {
    String header = "{\"alg\":\"" + alg + "\"" + (key.getKeyID() != null ? ",\"kid\":\"" + key.getKeyID() + "\"" : "")
        + "}";
    return sign(alg, key, header, payloadJson);
  }

  /** HMAC-signs with a raw secret. */
  public static String hmac(String alg, byte[] secret, String headerJson, String payloadJson) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + b64(mac(alg, secret, input.getBytes(StandardCharsets.US_ASCII)));
  }

  public static byte[] mac(String alg, byte[] secret, byte[] input) {
    try {
      String name = "Hmac" + "SHA" + alg.substring(2);
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(secret, name));
      return mac.doFinal(input);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] signature(String alg, JWK key, byte[] input) {
    try {
      if (alg.startsWith("RS") || alg.startsWith("PS")) {
        PrivateKey privateKey = ((RSAKey) key).toPrivateKey();
        String bits = alg.substring(2);
        Signature s;
        if (alg.startsWith("RS")) {
          s = Signature.getInstance("SHA" + bits + "withRSA");
        } else {
          s = Signature.getInstance("RSASSA-PSS");
          int len = Integer.parseInt(bits) / 8;
          s.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits), len, 1));
        }
        s.initSign(privateKey);
        s.update(input);
        return s.sign();
      }
      if (alg.startsWith("ES")) {
        ECKey ec = (ECKey) key;
        String bits = alg.equals("ES512") ? "512" : alg.substring(2);
        Signature s = Signature.getInstance("SHA" + bits + "withECDSA");
        s.initSign(ec.toPrivateKey());
        s.update(input);
        int length = alg.equals("ES256") ? 64 : alg.equals("ES384") ? 96 : 132;
        return ECDSA.transcodeSignatureToConcat(s.sign(), length);
      }
      if (alg.equals("EdDSA") || alg.equals("Ed25519")) {
        OctetKeyPair okp = (OctetKeyPair) key;
        byte[] prefix = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};
        byte[] d = okp.getDecodedD();
        byte[] pkcs8 = new byte[prefix.length + d.length];
        System.arraycopy(prefix, 0, pkcs8, 0, prefix.length);
        System.arraycopy(d, 0, pkcs8, prefix.length, d.length);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        s.update(input);
        return s.sign();
      }
      throw new IllegalArgumentException("no signer for " + alg);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
