package com.livechat.contracts.events;

/** The customer as the widget describes them; email and phone are optional. */
public record Customer(String name, String email, String phone) {
}
