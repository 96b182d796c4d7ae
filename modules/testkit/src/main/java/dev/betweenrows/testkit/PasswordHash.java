package dev.betweenrows.testkit;

/** How a role's password is stored on the server (decides which hba methods can verify it). */
public enum PasswordHash {
    /** The PostgreSQL default; works with hba methods scram-sha-256, md5 (upgraded to SCRAM) and password. */
    SCRAM_SHA_256("scram-sha-256"),
    /** Legacy; needed to test a real md5 exchange. */
    MD5("md5");

    final String setting;

    PasswordHash(String setting) {
        this.setting = setting;
    }
}
