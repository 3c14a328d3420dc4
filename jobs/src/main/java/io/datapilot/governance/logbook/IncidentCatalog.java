package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the logbook says of each kind of incident: a French label, the solution in a sentence, and the section of
 * {@code docs/INCIDENTS.md} that explains it. Entries are looked up by {@code category:code}, then by category:
 * a code without an entry of its own (a stage's name, an informational alert kind) gets its category's entry.
 *
 * <pre>{@code
 * IncidentCatalog.Entry entry = IncidentCatalog.entry(incident);
 * String url = IncidentCatalog.resolutionUrl(config.documentationUrl(), entry.anchor());
 * }</pre>
 */
public final class IncidentCatalog {
    /**
     * Alert kinds that get the category's entry on purpose: informational findings, whose fix is a judgement on the
     * data rather than a known procedure.
     */
    public static final Set<String> ALERT_KINDS_WITH_CATEGORY_ENTRY = Set.of("high_cardinality", "unique", "skewed", "zeros",
            "rare_modality");

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    /**
     * One kind of incident.
     *
     * @param anchor the heading's anchor in docs/INCIDENTS.md
     * @param label the label template: {@code {where}} becomes " dans table.colonne" (or nothing), {@code {code}} the
     *     incident's code, {@code {detail}} " : " and the incident's detail (or nothing)
     * @param solution the fix, in a sentence or two, naming the configuration key to change
     */
    public record Entry(String anchor, String label, String solution) {
        public Entry {
            requireNonNull(anchor, "anchor is null");
            requireNonNull(label, "label is null");
            requireNonNull(solution, "solution is null");
        }

        /** The label of one incident. */
        public String labelOf(Incident incident) {
            return label.replace("{where}", where(incident)).replace("{code}", incident.code())
                    .replace("{detail}", incident.detail() == null || incident.detail().isBlank() ? "" : " : " + incident.detail().strip());
        }

        private static String where(Incident incident) {
            if (incident.table() == null) {
                return incident.column() == null ? "" : " dans " + incident.column();
            }
            return " dans " + incident.table() + (incident.column() == null ? "" : "." + incident.column());
        }
    }

    static {
        category(Incident.STAGE_FAILURE, "échec-dune-étape-stage_failure", "Échec de l'étape {code}{detail}",
                "Lire le message d'erreur complet dans le journal de l'étape (il dit quoi corriger), corriger la source ou la"
                        + " configuration, puis relancer à partir de l'étape : datapilot run --from <étape> --run-date <date>.");
        category(Incident.QUALITY_ALERT, "alerte-qualité-quality_alert", "Alerte qualité {code}{where}",
                "Lire l'alerte dans audit.quality_alerts et le rapport d'audit ; si la donnée est juste, le seuil se règle dans"
                        + " profile.alerts.");
        alert("missing", "valeurs-manquantes-missing", "Valeurs manquantes{where}",
                "Compléter la source, ou choisir l'imputation (clean.columns.<colonne>.impute) ; si ce taux est normal, relever"
                        + " profile.alerts.missing ou profile.alerts.missing_critical.");
        alert("constant", "colonne-constante-constant", "Colonne constante{where}",
                "Vérifier l'extraction (filtre trop strict, colonne vide à la source) ; une colonne constante n'apporte rien au modèle.");
        alert("duplicate_rows", "lignes-en-double-duplicate_rows", "Lignes en double{where}",
                "Corriger l'extraction qui livre deux fois les mêmes lignes ; clean.drop_duplicates (vrai par défaut) les retire.");
        alert("duplicate_keys", "clé-non-unique-duplicate_keys", "Clé non unique{where}",
                "Vérifier sources[].key : la clé doit identifier une ligne ; dédoublonner à la source ou compléter la clé.");
        alert("mixed_types", "types-mélangés-mixed_types", "Types mélangés{where}",
                "Séparer les deux informations à la source, ou déclarer le type (sources[].columns.<colonne>.type) pour mettre"
                        + " les valeurs illisibles en quarantaine.");
        alert("outliers", "valeurs-aberrantes-outliers", "Valeurs aberrantes{where}",
                "Vérifier les valeurs extrêmes (unité, saisie) ; choisir la politique clean.outliers ou"
                        + " clean.columns.<colonne>.outliers (flag, cap, null, quarantine, keep).");
        alert("invalid_format", "format-invalide-invalid_format", "Format invalide{where}",
                "Corriger les valeurs à la source (e-mail, téléphone, code postal…) ; elles sont comptées avant la pseudonymisation.");
        alert("invalid_date", "dates-illisibles-invalid_date", "Dates illisibles{where}",
                "Déclarer le format (sources[].date_formats ou sources[].columns.<colonne>.formats) ; corriger les dates"
                        + " impossibles (31/02) à la source.");
        alert("negative_values", "valeurs-négatives-impossibles-negative_values", "Valeurs négatives impossibles{where}",
                "Corriger la source ; choisir clean.impossible ou clean.columns.<colonne>.impossible (null, cap, flag,"
                        + " quarantine, keep).");
        alert("future_dates", "dates-dans-le-futur-future_dates", "Dates dans le futur{where}",
                "Vérifier la saisie et le format (jour et mois inversés) ; si ces dates sont normales (livraisons, échéances),"
                        + " ajouter la colonne à profile.future_allowed.");
        alert("implausible_dates", "dates-trop-anciennes-implausible_dates", "Dates trop anciennes{where}",
                "Déclarer les dates de remplissage (1900-01-01) dans clean.columns.<colonne>.placeholders ; ajuster"
                        + " profile.earliest_date si des dates anciennes sont justes.");
        alert("inconsistent_categories", "écritures-différentes-dune-catégorie-inconsistent_categories",
                "Écritures différentes d'une catégorie{where}",
                "Harmoniser la saisie à la source ; clean.normalise_categories (vrai par défaut) fusionne les variantes.");
        alert("possible_typo", "fautes-de-frappe-probables-possible_typo", "Fautes de frappe probables{where}",
                "Corriger les valeurs à la source ou par une table de correspondance : elles ne sont pas fusionnées automatiquement.");
        alert("placeholder", "valeurs-manquantes-déguisées-placeholder", "Valeurs manquantes déguisées{where}",
                "Déclarer ces valeurs dans clean.columns.<colonne>.placeholders (l'alerte donne la ligne à écrire).");
        alert("unmatched_keys", "clés-sans-correspondance-unmatched_keys", "Clés sans correspondance{where}",
                "Vérifier que la source jointe est complète et que les clés ont le même format des deux côtés (zéros en tête,"
                        + " casse, espaces) ; voir dataset.relations[].on.");
        alert("duplicate_lookup_keys", "clés-en-double-dans-une-source-jointe-duplicate_lookup_keys",
                "Clés en double dans une source jointe{where}",
                "Dédoublonner la source jointe (seule la première ligne de chaque clé est utilisée) ou compléter"
                        + " dataset.relations[].on.");
        category(Incident.QUARANTINE, "lignes-en-quarantaine-quarantine", "Lignes en quarantaine{where}{detail}",
                "Lire les lignes et leur raison dans audit.quarantine (colonnes reason et raw_record), corriger la source,"
                        + " puis relancer l'ingestion.");
        quarantine(QuarantineReasons.UNREADABLE_VALUE, "valeur-illisible-pour-son-type-unreadable_value",
                "Valeurs illisibles pour leur type{where}",
                "Déclarer le type ou le format (sources[].columns.<colonne>.type et .formats, sources[].number_format) ;"
                        + " lister les codes « sans valeur » dans sources[].null_values ; sinon corriger la source.");
        quarantine(QuarantineReasons.EXCEL_ERROR, "erreur-excel-dans-une-cellule-excel_error", "Erreurs Excel (#N/A, #DIV/0!…){where}",
                "Corriger la formule dans le classeur, ou lister la valeur (#N/A) dans sources[].null_values.");
        quarantine(QuarantineReasons.TYPE_MISMATCH, "valeur-hors-du-type-déclaré-type_mismatch", "Valeurs hors du type déclaré{where}",
                "Élargir le type déclaré (sources[].columns.<colonne>.type) ou corriger le fichier producteur.");
        quarantine(QuarantineReasons.MALFORMED_RECORD, "enregistrement-mal-formé-malformed_record",
                "Enregistrements mal formés{where}",
                "Vérifier le séparateur et les guillemets (sources[].csv.separator, .quote, .escape) et les retours à la ligne"
                        + " dans les champs (sources[].csv.multi_line).");
        quarantine(QuarantineReasons.MALFORMED_JSON, "json-mal-formé-malformed_json", "Enregistrements JSON mal formés{where}",
                "Vérifier que le fichier a un objet par ligne, ou régler sources[].json.multi_line: true pour un document par fichier.");
        quarantine(QuarantineReasons.OUTLIER, "valeur-aberrante-mise-en-quarantaine-outlier",
                "Valeurs aberrantes mises en quarantaine{where}",
                "Vérifier les valeurs ; si elles sont justes, choisir une autre politique (clean.columns.<colonne>.outliers:"
                        + " flag, cap ou keep).");
        quarantine(QuarantineReasons.IMPOSSIBLE_VALUE, "valeur-négative-mise-en-quarantaine-impossible_value",
                "Valeurs négatives mises en quarantaine{where}",
                "Corriger la source ; ou choisir une autre politique (clean.columns.<colonne>.impossible: null, cap, flag ou keep).");
        category(Incident.GATE_FAILURE, "contrôle-de-la-barrière-qualité-non-tenu-gate_failure",
                "Barrière qualité non franchie : {code}{where}",
                "Corriger les sources (audit.quarantine, audit.quality_alerts), ou revoir le seuil quality_gate.* s'il ne convient"
                        + " pas à ces données ; puis relancer avec datapilot run --from quality_gate.");
        gate("quarantine_ratio", "trop-de-lignes-en-quarantaine-quarantine_ratio", "Trop de lignes en quarantaine{where}",
                "Corriger les lignes en quarantaine de la source (audit.quarantine) ; si ce taux est acceptable, relever"
                        + " quality_gate.max_quarantine_ratio ; relancer avec datapilot run --from quality_gate.");
        gate("critical_alerts", "trop-dalertes-critiques-critical_alerts", "Trop d'alertes qualité critiques",
                "Traiter les alertes critiques (audit.quality_alerts, severity = critical) ; sinon relever"
                        + " quality_gate.max_critical_alerts ; relancer avec datapilot run --from quality_gate.");
        gate("completeness", "complétude-insuffisante-completeness", "Complétude insuffisante{where}",
                "Compléter la source ou retirer les colonnes presque vides ; sinon baisser quality_gate.min_completeness ;"
                        + " relancer avec datapilot run --from quality_gate.");
        category(Incident.OVERFLOW, "valeur-hors-de-son-type-réglé-overflow", "Valeurs hors du type réglé{where}",
                "Vérifier un changement d'unité ou de format à la source ; si les valeurs sont justes, régler"
                        + " load.on_overflow: widen et relancer le chargement.");
        overflow("stop", "chargement-arrêté-stop", "Chargement arrêté : valeurs hors du type réglé{where}",
                "Vérifier un changement d'unité ou de format à la source ; si les valeurs sont justes, régler"
                        + " load.on_overflow: widen et relancer datapilot run --from load.");
        overflow("widen", "types-élargis-widen", "Type élargi au chargement{where}",
                "Rien à faire si les nouvelles valeurs sont justes (audit.schema_report dit l'ancien et le nouveau type) ;"
                        + " sinon corriger la source et recharger.");
    }

    private IncidentCatalog() {}

    /** The entry of an incident: its code's, else its category's. */
    public static Entry entry(Incident incident) {
        return entry(incident.category(), incident.code());
    }

    /** The entry of a category's code, else the category's entry. */
    public static Entry entry(String category, String code) {
        Entry specific = ENTRIES.get(category + ":" + code);
        return specific != null ? specific : requireNonNull(ENTRIES.get(category), () -> "no entry for category " + category);
    }

    /** Whether the code has an entry of its own (not its category's). */
    public static boolean hasOwnEntry(String category, String code) {
        return ENTRIES.containsKey(category + ":" + code);
    }

    /** Every entry, by {@code category} or {@code category:code}. */
    public static Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }

    /** Where an incident's explanation is: {@code documentationUrl + "INCIDENTS.md#" + anchor}. */
    public static String resolutionUrl(String documentationUrl, String anchor) {
        requireNonNull(documentationUrl, "documentationUrl is null");
        requireNonNull(anchor, "anchor is null");
        // a base written without its final slash would point at a sibling of the docs folder
        return documentationUrl + (documentationUrl.endsWith("/") ? "" : "/") + "INCIDENTS.md#" + anchor;
    }

    private static void category(String category, String anchor, String label, String solution) {
        ENTRIES.put(category, new Entry(anchor, label, solution));
    }

    private static void alert(String kind, String anchor, String label, String solution) {
        ENTRIES.put(Incident.QUALITY_ALERT + ":" + kind, new Entry(anchor, label, solution));
    }

    private static void quarantine(String code, String anchor, String label, String solution) {
        ENTRIES.put(Incident.QUARANTINE + ":" + code, new Entry(anchor, label, solution));
    }

    private static void gate(String check, String anchor, String label, String solution) {
        ENTRIES.put(Incident.GATE_FAILURE + ":" + check, new Entry(anchor, label, solution));
    }

    private static void overflow(String code, String anchor, String label, String solution) {
        ENTRIES.put(Incident.OVERFLOW + ":" + code, new Entry(anchor, label, solution));
    }
}
