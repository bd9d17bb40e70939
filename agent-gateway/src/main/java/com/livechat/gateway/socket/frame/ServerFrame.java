package com.livechat.gateway.socket.frame;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends on a socket. Its JSON {@code type} is the record's {@code @JsonTypeName}, written first;
 * the schema of each type is {@code contracts/schemas/socket/<agent|customer|supervisor|shared>/<type>.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ServerFrame permits AgentFrame, CustomerFrame, SupervisorFrame {
}
