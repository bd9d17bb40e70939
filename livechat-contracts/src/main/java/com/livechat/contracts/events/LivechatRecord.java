package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What every record on a Livechat topic has: a schema version and the Kafka key that keeps its order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public interface LivechatRecord {

    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return SchemaVersion.CURRENT;
    }

    /** The Kafka record key: records with the same key are read in the order they were written. */
    @JsonIgnore
    String key();
}
