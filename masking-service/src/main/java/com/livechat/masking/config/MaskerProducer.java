package com.livechat.masking.config;

import com.livechat.masking.domain.SensitiveDataMasker;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one masker of the service, shared by the REST API and the Kafka path (it is stateless and thread-safe). */
public class MaskerProducer {

    @Produces
    @Singleton
    SensitiveDataMasker masker(MaskingConfig config) {
        return SensitiveDataMasker.withAllDetectors(config.phoneRegions().toArray(String[]::new));
    }
}
