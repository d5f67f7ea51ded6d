/**
 * Dev-only: an embedded SMTP server for the notifications ({@code seams.mail.embedded.enabled},
 * off in {@code prod}).
 */
package io.seams.shop.platform.dev.mail;
