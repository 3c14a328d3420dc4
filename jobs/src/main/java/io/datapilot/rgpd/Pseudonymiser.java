package io.datapilot.rgpd;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.api.java.UDF1;

/**
 * HMAC-SHA-256 of a text with the project's key, as 64 hexadecimal characters.
 *
 * <p>A Spark function object rather than an expression built from {@code sha2}: the key then travels
 * inside the serialised task, never in the text of a query plan that the Spark UI or logs show.
 */
public final class Pseudonymiser implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final byte[] key;
    private transient Mac mac;

    public Pseudonymiser(PseudonymisationKey key) {
        this.key = key.bytes();
    }

    @Override
    public String call(String value) throws GeneralSecurityException {
        if (value == null) {
            return null;
        }
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        }
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "Pseudonymiser";
    }
}
