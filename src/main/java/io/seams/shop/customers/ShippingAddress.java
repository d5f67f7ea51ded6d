package io.seams.shop.customers;

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
}
