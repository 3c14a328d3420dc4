package io.datapilot.rgpd;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.RgpdConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The secret of the keyed pseudonymisation. It never comes from the configuration file: from an
 * environment variable, from a key file outside the project folder, or, for the sample only, from a
 * demo key created in the warehouse.
 *
 * @param origin where the key came from, for messages (never the key itself)
 */
public record PseudonymisationKey(byte[] bytes, String origin, boolean demo) {
    public static final int MINIMUM_BYTES = 32;
    public static final String DEMO_KEY = "_keys/demo-pseudonymisation.key";

    /** Finds the key; throws a configuration error naming every way to provide one when there is none. */
    public static PseudonymisationKey load(RgpdConfig rgpd, String warehouse, String projectFolder, Configuration hadoop,
            Function<String, String> environment) {
        String fromEnvironment = environment.apply(rgpd.keyEnv());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return checked(decode(fromEnvironment.trim()), "environment variable " + rgpd.keyEnv(), false);
        }
        if (rgpd.keyFile() != null) {
            if (projectFolder != null && !rgpd.keyFile().contains("://")
                    && java.nio.file.Path.of(rgpd.keyFile()).toAbsolutePath().normalize()
                            .startsWith(java.nio.file.Path.of(projectFolder).toAbsolutePath().normalize())) {
                throw new DatapilotException(ErrorKind.CONFIG, "Cannot use the pseudonymisation key file " + rgpd.keyFile()
                        + ": it is inside the project folder " + projectFolder + ", where it could be committed or shipped"
                        + " with the data. Move it outside (for example ~/.datapilot/key) and set rgpd.key_file to it.");
            }
            return checked(decode(read(rgpd.keyFile(), hadoop).trim()), "key file " + rgpd.keyFile(), false);
        }
        if (rgpd.demoKey()) {
            return demo(warehouse, hadoop);
        }
        throw new DatapilotException(ErrorKind.CONFIG, "Cannot pseudonymise personal columns: no key. Set the environment"
                + " variable " + rgpd.keyEnv() + " to a secret of at least " + MINIMUM_BYTES + " bytes (for example the"
                + " output of `openssl rand -hex 32`), or set rgpd.key_file to a file outside the project folder that holds"
                + " it. Keep the key: the same key gives the same pseudonyms, so joins across runs keep working.");
    }

    private static PseudonymisationKey demo(String warehouse, Configuration hadoop) {
        Path file = new Path(warehouse + "/" + DEMO_KEY);
        try {
            FileSystem fileSystem = file.getFileSystem(hadoop);
            if (!fileSystem.exists(file)) {
                byte[] secret = new byte[MINIMUM_BYTES];
                new SecureRandom().nextBytes(secret);
                try (OutputStream out = fileSystem.create(file, false)) {
                    out.write(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
                }
            }
            return checked(decode(read(file.toString(), hadoop).trim()), "demo key " + file, true);
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot create the demo pseudonymisation key " + file + ": "
                    + e.getMessage() + ". Check that the warehouse is writable, or provide a real key.", e);
        }
    }

    private static String read(String location, Configuration hadoop) {
        Path path = new Path(location);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read the pseudonymisation key file " + location + ": "
                    + e.getMessage() + ". Check rgpd.key_file and the file's permissions.", e);
        }
    }

    /** Hexadecimal text is read as bytes; any other text as its UTF-8 bytes. */
    static byte[] decode(String text) {
        if (text.matches("(?i)[0-9a-f]+") && text.length() % 2 == 0) {
            return HexFormat.of().parseHex(text);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static PseudonymisationKey checked(byte[] bytes, String origin, boolean demo) {
        if (bytes.length < MINIMUM_BYTES) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot use the pseudonymisation key from " + origin + ": it has "
                    + bytes.length + " bytes, fewer than the " + MINIMUM_BYTES + " a keyed hash needs to resist guessing."
                    + " Generate one with `openssl rand -hex 32`.");
        }
        return new PseudonymisationKey(bytes.clone(), origin, demo);
    }

    @Override
    public String toString() {
        return "PseudonymisationKey[from " + origin + "]";
    }
}
