package io.datapilot.rgpd;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.config.TreatmentConfig.Treatment;
import io.datapilot.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymisationTest {
    private static final RgpdConfig DEFAULTS = new RgpdConfig(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    @Test
    void computesHmacSha256AsRfc4231Says() throws Exception {
        // RFC 4231 test case 6: a 131-byte key of 0xaa
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        Pseudonymiser pseudonymiser = new Pseudonymiser(new PseudonymisationKey(key, "test", false));
        assertThat(pseudonymiser.call("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(pseudonymiser.call(null)).isNull();
    }

    @Test
    void findsTheKeyInTheEnvironmentFirstAndRefusesShortOrMissingKeys(@TempDir Path warehouse) {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        PseudonymisationKey fromEnvironment = PseudonymisationKey.load(DEFAULTS, warehouse.toString(), null, new Configuration(),
                Map.of(RgpdConfig.DEFAULT_KEY_ENV, hex)::get);
        assertThat(fromEnvironment.bytes()).isEqualTo(HexFormat.of().parseHex(hex));
        assertThat(fromEnvironment.toString()).doesNotContain(hex);
        assertThatThrownBy(() -> PseudonymisationKey.load(DEFAULTS, warehouse.toString(), null, new Configuration(),
                Map.of(RgpdConfig.DEFAULT_KEY_ENV, "court")::get))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("it has 5 bytes, fewer than the 32");
        assertThatThrownBy(() -> PseudonymisationKey.load(DEFAULTS, warehouse.toString(), null, new Configuration(), name -> null))
                .isInstanceOf(DatapilotException.class)
                .hasMessageContaining("Cannot pseudonymise personal columns: no key")
                .hasMessageContaining("DATAPILOT_PSEUDONYMISATION_KEY").hasMessageContaining("rgpd.key_file");
    }

    @Test
    void refusesAKeyFileInsideTheProjectAndCreatesADemoKeyOnce(@TempDir Path project, @TempDir Path warehouse) throws Exception {
        Path inside = project.resolve("secret.key");
        Files.writeString(inside, "x".repeat(40));
        RgpdConfig withFile = new RgpdConfig(null, null, null, null, null, null, null, null, null, null, null,
                inside.toString(), null, null, null, null, null);
        assertThatThrownBy(() -> PseudonymisationKey.load(withFile, warehouse.toString(), project.toString(), new Configuration(),
                name -> null)).hasMessageContaining("inside the project folder");
        RgpdConfig demo = new RgpdConfig(null, null, null, null, null, null, null, null, null, null, null, null, true, null, null, null, null);
        PseudonymisationKey first = PseudonymisationKey.load(demo, warehouse.toString(), project.toString(), new Configuration(), name -> null);
        PseudonymisationKey second = PseudonymisationKey.load(demo, warehouse.toString(), project.toString(), new Configuration(), name -> null);
        assertThat(first.demo()).isTrue();
        assertThat(first.bytes()).hasSize(32).isEqualTo(second.bytes());
        assertThat(Files.exists(warehouse.resolve(PseudonymisationKey.DEMO_KEY))).isTrue();
    }

    @Test
    void treatsValuesInSpark() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        UserDefinedFunction pseudonymise = Treatments.pseudonymiser(new PseudonymisationKey(key, "test", false));
        Dataset<Row> rows = TestSpark.session().createDataset(List.of("camille.martin@example.com", "06 39 98 12 34", "20090",
                "20620", "97411", "06000"), Encoders.STRING()).toDF("v");
        List<Row> treated = rows.select(
                Treatments.value(col("v"), DataTypes.StringType, treatment(Treatment.PSEUDONYMISE, PersonalCategory.EMAIL, null), pseudonymise, null),
                Treatments.value(col("v"), DataTypes.StringType, treatment(Treatment.MASK, PersonalCategory.EMAIL, null), pseudonymise, null),
                Treatments.value(col("v"), DataTypes.StringType, treatment(Treatment.MASK, PersonalCategory.PHONE, null), pseudonymise, null),
                Treatments.value(col("v"), DataTypes.StringType, treatment(Treatment.GENERALISE, PersonalCategory.POSTCODE, "departement"), pseudonymise, null))
                .collectAsList();
        assertThat(treated.get(0).getString(0)).matches("[0-9a-f]{64}");
        assertThat(treated.get(0).getString(0)).isEqualTo(rows.select(pseudonymise.apply(col("v"))).first().getString(0));
        assertThat(treated.get(0).getString(1)).isEqualTo("c***@example.com");
        assertThat(treated.get(1).getString(2)).isEqualTo("** ** ** ** 34");
        assertThat(treated).extracting(row -> row.getString(3)).containsExactly("ca", "06", "2A", "2B", "974", "06");

        Dataset<Row> births = TestSpark.session().sql("SELECT DATE'1985-06-15' AS d UNION ALL SELECT DATE'2000-01-07'");
        List<Row> generalised = births.select(
                Treatments.value(col("d"), DataTypes.DateType, treatment(Treatment.GENERALISE, PersonalCategory.BIRTH_DATE, "year"), null, null),
                Treatments.value(col("d"), DataTypes.DateType, treatment(Treatment.GENERALISE, PersonalCategory.BIRTH_DATE, "age_band"), null,
                        LocalDate.of(2025, 1, 6))).collectAsList();
        assertThat(generalised).extracting(row -> row.get(0), row -> row.get(1))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1985, "30-39"), org.assertj.core.groups.Tuple.tuple(2000, "20-29"));
    }

    private static ColumnTreatment treatment(Treatment treatment, PersonalCategory category, String to) {
        return new ColumnTreatment("s", "c", category, 1, treatment, to, null, "config");
    }
}
