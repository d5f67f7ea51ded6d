@ApplicationRing
package io.seams.shop.audit.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
