package com.livechat.gateway.web;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The security headers of every answer of the gateway, pages, assets, API answers and errors alike (a Vert.x filter,
 * so that static files and answers no resource wrote get them too):
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fonts, images, connections (REST and WebSocket) from the
 * gateway's own origin only, no inline script or style, no plugins, no {@code <base>}; the built pages (Vite) need
 * nothing more. {@code frame-ancestors 'none'} everywhere but {@code /chat/}, the page the widget loader opens in an
 * iframe on customer sites: there the sites of {@code livechat.gateway.widget.allowed-origins} (and the gateway
 * itself), or any site when the list is unset;</li>
 * <li>{@code X-Frame-Options: DENY} (for browsers without {@code frame-ancestors}) except on {@code /chat/};</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} (the widget sends the host
 * page's address itself, and nothing else needs a referrer).</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CHAT_PAGE = "/chat/";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors ";

    private final String policy;
    private final String chatPolicy;

    public SecurityHeaders(GatewayConfig config) {
        this.policy = POLICY + "'none'";
        this.chatPolicy = POLICY + chatFrameAncestors(config.widget().allowedOrigins().orElse(List.of()));
    }

    /** {@code frame-ancestors} of the chat page: the gateway and the allowed sites, or any site. */
    static String chatFrameAncestors(List<String> allowedOrigins) {
        List<String> origins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        return origins.isEmpty() ? "*" : "'self' " + String.join(" ", origins);
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 1000);
    }

    private void addHeaders(RoutingContext context) {
        boolean chatPage = isChatPage(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", chatPage ? chatPolicy : policy);
            if (!chatPage) {
                headers.set("X-Frame-Options", "DENY");
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
        });
        context.next();
    }

    static boolean isChatPage(String path) {
        return path != null && (path.equals("/chat") || path.startsWith(CHAT_PAGE));
    }
}
