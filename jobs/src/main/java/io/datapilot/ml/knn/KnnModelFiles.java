package io.datapilot.ml.knn;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves and loads a KNN model: Spark's params metadata ({@code metadata/}, so that a saved
 * {@code PipelineModel} finds the class and its static {@code read()}), and next to it
 * {@code data/training.bin} written through Hadoop's file system (local, HDFS, S3): a header
 * (magic "KNN1", rows, features, classes) then the row-major features and the labels as big-endian
 * doubles.
 */
final class KnnModelFiles {
    private static final int MAGIC = 0x4B4E4E31;
    private static final int CHUNK = 8192;

    private KnnModelFiles() {}

    static final class Writer extends MLWriter {
        private final Params instance;
        private final KnnTrainingSet training;

        Writer(Params instance, KnnTrainingSet training) {
            this.instance = instance;
            this.training = training;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
            Path file = new Path(path, "data/training.bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    file.getFileSystem(sc().hadoopConfiguration()).create(file, true), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(training.rows());
                out.writeInt(training.features());
                out.writeInt(training.numClasses());
                writeDoubles(out, training.matrix());
                writeDoubles(out, training.labels());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the KNN model data to " + file, e);
            }
        }
    }

    static final class Reader<T extends Params> extends MLReader<T> {
        private final BiFunction<String, KnnTrainingSet, T> create;

        Reader(BiFunction<String, KnnTrainingSet, T> create) {
            this.create = create;
        }

        @Override
        public T load(String path) {
            SparkContext context = sc();
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, context, "");
            T model = create.apply(metadata.uid(), readTraining(new Path(path, "data/training.bin"), context));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }

    private static KnnTrainingSet readTraining(Path file, SparkContext context) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                file.getFileSystem(context.hadoopConfiguration()).open(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot load the KNN model data " + file + ": it is not a KNN model file"
                        + " (wrong header); save the model again");
            }
            int rows = in.readInt();
            int features = in.readInt();
            int numClasses = in.readInt();
            double[] matrix = readDoubles(in, Math.multiplyExact(rows, features));
            double[] labels = readDoubles(in, rows);
            return new KnnTrainingSet(matrix, features, labels, numClasses);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the KNN model data " + file, e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int count = Math.min(CHUNK, values.length - from);
            buffer.clear();
            buffer.asDoubleBuffer().put(values, from, count);
            out.write(buffer.array(), 0, count * Double.BYTES);
        }
    }

    private static double[] readDoubles(DataInputStream in, int count) throws IOException {
        double[] values = new double[count];
        byte[] bytes = new byte[CHUNK * Double.BYTES];
        for (int from = 0; from < count; from += CHUNK) {
            int size = Math.min(CHUNK, count - from);
            in.readFully(bytes, 0, size * Double.BYTES);
            ByteBuffer.wrap(bytes, 0, size * Double.BYTES).asDoubleBuffer().get(values, from, size);
        }
        return values;
    }
}
