package com.livechat.gateway.web;

import com.livechat.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sites allowed to use the customer widget ({@code livechat.gateway.widget.allowed-origins}), checked on
 * {@code POST /api/chats}, {@code POST /api/invitations} and the customer socket's upgrade when the list is set. A
 * browser names the page's origin in {@code Origin}; the gateway's own pages (the widget's {@code /chat/} frame, whose
 * origin is the gateway's) always pass, and so do clients that send no {@code Origin} (not browsers: nothing to
 * protect there, the list is about which web pages may use the widget).
 */
@ApplicationScoped
public class AllowedOrigins {

    private final Set<String> allowed;

    @Inject
    public AllowedOrigins(GatewayConfig config) {
        this(config.widget().allowedOrigins().orElse(List.of()));
    }

    AllowedOrigins(List<String> origins) {
        this.allowed = origins.stream().map(AllowedOrigins::normalized).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a request with this {@code Origin} (null: none) to this {@code Host} may use the customer API. */
    public boolean allows(String origin, String host) {
        return allowed.isEmpty() || origin == null || isOwn(origin, host) || allowed.contains(normalized(origin));
    }

    /** The foreign page origin a browser request comes from, or null (no {@code Origin}, or the gateway's own). */
    public static String foreignOrigin(String origin, String host) {
        return origin == null || isOwn(origin, host) ? null : normalized(origin);
    }

    /** The gateway's own pages: the {@code Origin}'s host and port are the ones the request was sent to. */
    static boolean isOwn(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalized(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
