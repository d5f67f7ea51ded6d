@InfrastructureRing
package io.seams.shop.audit.web;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
