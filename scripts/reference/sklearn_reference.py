#!/usr/bin/python3
"""scikit-learn's scores for datapilot's training recipe, on the same rows, split and folds.

    /usr/bin/python3 scripts/reference/sklearn_reference.py --spec spec.json --data rows.csv [--out result.json]
    /usr/bin/python3 scripts/reference/sklearn_reference.py --self-test [--datasets DIR] [--only iris,vins]

Needs numpy and scikit-learn only: Debian's python3-sklearn serves /usr/bin/python3 (not pyenv's
python3 first on PATH): `apt-get install python3-sklearn`.

--data: a CSV (comma, dot decimal, header) of the prepared rows: the feature columns, the target,
`set` (train or test) and `fold` (0..k-1 on train rows, empty on test rows). An empty cell is a
missing value. datapilot stores its own split and folds; scikit-learn's GridSearchCV gets them as a
PredefinedSplit, so both sides fit and score the same rows.

--spec: a JSON object
    task         classification | regression
    target       the target column
    numeric      numeric feature columns (median imputation; scaled for the scaled models)
    categorical  text feature columns (most frequent value imputed, one-hot encoded)
    metric       the primary metric: accuracy | f1 (macro, as datapilot's) | weighted_precision |
                 weighted_recall | roc_auc | pr_auc | rmse | mae | mse | r2 | auto (accuracy, rmse)
    models       model names as in datapilot's train.models
    grids        per model, datapilot's parameter name: list of values
    seed         random state of the trees and networks (default 42)
    parallelism  GridSearchCV's n_jobs (default 1)
    one_hot_drop none (one column per category of the training rows, in StringIndexer's
                 frequencyDesc order: datapilot's StringIndexer keeps an extra bucket for unseen
                 labels and its OneHotEncoder drops that last slot, which is this) or last (a plain
                 OneHotEncoder dropLast: the rarest category has no column). Unknown categories are
                 all zeros either way, as scikit-learn's handle_unknown="ignore".
    scaled_models models whose inputs are standardised (default: the linear models, knn and mlp), as
                 Spark's StandardScaler(withMean, withStd) does: sample standard deviation (n − 1)
    scale_one_hot whether the one-hot columns are standardised too (datapilot's scaler comes after
                 the VectorAssembler, so it scales them; default false)

Output (stdout or --out): JSON with, per model, the best parameters (datapilot's names), the CV mean
and standard deviation (over folds, ddof 0, as GridSearchCV) of the primary metric, the test
metrics of the model refit on every training row, and the same for every point of the grid (so a
comparison can also be made at datapilot's own chosen parameters, whatever the tie-breaking).

MLlib's penalties translated (Spark 3.5 source: LinearRegression, WeightedLeastSquares,
LogisticRegression; standardization=false after the scaler):
    logistic_regression  C = 1 / (n λ), l1_ratio = α (saga when α > 0); λ = 0: no penalty
    lasso                Lasso(alpha = λ)
    ridge                Ridge(alpha = n λ / σ_y)
    elastic_net          ElasticNet(alpha = λ α + λ (1 − α) / σ_y, l1_ratio = λ α / alpha)
n is the number of rows of each fit (a CV fold's training rows, then the whole training set), σ_y
the standard deviation of the label on those rows. MLlib fits linear regression on y / σ_y with
λ / σ_y (as glmnet does): back on the original scale the L1 part is λ, but the L2 part is divided
by σ_y, hence the factor that the plain rule "Ridge alpha = n λ" misses. Checked on the diabetes
data (standardised, λ = 1): MLlib's coefficients and scikit-learn's with these rules agree to 4
decimals for α = 0, 0.5 and 1; "alpha = n λ" gives other coefficients (14.58 instead of 24.76).
"""
import argparse
import csv
import importlib.util
import json
import math
import os
import random
import sys
import tempfile
import time
import unicodedata

