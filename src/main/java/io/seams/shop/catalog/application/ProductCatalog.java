package io.seams.shop.catalog.application;

import io.seams.shop.catalog.Catalog;
import io.seams.shop.catalog.CatalogEntry;
import io.seams.shop.catalog.PriceList;
import io.seams.shop.catalog.Sku;
import io.seams.shop.catalog.domain.Product;
import io.seams.shop.catalog.domain.Products;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Answers the {@link Catalog} API from the catalog's own products. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class ProductCatalog implements Catalog {

    private final Products products;

    @Override
    public List<CatalogEntry> entries() {
        return products.findAll().stream().map(ProductCatalog::entryOf).toList();
    }

    /**
     * One SELECT, so no transaction of its own: placing an order asks this before its transaction
     * starts, and a read-only transaction around a single statement only added a BEGIN and a COMMIT
     * to every order. Joins the caller's transaction if there is one.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public PriceList pricesOf(Set<Sku> skus) {
        var entries =
                products.findAll(skus).stream().map(ProductCatalog::entryOf).toList();
        var unknown = new HashSet<>(skus);
        entries.forEach(entry -> unknown.remove(entry.sku()));
        return new PriceList(entries, unknown);
    }

    private static CatalogEntry entryOf(Product product) {
        return new CatalogEntry(product.getId(), product.name(), product.price());
    }
}
