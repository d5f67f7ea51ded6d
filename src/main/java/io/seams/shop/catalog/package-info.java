/**
 * The catalog: products and their current prices. Other modules ask it for prices through
 * {@link io.seams.shop.catalog.Catalog}; SKUs ({@link io.seams.shop.catalog.Sku}) are its
 * published language.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = "platform :: kernel")
package io.seams.shop.catalog;

import org.springframework.modulith.ApplicationModule;