try:
    import numpy as np
    import sklearn
    from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin, TransformerMixin, clone
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor,
                                  RandomForestClassifier, RandomForestRegressor)
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
    from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, mean_absolute_error,
                                 mean_squared_error, precision_score, r2_score, recall_score, roc_auc_score)
    from sklearn.model_selection import GridSearchCV, ParameterGrid, PredefinedSplit
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
except ImportError as error:  # the caller (ReferenceComparisonTest) turns exit code 3 into a skip
    print("Cannot import numpy and scikit-learn (%s): install Debian's python3-sklearn "
          "(apt-get install python3-sklearn) and run this script with /usr/bin/python3" % error, file=sys.stderr)
    sys.exit(3)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LINEAR = {"logistic_regression", "lasso", "ridge", "elastic_net"}
DEFAULT_SCALED = LINEAR | {"knn", "mlp"}
CLASSIFICATION_SCORING = {"accuracy": "accuracy", "f1": "f1_macro", "weighted_precision": "precision_weighted",
                          "weighted_recall": "recall_weighted", "roc_auc": "roc_auc", "pr_auc": "average_precision"}
REGRESSION_SCORING = {"rmse": "neg_root_mean_squared_error", "mae": "neg_mean_absolute_error",
                      "mse": "neg_mean_squared_error", "r2": "r2"}


# --- MLlib's models with MLlib's parameters ------------------------------------------------------

class MllibLogisticRegression(BaseEstimator, ClassifierMixin):
    """MLlib's LogisticRegression (binomial or multinomial): its λ becomes C = 1 / (n λ) at fit time."""

    def __init__(self, reg_param=0.0, elastic_net_param=0.0, max_iter=1000):
        self.reg_param = reg_param
        self.elastic_net_param = elastic_net_param
        self.max_iter = max_iter

    def fit(self, X, y):
        n = len(y)
        if self.reg_param == 0:
            self.model_ = LogisticRegression(penalty="none", solver="lbfgs", max_iter=self.max_iter, tol=1e-8)
        elif self.elastic_net_param == 0:
            self.model_ = LogisticRegression(C=1.0 / (n * self.reg_param), solver="lbfgs",
                                             max_iter=self.max_iter, tol=1e-8)
        else:
            self.model_ = LogisticRegression(C=1.0 / (n * self.reg_param), penalty="elasticnet",
                                             l1_ratio=self.elastic_net_param, solver="saga",
                                             max_iter=max(self.max_iter, 10000), tol=1e-8)
        self.model_.fit(X, y)
        self.classes_ = self.model_.classes_
        return self

    def predict(self, X):
        return self.model_.predict(X)

    def predict_proba(self, X):
        return self.model_.predict_proba(X)

    def decision_function(self, X):
        return self.model_.decision_function(X)


class MllibLinearRegression(BaseEstimator, RegressorMixin):
    """MLlib's LinearRegression with regParam λ and elasticNetParam α, translated at fit time."""

    def __init__(self, reg_param=0.0, elastic_net_param=0.0, max_iter=100000):
        self.reg_param = reg_param
        self.elastic_net_param = elastic_net_param
        self.max_iter = max_iter

    def fit(self, X, y):
        n = len(y)
        # Ridge goes to MLlib's normal-equation solver (WeightedLeastSquares: population standard
        # deviation), an L1 part to its OWL-QN path (the summarizer's sample standard deviation).
        sigma = float(np.std(y, ddof=0 if self.elastic_net_param == 0 else 1)) or 1.0
        l1 = self.reg_param * self.elastic_net_param
        l2 = self.reg_param * (1.0 - self.elastic_net_param) / sigma
        if self.reg_param == 0:
            self.model_ = LinearRegression()
        elif self.elastic_net_param == 0:
            self.model_ = Ridge(alpha=n * l2)
        elif self.elastic_net_param == 1:
            self.model_ = Lasso(alpha=l1, max_iter=self.max_iter, tol=1e-8)
        else:
            self.model_ = ElasticNet(alpha=l1 + l2, l1_ratio=l1 / (l1 + l2), max_iter=self.max_iter, tol=1e-8)
        self.model_.fit(X, y)
        return self

    def predict(self, X):
        return self.model_.predict(X)


