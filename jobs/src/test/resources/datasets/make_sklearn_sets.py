#!/usr/bin/env python3
"""Writes the four fixture data sets compared with scikit-learn (issue 13, items 10 and 11).

    /usr/bin/python3 jobs/src/test/resources/datasets/make_sklearn_sets.py [--data DIR] [--out DIR]

Reads scikit-learn's own copies of four public data sets (Debian's python3-sklearn installs them
in /usr/lib/python3/dist-packages/sklearn/datasets/data/) with the standard library only, and
writes them as a French client would send them, each in its own folder with its pipeline.yaml:

    iris/         iris.csv             UTF-8 with a byte order mark        classification, 3 species
    vins/         vins.csv             windows-1252, missing values,       classification, 3 cultivars
                                       thousands grouped by a space
    cancer_sein/  cancer_sein.csv      UTF-8, CRLF line ends               classification, maligne / bénigne
    diabete/      diabete.csv          UTF-8, a category derived from      regression, progression after one year
                                       the body mass index

Every file: ";" separator, decimal comma, French column names with units, a row identifier
n_observation (zero-padded, so it stays a text) declared as the source key. The values are the
original ones, digit for digit (only the decimal mark changes), so scikit-learn run on the
originals and datapilot run on these files see the same numbers.

Rerunning the script rewrites the same bytes: the missing values and the derived category are
functions of the row number and of the values, never random. tests: ReferenceComparisonTest reads
the DATASETS table below through scripts/reference/sklearn_reference.py --self-test.
"""
import argparse
import csv
import gzip
import io
import os

SKLEARN_DATA = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
HERE = os.path.dirname(os.path.abspath(__file__))

IRIS_COLUMNS = ["Longueur du sépale (cm)", "Largeur du sépale (cm)", "Longueur du pétale (cm)",
                "Largeur du pétale (cm)"]
IRIS_SPECIES = ["Iris setosa", "Iris versicolor", "Iris virginica"]

WINE_COLUMNS = ["Alcool (% vol)", "Acide malique (g/L)", "Cendres (g/L)", "Alcalinité des cendres",
                "Magnésium (mg/L)", "Phénols totaux", "Flavonoïdes", "Phénols non flavonoïdes",
                "Proanthocyanidines", "Intensité de la couleur", "Teinte",
                "OD280/OD315 des vins dilués", "Proline (mg/L)"]
# The three cultivars of Forina's PARVUS data (classes 1, 2, 3; scikit-learn's class_0, 1, 2).
WINE_CULTIVARS = ["Barolo", "Grignolino", "Barbera"]
# Missing values, chosen by row number (0-based): about 8 % of Magnésium, 6 % of Intensité.
WINE_MISSING = {"Magnésium (mg/L)": (13, 4), "Intensité de la couleur": (17, 9)}

CANCER_MEASURES = ["Rayon", "Texture", "Périmètre", "Aire", "Régularité", "Compacité", "Concavité",
                   "Points concaves", "Symétrie", "Dimension fractale"]
CANCER_COLUMNS = ([m + " (moyenne)" for m in CANCER_MEASURES]
                  + [m + " (erreur type)" for m in CANCER_MEASURES]
                  + [m + " (pire valeur)" for m in CANCER_MEASURES])
# scikit-learn's breast_cancer.csv: 0 malignant, 1 benign.
CANCER_DIAGNOSES = ["maligne", "bénigne"]

DIABETES_COLUMNS = ["Âge (ans)", "Sexe", "IMC (kg/m²)", "Pression artérielle moyenne (mm Hg)",
                    "Cholestérol total (mg/dL)", "LDL (mg/dL)", "HDL (mg/dL)",
                    "Rapport cholestérol total / HDL", "Triglycérides (log)", "Glycémie (mg/dL)"]
DIABETES_BMI_COLUMN = 2


def bmi_class(bmi):
    """The WHO band of a body mass index, in French: the categorical feature one-hot encoded."""
    value = float(bmi)
    if value < 18.5:
        return "maigreur"
    if value < 25:
        return "normal"
    if value < 30:
        return "surpoids"
    return "obésité"


