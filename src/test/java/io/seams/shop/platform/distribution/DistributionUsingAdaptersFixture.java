package io.seams.shop.platform.distribution;

import io.seams.shop.platform.adapters.web.Problems;

/** Seeded for PlatformPartsTests: a distribution class that uses an adapter. */
final class DistributionUsingAdaptersFixture {

    static Object used() {
        return Problems.class;
    }
}
