package io.tierzero;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TierZeroApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierZeroApplication.class, args);
    }
}
