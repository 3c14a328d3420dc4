package io.datapilot.ingest.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingsTest {
    private static final byte[] WINDOWS_1252 = "prix;libellé\n12,5;€ crème brûlée œuf\n".getBytes(Encodings.WINDOWS_1252);
    private static final byte[] UTF8 = "prix;libellé\n12,5;€ crème\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void autoChoosesUtf8ForValidUtf8AndWindows1252Otherwise() {
        assertThat(Encodings.decide(UTF8, true, "auto").charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Encodings.decide(WINDOWS_1252, true, "auto").charset()).isEqualTo(Encodings.WINDOWS_1252);
    }

    @Test
    void rejectsWindows1252BytesDeclaredAsUtf8WithTheLineAndTheFix() {
        Encodings.Decision decision = Encodings.decide(WINDOWS_1252, true, "UTF-8");
        assertThat(decision.charset()).isNull();
        assertThat(decision.problem()).contains("is not valid UTF-8").contains("line 1").contains("encoding: windows-1252");
    }

    @Test
    void rejectsWindows1252SymbolsDeclaredAsIso88591() {
        assertThat(Encodings.decide(WINDOWS_1252, true, "ISO-8859-1").problem())
                .contains("byte 0x80 at line 2").contains("set encoding: windows-1252");
    }

    @Test
    void rejectsUtf8DeclaredAsWindows1252() {
        assertThat(Encodings.decide(UTF8, true, "windows-1252").problem()).contains("would read as \"Ã©\"");
    }

    @Test
    void acceptsAByteOrderMarkOnlyForUtf8() {
        byte[] bom = new byte[UTF8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(UTF8, 0, bom, 3, UTF8.length);
        assertThat(Encodings.decide(bom, true, "auto").charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Encodings.decide(bom, true, "windows-1252").problem()).contains("byte order mark");
    }

    @Test
    void refusesUtf16() {
        assertThat(Encodings.decide(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, true, "auto").problem()).contains("UTF-16");
    }

    @Test
    void ignoresAMultiByteCharacterCutByTheEndOfTheSample() {
        byte[] cut = new byte[UTF8.length - 1];
        System.arraycopy(UTF8, 0, cut, 0, cut.length);
        byte[] endsInsideEuro = "prix €".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = new byte[endsInsideEuro.length - 1];
        System.arraycopy(endsInsideEuro, 0, truncated, 0, truncated.length);
        assertThat(Encodings.decide(truncated, false, "UTF-8").problem()).isNull();
    }

    @Test
    void detectsTheSeparatorOutsideQuotes() {
        assertThat(CsvInspector.detectSeparator("a;b;\"c,d,e\"\n1;2;3", '"')).isEqualTo(';');
        assertThat(CsvInspector.detectSeparator("a\tb\tc", '"')).isEqualTo('\t');
        assertThat(CsvInspector.detectSeparator("seule", '"')).isEqualTo(',');
    }
}
