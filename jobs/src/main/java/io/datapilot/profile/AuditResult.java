package io.datapilot.profile;

import io.datapilot.rgpd.ProcessingRegister;
import java.util.List;

/** What the profile stage measured and wrote for a run date. */
public record AuditResult(List<TableProfile> profiles, List<Alert> alerts, List<VolumeAudit> volumes,
        List<DictionaryEntry> dictionary, ProcessingRegister register, List<String> reports) {

    public AuditResult {
        profiles = List.copyOf(profiles);
        alerts = List.copyOf(alerts);
        volumes = List.copyOf(volumes);
        dictionary = List.copyOf(dictionary);
        reports = List.copyOf(reports);
    }
}
