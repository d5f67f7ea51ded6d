package io.seams.example.library.notifications.internal;

import io.seams.example.library.loans.events.LoanOpened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes to a member when they borrow a book. */
@Component
class LoanNotifications {

    private final NotificationService notifications;

    LoanNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(LoanOpened loan) {
        notifications.send(
                loan.memberEmail(),
                "You borrowed " + loan.title(),
                "Please bring \"" + loan.title() + "\" back by " + loan.dueOn() + ".");
    }
}
