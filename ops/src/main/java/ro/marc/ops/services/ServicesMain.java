package ro.marc.ops.services;

import ro.marc.ops.services.MarcServices.ServiceEndpoints;

/**
 * Starts the local-run services for manual use (an app started from the IDE, psql, curl) and prints
 * them as shell {@code export} lines; runs until Ctrl-C, which stops what it started.
 */
public final class ServicesMain {

    private ServicesMain() {}

    public static void main(String[] args) throws InterruptedException {
        ServiceEndpoints services = MarcServices.forLocalRun();
        System.out.println("export MARC_DB_URL=" + shellQuoted(services.jdbcUrl()));
        System.out.println("export MARC_DB_USER=" + shellQuoted(services.dbUser()));
        System.out.println("export MARC_DB_PASSWORD=" + shellQuoted(services.dbPassword()));
        System.out.println("export MARC_ES_URL=" + shellQuoted(services.elasticsearchUrl()));
        System.out.println("# Services are running; press Ctrl-C to stop them.");
        Thread.currentThread().join();
    }

    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
