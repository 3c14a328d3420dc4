package io.datapilot.profile;

import io.datapilot.core.text.Numbers;
import io.datapilot.profile.Alert.Kind;
import io.datapilot.profile.Alert.Severity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quality alerts of a profiled table: the checks ydata-profiling users rely on (constant,
 * missing, high cardinality, unique, skewed, zeros, duplicates) and the ones a French client's
 * data needs (mixed types, bad formats, impossible values, spelling variants of one category,
 * keys that do not join, disguised missing values and rare modalities). Thresholds come from
 * {@code profile.alerts}.
 */
public final class QualityAlerts {
    /** Column-name words of quantities that cannot be negative. */
    private static final Set<String> NON_NEGATIVE_WORDS = Set.of("quantite", "quantity", "qty", "qte", "age", "nb", "nombre",
            "count", "effectif", "surface", "poids", "weight", "duree", "duration", "enfants", "stock", "taille");

    private QualityAlerts() {}

    public static List<Alert> of(TableProfile table, AlertContext context) {
        List<Alert> alerts = new ArrayList<>();
        String name = table.table();
        if (table.duplicateRows() > 0) {
            alerts.add(new Alert(name, null, Kind.DUPLICATE_ROWS, table.duplicateRows(), share(table.duplicateRows(), table.rows()),
                    null, Severity.WARNING, null, Numbers.count(table.duplicateRows()) + " ligne(s) identiques à une ligne précédente."));
        }
        if (table.duplicateKeys() != null && table.duplicateKeys() > 0) {
            alerts.add(new Alert(name, String.join(", ", table.key()), Kind.DUPLICATE_KEYS, table.duplicateKeys(),
                    share(table.duplicateKeys(), table.rows()), null, Severity.WARNING, null,
                    Numbers.count(table.duplicateKeys()) + " ligne(s) dont la clé existe déjà : la clé n'identifie pas une ligne."));
        }
        for (ColumnProfile column : table.columns()) {
            columnAlerts(name, column, context, alerts);
        }
        for (AlertContext.JoinFinding join : context.joins()) {
            if (join.unmatchedRows() > 0) {
                alerts.add(new Alert(name, join.column(), Kind.UNMATCHED_KEYS, join.unmatchedRows(), share(join.unmatchedRows(), table.rows()),
                        null, Severity.WARNING, null, Numbers.count(join.unmatchedRows()) + " ligne(s) (" + Numbers.count(join.unmatchedKeys())
                                + " clé(s)) sans correspondance dans " + join.dataset() + " : absentes du jeu de données."));
            }
            if (join.duplicateKeys() > 0) {
                alerts.add(new Alert(name, join.column(), Kind.DUPLICATE_LOOKUP_KEYS, join.duplicateKeys(), 0, null, Severity.WARNING, null,
                        Numbers.count(join.duplicateKeys()) + " clé(s) présente(s) plusieurs fois ; la première ligne est utilisée."));
            }
        }
        alerts.sort(Comparator.comparing(Alert::severity).reversed().thenComparing(alert -> alert.column() == null ? "" : alert.column()));
        return alerts;
    }

