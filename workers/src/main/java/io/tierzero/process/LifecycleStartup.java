package io.tierzero.process;

import io.tierzero.ticket.LifecycleRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start: deploy the lifecycles, then (on the in-memory engine, which starts empty) resume every open ticket.
 * A cluster keeps its instances, so there nothing is resumed.
 */
@Component
class LifecycleStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LifecycleStartup.class);

    private final ProcessDeployer deployer;
    private final LifecycleRecovery recovery;
    private final boolean engineStartsEmpty;

    LifecycleStartup(ProcessDeployer deployer, LifecycleRecovery recovery,
                     @Value("${tierzero.mode:embedded}") String mode) {
        this.deployer = deployer;
        this.recovery = recovery;
        this.engineStartsEmpty = "embedded".equals(mode);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        deployer.deploy();
        if (engineStartsEmpty) {
            int resumed = recovery.resumeOpenTickets();
            log.info("Resumed {} open tickets on the in-memory engine", resumed);
        }
    }
}
