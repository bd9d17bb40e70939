package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.CadVariable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link CadVariable}. */
@Entity(name = "CadVariable")
@Table(name = "cad_variable")
public class CadVariableRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String conversationId;
    private String name;
    private String value;

    protected CadVariableRow() {
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }
}