    private static void columnAlerts(String table, ColumnProfile column, AlertContext context, List<Alert> alerts) {
        var thresholds = context.thresholds();
        String name = column.column();
        long rows = column.rows();
        double missing = column.missingShare();
        if (missing >= thresholds.missing()) {
            Severity severity = missing >= thresholds.missingCritical() ? Severity.CRITICAL : Severity.WARNING;
            long count = Math.round(missing * rows);
            alerts.add(new Alert(table, name, Kind.MISSING, count, missing, null, severity,
                    Numbers.percent(severity == Severity.CRITICAL ? thresholds.missingCritical() : thresholds.missing()),
                    Numbers.percent(missing) + " de valeurs manquantes (vides comprises)."));
        }
        if (column.count() > 0 && column.distinct() == 1) {
            alerts.add(new Alert(table, name, Kind.CONSTANT, column.count(), 1, example(column), Severity.WARNING, null,
                    "Une seule valeur : la colonne n'apporte aucune information."));
        }
        boolean textLike = column.semanticType() == SemanticType.CATEGORICAL;
        if (textLike && column.distinct() > thresholds.highCardinality()) {
            alerts.add(new Alert(table, name, Kind.HIGH_CARDINALITY, column.distinct(), share(column.distinct(), column.count()), null,
                    Severity.WARNING, String.valueOf(thresholds.highCardinality()),
                    Numbers.count(column.distinct()) + " valeurs distinctes : trop pour une catégorie, à regrouper ou à traiter en texte."));
        }
        if (column.count() > 1 && column.distinctExact() != null && column.distinctExact() == column.count()
                && column.semanticType() != SemanticType.IDENTIFIER && column.semanticType() != SemanticType.PSEUDONYM) {
            alerts.add(new Alert(table, name, Kind.UNIQUE, column.count(), 1, null, Severity.INFO, null,
                    "Toutes les valeurs sont différentes : un identifiant ?"));
        }
        if (column.skewness() != null && Math.abs(column.skewness()) > thresholds.skewness()) {
            alerts.add(new Alert(table, name, Kind.SKEWED, column.count(), 0, null, Severity.INFO, Numbers.decimal(thresholds.skewness(), 1),
                    "Distribution très asymétrique (asymétrie " + Numbers.decimal(column.skewness(), 1) + ")."));
        }
        if (column.zeros() != null && column.count() > 0 && share(column.zeros(), column.count()) > thresholds.zeros()) {
            alerts.add(new Alert(table, name, Kind.ZEROS, column.zeros(), share(column.zeros(), column.count()), "0", Severity.INFO,
                    Numbers.percent(thresholds.zeros()), Numbers.percent(share(column.zeros(), column.count())) + " de zéros."));
        }
        mixedTypes(table, column, alerts);
        if (column.outliers() != null && column.outliers() > 0) {
            double outlierShare = share(column.outliers(), column.count());
            boolean continuous = column.semanticType() == SemanticType.AMOUNT || column.semanticType() == SemanticType.CONTINUOUS;
            // on a few discrete values (line numbers, discount rates) Tukey's fences flag ordinary values: information only
            alerts.add(new Alert(table, name, Kind.OUTLIERS, column.outliers(), outlierShare, column.max(),
                    continuous && outlierShare >= thresholds.outliers() ? Severity.WARNING : Severity.INFO, Numbers.percent(thresholds.outliers()),
                    Numbers.count(column.outliers()) + " valeur(s) hors des bornes de Tukey (Q1 − 1,5 IQR ; Q3 + 1,5 IQR)."));
        }
        Long invalidPersonal = context.invalidFormats().get(name);
        if (invalidPersonal != null && invalidPersonal > 0) {
            alerts.add(new Alert(table, name, Kind.INVALID_FORMAT, invalidPersonal, share(invalidPersonal, column.count()), null,
                    Severity.WARNING, null, Numbers.count(invalidPersonal) + " valeur(s) au format invalide, comptées à l'ingestion"
                            + " avant la pseudonymisation."));
        }
        if (column.invalidFormat() != null && column.invalidFormat() > 0) {
            alerts.add(new Alert(table, name, Kind.INVALID_FORMAT, column.invalidFormat(), share(column.invalidFormat(), column.count()),
                    null, Severity.WARNING, null, Numbers.count(column.invalidFormat()) + " valeur(s) au format invalide pour un(e) "
                            + column.semanticType().label() + "."));
        }
        Long invalidDates = context.invalidDates().get(name);
        if (invalidDates != null && invalidDates > 0) {
            alerts.add(new Alert(table, name, Kind.INVALID_DATE, invalidDates, share(invalidDates, rows + invalidDates), null,
                    Severity.WARNING, null, Numbers.count(invalidDates) + " ligne(s) mises en quarantaine : date illisible ou impossible."));
        }
        if (nonNegative(name, context.nonNegative()) && column.negatives() != null && column.negatives() > 0) {
            alerts.add(new Alert(table, name, Kind.NEGATIVE_VALUES, column.negatives(), share(column.negatives(), column.count()),
                    column.min(), Severity.WARNING, "≥ 0", Numbers.count(column.negatives()) + " valeur(s) négative(s) impossibles."));
        }
        if (column.future() != null && column.future() > 0 && !context.futureAllowed().contains(name)) {
            alerts.add(new Alert(table, name, Kind.FUTURE_DATES, column.future(), share(column.future(), column.count()), column.max(),
                    Severity.WARNING, "≤ date d'exécution", Numbers.count(column.future()) + " date(s) postérieure(s) à la date d'exécution."));
        }
        if (column.tooOld() != null && column.tooOld() > 0) {
            alerts.add(new Alert(table, name, Kind.IMPLAUSIBLE_DATES, column.tooOld(), share(column.tooOld(), column.count()), column.min(),
                    Severity.WARNING, null, Numbers.count(column.tooOld()) + " date(s) antérieure(s) à la première date plausible."));
        }
        if (column.semanticType() == SemanticType.CATEGORICAL && !column.personal()) {
            categoryVariants(table, column, alerts);
        }
        Set<String> placeholders = new java.util.HashSet<>();
        alerts.addAll(PlaceholderAlerts.of(table, column, placeholders));
        alerts.addAll(RareModalities.of(table, column, thresholds, placeholders));
    }

