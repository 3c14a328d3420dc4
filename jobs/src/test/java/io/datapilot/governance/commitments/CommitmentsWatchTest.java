package io.datapilot.governance.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.GovernanceConfig.CommitmentConfig;
import org.junit.jupiter.api.Test;

/** The status of a measure against its commitment: every operator, the warning margin, a missing measure, times of day. */
class CommitmentsWatchTest {

    @Test
    void aMeasureMeetsOrBreachesItsThresholdByTheOperator() {
        CommitmentConfig quality = new CommitmentConfig("qualite", "Qualité ≥ 95 %", "quality_score", ">=", "0.95", 0.02);
        assertThat(CommitmentsWatch.status(quality, 0.99, null).status()).isEqualTo(CommitmentStatus.OK);
        assertThat(CommitmentsWatch.status(quality, 0.96, "OK").status()).isEqualTo(CommitmentStatus.WARNING);
        CommitmentStatus breach = CommitmentsWatch.status(quality, 0.91, "WARNING");
        assertThat(breach.status()).isEqualTo(CommitmentStatus.BREACH);
        assertThat(breach.message()).isEqualTo("Breach: quality_score is 91,00 %, the contract asks >= 95,00 %.");
        assertThat(breach.changed()).isTrue();
        assertThat(CommitmentsWatch.status(quality, 0.95, null).status()).isEqualTo(CommitmentStatus.WARNING);

        CommitmentConfig strict = new CommitmentConfig("quarantaine", null, "quarantine_share", "<", "0.01", null);
        assertThat(CommitmentsWatch.status(strict, 0.01, null).status()).isEqualTo(CommitmentStatus.BREACH);
        assertThat(CommitmentsWatch.status(strict, 0.0099, null).status()).isEqualTo(CommitmentStatus.OK);
        CommitmentConfig above = new CommitmentConfig("justesse", null, "model.resilie.accuracy", ">", "0.8", null);
        assertThat(CommitmentsWatch.status(above, 0.8, null).status()).isEqualTo(CommitmentStatus.BREACH);
        assertThat(CommitmentsWatch.status(above, 0.8001, null).measuredText()).isEqualTo("0,8001");
    }

    @Test
    void theEndOfTheRunComparesAsATimeOfDay() {
        CommitmentConfig night = new CommitmentConfig("fin", null, "run_end_time", "<=", "06:00", 15.0);
        assertThat(CommitmentsWatch.status(night, 5 * 60 + 30.0, null).status()).isEqualTo(CommitmentStatus.OK);
        CommitmentStatus close = CommitmentsWatch.status(night, 5 * 60 + 50.0, null);
        assertThat(close.status()).isEqualTo(CommitmentStatus.WARNING);
        assertThat(close.measuredText()).isEqualTo("05:50");
        CommitmentStatus late = CommitmentsWatch.status(night, 6 * 60 + 12.0, null);
        assertThat(late.status()).isEqualTo(CommitmentStatus.BREACH);
        assertThat(late.message()).isEqualTo("Breach: run_end_time is 06:12, the contract asks <= 06:00.");
    }

    @Test
    void aMissingMeasureIsNoDataNotABreach() {
        CommitmentConfig erasure = new CommitmentConfig("effacement", null, "erasure_delay_days", "<=", "30", null);
        CommitmentStatus status = CommitmentsWatch.status(erasure, null, "OK");
        assertThat(status.status()).isEqualTo(CommitmentStatus.NO_DATA);
        assertThat(status.breached()).isFalse();
        assertThat(CommitmentsFile.line(status)).startsWith("NO_DATA  effacement: Nothing to measure erasure_delay_days");
    }
}
