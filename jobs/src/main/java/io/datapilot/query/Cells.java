package io.datapilot.query;

import io.datapilot.core.text.Numbers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Row;

/** Values of a result row as people read them in France: 1 234,56 ; 31/12/2024 ; 31/12/2024 14:05 ; oui/non. */
public final class Cells {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private Cells() {}

    static String readable(Object value) {
        if (value == null) {
            return "∅";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Numbers.count(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return Numbers.decimal(decimal.doubleValue(), Math.max(0, decimal.scale()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? Numbers.decimal(number, number == Math.rint(number) ? 0 : 2) : String.valueOf(number);
        }
        if (value instanceof Date date) {
            return date.toLocalDate().format(DATE);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof Boolean flag) {
            return flag ? "oui" : "non";
        }
        if (value instanceof Row row) {
            return row.toString();
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return String.valueOf(scala.jdk.javaapi.CollectionConverters.asJava(seq));
        }
        String text = value.toString().replace('\n', ' ');
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }

    /** A CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break. */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof scala.collection.Seq<?> seq ? String.valueOf(scala.jdk.javaapi.CollectionConverters.asJava(seq))
                : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
