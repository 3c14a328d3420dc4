package io.datapilot.governance.register;

import io.datapilot.core.report.ReportFiles;
import io.datapilot.governance.GovernanceTables;

/**
 * Writes the completed register: {@code governance.register_checkpoints}, {@code governance.personal_tables}
 * and {@code governance.erasure_requests} for the run date, and {@code registre_traitements.md} and
 * {@code .xlsx} in the run date's governance folder.
 */
public final class RegisterTables {
    public static final String CHECKPOINTS = "register_checkpoints";
    public static final String PERSONAL_TABLES = "personal_tables";
    public static final String ERASURE_REQUESTS = "erasure_requests";
    public static final String FILE = "registre_traitements";

    private RegisterTables() {}

    public static CompletedRegister write(GovernanceTables tables, ReportFiles files, CompletedRegister register, RegisterFacts facts,
            String project) {
        tables.write(CHECKPOINTS, RegisterCheckpoint.class, register.checkpoints());
        tables.write(PERSONAL_TABLES, PersonalTable.class, facts.tables());
        tables.write(ERASURE_REQUESTS, ErasureRequest.class, facts.erasures());
        files.writeText(FILE + ".md", register.markdown(project));
        files.writeWorkbook(FILE + ".xlsx", register.tables());
        return register;
    }
}
