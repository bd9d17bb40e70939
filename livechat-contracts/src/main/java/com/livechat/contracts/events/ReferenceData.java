package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * The latest version of an admin-defined item, on the compacted {@link Topics#REFERENCE_DATA} topic. The key names
 * the item ({@code queue:support}); a deleted item is published once more with {@code deleted = true}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReferenceData.QueueInfo.class, name = "QueueInfo"),
        @JsonSubTypes.Type(value = ReferenceData.AgentProfile.class, name = "AgentProfile"),
        @JsonSubTypes.Type(value = ReferenceData.IdleCodeInfo.class, name = "IdleCodeInfo"),
        @JsonSubTypes.Type(value = ReferenceData.WrapUpReasonInfo.class, name = "WrapUpReasonInfo"),
        @JsonSubTypes.Type(value = ReferenceData.MessageTemplateInfo.class, name = "MessageTemplateInfo")
})
public sealed interface ReferenceData extends LivechatRecord {

    boolean deleted();

    /** A queue; {@code businessHours} null when the queue is always open. */
    record QueueInfo(String id, String name, boolean deleted, BusinessHours businessHours) implements ReferenceData {

        public QueueInfo(String id, String name, boolean deleted) {
            this(id, name, deleted, null);
        }

        @Override
        public String key() {
            return "queue:" + id;
        }
    }

    record AgentProfile(String id, String displayName, List<String> queueIds, int capacity, boolean deleted)
            implements ReferenceData {
        @Override
        public String key() {
            return "agent:" + id;
        }
    }

    record IdleCodeInfo(String code, String label, boolean deleted) implements ReferenceData {
        @Override
        public String key() {
            return "idle-code:" + code;
        }
    }

    record WrapUpReasonInfo(String code, String label, boolean deleted) implements ReferenceData {
        @Override
        public String key() {
            return "wrap-up-reason:" + code;
        }
    }

    record MessageTemplateInfo(String id, String name, String body, boolean deleted) implements ReferenceData {
        @Override
        public String key() {
            return "template:" + id;
        }
    }
}
