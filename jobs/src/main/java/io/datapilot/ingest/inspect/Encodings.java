package io.datapilot.ingest.inspect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides and checks the encoding of a text file from its first bytes.
 *
 * <p>French exports are often windows-1252 ({@code €} and {@code œ} are not in ISO-8859-1), and a
 * wrong guess does not fail: it silently writes {@code Ã©} for {@code é}. So a declared encoding is
 * checked against the bytes, and {@code auto} picks UTF-8 when the bytes are valid UTF-8, else
 * windows-1252.
 */
final class Encodings {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Encodings() {}

    /** The encoding to read with, or a problem message. */
    record Decision(Charset charset, String problem) {}

    static Decision decide(byte[] head, boolean complete, String declared) {
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return new Decision(null, "is UTF-16 encoded, which is not supported; export it again as UTF-8"
                    + " (or windows-1252).");
        }
        boolean bom = startsWith(head, UTF8_BOM);
        Optional<Integer> utf8Error = firstMalformed(head, complete, StandardCharsets.UTF_8);
        if ("auto".equalsIgnoreCase(declared)) {
            return new Decision(bom || utf8Error.isEmpty() ? StandardCharsets.UTF_8 : WINDOWS_1252, null);
        }
        Charset charset = Charset.forName(declared);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8Error
                    .map(offset -> new Decision(null, "is not valid UTF-8: byte 0x"
                            + hex(head[offset]) + " at line " + lineAt(head, offset)
                            + " cannot be decoded. It looks like windows-1252: set encoding: windows-1252 (or auto)."))
                    .orElse(new Decision(charset, null));
        }
        if (bom) {
            return new Decision(null, "starts with a UTF-8 byte order mark but encoding is " + declared
                    + "; set encoding: UTF-8 (or auto).");
        }
        if (utf8Error.isEmpty() && hasNonAscii(head)) {
            return new Decision(null, "is valid UTF-8 with accented letters, but encoding is " + declared
                    + ": \"é\" would read as \"Ã©\". Set encoding: UTF-8 (or auto).");
        }
        if (charset.name().equals("ISO-8859-1")) {
            for (int i = 0; i < head.length; i++) {
                int value = head[i] & 0xFF;
                if (value >= 0x80 && value <= 0x9F) {
                    return new Decision(null, "has byte 0x" + hex(head[i]) + " at line " + lineAt(head, i)
                            + ", a control character in ISO-8859-1 (in windows-1252 it is a letter or"
                            + " symbol such as € or œ); set encoding: windows-1252.");
                }
            }
        }
        return firstMalformed(head, complete, charset)
                .map(offset -> new Decision(null, "cannot be decoded as " + declared + ": byte 0x"
                        + hex(head[offset]) + " at line " + lineAt(head, offset)
                        + " is not a character of that encoding; check the encoding of the export."))
                .orElse(new Decision(charset, null));
    }

    static boolean startsWithBom(byte[] head) {
        return startsWith(head, UTF8_BOM);
    }

    /** Offset of the first byte that does not decode, ignoring a sequence cut by the end of the sample. */
    private static Optional<Integer> firstMalformed(byte[] bytes, boolean complete, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(input, output, complete);
            if (result.isError()) {
                if (!complete && bytes.length - input.position() < 4 && result.isMalformed()) {
                    return Optional.empty();
                }
                return Optional.of(input.position());
            }
            if (result.isUnderflow()) {
                return Optional.empty();
            }
            output.clear();
        }
    }

    static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        int start = charset.equals(StandardCharsets.UTF_8) && startsWithBom(bytes) ? 3 : 0;
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "%02X", b & 0xFF);
    }
}
