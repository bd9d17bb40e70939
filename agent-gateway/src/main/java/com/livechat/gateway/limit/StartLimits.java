package com.livechat.gateway.limit;

import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.refusal.Throttled;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How many chats and proactive invitations may be started per client address and per site within
 * {@code livechat.gateway.limits.window} ({@code livechat.gateway.limits.*}); beyond, {@link Throttled} (429 with
 * {@code Retry-After}) before anything is written. The site is the origin of the page the widget runs on (the
 * browser's {@code Origin} when it is not the gateway's own, else the page address the client gives); a request
 * naming no site is limited per address only. Counted in each instance's memory: behind a load balancer, the limits
 * hold per instance.
 */
@ApplicationScoped
public class StartLimits {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final FixedWindows chatsPerAddress;
    private final FixedWindows chatsPerSite;
    private final FixedWindows invitationsPerAddress;
    private final FixedWindows invitationsPerSite;

    public StartLimits(GatewayConfig config, Clock clock) {
        this.clock = clock;
        GatewayConfig.Limits limits = config.limits();
        Duration window = limits.window();
        this.chatsPerAddress = new FixedWindows(limits.chatsPerAddress(), window, MAX_KEYS);
        this.chatsPerSite = new FixedWindows(limits.chatsPerSite(), window, MAX_KEYS);
        this.invitationsPerAddress = new FixedWindows(limits.invitationsPerAddress(), window, MAX_KEYS);
        this.invitationsPerSite = new FixedWindows(limits.invitationsPerSite(), window, MAX_KEYS);
    }

    /** Counts a chat start from {@code address} for {@code site} (null: none), or refuses it. */
    public void chargeChat(String address, String site) {
        charge(chatsPerAddress, chatsPerSite, address, site, "chats");
    }

    /** Counts an invitation from {@code address} for {@code site} (null: none), or refuses it. */
    public void chargeInvitation(String address, String site) {
        charge(invitationsPerAddress, invitationsPerSite, address, site, "invitations");
    }

    /** Refuses when either limit is reached (the refused request counts for neither), else counts it for both. */
    private void charge(FixedWindows perAddress, FixedWindows perSite, String address, String site, String what) {
        long now = clock.millis();
        Duration addressWait = perAddress.waitFor(address, now);
        Duration siteWait = site == null ? Duration.ZERO : perSite.waitFor(site, now);
        if (!addressWait.isZero() || !siteWait.isZero()) {
            boolean byAddress = addressWait.compareTo(siteWait) >= 0;
            long seconds = Throttled.seconds(byAddress ? addressWait : siteWait);
            throw new Throttled("TOO_MANY_REQUESTS", "Too many " + what + " started "
                    + (byAddress ? "from this address" : "for this site") + "; try again in " + seconds + " seconds.",
                    seconds);
        }
        perAddress.charge(address, now);
        if (site != null) {
            perSite.charge(site, now);
        }
    }

    /** {@code scheme://host[:port]} of an absolute http(s) address, lower-case; null when there is none. */
    public static String siteOf(String pageUrl) {
        if (pageUrl == null || pageUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(pageUrl.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return (scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
