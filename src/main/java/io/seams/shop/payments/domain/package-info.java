/** The payment aggregate and the gateway port it is authorised through. */
@DomainRing
package io.seams.shop.payments.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
