package io.seams.shop.platform.kernel;

import io.seams.shop.platform.adapters.web.Problems;
import io.seams.shop.platform.dev.DevOnlyFixture;

/** Seeded for PlatformPartsTests: a kernel class that uses an adapter and a dev-only class. */
final class KernelReachingOutFixture {

    static Object[] used() {
        return new Object[] {Problems.class, DevOnlyFixture.class};
    }
}
