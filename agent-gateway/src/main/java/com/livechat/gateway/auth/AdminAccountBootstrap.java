package com.livechat.gateway.auth;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/** Creates the {@code admin} account at startup when it is missing, so that the first administrator can log in. */
@ApplicationScoped
public class AdminAccountBootstrap {

    public static final String ADMIN_ID = "admin";

    private static final Logger LOG = Logger.getLogger(AdminAccountBootstrap.class);

    void onStart(@Observes StartupEvent event, GatewayConfig config, AccountRepository accounts) throws Throwable {
        String password = config.adminPassword().filter(value -> !value.isBlank()).orElseThrow(() ->
                new IllegalStateException("LIVECHAT_ADMIN_PASSWORD is not set: the gateway needs it to create the "
                        + "bootstrap 'admin' account. Set it in the environment and start again."));
        boolean created = VertxContextSupport.subscribeAndAwait(() ->
                accounts.createIfMissing(ADMIN_ID, "Administrator", password, List.of(Roles.ADMIN)));
        if (created) {
            LOG.info("Created the bootstrap 'admin' account");
        }
    }
}
