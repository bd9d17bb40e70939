package com.livechat.gateway.supervision;

/** A queue that exists (reference data): it is listed even before anything happened in it today. */
public record QueueRef(String queueId, String queueName) {
}
