package io.seams.shop.customers;

import org.jspecify.annotations.Nullable;

/**
 * Where a customer's parcels go. Personal data: modules that keep a copy replace it when the
 * customer is erased.
 *
 * @param recipient the name on the parcel
 * @param street street and number
 * @param postalCode the postal code
 * @param city the city
 * @param country ISO 3166 country code
 */
public record ShippingAddress(String recipient, String street, String postalCode, String city, String country) {

    /** What replaces an erased customer's address: nothing that identifies a person. */
    public static final ShippingAddress ERASED = new ShippingAddress("erased", "erased", "erased", "erased", "--");

    /** What erasing a customer means for a copy of this address that another module keeps. */
    public ShippingAddress asKept(boolean customerErased) {
        return customerErased ? ERASED : this;
    }

    /**
     * What erasing a customer means for a copy of their address that another module may keep: once
     * the customer is erased, the copy is {@link #ERASED}, even where the module had none.
     */
    public static @Nullable ShippingAddress kept(@Nullable ShippingAddress address, boolean customerErased) {
        return customerErased ? ERASED : address;
    }
}
