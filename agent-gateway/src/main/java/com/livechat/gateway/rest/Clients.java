package com.livechat.gateway.rest;

import com.livechat.gateway.limit.StartLimits;
import com.livechat.gateway.refusal.Refusal;
import com.livechat.gateway.web.AllowedOrigins;
import io.vertx.core.http.HttpServerRequest;

/** What the REST resources know of the client calling them: its address and, for the widget, its site. */
final class Clients {

    private Clients() {
    }

    /** The client's address as the gateway sees it (the proxy's, behind one that does not forward it). */
    static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /**
     * The site a widget request comes from, after checking that it may ({@code ORIGIN_NOT_ALLOWED} otherwise): the
     * browser's foreign {@code Origin}, else the origin of the page address the client gives, else null.
     */
    static String checkedSite(HttpServerRequest http, AllowedOrigins origins, String pageUrl) {
        String origin = http.getHeader("Origin");
        String host = http.getHeader("Host");
        if (!origins.allows(origin, host)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ORIGIN_NOT_ALLOWED",
                    "This site may not use the chat (Origin " + origin + " is not in the allowed origins).");
        }
        String foreign = AllowedOrigins.foreignOrigin(origin, host);
        return foreign != null ? foreign : StartLimits.siteOf(pageUrl);
    }
}
