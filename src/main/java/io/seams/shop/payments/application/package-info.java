/** Taking and refunding payments as orders are reserved and cancelled. */
@ApplicationRing
package io.seams.shop.payments.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
