package com.livechat.conversation.domain;

/** The wording of every system message the service adds to a transcript. */
public final class SystemMessages {

    public static final String SENDER_NAME = "System";
    public static final String CUSTOMER_ENDED = "The customer has ended the conversation";
    public static final String CUSTOMER_INACTIVE = "The customer did not reply: the chat ended for inactivity";
    public static final String CHAT_ENDED = "The chat has ended. Thank you for contacting us.";
    public static final String NO_AGENT_AVAILABLE = "No agent was available to take your chat. The chat has ended.";
    public static final String TRANSFER_TO_AGENT = "You are being transferred to another agent. Please wait.";
    public static final String TRANSFER_REQUEUED = "The agent could not take your chat. You are back in the queue.";
    public static final String TRANSFER_ABANDONED = "No agent could take over your chat. The chat has ended.";

    private SystemMessages() {
    }

    public static String joined(String agentName) {
        return agentName + " joined the chat";
    }

    public static String left(String agentName) {
        return agentName + " left the chat";
    }

    /** To the agents of a chat a supervisor took over; each of them then wraps up. */
    public static String takenOver(String supervisorName) {
        return supervisorName + " (supervisor) took over the chat. Please wrap up.";
    }

    public static String transferToQueue(String queueName) {
        return "You are being transferred to " + queueName + ". Please wait for the next available agent.";
    }

    public static String conferenceNotJoined(String agentName) {
        return agentName + " did not join the conference";
    }

    public static String interrupted(String queueName) {
        return "This conversation was interrupted: the queue " + queueName
                + " was deleted. Nobody can send messages any more; end the chat and submit a wrap-up.";
    }
}
