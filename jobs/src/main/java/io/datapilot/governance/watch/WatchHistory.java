package io.datapilot.governance.watch;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.Jobs;
import io.datapilot.governance.GovernanceTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the watch has seen, in the warehouse: {@code governance.watch_items} holds each item once, in the
 * partition of the run date that first read it, and {@code governance.watch_feeds} every feed's status per run
 * date. A rerun of a date replaces that date's rows, so it never duplicates an item.
 */
final class WatchHistory {
    static final String ITEMS = "watch_items";
    static final String FEEDS = "watch_feeds";
    /** Themes and keywords are lists; a table cell holds them joined with this separator. */
    static final String SEPARATOR = ";";

    private final GovernanceTables tables;
    private final Warehouse warehouse;
    private final LocalDate runDate;

    WatchHistory(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
        this.tables = new GovernanceTables(spark, warehouse, runDate);
        this.warehouse = warehouse;
        this.runDate = runDate;
    }

    /** A row of {@code governance.watch_items}. */
    record ItemRow(String feed, String id, String title, String link, String summary, Instant published, String themes,
            String keywords, LocalDate firstSeen) {
        static ItemRow of(WatchItem item) {
            return new ItemRow(item.feed(), item.id(), item.title(), item.link(), item.summary(), item.published(),
                    String.join(SEPARATOR, item.themes()), String.join(SEPARATOR, item.keywords()), item.firstSeen());
        }
    }

    /** The items with the run date that first read them, when an earlier run date did. */
    List<WatchItem> withFirstSeen(List<WatchItem> items) {
        Optional<Dataset<Row>> table = tables.read(Layer.GOVERNANCE, ITEMS);
        if (table.isEmpty() || items.isEmpty()) {
            return items;
        }
        Map<String, LocalDate> earlier = Jobs.labelled(tables.spark(), "watch", "items seen before " + runDate,
                () -> firstSeen(table.get(), items));
        return items.stream()
                .map(item -> earlier.containsKey(key(item.feed(), item.id())) ? item.withFirstSeen(earlier.get(key(item.feed(), item.id())))
                        : item)
                .toList();
    }

    private Map<String, LocalDate> firstSeen(Dataset<Row> table, List<WatchItem> items) {
        StructType schema = new StructType().add("feed", DataTypes.StringType).add("id", DataTypes.StringType);
        Dataset<Row> read = tables.spark().createDataFrame(items.stream().map(item -> RowFactory.create(item.feed(), item.id())).toList(),
                schema);
        // joined on the run's own items: what comes back to the driver is bounded by feeds × max_items_per_feed
        List<Row> seen = table.where(functions.col(DeltaIO.RUN_DATE).lt(functions.lit(Date.valueOf(runDate))))
                .join(read, new String[] {"feed", "id"}).groupBy("feed", "id").agg(functions.min(DeltaIO.RUN_DATE))
                .collectAsList();
        Map<String, LocalDate> firstSeen = new HashMap<>();
        seen.forEach(row -> firstSeen.put(key(row.getString(0), row.getString(1)), row.getDate(2).toLocalDate()));
        return firstSeen;
    }

    /**
     * Writes the run date's new items and the feeds' statuses. Only the read feeds' rows of the date are replaced: a
     * rerun during which a feed fails keeps what that feed gave the first time.
     */
    void record(List<WatchItem> items, WatchReading reading) {
        List<String> readFeeds = reading.readFeeds();
        Jobs.labelled(tables.spark(), "watch", "governance." + ITEMS + " and " + FEEDS + " for " + runDate, () -> {
            if (!readFeeds.isEmpty()) {
                List<ItemRow> rows = items.stream().filter(item -> item.isNewOn(runDate)).map(ItemRow::of).toList();
                Dataset<Row> frame = RecordRows.untagged(tables.spark(), ItemRow.class, rows, new Timestamp(System.currentTimeMillis()),
                        Date.valueOf(runDate)).coalesce(1);
                String feeds = readFeeds.stream().map(DeltaIO::quote).collect(Collectors.joining(", "));
                DeltaIO.replaceRunDate(frame, warehouse.table(Layer.GOVERNANCE, ITEMS), runDate, "feed IN (" + feeds + ")",
                        "governance." + ITEMS + " for " + runDate);
            }
            tables.write(FEEDS, FeedStatus.class, reading.statuses());
        });
    }

    /** The items first read on the run date, as the table holds them (the read feeds' and, on a rerun, the others'). */
    List<WatchItem> newItems() {
        List<Row> rows = Jobs.labelled(tables.spark(), "watch", "new items of " + runDate, () -> tables.rows(Layer.GOVERNANCE, ITEMS,
                "feed", "id", "title", "link", "summary", "published", "themes", "keywords", "first_seen"));
        return rows.stream().map(WatchHistory::item).toList();
    }

    private static WatchItem item(Row row) {
        Instant published = row.isNullAt(5) ? null : row.getTimestamp(5).toInstant();
        return new WatchItem(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4), published,
                split(row.getString(6)), split(row.getString(7)), row.getDate(8).toLocalDate());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    private static String key(String feed, String id) {
        return feed + "\u0000" + id;
    }
}
