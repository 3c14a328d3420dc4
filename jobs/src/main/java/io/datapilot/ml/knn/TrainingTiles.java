package io.datapilot.ml.knn;

import java.io.Serializable;

/**
 * Training rows laid out for the batch scan: tiles of a few hundred rows, each stored column by
 * column ({@code tile[feature * rows + row]}). The scan then runs, for one query and one feature,
 * over consecutive rows of a tile: independent element-wise operations that the JIT compiles to
 * vector instructions, while each row's sum still adds its features in ascending order — exactly
 * the order of the one-query scan, so both give the same distances bit for bit.
 *
 * <p>A tile stays in the processor's cache while every query of a batch is scanned against it.
 * Plain Java and serialisable: the Spark models broadcast it in parts.
 */
final class TrainingTiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int features;
    private final int firstRow;
    private final int rows;
    private final int tileRows;
    private final double[][] tiles;

    private TrainingTiles(int features, int firstRow, int rows, int tileRows, double[][] tiles) {
        this.features = features;
        this.firstRow = firstRow;
        this.rows = rows;
        this.tileRows = tileRows;
        this.tiles = tiles;
    }

    /** Rows per tile so that a tile holds about 12 288 values (96 KiB), between 64 and 1 024 rows. */
    static int tileRows(int features) {
        return Math.max(64, Math.min(1024, 12_288 / Math.max(1, features)));
    }

    /**
     * Tiles rows {@code from} (inclusive) to {@code to} (exclusive) of a row-major matrix; the rows
     * keep their index in the whole matrix.
     */
    static TrainingTiles of(double[] matrix, int features, int from, int to) {
        int tileRows = tileRows(features);
        int count = to - from;
        double[][] tiles = new double[(count + tileRows - 1) / tileRows][];
        for (int t = 0; t < tiles.length; t++) {
            int start = from + t * tileRows;
            int size = Math.min(tileRows, to - start);
            double[] tile = new double[size * features];
            for (int r = 0; r < size; r++) {
                int source = (start + r) * features;
                for (int j = 0; j < features; j++) {
                    tile[j * size + r] = matrix[source + j];
                }
            }
            tiles[t] = tile;
        }
        return new TrainingTiles(features, from, count, tileRows, tiles);
    }

    int rows() {
        return rows;
    }

    /**
     * Offers every row of these tiles to the heap of each of the {@code count} queries (row-major in
     * {@code queries}); {@code sums} is scratch space of at least {@link #tileRows(int)} values.
     */
    void scan(double[] queries, int count, KnnKernel.Distance distance, NeighbourHeaps heaps, double[] sums) {
        for (int t = 0; t < tiles.length; t++) {
            double[] tile = tiles[t];
            int size = tile.length / features;
            int base = firstRow + t * tileRows;
            for (int q = 0; q < count; q++) {
                if (distance == KnnKernel.Distance.EUCLIDEAN) {
                    squaredEuclidean(tile, size, queries, q * features, sums);
                } else {
                    manhattan(tile, size, queries, q * features, sums);
                }
                double worst = heaps.worst(q);
                for (int r = 0; r < size; r++) {
                    if (sums[r] <= worst) {
                        heaps.offer(q, sums[r], base + r);
                        worst = heaps.worst(q);
                    }
                }
            }
        }
    }

    private void squaredEuclidean(double[] tile, int size, double[] queries, int offset, double[] sums) {
        java.util.Arrays.fill(sums, 0, size, 0.0);
        for (int j = 0; j < features; j++) {
            double value = queries[offset + j];
            int column = j * size;
            for (int r = 0; r < size; r++) {
                double difference = tile[column + r] - value;
                sums[r] += difference * difference;
            }
        }
    }

    private void manhattan(double[] tile, int size, double[] queries, int offset, double[] sums) {
        java.util.Arrays.fill(sums, 0, size, 0.0);
        for (int j = 0; j < features; j++) {
            double value = queries[offset + j];
            int column = j * size;
            for (int r = 0; r < size; r++) {
                sums[r] += Math.abs(tile[column + r] - value);
            }
        }
    }
}
