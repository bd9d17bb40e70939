package com.livechat.e2e.browser.support;

import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.microsoft.playwright.Page;

import java.util.function.BiConsumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A walk through every main screen of the desktop with one fresh agent and customer, stopping at each screen to
 * let a test look at it (a screenshot, an accessibility scan): login, the idle desktop, the offer pop-up, a
 * conversation, the transfer dialog, the customer-ended alert, the wrap-up dialog, the history and a transcript.
 */
public final class DesktopTour {

    /** The screens, in the order the tour shows them; also the screenshot names' first part. */
    public static final String LOGIN = "login";
    public static final String IDLE = "desktop-idle";
    public static final String OFFER = "offer";
    public static final String CONVERSATION = "conversation";
    public static final String TRANSFER = "transfer-dialog";
    public static final String CUSTOMER_ENDED = "customer-ended";
    public static final String WRAP_UP = "wrapup-dialog";
    public static final String HISTORY = "history";
    public static final String TRANSCRIPT = "transcript";

    private DesktopTour() {
    }

    /** Walks the screens in {@code locale} at {@code viewport}, calling {@code atScreen} with each screen's name. */
    public static void walk(String locale, Browsers.Viewport viewport, BiConsumer<String, Page> atScreen) {
        try (DesktopScenario scenario = DesktopScenario.create("Support")) {
            String agentId = scenario.agent(locale.startsWith("fr") ? "Élodie Tourneur" : "Tom Tourist");
            DesktopPage desktop = DesktopPage.open(scenario.context(locale, viewport), E2eStack.gateway(0));
            Page page = desktop.page();
            atScreen.accept(LOGIN, page);
            desktop.login(agentId).becomeAvailable();
            atScreen.accept(IDLE, page);

            CustomerSession customer = scenario.customer();
            customer.send("Hello, my order A-1042 arrived broken.\nCan you help?").expect(202);
            assertThat(desktop.offerPopup().getByTestId("offer-thread").getByTestId("message")).hasCount(1);
            atScreen.accept(OFFER, page);
            desktop.acceptOffer(customer.conversationId());
            haveAConversationLongerThanThePane(desktop, customer);
            atScreen.accept(CONVERSATION, page);

            desktop.openTransfer();
            atScreen.accept(TRANSFER, page);
            desktop.transferDialog().getByTestId("dialog-cancel").click();
            assertThat(desktop.transferDialog()).isHidden();

            customer.end().expect(202);
            assertThat(desktop.byTestId("customer-ended-alert")).isVisible();
            atScreen.accept(CUSTOMER_ENDED, page);
            desktop.endConversation();
            atScreen.accept(WRAP_UP, page);
            desktop.wrapUp("RESOL", "RESOLVED", null);

            desktop.openHistory();
            assertThat(desktop.historyRow(customer.conversationId())).isVisible();
            atScreen.accept(HISTORY, page);
            desktop.openTranscript(customer.conversationId());
            atScreen.accept(TRANSCRIPT, page);
        }
    }

    /** A few exchanges, so the thread scrolls as a real one does (and the scans see it scroll). */
    private static void haveAConversationLongerThanThePane(DesktopPage desktop, CustomerSession customer) {
        desktop.typeAndPressEnter("Hello Jean,", "I am sorry to hear that. Let me check.");
        customer.send("The screen is cracked and the box was open.").expect(202);
        desktop.messageText("customer", "The screen is cracked");
        desktop.typeAndPressEnter("I can see order A-1042 delivered yesterday.",
                "Could you send a photo of the parcel?");
        customer.send("Sure, here it is: parcel.jpg").expect(202);
        desktop.messageText("customer", "parcel.jpg");
        desktop.typeAndPressEnter("Thank you. I am sending you a replacement today,",
                "you will receive a return label by e-mail.");
        customer.send("Perfect, thanks a lot!").expect(202);
        desktop.messageText("customer", "Perfect, thanks a lot!");
    }

    /** The screenshot name of a screen: {@code <screen>-<language>-<width>}. */
    public static String screenshotName(String screen, String locale, Browsers.Viewport viewport) {
        return screen + "-" + locale.substring(0, 2) + "-" + viewport.width();
    }
}
