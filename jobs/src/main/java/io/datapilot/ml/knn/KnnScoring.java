package io.datapilot.ml.knn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a dataset against a broadcast training set: each partition reads its rows in batches,
 * scans every training tile once per batch with one bounded heap per query, and appends the
 * outputs to each row. One Spark job, no shuffle; the task closure holds only broadcast handles
 * and settings, never the training rows.
 */
final class KnnScoring {
    /** Queries scored together: each pass over the training rows serves this many. */
    static final int BATCH = 2048;

    private KnnScoring() {}

    /** What to append to each row; an empty column name leaves that output out. */
    record Outputs(String rawPrediction, String probability, String prediction) implements Serializable {}

    static Dataset<Row> transform(Dataset<?> dataset, KnnTrainingSet training, String featuresColumn, int k,
            KnnKernel.Distance distance, KnnKernel.Weighting weighting, Outputs outputs, StructType outputSchema) {
        KnnTrainingSet.Shipped shipped = training.broadcast(dataset.sparkSession().sparkContext());
        int featureIndex = dataset.schema().fieldIndex(featuresColumn);
        Score score = new Score(shipped, training.features(), training.numClasses(), featureIndex, k, distance, weighting, outputs);
        return dataset.toDF().mapPartitions(score, Encoders.row(outputSchema));
    }

    private static final class Score implements MapPartitionsFunction<Row, Row> {
        private final KnnTrainingSet.Shipped shipped;
        private final int features;
        private final int numClasses;
        private final int featureIndex;
        private final int k;
        private final KnnKernel.Distance distance;
        private final KnnKernel.Weighting weighting;
        private final Outputs outputs;

        Score(KnnTrainingSet.Shipped shipped, int features, int numClasses, int featureIndex, int k, KnnKernel.Distance distance,
                KnnKernel.Weighting weighting, Outputs outputs) {
            this.shipped = shipped;
            this.features = features;
            this.numClasses = numClasses;
            this.featureIndex = featureIndex;
            this.k = k;
            this.distance = distance;
            this.weighting = weighting;
            this.outputs = outputs;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<TrainingTiles> parts = new ArrayList<>(shipped.parts().size());
            for (Broadcast<TrainingTiles> part : shipped.parts()) {
                parts.add(part.value());
            }
            double[] labels = shipped.labels().value();
            return new Iterator<>() {
                private final List<Row> batch = new ArrayList<>(BATCH);
                private final List<Row> scored = new ArrayList<>(BATCH);
                private int next;

                @Override
                public boolean hasNext() {
                    if (next < scored.size()) {
                        return true;
                    }
                    batch.clear();
                    while (batch.size() < BATCH && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    scored.clear();
                    next = 0;
                    if (!batch.isEmpty()) {
                        score(parts, labels, batch, scored);
                    }
                    return !scored.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return scored.get(next++);
                }
            };
        }

        private void score(List<TrainingTiles> parts, double[] labels, List<Row> batch, List<Row> scored) {
            double[] queries = new double[batch.size() * features];
            int[] slot = new int[batch.size()];
            int count = 0;
            for (int i = 0; i < batch.size(); i++) {
                Row row = batch.get(i);
                Vector vector = row.isNullAt(featureIndex) ? null : (Vector) row.get(featureIndex);
                if (vector == null || vector.size() != features) {
                    slot[i] = -1;
                    if (vector != null) {
                        throw new IllegalArgumentException("Invalid feature vector: " + vector.size() + " values, the model was fitted on "
                                + features);
                    }
                    continue;
                }
                System.arraycopy(vector.toArray(), 0, queries, count * features, features);
                slot[i] = count++;
            }
            KnnKernel.Batch neighbours = KnnKernel.Batch.search(parts, features,
                    count == batch.size() ? queries : java.util.Arrays.copyOf(queries, count * features), k, distance);
            for (int i = 0; i < batch.size(); i++) {
                scored.add(append(batch.get(i), slot[i] < 0 ? null : neighbours, slot[i], labels));
            }
        }

        private Row append(Row row, KnnKernel.Batch neighbours, int query, double[] labels) {
            List<Object> values = new ArrayList<>(row.size() + 3);
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            if (numClasses == 0) {
                values.add(neighbours == null ? null : KnnKernel.mean(labels, neighbours.rows(), neighbours.distances(),
                        query * neighbours.k(), neighbours.counts()[query], distance, weighting));
                return RowFactory.create(values.toArray());
            }
            if (neighbours == null) {
                addIfNamed(values, outputs.rawPrediction(), null);
                addIfNamed(values, outputs.probability(), null);
                addIfNamed(values, outputs.prediction(), null);
                return RowFactory.create(values.toArray());
            }
            double[] votes = new double[numClasses];
            double total = KnnKernel.classVotes(labels, neighbours.rows(), neighbours.distances(), query * neighbours.k(),
                    neighbours.counts()[query], distance, weighting, votes);
            int predicted = KnnKernel.predictedClass(votes);
            addIfNamed(values, outputs.rawPrediction(), Vectors.dense(votes));
            addIfNamed(values, outputs.probability(), Vectors.dense(KnnKernel.probabilities(votes, total)));
            addIfNamed(values, outputs.prediction(), predicted < 0 ? Double.NaN : (double) predicted);
            return RowFactory.create(values.toArray());
        }

        private static void addIfNamed(List<Object> values, String column, Object value) {
            if (column != null && !column.isEmpty()) {
                values.add(value);
            }
        }
    }
}