class SampleStandardScaler(BaseEstimator, TransformerMixin):
    """Spark's StandardScaler(withMean, withStd): the sample standard deviation (n − 1), and 0 for a
    constant column. scikit-learn's divides by the population one, a factor sqrt(n / (n − 1))."""

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        std = X.std(axis=0, ddof=1) if X.shape[0] > 1 else np.zeros(X.shape[1])
        self.scale_ = np.where(std > 0, std, np.inf)
        return self

    def transform(self, X):
        return (np.asarray(X, dtype=float) - self.mean_) / self.scale_


class OneHot(BaseEstimator, TransformerMixin):
    """One-hot columns in StringIndexer's frequencyDesc order (ties alphabetical); unknown values
    are all zeros; drop_last leaves out the last (rarest) category, as Spark's OneHotEncoder does."""

    def __init__(self, drop_last=False):
        self.drop_last = drop_last

    def fit(self, X, y=None):
        self.categories_ = []
        for column in np.asarray(X, dtype=object).T:
            counts = {}
            for value in column:
                counts[value] = counts.get(value, 0) + 1
            ordered = sorted(counts, key=lambda v: (-counts[v], str(v)))
            self.categories_.append(ordered[:-1] if self.drop_last else ordered)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=object)
        blocks = []
        for index, categories in enumerate(self.categories_):
            positions = {value: i for i, value in enumerate(categories)}
            block = np.zeros((X.shape[0], len(categories)))
            for row, value in enumerate(X[:, index]):
                if value in positions:
                    block[row, positions[value]] = 1.0
            blocks.append(block)
        return np.hstack(blocks) if blocks else np.zeros((X.shape[0], 0))


def estimator(model, task, seed):
    """The scikit-learn estimator of a datapilot model, and the map of datapilot's parameter names."""
    classification = task == "classification"
    tree_names = {"max_depth": "max_depth", "min_instances_per_node": "min_samples_leaf"}
    if model == "logistic_regression":
        return MllibLogisticRegression(), {"reg_param": "reg_param", "elastic_net_param": "elastic_net_param",
                                           "max_iter": "max_iter"}
    if model in ("lasso", "ridge", "elastic_net"):
        mixing = {"lasso": 1.0, "ridge": 0.0, "elastic_net": 0.5}[model]
        return MllibLinearRegression(elastic_net_param=mixing), {"reg_param": "reg_param",
                                                                  "elastic_net_param": "elastic_net_param"}
    if model == "knn":
        knn = KNeighborsClassifier if classification else KNeighborsRegressor
        return knn(algorithm="brute", n_neighbors=5), {"k": "n_neighbors", "weighting": "weights", "distance": "metric"}
    if model == "decision_tree":
        # MLlib's defaults: maxDepth 5, minInstancesPerNode 1; every feature at every split.
        tree = DecisionTreeClassifier if classification else DecisionTreeRegressor
        return tree(max_depth=5, random_state=seed), tree_names
    if model == "random_forest":
        # MLlib's featureSubsetStrategy auto: sqrt for classification, onethird for regression.
        if classification:
            forest = RandomForestClassifier(n_estimators=20, max_depth=5, max_features="sqrt", random_state=seed)
        else:
            forest = RandomForestRegressor(n_estimators=20, max_depth=5, max_features=1.0 / 3, random_state=seed)
        return forest, dict(tree_names, num_trees="n_estimators")
    if model == "gradient_boosting":
        boosting = GradientBoostingClassifier if classification else GradientBoostingRegressor
        return boosting(n_estimators=20, max_depth=5, learning_rate=0.1, random_state=seed), dict(
            tree_names, max_iter="n_estimators", step_size="learning_rate")
    if model == "mlp" and classification:
        # MLlib's MultilayerPerceptronClassifier: sigmoid hidden layers, softmax output, L-BFGS, no penalty.
        return MLPClassifier(hidden_layer_sizes=(8,), activation="logistic", solver="lbfgs", alpha=0.0,
                             max_iter=100, tol=1e-6, random_state=seed), {"layers": "hidden_layer_sizes",
                                                                          "max_iter": "max_iter"}
    raise ValueError("Invalid model %r for %s: not one datapilot trains" % (model, task))


def sklearn_value(name, value):
    if name == "hidden_layer_sizes":
        return tuple(value)
    return value


