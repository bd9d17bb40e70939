package com.livechat.contracts.events;

/**
 * One weekly opening range of {@link BusinessHours}: {@code day} a day of the week ({@code MONDAY} to
 * {@code SUNDAY}), {@code opens} and {@code closes} local times ({@code HH:mm}). A range whose {@code closes} is at or
 * before its {@code opens} runs overnight and closes on the next day ({@code 00:00}-{@code 00:00}: the whole day).
 */
public record OpeningRange(String day, String opens, String closes) {
}
