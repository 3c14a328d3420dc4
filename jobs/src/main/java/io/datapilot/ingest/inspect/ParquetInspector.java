package io.datapilot.ingest.inspect;

import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Columns of Parquet files, from their footers; nested groups become paths. */
final class ParquetInspector implements FormatInspector {

    @Override
    public SourceInspection inspect(SourceConfig source, String at, List<FileStatus> files, Configuration hadoop,
            ConfigProblems problems) throws IOException {
        List<List<String>> columns = null;
        String first = null;
        boolean usable = true;
        for (FileStatus file : files) {
            String name = file.getPath().toString();
            MessageType schema;
            long rows;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file.getPath(), hadoop))) {
                schema = reader.getFooter().getFileMetaData().getSchema();
                rows = reader.getRecordCount();
            } catch (IOException | RuntimeException e) {
                problems.addData(at + ".path", "the file " + name + " cannot be read as Parquet: " + e.getMessage()
                        + ". Check that it is a complete Parquet file.");
                usable = false;
                continue;
            }
            List<List<String>> fileColumns = new ArrayList<>();
            flatten(schema, List.of(), fileColumns);
            if (columns == null) {
                columns = fileColumns;
                first = name;
            } else if (!columns.equals(fileColumns)) {
                problems.addData(at + ".path", "the file " + name + " does not have the same columns as " + first
                        + "; files of one source must share their schema.");
                usable = false;
            }
            if (rows == 0 && files.size() == 1) {
                problems.addData(at + ".path", "the file " + name + " has no rows; export it again with its data.");
                usable = false;
            }
        }
        if (!usable || columns == null) {
            return null;
        }
        return new SourceInspection(source, at, SourceFormat.PARQUET, files.stream().map(f -> f.getPath().toString()).toList(),
                columns.stream().map(OriginalColumn::new).toList(), null, ',', false, null, 0, -1);
    }

    private static void flatten(GroupType group, List<String> prefix, List<List<String>> out) {
        for (Type field : group.getFields()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(field.getName());
            boolean plainGroup = !field.isPrimitive() && field.getLogicalTypeAnnotation() == null
                    && field.getRepetition() != Type.Repetition.REPEATED;
            if (plainGroup) {
                flatten(field.asGroupType(), path, out);
            } else {
                out.add(path);
            }
        }
    }
}
