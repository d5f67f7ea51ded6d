/** Sends notifications as e-mail through Spring's mail sender. */
@InfrastructureRing
package io.seams.shop.notifications.mail;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
