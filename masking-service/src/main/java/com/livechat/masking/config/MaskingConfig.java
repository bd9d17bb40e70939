package com.livechat.masking.config;

import com.livechat.contracts.events.Topics;
import com.livechat.masking.domain.PhoneDetector;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of the masking service ({@code livechat.masking.*}). */
@ConfigMapping(prefix = "livechat.masking")
public interface MaskingConfig {

    /**
     * ISO 3166 regions whose national format phone numbers written without a country code are read in (a number is
     * masked when it is valid in at least one of them); see {@link PhoneDetector}.
     */
    @WithDefault(PhoneDetector.DEFAULT_REGIONS)
    List<String> phoneRegions();

    /** Longest text, in characters, that {@code POST /masking/mask} accepts. */
    @WithDefault("10000")
    int maxTextLength();

    /**
     * Largest inbound Kafka record value, in bytes, that is masked; larger ones go to the dead-letter topic. Defaults
     * to the limit the gateway checks before producing ({@link Topics#INBOUND_MAX_RECORD_BYTES}).
     */
    @WithDefault("" + Topics.INBOUND_MAX_RECORD_BYTES)
    int maxRecordBytes();

    /** How often each instance re-reads the masking policy, so that a change made on another instance applies here. */
    @WithDefault("2s")
    Duration policyRefresh();
}
