/** Recipients, notifications sent, and the mailbox port. */
@DomainRing
package io.seams.shop.notifications.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
