/** Keeps recipients and sent notifications in the {@code notifications} schema. */
@InfrastructureRing
package io.seams.shop.notifications.persistence;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
