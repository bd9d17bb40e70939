package com.livechat.e2e.browser.support;

import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.microsoft.playwright.BrowserContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One browser scenario's own world: a fresh queue (so no other scenario's chat is offered here), fresh agents
 * serving it, their desktops in separate browser contexts, and customers started through the gateway's customer
 * API where a browser customer is not the point. {@link #close()} closes every context and socket it opened.
 */
public final class DesktopScenario implements AutoCloseable {

    public static final String CUSTOMER_NAME = "Jean Dupont";

    private final String queueId;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private DesktopScenario(String queueId) {
        this.queueId = queueId;
    }

    /** A scenario with a fresh queue whose RONA timeout is 60 s (long enough to never fire by accident). */
    public static DesktopScenario create(String name) {
        return create(name, 60);
    }

    public static DesktopScenario create(String name, int ronaTimeoutSeconds) {
        return new DesktopScenario(Fixtures.queue(name, ronaTimeoutSeconds));
    }

    public String queueId() {
        return queueId;
    }

    /** A fresh agent serving this scenario's queue. */
    public String agent(String displayName) {
        return Fixtures.agent(displayName, queueId);
    }

    /** A fresh agent serving no queue: only transfers and conferences reach them. */
    public String agentOutsideTheQueue(String displayName) {
        return Fixtures.agent(displayName, 3);
    }

    /** A new browser context for one actor, closed with the scenario. */
    public BrowserContext context(String locale, Browsers.Viewport viewport) {
        BrowserContext context = Browsers.newContext(locale, viewport);
        opened.add(context);
        return context;
    }

    /** {@code agentId}'s desktop, logged in, in English at the reference size. */
    public DesktopPage desktop(String agentId) {
        return desktop(agentId, "en-GB", Browsers.DESKTOP);
    }

    public DesktopPage desktop(String agentId, String locale, Browsers.Viewport viewport) {
        return DesktopPage.loggedIn(context(locale, viewport), E2eStack.gateway(0), agentId);
    }

    /** {@code agentId}'s desktop, logged in and Available. */
    public DesktopPage availableDesktop(String agentId) {
        return desktop(agentId).becomeAvailable();
    }

    /** The agent through the gateway's API and socket (no browser): for a colleague who is not the point. */
    public AgentSession agentSession(String agentId) {
        AgentSession session = AgentSession.login(E2eStack.gateway(0), agentId);
        opened.add(session);
        return session;
    }

    /** A customer starting a chat in this scenario's queue (name, e-mail, phone and an order number as CAD). */
    public CustomerSession customer() {
        return customer(CUSTOMER_NAME);
    }

    public CustomerSession customer(String name) {
        CustomerSession customer = CustomerSession.start(E2eStack.gateway(1), queueId, name,
                "jean.dupont@example.com", "+33 6 12 34 56 78");
        opened.add(customer);
        return customer;
    }

    /** A customer whose chat {@code desktop}'s agent has accepted and opened. */
    public CustomerSession acceptedCustomer(DesktopPage desktop) {
        return acceptedCustomer(desktop, CUSTOMER_NAME);
    }

    public CustomerSession acceptedCustomer(DesktopPage desktop, String name) {
        CustomerSession customer = customer(name);
        desktop.acceptOffer(customer.conversationId());
        customer.socket().await("agent-joined", AgentSession.WAIT);
        return customer;
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing the others matters more than this one's failure to say goodbye
            }
        }
    }
}
