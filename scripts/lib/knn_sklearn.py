"""Baseline of the knn benchmark: scikit-learn's brute-force KNeighborsClassifier on the files the
benchmark wrote. Usage: knn_sklearn.py TRAIN.csv QUERIES.csv OUT_PREFIX K RUNS WARMUPS

TRAIN.csv: label then the features on each line (no header); QUERIES.csv: the features. Times
fit + predict over the whole query set (WARMUPS unmeasured runs, then RUNS measured ones), prints
the measured seconds as JSON, and writes OUT_PREFIX.predictions (one class per line) and
OUT_PREFIX.neighbours (the K neighbour indices of each query, nearest first; computed once,
outside the timing)."""
import json
import sys
import time

import numpy as np
from sklearn.neighbors import KNeighborsClassifier


def main(train_path, queries_path, out_prefix, k, runs, warmups):
    train = np.loadtxt(train_path, delimiter=",", dtype=np.float64)
    queries = np.loadtxt(queries_path, delimiter=",", dtype=np.float64)
    labels, features = train[:, 0].astype(np.int64), np.ascontiguousarray(train[:, 1:])
    times = []
    predictions = None
    for run in range(warmups + runs):
        start = time.perf_counter()
        model = KNeighborsClassifier(n_neighbors=k, algorithm="brute", n_jobs=2).fit(features, labels)
        predictions = model.predict(queries)
        seconds = time.perf_counter() - start
        print(f"[bench]   scikit-learn: {seconds:.2f} s", file=sys.stderr)
        if run >= warmups:
            times.append(seconds)
    np.savetxt(out_prefix + ".predictions", predictions, fmt="%d")
    neighbours = model.kneighbors(queries, return_distance=False)
    np.savetxt(out_prefix + ".neighbours", neighbours, fmt="%d", delimiter=",")
    import sklearn
    print(json.dumps({"seconds": times, "version": sklearn.__version__, "numpy": np.__version__}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
