package com.livechat.masking.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic customer and agent chat lines, English and French: 80 % without sensitive data (many with order
 * numbers, dates, amounts or versions that look like it) and 20 % with exactly one card number, IBAN, SSN, e-mail
 * address or phone number (every fifth line). Generated from a fixed seed, so every run measures the same text.
 */
final class ChatLines {

    private static final String[] CLEAN = {
            "Hi, I need help with my order please",
            "Hello! My order #A-58213 hasn't arrived yet, can you check?",
            "I ordered on 2024-03-15 and it still says processing",
            "The total was $1,234.56 but I was charged $1,334.56 on my statement",
            "I'm on version v2.14.3 of the app and it keeps crashing when I open settings",
            "The router is at 192.168.1.10, could that be the issue?",
            "Thanks a lot for your help, have a nice day!",
            "Can I speak to a manager please? This is the third time I ask",
            "The delivery window was 10:30 to 14:00 on 03/15/2024 but nobody came",
            "Ticket 48213377 was closed without an answer",
            "Sure, let me check that for you. One moment please.",
            "I can see your order, it left our warehouse yesterday and should arrive on Friday.",
            "Is there anything else I can help you with today?",
            "Bonjour, j'ai un problème avec ma commande n° 2024-11873",
            "Le montant était de 1 234,56 € au lieu de 1 134,56 €",
            "Je suis sur la version 2.14.3 de l'application et elle plante",
            "Merci beaucoup, bonne journée !",
            "La livraison est prévue le 15.03.2024 entre 14h45 et 16h",
            "Je vérifie votre commande, un instant s'il vous plaît.",
            "Votre colis 6A12345678901 est en cours d'acheminement.",
    };

    private static final String[] SENSITIVE = {
            "My card number is %s, can you retry the payment?",
            "Please refund to my IBAN %s, thanks",
            "For the tax form my SSN is %s",
            "You can reach me at %s if the chat drops",
            "Call me back at %s after 6pm please",
            "Mon numéro de carte est %s, pouvez-vous réessayer ?",
            "Remboursez-moi sur le compte %s svp",
            "Vous pouvez m'écrire à %s",
            "Rappelez-moi au %s après 18h",
    };

    private static final String[][] VALUES = {
            {"4111 1111 1111 1111", "5555-5555-5555-4444", "378734493671000"},
            {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606"},
            {"123-45-6789", "536-22-1234"},
            {"melissa@gmail.com", "john.doe+billing@example.co.uk"},
            {"+ 1 (123) 456 7890", "(415) 555-2671", "+447966197542"},
            {"4242 4242 4242 4242", "6011-0009-9013-9424"},
            {"FR7630006000011234567890189", "BE68 5390 0754 7034"},
            {"jean-pierre.dupont@orange.fr", "sophie.martin@free.fr"},
            {"+33 6 12 34 56 78", "+33612345678"},
    };

    private ChatLines() {
    }

    static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 5 != 4) {
                lines.add(CLEAN[random.nextInt(CLEAN.length)]);
            } else {
                int template = random.nextInt(SENSITIVE.length);
                String[] values = VALUES[template];
                lines.add(String.format(SENSITIVE[template], values[random.nextInt(values.length)]));
            }
        }
        return lines;
    }
}
