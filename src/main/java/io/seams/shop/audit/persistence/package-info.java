@InfrastructureRing
package io.seams.shop.audit.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
