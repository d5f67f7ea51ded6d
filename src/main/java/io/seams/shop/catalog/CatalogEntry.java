package io.seams.shop.catalog;

import io.seams.shop.platform.kernel.Money;

/**
 * A product as the catalog offers it right now.
 *
 * @param sku the product's SKU
 * @param name the product's display name
 * @param price its current unit price
 */
public record CatalogEntry(Sku sku, String name, Money price) {}
