package io.datapilot.serve;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users of the web application, from a JSON file kept outside the repository (by default
 * {@code ~/.config/datapilot/users.json}, readable by its owner only): a name, a role, a bcrypt hash
 * of the password (cost 12) and the SHA-256 of each API token. Neither a password nor a token is
 * stored in clear; a token is shown once, when it is created.
 */
public final class Users {
    public static final int COST = 12;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Compared with when the name is unknown, so that a wrong name costs as long as a wrong password; made on first need. */
    private static final class Dummy {
        static final byte[] HASH = BCrypt.withDefaults().hash(COST, "datapilot".toCharArray());
    }

    /** One user: the hash of the password, the hashes of the API tokens. */
    public record User(String name, Role role, String passwordHash, List<String> tokenHashes) {
        public User {
            tokenHashes = List.copyOf(tokenHashes);
        }
    }

    private final Map<String, User> byName;
    private final Map<String, User> byToken;

    private Users(Map<String, User> byName) {
        this.byName = Map.copyOf(byName);
        Map<String, User> tokens = new LinkedHashMap<>();
        byName.values().forEach(user -> user.tokenHashes().forEach(hash -> tokens.put(hash, user)));
        this.byToken = Map.copyOf(tokens);
    }

    public static Path defaultFile() {
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("datapilot").resolve("users.json");
    }

    /** The users of a file; none when the file does not exist (then only the public pages are open). */
    public static Users load(Path file) {
        if (!Files.exists(file)) {
            return new Users(Map.of());
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, User> users = new LinkedHashMap<>();
            for (JsonNode node : root.path("users")) {
                List<String> tokens = new ArrayList<>();
                node.path("token_sha256").forEach(token -> tokens.add(token.asText()));
                User user = new User(node.path("name").asText(), Role.parse(node.path("role").asText()),
                        node.path("password_bcrypt").asText(), tokens);
                users.put(user.name(), user);
            }
            return new Users(users);
        } catch (IOException | IllegalArgumentException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read the users file " + file + ": " + e.getMessage()
                    + ". Fix or delete it, then add the users again with datapilot serve --add-user NAME --role ROLE", e);
        }
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public int size() {
        return byName.size();
    }

    /** The user whose name and password these are, or null; takes as long for an unknown name. */
    public User authenticate(String name, String password) {
        User user = name == null ? null : byName.get(name);
        byte[] hash = user != null ? user.passwordHash().getBytes(StandardCharsets.UTF_8) : Dummy.HASH;
        boolean verified = BCrypt.verifyer().verify((password == null ? "" : password).toCharArray(), hash).verified;
        return user != null && verified ? user : null;
    }

    /** The user of an API token, or null. */
    public User byToken(String token) {
        return token == null || token.isBlank() ? null : byToken.get(sha256(token));
    }

    /**
     * Adds a user, or replaces the password and role of an existing one, and gives them a new API
     * token; writes the file (owner-only where the file system has permissions) and returns the token.
     */
    public static String addUser(Path file, String name, Role role, char[] password) {
        if (!NAME.matcher(name).matches()) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid user name '" + name
                    + "': use 1 to 64 letters, digits, dots, dashes, underscores or @");
        }
        if (password.length < 12) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid password for " + name
                    + ": it has " + password.length + " characters, at least 12 are needed (a passphrase of a few words is best)");
        }
        Users existing = load(file);
        Map<String, User> users = new LinkedHashMap<>(existing.byName);
        String token = "dp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        List<String> tokens = new ArrayList<>(users.containsKey(name) ? users.get(name).tokenHashes() : List.of());
        tokens.add(sha256(token));
        String hash = BCrypt.withDefaults().hashToString(COST, password);
        users.put(name, new User(name, role, hash, tokens));
        write(file, users);
        return token;
    }

    private static void write(Path file, Map<String, User> users) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("users");
        for (User user : users.values()) {
            ObjectNode node = array.addObject().put("name", user.name()).put("role", user.role().key())
                    .put("password_bcrypt", user.passwordHash());
            user.tokenHashes().forEach(node.putArray("token_sha256")::add);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writeValueAsString(root));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot write the users file " + file + ": " + e.getMessage()
                    + ". Check that its folder is writable, or give another file with --users", e);
        }
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