    private static void mixedTypes(String table, ColumnProfile column, List<Alert> alerts) {
        if (column.numericText() == null || column.count() == 0 || column.semanticType() != SemanticType.CATEGORICAL
                && column.semanticType() != SemanticType.FREE_TEXT) {
            return;
        }
        for (long typed : new long[] {column.numericText(), column.dateText()}) {
            double typedShare = share(typed, column.count());
            if (typed > 0 && typedShare < 0.95 && typedShare > 0.0) {
                alerts.add(new Alert(table, column.column(), Kind.MIXED_TYPES, typed, typedShare, null, Severity.WARNING, null,
                        Numbers.count(typed) + " valeur(s) " + (typed == column.numericText() ? "numériques" : "de date")
                                + " parmi du texte : types mélangés."));
                return;
            }
        }
    }

    /**
     * Values that are one label written several ways: same letters once case, accents and spaces
     * are ignored ("Linge de lit", "linge de lit ", "Linge  de lit"), or one or two letters apart
     * from a much more frequent value ("Linge de lti").
     */
    private static void categoryVariants(String table, ColumnProfile column, List<Alert> alerts) {
        Map<String, List<ValueCount>> byForm = new LinkedHashMap<>();
        for (ValueCount value : column.valuesSeen()) {
            byForm.computeIfAbsent(canonical(value.value()), key -> new ArrayList<>()).add(value);
        }
        List<ValueCount> leaders = new ArrayList<>();
        for (List<ValueCount> variants : byForm.values()) {
            ValueCount leader = variants.stream().max(Comparator.comparingLong(ValueCount::count)).orElseThrow();
            leaders.add(leader);
            if (variants.size() > 1) {
                long minority = variants.stream().mapToLong(ValueCount::count).sum() - leader.count();
                alerts.add(new Alert(table, column.column(), Kind.INCONSISTENT_CATEGORIES, minority, share(minority, column.count()),
                        String.join(" / ", variants.stream().map(variant -> "«" + variant.value() + "»").toList()), Severity.WARNING, null,
                        variants.size() + " écritures de « " + leader.value() + " » (casse, accents ou espaces) : "
                                + Numbers.count(minority) + " ligne(s) à harmoniser."));
            }
        }
        Map<ValueCount, List<ValueCount>> typos = new LinkedHashMap<>();
        for (ValueCount rare : leaders) {
            if (rare.value().length() < 4) {
                continue;
            }
            ValueCount closest = null;
            int best = Integer.MAX_VALUE;
            for (ValueCount frequent : leaders) {
                int distance = io.datapilot.core.text.Similarity.distanceBetween(canonical(rare.value()), canonical(frequent.value()));
                if (frequent != rare && frequent.count() >= 10 * rare.count() && distance <= Math.max(2, rare.value().length() / 5)
                        && distance < best) {
                    closest = frequent;
                    best = distance;
                }
            }
            if (closest != null) {
                typos.computeIfAbsent(closest, key -> new ArrayList<>()).add(rare);
            }
        }
        typos.forEach((frequent, rares) -> {
            long rows = rares.stream().mapToLong(ValueCount::count).sum();
            alerts.add(new Alert(table, column.column(), Kind.POSSIBLE_TYPO, rows, share(rows, column.count()),
                    String.join(" / ", rares.stream().limit(5).map(rare -> "«" + rare.value() + "»").toList())
                            + (rares.size() > 5 ? " …" : ""), Severity.WARNING, null,
                    rares.size() + " valeur(s) rare(s) proche(s) de « " + frequent.value() + " » (fautes de frappe ?) : "
                            + Numbers.count(rows) + " ligne(s)."));
        });
    }

    /** Whether a column cannot hold negative values: configured, or named like a quantity, age, count... */
    public static boolean nonNegative(String name, Set<String> configured) {
        return configured.contains(name) || Arrays.stream(name.toLowerCase(Locale.ROOT).split("_")).anyMatch(NON_NEGATIVE_WORDS::contains);
    }

    /** A label without case, accents or extra spaces: variants of one label share it. */
    public static String canonical(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    private static String example(ColumnProfile column) {
        return column.examples().isEmpty() ? null : column.examples().get(0);
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
