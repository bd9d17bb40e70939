package com.livechat.routing.domain;

/** An admin-defined reason for being IDLE ("Break", "Meeting", "Lunch"...). */
public record IdleCode(String code, String label) {
}
