package io.seams.shop.customers.persistence;

import io.seams.shop.customers.CustomerId;
import io.seams.shop.customers.ShippingAddress;
import io.seams.shop.customers.domain.Customer;
import io.seams.shop.customers.domain.RegisteredCustomers;
import io.seams.shop.platform.adapters.database.JdbcAggregates;
import io.seams.shop.platform.kernel.AggregateEvents;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@RequiredArgsConstructor
class JdbcRegisteredCustomers extends JdbcAggregates<Customer, CustomerId> implements RegisteredCustomers {

    private final JdbcClient jdbc;
    private final AggregateEvents events;

    @Override
    protected Optional<Customer> select(CustomerId id, String lock) {
        return jdbc.sql("""
                        SELECT id, name, email, street, postal_code, city, country, erased, version
                        FROM customers.customer WHERE id = ?""" + lock)
                .param(id.id())
                .query((row, number) -> Customer.restore(
                        new CustomerId(row.getObject("id", UUID.class)),
                        row.getString("name"),
                        row.getString("email"),
                        new ShippingAddress(
                                row.getString("name"),
                                row.getString("street"),
                                row.getString("postal_code"),
                                row.getString("city"),
                                row.getString("country")),
                        row.getBoolean("erased"),
                        row.getLong("version")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Customer customer) {
        var address = customer.shippingAddress();
        jdbc.sql("""
                        INSERT INTO customers.customer
                            (id, name, email, street, postal_code, city, country, erased, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, false, 0)""")
                .params(
                        customer.getId().id(),
                        customer.name(),
                        customer.email(),
                        address.street(),
                        address.postalCode(),
                        address.city(),
                        address.country())
                .update();
        events.saved(customer);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(Customer customer) {
        var address = customer.shippingAddress();
        int updated = jdbc.sql("""
                        UPDATE customers.customer
                        SET name = ?, email = ?, street = ?, postal_code = ?, city = ?, country = ?, erased = ?,
                            version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(
                        customer.name(),
                        customer.email(),
                        address.street(),
                        address.postalCode(),
                        address.city(),
                        address.country(),
                        customer.isErased(),
                        customer.getId().id(),
                        customer.version())
                .update();
        events.updated(customer, updated);
    }
}