# --- the recipe ----------------------------------------------------------------------------------

def read_rows(path, spec):
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    missing = [c for c in spec["numeric"] + spec["categorical"] + [spec["target"], "set", "fold"] if rows and c not in rows[0]]
    if missing:
        raise ValueError("Invalid data %s: no column %s (columns: %s)" % (path, ", ".join(missing), ", ".join(rows[0])))

    def number(text):
        return float(text) if text not in ("", None) else math.nan

    numeric = np.array([[number(r[c]) for c in spec["numeric"]] for r in rows], dtype=float).reshape(len(rows), -1)
    categorical = np.array([[r[c] if r[c] != "" else None for c in spec["categorical"]] for r in rows],
                           dtype=object).reshape(len(rows), -1)
    target = [r[spec["target"]] for r in rows]
    sets = [r["set"] for r in rows]
    folds = [int(r["fold"]) if r["fold"] not in ("", None) else -1 for r in rows]
    return numeric, categorical, target, sets, folds


def preprocessing(spec, scaled):
    numeric_count, categorical_count = len(spec["numeric"]), len(spec["categorical"])
    numeric_steps = [("impute", SimpleImputer(strategy="median"))]
    scale_all = scaled and spec.get("scale_one_hot", False)
    if scaled and not scale_all:
        numeric_steps.append(("scale", SampleStandardScaler()))
    parts = [("numeric", Pipeline(numeric_steps), list(range(numeric_count)))]
    if categorical_count:
        parts.append(("categorical", Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent", missing_values=None)),
            ("one_hot", OneHot(drop_last=spec.get("one_hot_drop", "none") == "last"))]),
            list(range(numeric_count, numeric_count + categorical_count))))
    steps = [("columns", ColumnTransformer(parts))]
    if scale_all:
        steps.append(("scale", SampleStandardScaler()))
    return steps


def primary_metric(spec):
    metric = spec.get("metric", "auto")
    if metric == "auto":
        metric = "accuracy" if spec["task"] == "classification" else "rmse"
    table = CLASSIFICATION_SCORING if spec["task"] == "classification" else REGRESSION_SCORING
    if metric not in table:
        raise ValueError("Invalid metric %r for %s: expected one of %s" % (metric, spec["task"], ", ".join(table)))
    return metric, table[metric]


def test_metrics(task, model, X, y, binary):
    predicted = model.predict(X)
    if task == "regression":
        mse = mean_squared_error(y, predicted)
        return {"rmse": math.sqrt(mse), "mae": mean_absolute_error(y, predicted), "mse": mse,
                "r2": r2_score(y, predicted)}
    metrics = {"accuracy": accuracy_score(y, predicted),
               "f1_macro": f1_score(y, predicted, average="macro", zero_division=0),
               "f1_weighted": f1_score(y, predicted, average="weighted", zero_division=0),
               "weighted_precision": precision_score(y, predicted, average="weighted", zero_division=0),
               "weighted_recall": recall_score(y, predicted, average="weighted", zero_division=0)}
    if binary and hasattr(model, "predict_proba"):
        scores = model.predict_proba(X)[:, 1]
        metrics["roc_auc"] = roc_auc_score(y, scores)
        metrics["pr_auc"] = average_precision_score(y, scores)
    return metrics


def sign(scoring):
    return -1.0 if scoring.startswith("neg_") else 1.0


