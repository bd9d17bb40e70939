package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailDetectorTest {

    private final EmailDetector detector = new EmailDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "melissa@gmail.com", "john.doe+billing@example.co.uk", "jean-pierre.dupont@orange.fr",
            "j_smith99@company-mail.com", "françois.lefèvre@exemple.fr", "SUPPORT@EXAMPLE.COM", "a@b.io"
    })
    void findsAddresses(String email) {
        String text = "écrivez à " + email + ", merci";

        assertEquals(List.of(new Finding(SensitiveType.EMAIL, 10, 10 + email.length())), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "user@localhost", "price@5.99", "meet @ 10:30", "@home", "a@b", "follow @melissa", "x@-bad.com",
            "john..doe@example.com", "john.@example.com", "someone@example.c",
            "photo@2x.png", "icon@3x.zip", "rapport.pdf", "@jean_dupont", "backup@server.local",
            "logo@brand.svg", "user@example.notatld"     // no such top-level domain
    })
    void ignoresWhatIsNotAnAddress(String text) {
        assertEquals(List.of(), detector.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@correo.es", "jan@firma.amsterdam", "m@shop.paris", "x@例え.みんな", "a@b.ελ"})
    void acceptsEveryTopLevelDomainOfIanasList(String email) {
        assertEquals(List.of(new Finding(SensitiveType.EMAIL, 0, email.length())), detector.find(email));
    }

    @Test
    void ianasListIsLoadedFromTheServicesResources() {
        assertTrue(TopLevelDomains.count() > 1_400, "top-level domains: " + TopLevelDomains.count());
        assertTrue(TopLevelDomains.contains("mail.FR", 5, 7));
        assertFalse(TopLevelDomains.contains("photo.png", 6, 9));
    }

    @Test
    void leavesSurroundingPunctuationOut() {
        String text = "(mail: --melissa@gmail.com.)";

        assertEquals(List.of(new Finding(SensitiveType.EMAIL, 9, 26)), detector.find(text));
    }

    @Test
    void findsSeveralAddresses() {
        String text = "a.b@c.com;d@e.fr";

        assertEquals(List.of(new Finding(SensitiveType.EMAIL, 0, 9), new Finding(SensitiveType.EMAIL, 10, 16)),
                detector.find(text));
    }
}
