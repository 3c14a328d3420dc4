package io.datapilot.ml;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * The folder of a trained model, {@code <warehouse>/models/<dataset>/<target>/<version>/}, the
 * version being the run date: {@code pipeline/} (the Spark PipelineModel, for batch scoring),
 * {@code model.json}, the model card and the local scorer's files. Written in a hidden folder next
 * to it, then swapped in by renames, so that a reader finds the old version or the new one, whole;
 * a rerun of the same run date replaces its version.
 */
public final class ModelStore {
    public static final String PIPELINE = "pipeline";
    public static final String MODEL_JSON = "model.json";
    public static final String CARD = "model_card.md";

    private ModelStore() {}

    public static String root(String warehouse) {
        return (warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse) + "/models";
    }

    public static String folder(String warehouse, String dataset, String target, String version) {
        return root(warehouse) + "/" + dataset + "/" + target + "/" + version;
    }

    /** What fills the hidden folder before the swap. */
    interface Writer {
        void write(String directory) throws IOException;
    }

    static void replace(SparkSession spark, String folder, Writer writer) {
        Path target = new Path(folder);
        Path staging = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        Path previous = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try {
                writer.write(staging.toString());
            } catch (IOException | RuntimeException e) {
                fs.delete(staging, true);
                throw e;
            }
            boolean existed = fs.exists(target);
            if (existed && !fs.rename(target, previous)) {
                throw new IOException("cannot move the previous version aside to " + previous);
            }
            if (!fs.rename(staging, target)) {
                if (existed) {
                    fs.rename(previous, target);
                }
                throw new IOException("cannot rename " + staging + " to " + target);
            }
            if (existed) {
                fs.delete(previous, true);
            }
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot write the model folder " + folder + ": " + e.getMessage()
                    + ". Check that the warehouse is writable; the previous version of the model, if any, is unchanged.", e);
        }
    }

    static void writeText(SparkSession spark, String file, String text) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (OutputStream out = fs.create(path, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void writePipeline(PipelineModel model, String directory) throws IOException {
        model.write().overwrite().save(directory + "/" + PIPELINE);
    }

    /** The saved pipeline of a model folder. */
    public static PipelineModel loadPipeline(String folder) {
        return PipelineModel.load(folder + "/" + PIPELINE);
    }
}
