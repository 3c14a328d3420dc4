package io.datapilot.ingest;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.ColumnConfig;
import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.text.Names;
import io.datapilot.ingest.inspect.SourceInspection;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.util.List;
import java.util.Optional;

/** The columns of one source as they will be written: original name, final name, declared settings. */
public record SourcePlan(SourceInspection inspection, List<PlannedColumn> columns) {

    public SourcePlan {
        requireNonNull(inspection, "inspection is null");
        columns = List.copyOf(columns);
    }

    /**
     * One column of a source.
     *
     * @param declared what the configuration says of it (null when nothing)
     */
    public record PlannedColumn(OriginalColumn original, String name, int position, ColumnConfig declared) {

        public Optional<ColumnType> declaredType() {
            return declared == null || declared.type() == null ? Optional.empty()
                    : Optional.of(ColumnType.parse(declared.type()));
        }

        public List<String> declaredFormats() {
            return declared == null ? List.of() : declared.formats();
        }

        /** The name the column gets when the configuration does not rename it. */
        public String normalisedName() {
            return normalisedPath(original.path());
        }
    }

    public SourceConfig source() {
        return inspection.source();
    }

    public String name() {
        return inspection.name();
    }

    /** The column a configuration reference names: its final, normalised or original name. */
    public Optional<PlannedColumn> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        for (PlannedColumn column : columns) {
            if (column.name().equals(reference)) {
                return Optional.of(column);
            }
        }
        return columns.stream()
                .filter(column -> column.original().display().equals(reference) || column.normalisedName().equals(reference))
                .findFirst();
    }

    public List<String> names() {
        return columns.stream().map(PlannedColumn::name).toList();
    }

    public static String normalisedPath(List<String> path) {
        return String.join("_", path.stream().map(part -> Names.normalise(part, 0)).toList())
                .replaceAll("^column_0$", "column");
    }
}