def run(spec, data_path):
    started = time.time()
    numeric, categorical, target, sets, folds = read_rows(data_path, spec)
    X = np.empty((len(target), numeric.shape[1] + categorical.shape[1]), dtype=object)
    X[:, :numeric.shape[1]] = numeric
    X[:, numeric.shape[1]:] = categorical
    train = np.array([s == "train" for s in sets])
    test = np.array([s == "test" for s in sets])
    task = spec["task"]
    binary = False
    if task == "classification":
        # datapilot's class indices: the labels in alphabetical order (the second one is the positive
        # class of ROC AUC and PR AUC in a binary task).
        labels = sorted(set(target))
        index = {label: i for i, label in enumerate(labels)}
        y = np.array([index.get(label, -1) for label in target])
        binary = len(labels) == 2
    else:
        y = np.array([float(v) for v in target])
        labels = None
    fold = np.array(folds)[train]
    if (fold < 0).any():
        raise ValueError("Invalid data %s: every train row needs a fold" % data_path)
    metric, scoring = primary_metric(spec)
    seed = int(spec.get("seed", 42))
    scaled_models = set(spec.get("scaled_models", DEFAULT_SCALED))
    results = {}
    for model in spec["models"]:
        fitted_at = time.time()
        base, names = estimator(model, task, seed)
        grid = {}
        for name, values in (spec.get("grids") or {}).get(model, {}).items():
            if name not in names:
                raise ValueError("Invalid grid %s.%s: parameters are %s" % (model, name, ", ".join(names)))
            grid["model__" + names[name]] = [sklearn_value(names[name], v) for v in values]
        pipeline = Pipeline(preprocessing(spec, model in scaled_models) + [("model", base)])
        search = GridSearchCV(pipeline, grid or {"model__" + next(iter(names.values())): [base.get_params()[next(iter(names.values()))]]},
                              scoring=scoring, cv=PredefinedSplit(fold), refit=True,
                              n_jobs=int(spec.get("parallelism", 1)), error_score="raise")
        search.fit(X[train], y[train])
        # the grid search and the refit of its best point, as datapilot times its own; the per-point refits below are extra
        search_seconds = round(time.time() - fitted_at, 3)
        reverse = {v: k for k, v in names.items()}
        cv = search.cv_results_
        points = []
        for i, params in enumerate(cv["params"]):
            candidate = clone(pipeline).set_params(**params).fit(X[train], y[train])
            points.append({
                "params": {reverse[k[len("model__"):]]: jsonable(v) for k, v in params.items()},
                "cv_mean": sign(scoring) * float(cv["mean_test_score"][i]),
                "cv_std": float(cv["std_test_score"][i]),
                "fold_scores": [sign(scoring) * float(cv["split%d_test_score" % f][i]) for f in range(len(set(fold)))],
                "test": test_metrics(task, candidate, X[test], y[test], binary)})
        best = search.best_index_
        results[model] = {"best_params": points[best]["params"], "cv_mean": points[best]["cv_mean"],
                          "cv_std": points[best]["cv_std"],
                          "test": test_metrics(task, search.best_estimator_, X[test], y[test], binary),
                          "seconds": round(time.time() - fitted_at, 3), "search_seconds": search_seconds, "grid": points}
    return {"sklearn": sklearn.__version__, "numpy": np.__version__, "task": task, "target": spec["target"],
            "metric": metric, "labels": labels, "rows": {"train": int(train.sum()), "test": int(test.sum())},
            "folds": len(set(fold)), "numeric": spec["numeric"], "categorical": spec["categorical"],
            "one_hot_drop": spec.get("one_hot_drop", "none"), "models": results,
            "seconds": round(time.time() - started, 3),
            "search_seconds": round(sum(result["search_seconds"] for result in results.values()), 3)}


