package com.livechat.platform.kafka;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every Kafka consumer of the service its static {@code group.instance.id} ({@link StaticMembers}) when the
 * instance is named ({@value StaticMembers#INSTANCE_NAME}, environment {@code LIVECHAT_KAFKA_STATIC_MEMBER_ID}), with
 * the static members' longer session time-out ({@link StaticMembers#SESSION_TIMEOUT_MS}).
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        Optional<String> instanceName = ConfigProvider.getConfig().getOptionalValue(StaticMembers.INSTANCE_NAME,
                String.class);
        Map<String, Object> settings = StaticMembers.staticSettings(instanceName, config);
        if (settings.isEmpty()) {
            return config;
        }
        Map<String, Object> customized = new HashMap<>(config);
        customized.putAll(settings);
        return customized;
    }
}
