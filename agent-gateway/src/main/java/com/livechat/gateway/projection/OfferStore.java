package com.livechat.gateway.projection;

import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.json.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The projection of routing's offers: which offers are pending for which agent. */
@ApplicationScoped
public class OfferStore {

    public enum Status {
        PENDING, ACCEPTED, WITHDRAWN
    }

    private final Pool pool;

    public OfferStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> saveOffered(SqlClient client, ChatOffered offer) {
        return client.preparedQuery("""
                        insert into agent_offer (offer_id, conversation_id, agent_id, status, expires_at, offered)
                        values ($1, $2, $3, 'PENDING', $4, $5) on conflict (offer_id) do nothing""")
                .execute(Tuple.from(Arrays.asList(offer.offerId(), offer.conversationId(), offer.agentId(),
                        Times.toDb(offer.expiresAt()), EventJson.write(offer))))
                .replaceWithVoid();
    }

    /** Closes a pending offer; an offer already closed stays as it was. */
    public Uni<Void> close(SqlClient client, String offerId, Status status, String reason) {
        return client.preparedQuery("update agent_offer set status = $2, closed_reason = $3 where offer_id = $1 and status = 'PENDING'")
                .execute(Tuple.of(offerId, status.name(), reason))
                .replaceWithVoid();
    }

    public Uni<List<ChatOffered>> pendingFor(String agentId) {
        return pool.preparedQuery("select offered from agent_offer where agent_id = $1 and status = 'PENDING' order by expires_at, offer_id")
                .execute(Tuple.of(agentId))
                .map(rows -> {
                    List<ChatOffered> offers = new ArrayList<>();
                    rows.forEach(row -> offers.add(EventJson.read(row.getString("offered"), ChatOffered.class)));
                    return offers;
                });
    }

    public Uni<Optional<ChatOffered>> findPending(String offerId, String agentId) {
        return pool.preparedQuery("select offered from agent_offer where offer_id = $1 and agent_id = $2 and status = 'PENDING'")
                .execute(Tuple.of(offerId, agentId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(EventJson.read(rows.iterator().next().getString("offered"), ChatOffered.class)));
    }
}
