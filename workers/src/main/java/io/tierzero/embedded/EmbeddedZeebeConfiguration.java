package io.tierzero.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-memory Zeebe engine of the embedded default, inside the app. The Camunda client talks to it over gRPC
 * like to any cluster (camunda.client.grpc-address), so the same workers run unchanged against a real cluster.
 * The engine keeps no state across restarts: {@code LifecycleRecovery} re-drives open tickets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tierzero.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedZeebeConfiguration {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";

    @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
    ZeebeTestEngine embeddedZeebeEngine(@Value("${tierzero.embedded.zeebe.port}") int port) {
        ZeebeTestEngine engine = EngineFactory.create(port);
        engine.start();
        return engine;
    }

    /** The client must not connect (or deploy, or open job streams) before the engine listens. */
    @Bean
    static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(ENGINE_BEAN)).toArray(String[]::new));
            }
        };
    }
}
