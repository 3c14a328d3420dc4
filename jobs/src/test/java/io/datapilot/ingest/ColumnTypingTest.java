package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ColumnType;
import io.datapilot.ingest.IngestPlan.ColumnRef;
import io.datapilot.ingest.TypedColumn.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One logical column, one type in every source. */
class ColumnTypingTest {

    private static Map<String, TypedColumn> source(String column, ColumnType type, Origin origin, String... formats) {
        Map<String, TypedColumn> columns = new LinkedHashMap<>();
        columns.put(column, new TypedColumn(column, type, List.of(formats), origin));
        return columns;
    }

    @Test
    void widensDetectedTypesToTheNarrowestCommonOne() {
        Map<String, Map<String, TypedColumn>> bySource = new LinkedHashMap<>();
        bySource.put("a", source("montant", ColumnType.INTEGER, Origin.DETECTED));
        bySource.put("b", source("montant", ColumnType.DOUBLE, Origin.DETECTED));
        bySource.put("c", source("jour", ColumnType.DATE, Origin.DETECTED, "d/M/yyyy"));
        bySource.put("d", source("jour", ColumnType.TIMESTAMP, Origin.DETECTED, "d/M/yyyy H:mm"));
        Map<String, Map<String, TypedColumn>> unified = ColumnTyping.unify(bySource, List.of(
                List.of(new ColumnRef("a", "montant"), new ColumnRef("b", "montant")),
                List.of(new ColumnRef("c", "jour"), new ColumnRef("d", "jour"))));
        assertThat(unified.get("a").get("montant")).isEqualTo(new TypedColumn("montant", ColumnType.DOUBLE, List.of(), Origin.UNIFIED));
        assertThat(unified.get("b").get("montant").origin()).isEqualTo(Origin.DETECTED);
        assertThat(unified.get("c").get("jour")).isEqualTo(new TypedColumn("jour", ColumnType.TIMESTAMP, List.of("d/M/yyyy"), Origin.UNIFIED));
    }

    @Test
    void aDeclaredTypeWinsOverDetection() {
        Map<String, Map<String, TypedColumn>> bySource = new LinkedHashMap<>();
        bySource.put("clients", source("id_client", ColumnType.STRING, Origin.DECLARED));
        bySource.put("lignes", source("id", ColumnType.INTEGER, Origin.DETECTED));
        Map<String, Map<String, TypedColumn>> unified = ColumnTyping.unify(bySource,
                List.of(List.of(new ColumnRef("clients", "id_client"), new ColumnRef("lignes", "id"))));
        assertThat(unified.get("lignes").get("id").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void unifiesNumbersDatesAndTextLikeADatabaseWould() {
        assertThat(ColumnType.INTEGER.unify(ColumnType.decimal(10, 2))).isEqualTo(ColumnType.decimal(21, 2));
        assertThat(ColumnType.decimal(10, 2).unify(ColumnType.decimal(8, 4))).isEqualTo(ColumnType.decimal(12, 4));
        assertThat(ColumnType.DATE.unify(ColumnType.TIMESTAMP)).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(ColumnType.BOOLEAN.unify(ColumnType.INTEGER)).isEqualTo(ColumnType.STRING);
        assertThat(ColumnType.parse("Decimal( 12 , 2 )")).isEqualTo(ColumnType.decimal(12, 2));
    }
}
