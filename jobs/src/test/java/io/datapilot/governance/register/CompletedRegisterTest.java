package io.datapilot.governance.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.config.RgpdConfig.RetentionPolicy;
import io.datapilot.rgpd.ProcessingRegister.PersonalColumn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The completed register's checkpoints follow the configuration and the run facts. */
class CompletedRegisterTest {
    private static final LocalDate RUN = LocalDate.of(2025, 3, 1);
    private static final List<PersonalColumn> COLUMNS = List.of(
            new PersonalColumn("clients", "email", "adresse e-mail", 1, "pseudonymise", null, "config"),
            new PersonalColumn("clients", "nom", "nom ou prénom", 1, "drop", null, "config"));

    private static RgpdConfig rgpd(String accessControl, RetentionPolicy policy) {
        return new RgpdConfig("Responsable", "Finalité", "Intérêt légitime", List.of("clients"), List.of("équipe data"), "Aucun",
                "13 mois", List.of("pseudonymisation"), accessControl, "datapilot erase", null, null, null, null, null, Map.of(), policy);
    }

    private static Map<String, String> statuses(CompletedRegister register) {
        return register.checkpoints().stream().collect(java.util.stream.Collectors.toMap(RegisterCheckpoint::name,
                RegisterCheckpoint::status));
    }

    @Test
    void everyCheckpointHoldsWhenTheConfigurationAndTheRunsSaySo() {
        RegisterFacts facts = new RegisterFacts(COLUMNS, List.of(new PersonalTable("bronze.clients", "email", 395, "default", "2025-02-28")),
                List.of(new ErasureRequest("DPO-1", RUN.minusDays(12), RUN.minusDays(2), 10, 14, 6, "erased")), Optional.of(RUN.minusDays(1)));
        CompletedRegister register = new CompletedRegister("p", rgpd("groupe data", new RetentionPolicy(Map.of("default", 395), null)), facts, RUN);
        assertThat(register.checkpoints()).allSatisfy(checkpoint -> assertThat(checkpoint.met()).as(checkpoint.toString()).isTrue());
        assertThat(register.markdown("p")).contains("DPO-1", "bronze.clients", "Tous les points de contrôle sont conformes");
    }

    @Test
    void checkpointsTurnToHandleWhenTheConfigurationOrTheRunsMissThem() {
        RegisterFacts noPeriod = new RegisterFacts(COLUMNS, List.of(new PersonalTable("bronze.clients", "email", null, null, null)),
                List.of(new ErasureRequest("DPO-2", RUN.minusDays(50), RUN.minusDays(5), 45, 3, 2, "erased")), Optional.empty());
        Map<String, String> statuses = statuses(new CompletedRegister("p", rgpd(null, new RetentionPolicy(Map.of(), null)), noPeriod, RUN));
        assertThat(statuses).containsEntry("Contrôle des accès", RegisterCheckpoint.MISSING)
                .containsEntry("Délais d'effacement", RegisterCheckpoint.MISSING)
                .containsEntry("Conservation appliquée", RegisterCheckpoint.MISSING)
                .containsEntry("Demandes d'effacement traitées sous un mois", RegisterCheckpoint.MISSING)
                .containsEntry("Responsable du traitement", RegisterCheckpoint.MET);
        RegisterFacts stale = new RegisterFacts(COLUMNS, List.of(new PersonalTable("bronze.clients", "email", 395, "default", "2024-12-01")),
                List.of(), Optional.of(LocalDate.of(2024, 12, 1)));
        CompletedRegister register = new CompletedRegister("p", rgpd("groupe data", new RetentionPolicy(Map.of("default", 395), null)), stale,
                RUN);
        assertThat(statuses(register)).containsEntry("Conservation appliquée", RegisterCheckpoint.MISSING)
                .containsEntry("Délais d'effacement", RegisterCheckpoint.MET)
                .containsEntry("Demandes d'effacement traitées sous un mois", RegisterCheckpoint.MET);
        assertThat(register.checkpoints()).filteredOn(checkpoint -> checkpoint.name().equals("Conservation appliquée")).singleElement()
                .extracting(RegisterCheckpoint::evidence).asString().contains("plus d'un mois", "datapilot retention --apply");
    }
}
