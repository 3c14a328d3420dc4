package io.datapilot.governance.scoring;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.GovernanceConfig.ClassConfig;
import io.datapilot.core.config.GovernanceConfig.CriterionConfig;
import io.datapilot.core.config.GovernanceConfig.OpportunitiesConfig;
import io.datapilot.governance.FileProblems;
import io.datapilot.governance.files.CellValues;
import io.datapilot.governance.files.TabularFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The opportunity scoring grid (C5.2): each line of the file is an item (a prospect, an AI use case), each criterion a
 * numeric column. A value is clamped to its criterion's scale [min, max], put on 0..1 ({@code (value − min) / (max −
 * min)}, inverted for a {@code lower} criterion such as a cost or a risk), and weighted (weights normalised to add
 * up to 1): the score is {@code 100 × Σ weight × normalised}, from 0 to 100.
 *
 * <pre>{@code
 * Scoring scoring = OpportunityGrid.score(TabularFile.read(Path.of("conf/opportunites.csv")), config.governance().opportunities());
 * }</pre>
 *
 * <p>The configuration is checked with the rest of it (weights above 0, max above min, direction); the file here:
 * the name column and every criterion's column must exist, every value must be a number, and every problem of the
 * file is reported in one error.
 */
public final class OpportunityGrid {
    private OpportunityGrid() {}

    public static Scoring score(TabularFile file, OpportunitiesConfig config) {
        requireNonNull(file, "file is null");
        requireNonNull(config, "config is null");
        FileProblems problems = new FileProblems(file);
        checkColumns(file, config, problems);
        problems.throwIfAny("Invalid opportunity grid", "Fix the file or governance.opportunities (name, criteria[].column) and run the"
                + " governance stage again.");
        double totalWeight = config.criteria().stream().mapToDouble(CriterionConfig::weight).sum();
        String nameKey = TabularFile.key(config.name());
        List<ScoredItem> unranked = new ArrayList<>();
        for (TabularFile.Line line : file.lines()) {
            String name = line.value(nameKey);
            if (name == null) {
                problems.add(line.number(), nameKey, "is empty; every item needs a name.");
            }
            List<CriterionScore> breakdown = new ArrayList<>();
            for (CriterionConfig criterion : config.criteria()) {
                String key = TabularFile.key(criterion.column());
                String text = line.value(key);
                Double value = CellValues.number(text);
                if (value == null) {
                    problems.add(line.number(), key, (text == null ? "is empty" : "«" + text + "» is not a number") + "; write the "
                            + criterion.label() + " on its scale, from " + criterion.min() + " to " + criterion.max() + ".");
                } else {
                    breakdown.add(part(criterion, value, criterion.weight() / totalWeight));
                }
            }
            if (name != null && breakdown.size() == config.criteria().size()) {
                unranked.add(item(name, breakdown, config.classes()));
            }
        }
        problems.throwIfAny("Invalid opportunity grid", "Fix these cells (numbers such as 3 or 2,5) and run the governance stage again.");
        return new Scoring(ranked(unranked), config.criteria().stream().map(CriterionConfig::label).toList());
    }

    private static void checkColumns(TabularFile file, OpportunitiesConfig config, FileProblems problems) {
        List<String> keys = file.keys();
        String columns = " the file's columns are " + String.join(", ", file.headers()) + ".";
        if (config.name() == null || !keys.contains(TabularFile.key(config.name()))) {
            problems.add(1, null, "no column " + config.name() + " (governance.opportunities.name) to name the items;" + columns);
        }
        for (int i = 0; i < config.criteria().size(); i++) {
            String column = config.criteria().get(i).column();
            if (!keys.contains(TabularFile.key(column))) {
                problems.add(1, null, "no column " + column + " (governance.opportunities.criteria[" + i + "].column);" + columns);
            }
        }
    }

    /** One criterion's part: the value clamped to the scale, then on 0..1, 1 the best. */
    static CriterionScore part(CriterionConfig criterion, double value, double weight) {
        double clamped = Math.max(criterion.min(), Math.min(criterion.max(), value));
        double onScale = (clamped - criterion.min()) / (criterion.max() - criterion.min());
        double normalised = "lower".equals(criterion.direction()) ? 1 - onScale : onScale;
        return new CriterionScore(criterion.label(), value, normalised, weight, 100 * weight * normalised);
    }

    private static ScoredItem item(String name, List<CriterionScore> breakdown, List<ClassConfig> classes) {
        // rounded so that a sum such as 69.99999999999999 reaches the class of minimum 70 and ties compare equal
        double score = Math.round(breakdown.stream().mapToDouble(CriterionScore::points).sum() * 1e6) / 1e6;
        // the classes may come in any order: the one whose minimum is the highest still at or below the score
        ClassConfig grade = classes.stream().filter(candidate -> candidate.minScore() <= score)
                .max(Comparator.comparingDouble(ClassConfig::minScore)).orElse(null);
        return new ScoredItem(0, name, score, grade == null ? null : grade.name(), grade == null ? null : grade.resources(), breakdown);
    }

    private static List<ScoredItem> ranked(List<ScoredItem> items) {
        List<ScoredItem> sorted = items.stream()
                .sorted(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::name)).toList();
        List<ScoredItem> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ScoredItem item = sorted.get(i);
            ranked.add(new ScoredItem(i + 1, item.name(), item.score(), item.grade(), item.resources(), item.breakdown()));
        }
        return ranked;
    }
}
