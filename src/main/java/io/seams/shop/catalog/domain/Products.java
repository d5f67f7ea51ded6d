package io.seams.shop.catalog.domain;

import io.seams.shop.catalog.Sku;
import java.util.Collection;
import java.util.List;
import org.jmolecules.ddd.types.Repository;

/** All products of the catalog. */
public interface Products extends Repository<Product, Sku> {

    List<Product> findAll();

    List<Product> findAll(Collection<Sku> skus);
}
