package io.datapilot.ml.knn;


/**
 * One bounded max-heap of at most {@code k} neighbours per query of a batch, in primitive arrays.
 * The root of a heap is its worst neighbour: the largest distance, and among equal distances the
 * largest training row index, so that the earlier row wins a tie whatever order rows are offered in.
 * Distances here are the kernel's internal ones (squared for euclidean).
 */
final class NeighbourHeaps {
    private final int k;
    private final double[] distances;
    private final int[] rows;
    private final int[] sizes;

    NeighbourHeaps(int queries, int k) {
        this.k = k;
        this.distances = new double[queries * k];
        this.rows = new int[queries * k];
        this.sizes = new int[queries];
    }

    /** The distance a row must not exceed to enter the heap of {@code query}: infinite until it is full. */
    double worst(int query) {
        return sizes[query] < k ? Double.POSITIVE_INFINITY : distances[query * k];
    }

    /** Offers a row; a NaN distance never enters, so a query with NaN features has no neighbours. */
    void offer(int query, double distance, int row) {
        if (!(distance <= Double.POSITIVE_INFINITY)) {
            return;
        }
        int base = query * k;
        int size = sizes[query];
        if (size < k) {
            int child = size;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (!worse(distance, row, distances[base + parent], rows[base + parent])) {
                    break;
                }
                distances[base + child] = distances[base + parent];
                rows[base + child] = rows[base + parent];
                child = parent;
            }
            distances[base + child] = distance;
            rows[base + child] = row;
            sizes[query] = size + 1;
        } else if (worse(distances[base], rows[base], distance, row)) {
            siftDown(base, size, distance, row);
        }
    }

    private void siftDown(int base, int size, double distance, int row) {
        int parent = 0;
        while (true) {
            int child = 2 * parent + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(distances[base + child + 1], rows[base + child + 1],
                    distances[base + child], rows[base + child])) {
                child++;
            }
            if (!worse(distances[base + child], rows[base + child], distance, row)) {
                break;
            }
            distances[base + parent] = distances[base + child];
            rows[base + parent] = rows[base + child];
            parent = child;
        }
        distances[base + parent] = distance;
        rows[base + parent] = row;
    }

    private static boolean worse(double distance, int row, double otherDistance, int otherRow) {
        return distance > otherDistance || (distance == otherDistance && row > otherRow);
    }

    /**
     * Empties the heap of {@code query} into {@code rowsOut} and {@code distancesOut}, best first
     * (distance ascending, then row ascending), and returns how many neighbours it held.
     */
    int drainSorted(int query, int[] rowsOut, double[] distancesOut) {
        int base = query * k;
        int size = sizes[query];
        for (int last = size - 1; last >= 0; last--) {
            rowsOut[last] = rows[base];
            distancesOut[last] = distances[base];
            double distance = distances[base + last];
            int row = rows[base + last];
            siftDown(base, last, distance, row);
        }
        sizes[query] = 0;
        return size;
    }
}