# What the comparison needs to know of each set: file, its target, task, features by kind (the
# normalised names datapilot gives the headers), models and grids. pipeline.yaml is written from it.
DATASETS = {
    "iris": {
        "file": "iris.csv", "encoding": "utf-8-sig", "newline": "\n",
        "target": "espece", "target_header": "Espèce", "task": "classification", "metric": "accuracy",
        "description": "Fleurs d'iris de Fisher (1936) : une ligne par fleur mesurée.",
        "models": ["logistic_regression", "knn", "decision_tree", "random_forest", "mlp"],
        "grids": {
            "logistic_regression": {"reg_param": [0.001, 0.01, 0.1]},
            "knn": {"k": [3, 5, 11], "weighting": ["uniform", "distance"], "distance": ["euclidean"]},
            "decision_tree": {"max_depth": [3, 5], "min_instances_per_node": [1, 5]},
            "random_forest": {"num_trees": [50], "max_depth": [5], "min_instances_per_node": [1]},
            "mlp": {"layers": [[8]], "max_iter": [200]},
        },
    },
    "vins": {
        "file": "vins.csv", "encoding": "windows-1252", "newline": "\r\n",
        "target": "cepage", "target_header": "Cépage", "task": "classification", "metric": "accuracy",
        "description": "Analyses chimiques de vins d'un même terroir piémontais, trois cépages "
                       "(Forina et al.) : une ligne par vin.",
        "models": ["logistic_regression", "knn", "decision_tree", "random_forest"],
        "grids": {
            "logistic_regression": {"reg_param": [0.001, 0.01, 0.1]},
            "knn": {"k": [3, 5, 11], "weighting": ["uniform", "distance"], "distance": ["euclidean"]},
            "decision_tree": {"max_depth": [3, 5], "min_instances_per_node": [1, 5]},
            "random_forest": {"num_trees": [50], "max_depth": [5, 10], "min_instances_per_node": [1]},
        },
    },
    "cancer_sein": {
        "file": "cancer_sein.csv", "encoding": "utf-8", "newline": "\r\n",
        "target": "diagnostic", "target_header": "Diagnostic", "task": "classification", "metric": "accuracy",
        "description": "Noyaux cellulaires de ponctions mammaires, Wisconsin (Street, Wolberg, "
                       "Mangasarian) : une ligne par ponction.",
        "models": ["logistic_regression", "knn", "decision_tree", "random_forest", "gradient_boosting"],
        "grids": {
            "logistic_regression": {"reg_param": [0.001, 0.01, 0.1]},
            "knn": {"k": [3, 5, 11], "weighting": ["uniform", "distance"], "distance": ["euclidean"]},
            "decision_tree": {"max_depth": [3, 5], "min_instances_per_node": [1, 5]},
            "random_forest": {"num_trees": [50], "max_depth": [5, 10], "min_instances_per_node": [1]},
            "gradient_boosting": {"max_iter": [50], "max_depth": [3]},
        },
    },
    "diabete": {
        "file": "diabete.csv", "encoding": "utf-8", "newline": "\n",
        "target": "progression_a_un_an", "target_header": "Progression à un an", "task": "regression",
        "metric": "rmse",
        "description": "Patients diabétiques (Efron et al., 2004) : mesures de départ et progression "
                       "de la maladie un an après ; une ligne par patient.",
        "models": ["lasso", "ridge", "elastic_net", "decision_tree", "random_forest", "gradient_boosting"],
        "grids": {
            "lasso": {"reg_param": [0.01, 0.1, 1.0]},
            "ridge": {"reg_param": [0.01, 0.1, 1.0]},
            "elastic_net": {"reg_param": [0.01, 0.1], "elastic_net_param": [0.5]},
            "decision_tree": {"max_depth": [3, 5], "min_instances_per_node": [5, 20]},
            "random_forest": {"num_trees": [50], "max_depth": [5], "min_instances_per_node": [5]},
            "gradient_boosting": {"max_iter": [50], "max_depth": [3]},
        },
    },
}


def french(number):
    """A number as written in the original file, with a decimal comma."""
    return number.replace(".", ",")


def grouped(number):
    """A whole number of 4 digits or more with its thousands grouped by a space (1 065)."""
    whole, _, decimals = number.partition(".")
    digits = []
    while len(whole) > 3:
        digits.insert(0, whole[-3:])
        whole = whole[:-3]
    digits.insert(0, whole)
    return " ".join(digits) + ("," + decimals if decimals else "")


def read_sklearn_csv(path):
    """scikit-learn's format: a first line "rows,features,class names...", then rows, target last."""
    with open(path, encoding="utf-8") as file:
        lines = [line.strip() for line in file if line.strip()]
    return [line.split(",") for line in lines[1:]]


def identifier(index, count):
    return str(index + 1).zfill(max(4, len(str(count))))


def iris_rows(data):
    rows = read_sklearn_csv(os.path.join(data, "iris.csv"))
    header = ["n_observation"] + IRIS_COLUMNS + ["Espèce"]
    body = [[identifier(i, len(rows))] + [french(v) for v in row[:4]] + [IRIS_SPECIES[int(row[4])]]
            for i, row in enumerate(rows)]
    return header, body


