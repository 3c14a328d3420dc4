package io.datapilot.governance.risk;

import io.datapilot.core.report.ReportFiles;
import io.datapilot.core.report.Table;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risk map's files in {@code reports/<run date>/governance/}: {@code cartographie_risques.md} (summary, the likelihood ×
 * impact matrix with the ids in each cell, every risk, the changes since the previous run date) and the same tables in
 * {@code cartographie_risques.xlsx}. In French, like the management note.
 */
public final class RiskMapFile {
    public static final String MARKDOWN = "cartographie_risques.md";
    public static final String WORKBOOK = "cartographie_risques.xlsx";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final Map<String, String> CATEGORIES = Map.of("quality", "qualité", "security", "sécurité", "rgpd", "RGPD", "ethics", "éthique",
            "project", "projet");
    static final Map<String, String> STATUSES = Map.of("open", "ouvert", "mitigated", "atténué", "accepted", "accepté", "closed", "clos");
    static final Map<String, String> SOURCES = Map.of(Risk.DECLARED, "déclaré", Risk.DERIVED, "constaté");

    private RiskMapFile() {}

    /** Writes both files; returns the Markdown's path. */
    public static String write(ReportFiles files, String project, LocalDate runDate, List<RiskLine> lines) {
        files.writeWorkbook(WORKBOOK, List.of(risks(lines), matrix(lines), changes(lines)));
        return files.writeText(MARKDOWN, markdown(project, runDate, lines));
    }

    static String markdown(String project, LocalDate runDate, List<RiskLine> lines) {
        StringBuilder md = new StringBuilder();
        md.append("# Cartographie des risques – ").append(project).append(" – ").append(date(runDate)).append("\n\n");
        md.append(summary(lines)).append("\n\n");
        md.append("Vraisemblance : 1 rare, 2 possible, 3 probable, 4 quasi certain. Impact : 1 mineur, 2 significatif, 3 grave,"
                + " 4 critique. Criticité = vraisemblance × impact : 1 à 3 faible, 4 à 6 moyen, 8 et 9 élevé, 12 à 16 critique.\n\n");
        md.append("## Matrice vraisemblance × impact\n\n").append(matrix(lines).markdown()).append('\n');
        md.append("## Risques\n\n").append(risks(lines).markdown()).append('\n');
        Optional<LocalDate> previous = lines.stream().map(RiskLine::previousRunDate).filter(java.util.Objects::nonNull).findFirst();
        if (previous.isEmpty()) {
            md.append("## Évolution\n\nPremière cartographie : pas de date précédente à comparer.\n");
        } else {
            md.append("## Évolution depuis le ").append(date(previous.get())).append("\n\n").append(changes(lines).markdown());
        }
        md.append("\n_Cartographie produite par l'étape governance de datapilot (table governance.risks) ; les risques constatés"
                + " viennent des tables de la date d'exécution, les risques déclarés de governance.risks._\n");
        return md.toString();
    }

    /** "7 risques suivis : 1 critique, 2 élevés, 3 moyens, 1 faible ; 1 clos à cette date." */
    static String summary(List<RiskLine> lines) {
        List<RiskLine> shown = lines.stream().filter(RiskLine::onMatrix).toList();
        List<String> parts = new ArrayList<>();
        for (int band = RiskScale.LEVELS.size() - 1; band >= 0; band--) {
            String level = RiskScale.LEVELS.get(band);
            long count = shown.stream().filter(line -> line.level().equals(level)).count();
            if (count > 0) {
                parts.add(count + " " + level + (count > 1 ? "s" : ""));
            }
        }
        long closed = lines.size() - shown.size();
        return shown.size() + " risque(s) suivi(s)" + (parts.isEmpty() ? "" : " : " + String.join(", ", parts))
                + (closed == 0 ? "." : " ; " + closed + " clos à cette date.");
    }

    /** Impact from 4 (top) to 1, likelihood from 1 to 4: each cell its level and the ids of its risks. */
    static Table matrix(List<RiskLine> lines) {
        List<String> headers = new ArrayList<>(List.of("Impact \\ vraisemblance"));
        for (int likelihood = 1; likelihood <= RiskScale.MAX; likelihood++) {
            headers.add(likelihood + " " + RiskScale.LIKELIHOODS.get(likelihood - 1));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int impact = RiskScale.MAX; impact >= 1; impact--) {
            List<String> row = new ArrayList<>(List.of(impact + " " + RiskScale.IMPACTS.get(impact - 1)));
            for (int likelihood = 1; likelihood <= RiskScale.MAX; likelihood++) {
                List<String> ids = ids(lines, likelihood, impact);
                row.add(RiskScale.level(likelihood * impact) + (ids.isEmpty() ? "" : " : " + String.join(", ", ids)));
            }
            rows.add(row);
        }
        return new Table("Matrice", headers, rows);
    }

    /** The ids of the risks on the matrix in one cell, in the map's order. */
    public static List<String> ids(List<RiskLine> lines, int likelihood, int impact) {
        return lines.stream().filter(line -> line.onMatrix() && line.likelihood() == likelihood && line.impact() == impact)
                .map(RiskLine::id).toList();
    }

    static Table risks(List<RiskLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (RiskLine line : lines) {
            rows.add(List.of(line.id(), SOURCES.get(line.source()), CATEGORIES.get(line.category()), line.title(),
                    String.valueOf(line.likelihood()), String.valueOf(line.impact()), String.valueOf(line.criticality()), line.level(),
                    line.owner(), line.mitigation(), STATUSES.get(line.status()), line.evidence() == null ? "" : line.evidence()));
        }
        return new Table("Risques", List.of("Id", "Origine", "Catégorie", "Risque", "Vraisemblance", "Impact", "Criticité", "Niveau",
                "Responsable", "Mesure", "Statut", "Constat"), rows);
    }

    static Table changes(List<RiskLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (RiskLine line : lines) {
            Integer before = line.previousCriticality();
            rows.add(List.of(line.id(), line.title(), before == null ? "–" : before + " (" + RiskScale.level(before) + ")",
                    line.criticality() + " (" + line.level() + ")", change(line),
                    (line.previousStatus() == null ? "–" : STATUSES.get(line.previousStatus())) + " → " + STATUSES.get(line.status())));
        }
        return new Table("Évolution", List.of("Id", "Risque", "Criticité précédente", "Criticité", "Évolution", "Statut"), rows);
    }

    /** "nouveau", "clos", "+4", "−3", "stable". */
    static String change(RiskLine line) {
        Integer before = line.previousCriticality();
        if (!line.onMatrix()) {
            return "clos";
        }
        if (before == null || Risk.CLOSED.equals(line.previousStatus())) {
            return "nouveau";
        }
        int change = line.criticality() - before;
        return change == 0 ? "stable" : change > 0 ? "+" + change : "\u2212" + -change;
    }

    static String date(LocalDate date) {
        return date == null ? "–" : FRENCH_DATE.format(date);
    }
}
