/**
 * The supervisor console's figures, pure: handed the projected queue entries, agents and RONA counts, the instant
 * and the start of the day, it computes per-queue and per-agent figures. No I/O, no clock, no framework type
 * (checked by the gateway's {@code ArchitectureTest}); the projection ({@code projection.SupervisionStore}) loads the
 * inputs, the REST resource, the supervisor socket and the Prometheus gauges show the result.
 */
package com.livechat.gateway.supervision;
