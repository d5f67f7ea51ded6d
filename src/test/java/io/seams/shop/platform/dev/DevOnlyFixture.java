package io.seams.shop.platform.dev;

/** A dev-only class for PlatformPartsTests' fixtures to depend on. */
public final class DevOnlyFixture {

    private DevOnlyFixture() {}
}
