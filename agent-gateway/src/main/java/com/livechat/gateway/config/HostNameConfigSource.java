package com.livechat.gateway.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Supplies {@code livechat.host-name}, the default instance id: every gateway instance needs its own Kafka
 * consumer group, and the shell's {@code HOSTNAME} is usually not exported to the JVM.
 */
public class HostNameConfigSource implements ConfigSource {

    static final String PROPERTY = "livechat.host-name";

    private final String hostName = resolveHostName();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? hostName : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, hostName);
    }

    @Override
    public String getName() {
        return "livechat-host-name";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties and the environment: only a default.
        return 50;
    }

    private static String resolveHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A unique id still gives the instance a consumer group of its own.
            return "gateway-" + UUID.randomUUID();
        }
    }
}
