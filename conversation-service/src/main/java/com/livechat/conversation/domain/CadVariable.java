package com.livechat.conversation.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One call-associated-data variable of a conversation (custom attribute or system variable). */
@Entity
@Table(name = "cad_variable")
public class CadVariable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private String name;
    private String value;

    protected CadVariable() {
    }

    public CadVariable(String conversationId, String name, String value) {
        this.conversationId = conversationId;
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }
}
