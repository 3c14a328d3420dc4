package io.datapilot.governance.register;

/**
 * One checkpoint of the completed register.
 *
 * @param article the GDPR article it answers (for example {@code art. 30.1.f})
 * @param status {@code conforme} or {@code à traiter}
 * @param evidence what the run found, or what to set to make it hold
 */
public record RegisterCheckpoint(String article, String name, String status, String evidence) {
    public static final String MET = "conforme";
    public static final String MISSING = "à traiter";

    static RegisterCheckpoint of(String article, String name, boolean met, String evidence) {
        return new RegisterCheckpoint(article, name, met ? MET : MISSING, evidence);
    }

    public boolean met() {
        return MET.equals(status);
    }
}