def jsonable(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


# --- self-test on the fixture data sets, with a split of our own ------------------------------------

def normalised(header):
    """The header as datapilot names columns (ASCII snake_case), close enough for the self-test."""
    text = header.replace("€", " eur ").replace("%", " pct ").replace("œ", "oe").replace("Œ", "OE")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = "".join(c if c.isascii() and c.isalnum() else "_" for c in text)
    return "_".join(part for part in text.split("_") if part)


def french_number(text):
    text = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    return float(text)


def seeded_split(labels, task, seed, test_ratio=0.2, folds=5):
    """(set, fold) per row: a seeded, stratified (classification) hold-out and k folds."""
    rng = random.Random(seed)
    groups = {}
    for i, label in enumerate(labels):
        groups.setdefault(label if task == "classification" else "all", []).append(i)
    assignment = [None] * len(labels)
    fold_counter = 0
    for key in sorted(groups):
        members = groups[key][:]
        rng.shuffle(members)
        held = int(round(len(members) * test_ratio))
        for i in members[:held]:
            assignment[i] = ("test", "")
        for i in members[held:]:
            assignment[i] = ("train", str(fold_counter % folds))
            fold_counter += 1
    return assignment


def self_test(datasets_dir, only):
    spec_path = os.path.join(datasets_dir, "make_sklearn_sets.py")
    loader = importlib.util.spec_from_file_location("make_sklearn_sets", spec_path)
    generator = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(generator)
    failures = []
    for name, definition in generator.DATASETS.items():
        if only and name not in only:
            continue
        path = os.path.join(datasets_dir, name, definition["file"])
        with open(path, encoding=definition["encoding"], newline="") as file:
            rows = list(csv.reader(file, delimiter=";"))
        header = [normalised(h) for h in rows[0]]
        body = rows[1:]
        target_index = header.index(definition["target"])
        numeric, categorical = [], []
        for position, column in enumerate(header):
            if column in ("n_observation", definition["target"]):
                continue
            try:
                [french_number(r[position]) for r in body if r[position] != ""]
                numeric.append(column)
            except ValueError:
                categorical.append(column)
        split = seeded_split([r[target_index] for r in body], definition["task"], 42)
        with tempfile.TemporaryDirectory() as folder:
            data = os.path.join(folder, "rows.csv")
            with open(data, "w", encoding="utf-8", newline="") as file:
                writer = csv.writer(file)
                writer.writerow(numeric + categorical + [definition["target"], "set", "fold"])
                for row, (subset, fold) in zip(body, split):
                    values = [str(french_number(row[header.index(c)])) if row[header.index(c)] != "" else ""
                              for c in numeric]
                    values += [row[header.index(c)] for c in categorical]
                    writer.writerow(values + [row[target_index], subset, fold])
            spec = {"task": definition["task"], "target": definition["target"], "numeric": numeric,
                    "categorical": categorical, "metric": definition["metric"], "models": definition["models"],
                    "grids": definition["grids"], "seed": 42, "one_hot_drop": "none", "scale_one_hot": True}
            result = run(spec, data)
        missing = sum(1 for r in body for i in range(len(header)) if r[i] == "")
        print("%s: %d train / %d test rows, %d numeric + %d categorical features (%s), %d missing cells, %.1f s"
              % (name, result["rows"]["train"], result["rows"]["test"], len(numeric), len(categorical),
                 ", ".join(categorical) or "none", missing, result["seconds"]))
        for model, outcome in result["models"].items():
            test = outcome["test"]
            figures = ("accuracy %.3f, macro F1 %.3f" % (test["accuracy"], test["f1_macro"])
                       if definition["task"] == "classification"
                       else "RMSE %.2f, MAE %.2f, R² %.3f" % (test["rmse"], test["mae"], test["r2"]))
            print("  %-20s %s = %.4f ± %.4f (CV), test %s, best %s" % (
                model, result["metric"], outcome["cv_mean"], outcome["cv_std"], figures,
                json.dumps(outcome["best_params"], ensure_ascii=False)))
            # Floors far below the published scores: a failure means the recipe or the data is broken.
            floor_ok = (test["accuracy"] >= 0.8 if definition["task"] == "classification" else test["r2"] >= 0.2)
            if not floor_ok:
                failures.append("%s/%s: %s" % (name, model, figures))
    if failures:
        print("self-test: scores below the floors: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("self-test: every model above its floor")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spec", help="JSON file describing the task, features, models and grids")
    parser.add_argument("--data", help="CSV of the prepared rows with the set and fold columns")
    parser.add_argument("--out", help="write the JSON here instead of stdout")
    parser.add_argument("--self-test", action="store_true", help="run on the fixture data sets with a seeded split")
    parser.add_argument("--datasets", default=os.path.join(ROOT, "jobs/src/test/resources/datasets"))
    parser.add_argument("--only", help="comma-separated data sets for --self-test")
    args = parser.parse_args()
    if args.self_test:
        return self_test(args.datasets, set(args.only.split(",")) if args.only else None)
    if not args.spec or not args.data:
        parser.error("--spec and --data are required (or --self-test)")
    with open(args.spec, encoding="utf-8") as file:
        spec = json.load(file)
    result = json.dumps(run(spec, args.data), ensure_ascii=False, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(result + "\n")
    else:
        print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
