package ro.marc.ops.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ro.marc.ops.services.MarcServices.ServiceEndpoints;

/**
 * Runs the MARC app locally: starts the services ({@link MarcServices#forLocalRun()}), then the Spring
 * Boot jar as a child process with profile {@code local}. Ctrl-C stops the app, then the services.
 *
 * <p>Argument: the app jar, default {@code api/target/marc-api.jar} relative to the working dir.
 */
public final class RunLocal {

    private static final Logger log = LoggerFactory.getLogger(RunLocal.class);

    private RunLocal() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args.length > 0 ? args[0] : "api/target/marc-api.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build it first: ./mvnw -pl api -am package -DskipTests");
        }
        ServiceEndpoints services = MarcServices.forLocalRun();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=local")
                .inheritIO();
        Map<String, String> env = builder.environment();
        env.put("MARC_DB_URL", services.jdbcUrl());
        env.put("MARC_DB_USER", services.dbUser());
        env.put("MARC_DB_PASSWORD", services.dbPassword());
        env.put("MARC_ES_URL", services.elasticsearchUrl());

        log.info("Starting {}", jar);
        Process app = builder.start();
        // Registered after the services, so it runs before they stop.
        Cleanup.atExit("stop the MARC app", () -> {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        });
        int exit = app.waitFor();
        log.info("The MARC app exited with code {}", exit);
        System.exit(exit);
    }
}
