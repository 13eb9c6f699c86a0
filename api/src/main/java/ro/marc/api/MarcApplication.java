package ro.marc.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"ro.marc.api", "ro.marc.command", "ro.marc.query"})
public class MarcApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarcApplication.class, args);
    }

    static {
        // Axon reads this before Spring properties exist; MARC runs on a closed intranet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