def wine_rows(data):
    rows = read_sklearn_csv(os.path.join(data, "wine_data.csv"))
    header = ["n_observation"] + WINE_COLUMNS + ["Cépage"]
    body = []
    for i, row in enumerate(rows):
        values = []
        for name, value in zip(WINE_COLUMNS, row[:13]):
            modulus, remainder = WINE_MISSING.get(name, (0, -1))
            if modulus and i % modulus == remainder:
                values.append("")
            elif name == "Proline (mg/L)":
                values.append(grouped(value))
            else:
                values.append(french(value))
        body.append([identifier(i, len(rows))] + values + [WINE_CULTIVARS[int(row[13])]])
    return header, body


def cancer_rows(data):
    rows = read_sklearn_csv(os.path.join(data, "breast_cancer.csv"))
    header = ["n_observation"] + CANCER_COLUMNS + ["Diagnostic"]
    body = [[identifier(i, len(rows))] + [french(v) for v in row[:30]] + [CANCER_DIAGNOSES[int(row[30])]]
            for i, row in enumerate(rows)]
    return header, body


def diabetes_rows(data):
    with gzip.open(os.path.join(data, "diabetes_data_raw.csv.gz"), "rt", encoding="utf-8") as file:
        features = [line.split() for line in file if line.strip()]
    with gzip.open(os.path.join(data, "diabetes_target.csv.gz"), "rt", encoding="utf-8") as file:
        targets = [line.strip() for line in file if line.strip()]
    header = (["n_observation"] + DIABETES_COLUMNS[:DIABETES_BMI_COLUMN + 1] + ["Classe d'IMC"]
              + DIABETES_COLUMNS[DIABETES_BMI_COLUMN + 1:] + ["Progression à un an"])
    body = []
    for i, (row, target) in enumerate(zip(features, targets)):
        values = [french(v) for v in row]
        values.insert(DIABETES_BMI_COLUMN + 1, bmi_class(row[DIABETES_BMI_COLUMN]))
        body.append([identifier(i, len(features))] + values + [str(int(float(target)))])
    return header, body


READERS = {"iris": iris_rows, "vins": wine_rows, "cancer_sein": cancer_rows, "diabete": diabetes_rows}


def write_csv(path, header, body, encoding, newline):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(body)
    with open(path, "w", encoding=encoding, newline="") as file:
        file.write(buffer.getvalue())


def yaml_value(value):
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    return str(value)


def pipeline_yaml(name, spec):
    grids = "\n".join("    %s: { %s }" % (model, ", ".join("%s: %s" % (k, yaml_value(v)) for k, v in grid.items()))
                      for model, grid in spec["grids"].items())
    source_lines = ["  - name: %s" % name, "    path: %s" % spec["file"], "    key: [n_observation]",
                    "    number_format: fr"]
    if spec["encoding"] == "windows-1252":
        source_lines.append("    csv: { separator: \";\", encoding: windows-1252 }")
    return f"""# Written by ../make_sklearn_sets.py from scikit-learn's copy of a public data set: do not edit,
# rerun the script. Compared with scikit-learn by ReferenceComparisonTest (docs/BENCHMARKS.md).
sources:
{chr(10).join(source_lines)}
dataset:
  name: {name}_modele
  description: "{spec['description']}"
  base: {name}
  targets: [{{ column: {spec['target']}, kind: {spec['task']} }}]
# scikit-learn's recipe has no outlier step: keep the values as they are, no flag column.
clean: {{ outliers: keep }}
train:
  test_ratio: 0.2
  folds: 5
  seed: 42
  parallelism: 2
  metric: {spec['metric']}
  models: [{", ".join(spec['models'])}]
  grids:
{grids}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=SKLEARN_DATA, help="scikit-learn's data folder")
    parser.add_argument("--out", default=HERE, help="folder receiving one folder per data set")
    args = parser.parse_args()
    for name, spec in DATASETS.items():
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        header, body = READERS[name](args.data)
        write_csv(os.path.join(folder, spec["file"]), header, body, spec["encoding"], spec["newline"])
        with open(os.path.join(folder, "pipeline.yaml"), "w", encoding="utf-8", newline="\n") as file:
            file.write(pipeline_yaml(name, spec))
        print("%s/%s: %d rows, %d columns (%s)" % (name, spec["file"], len(body), len(header), spec["encoding"]))


if __name__ == "__main__":
    main()
