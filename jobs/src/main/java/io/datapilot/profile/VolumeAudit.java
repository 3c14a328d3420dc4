package io.datapilot.profile;

import io.datapilot.core.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume of one table and where it should live.
 *
 * @param diskBytes Delta files of the run date
 * @param sourceBytes the source files (null for the data set)
 * @param memoryBytes estimated size in Spark's memory: 8 bytes per value plus the text's bytes, per row
 * @param previousRows rows at the previous run date, when there is one
 */
public record VolumeAudit(String table, long rows, int columns, long diskBytes, Long sourceBytes, long memoryBytes,
        Long previousRows, String volumeClass, String recommendation, List<String> reasons) {

    static final long GIB = 1L << 30;

    public VolumeAudit {
        reasons = List.copyOf(reasons);
    }

    public Double growth() {
        return previousRows == null || previousRows == 0 ? null : (double) (rows - previousRows) / previousRows;
    }

    /** Estimates, classes and recommends from the profile and the measured sizes. */
    static VolumeAudit of(TableProfile profile, long diskBytes, Long sourceBytes, Long previousRows, boolean hasKey) {
        long perRow = 8 + (profile.columns().size() + 63) / 64 * 8L;
        for (ColumnProfile column : profile.columns()) {
            perRow += 8;
            if (column.averageLength() != null) {
                // variable-length data is stored in 8-byte words
                perRow += (long) Math.ceil(column.averageLength() * 1.1 / 8) * 8;
            }
        }
        long memory = perRow * profile.rows();
        List<String> reasons = new ArrayList<>();
        String volumeClass;
        String recommendation;
        if (memory < GIB && profile.rows() < 10_000_000) {
            volumeClass = "faible";
            recommendation = "Delta sur disque local ou partage réseau, Spark en mode local";
            reasons.add("environ " + size(memory) + " en mémoire et " + Numbers.count(profile.rows())
                    + " lignes : une machine suffit, un cluster coûterait plus qu'il ne rapporterait");
        } else if (memory < 100 * GIB && profile.rows() < 1_000_000_000) {
            volumeClass = "moyenne";
            recommendation = "Delta sur HDFS ou stockage objet (S3, ADLS), petit cluster Spark";
            reasons.add("environ " + size(memory) + " en mémoire : au-delà d'une machine confortable, en deçà d'un grand cluster");
        } else {
            volumeClass = "forte";
            recommendation = "Delta sur stockage objet, cluster Spark dimensionné, partitionnement par date";
            reasons.add("environ " + size(memory) + " en mémoire et " + Numbers.count(profile.rows())
                    + " lignes : lecture distribuée et élagage des fichiers indispensables");
        }
        if (hasKey && profile.rows() < 1_000) {
            reasons.add("table de référence petite et identifiée par une clé : si elle est mise à jour ligne à ligne"
                    + " (usage transactionnel), une base relationnelle (PostgreSQL) lui convient mieux que Delta");
        }
        if (sourceBytes != null && diskBytes > 0) {
            reasons.add("Delta/Parquet occupe " + size(diskBytes) + " contre " + size(sourceBytes) + " pour les fichiers sources");
        }
        return new VolumeAudit(profile.table(), profile.rows(), profile.columns().size(), diskBytes, sourceBytes, memory,
                previousRows, volumeClass, recommendation, reasons);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " o";
        }
        String[] units = {"Kio", "Mio", "Gio", "Tio"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return Numbers.decimal(value, value < 10 ? 1 : 0) + " " + units[unit];
    }
}
