/**
 * The mail members get: a confirmation of every loan, with the day to bring the book back.
 *
 * <p>Offers nothing to other modules; listens to the events of {@code loans::events}. Owns the
 * {@code notification} table (migrations in {@code db/migration/notifications}), the log of what was sent.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = "loans::events")
package io.seams.example.library.notifications;

import org.springframework.modulith.ApplicationModule;
