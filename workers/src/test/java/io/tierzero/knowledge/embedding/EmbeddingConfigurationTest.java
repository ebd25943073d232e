package io.tierzero.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EmbeddingConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddingProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmbeddingConfiguration.class);

    @Test
    void theModelLoadsOnFirstUseNotAtStart() {
        context.run(app -> {
            assertThat(app.getBeanFactory().getBeanDefinition("sentenceEmbedder").isLazyInit()).isTrue();
            assertThat(app.getBean(EmbeddingProperties.class).spec()).isEqualTo(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q);
            assertThat(app.getBean(SentenceEmbedder.class).dimensions()).isEqualTo(384);
        });
    }

    @Test
    void anotherModelIsDeclaredByProperties() {
        context.withPropertyValues("tierzero.embedding.model=bge-small-en-v15-q",
                        "tierzero.embedding.models.bge-small-en-v15-q.model-resource=bge-small-en-v15-q.onnx",
                        "tierzero.embedding.models.bge-small-en-v15-q.tokenizer-resource=bge-small-en-v15-q-tokenizer.json",
                        "tierzero.embedding.models.bge-small-en-v15-q.pooling=cls")
                .run(app -> assertThat(app.getBean(EmbeddingProperties.class).spec()).isEqualTo(new EmbeddingModelSpec(
                        "bge-small-en-v15-q", "bge-small-en-v15-q.onnx", "bge-small-en-v15-q-tokenizer.json", Pooling.CLS)));
    }
}
