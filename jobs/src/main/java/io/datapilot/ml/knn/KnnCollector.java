package io.datapilot.ml.knn;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.spark.Jobs;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Brings a KNN training set to the driver: each partition packs its rows into two primitive arrays
 * (and reports its first bad row instead of failing the task), the driver checks the size bound
 * and concatenates them. Three Spark jobs: count, first row, packed rows.
 */
final class KnnCollector {
    /** The most values a Java array holds; above it the training set cannot be kept. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private KnnCollector() {}

    static KnnTrainingSet collect(Dataset<?> dataset, String featuresColumn, String labelColumn, boolean classification) {
        KnnParams.checkFeatures(dataset.schema(), featuresColumn);
        KnnParams.checkLabel(dataset.schema(), labelColumn);
        Dataset<Row> selected = dataset.select(col(featuresColumn), col(labelColumn).cast(DataTypes.DoubleType));
        return Jobs.labelled(dataset.sparkSession(), "ml", "k nearest neighbours: collect the training set", () -> {
            long rows = selected.count();
            if (rows == 0) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours: the training set has no rows");
            }
            Row first = selected.first();
            int features = first.isNullAt(0) ? 0 : ((Vector) first.get(0)).size();
            if (features == 0) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours: the first row of '" + featuresColumn
                        + "' has no features (null or empty vector)");
            }
            if (rows * features > MAX_VALUES) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours on " + rows + " rows × " + features
                        + " features: the model keeps the training set in driver memory, in one array of at most " + MAX_VALUES
                        + " values; sample the training set or reduce the features");
            }
            List<Packed> packs = selected.toJavaRDD().mapPartitions(new Pack(features, classification)).collect();
            return concatenate(packs, (int) rows, features, classification, numClasses(dataset, labelColumn), featuresColumn, labelColumn);
        });
    }

    private static KnnTrainingSet concatenate(List<Packed> packs, int rows, int features, boolean classification, int declaredClasses,
            String featuresColumn, String labelColumn) {
        double[] matrix = new double[rows * features];
        double[] labels = new double[rows];
        int filled = 0;
        double maxLabel = 0;
        for (Packed pack : packs) {
            if (pack.problem() != null) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours: " + pack.problem() + " (features '"
                        + featuresColumn + "', label '" + labelColumn + "'); drop or impute such rows first");
            }
            if (filled + pack.labels().length > rows) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours: the training set changed while it was"
                        + " read; cache or write it first");
            }
            System.arraycopy(pack.features(), 0, matrix, filled * features, pack.features().length);
            System.arraycopy(pack.labels(), 0, labels, filled, pack.labels().length);
            filled += pack.labels().length;
            maxLabel = Math.max(maxLabel, pack.maxLabel());
        }
        if (filled != rows) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot fit k nearest neighbours: the training set changed while it was read;"
                    + " cache or write it first");
        }
        int numClasses = 0;
        if (classification) {
            numClasses = Math.max(declaredClasses, (int) maxLabel + 1);
        }
        return new KnnTrainingSet(matrix, features, labels, numClasses);
    }

    /** Classes declared by the label column's metadata (a StringIndexer writes them), or 0. */
    private static int numClasses(Dataset<?> dataset, String labelColumn) {
        Attribute attribute = Attribute.fromStructField(dataset.schema().apply(labelColumn));
        if (attribute instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
            return (Integer) nominal.getNumValues().get();
        }
        return 0;
    }

    /** One partition's rows, or the first problem found in them. */
    record Packed(double[] features, double[] labels, double maxLabel, String problem) implements Serializable {}

    private static final class Pack implements FlatMapFunction<Iterator<Row>, Packed> {
        private final int features;
        private final boolean classification;

        Pack(int features, boolean classification) {
            this.features = features;
            this.classification = classification;
        }

        @Override
        public Iterator<Packed> call(Iterator<Row> rows) {
            double[] values = new double[1024 * features];
            double[] labels = new double[1024];
            int count = 0;
            double maxLabel = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                String problem = problem(row);
                if (problem != null) {
                    return List.of(new Packed(new double[0], new double[0], 0, problem)).iterator();
                }
                if (count == labels.length) {
                    labels = java.util.Arrays.copyOf(labels, checkedGrowth(labels.length));
                    values = java.util.Arrays.copyOf(values, (int) Math.min(MAX_VALUES, (long) labels.length * features));
                }
                Vector vector = (Vector) row.get(0);
                double[] dense = vector.toArray();
                System.arraycopy(dense, 0, values, count * features, features);
                labels[count] = row.getDouble(1);
                maxLabel = Math.max(maxLabel, labels[count]);
                count++;
            }
            List<Packed> result = new ArrayList<>(1);
            result.add(new Packed(java.util.Arrays.copyOf(values, count * features), java.util.Arrays.copyOf(labels, count), maxLabel,
                    null));
            return result.iterator();
        }

        private static int checkedGrowth(int length) {
            return (int) Math.min(MAX_VALUES, 2L * length);
        }

        private String problem(Row row) {
            if (row.isNullAt(0)) {
                return "a row has no feature vector (null)";
            }
            Vector vector = (Vector) row.get(0);
            if (vector.size() != features) {
                return "a feature vector has " + vector.size() + " values, the first one has " + features;
            }
            double[] dense = vector.toArray();
            for (double value : dense) {
                if (!Double.isFinite(value)) {
                    return "a feature vector holds " + value;
                }
            }
            if (row.isNullAt(1) || Double.isNaN(row.getDouble(1))) {
                return "a row has no label (null or NaN)";
            }
            double label = row.getDouble(1);
            if (classification && (label < 0 || label != Math.rint(label) || label >= Integer.MAX_VALUE)) {
                return "the label " + label + " is not a class index (0, 1, 2…)";
            }
            if (!classification && Double.isInfinite(label)) {
                return "a label is infinite";
            }
            return null;
        }
    }
}
