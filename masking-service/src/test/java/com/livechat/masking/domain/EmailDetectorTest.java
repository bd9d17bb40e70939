package com.livechat.masking.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            "john..doe@example.com", "john.@example.com", "someone@example.c"
    })
    void ignoresWhatIsNotAnAddress(String text) {
        assertEquals(List.of(), detector.find(text));
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
