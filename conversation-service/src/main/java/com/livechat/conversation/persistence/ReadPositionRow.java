package com.livechat.conversation.persistence;

import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.domain.ReadPosition;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The stored {@link ReadPosition}: one row per conversation and reader, replaced as the reader reads on. */
@Entity(name = "ReadPosition")
@Table(name = "read_position")
@IdClass(ReadPositionRow.Key.class)
public class ReadPositionRow {

    /** The primary key: conversation and reader. */
    public static class Key implements Serializable {

        private String conversationId;
        private String readerKey;

        public Key() {
        }

        Key(String conversationId, String readerKey) {
            this.conversationId = conversationId;
            this.readerKey = readerKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(conversationId, key.conversationId)
                    && Objects.equals(readerKey, key.readerKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(conversationId, readerKey);
        }
    }

    @Id
    private String conversationId;
    @Id
    private String readerKey;
    private String readerType;
    private String agentId;
    private long lastReadSeq;
    private Instant readAt;

    protected ReadPositionRow() {
    }

    static ReadPositionRow of(ReadPosition position) {
        ReadPositionRow row = new ReadPositionRow();
        row.conversationId = position.conversationId();
        row.readerKey = position.readerKey();
        row.readerType = position.readerType().name();
        row.agentId = position.agentId();
        row.lastReadSeq = position.lastReadSeq();
        row.readAt = position.readAt();
        return row;
    }

    static Key key(String conversationId, SenderType readerType, String agentId) {
        return new Key(conversationId, ReadPosition.readerKey(readerType, agentId));
    }

    ReadPosition toReadPosition() {
        return new ReadPosition(conversationId, SenderType.valueOf(readerType), agentId, lastReadSeq, readAt);
    }
}
