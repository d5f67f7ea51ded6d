/**
 * The events of the loans module, which other modules may listen to ({@code loans::events}).
 */
@NamedInterface("events")
package io.seams.example.library.loans.events;

import org.springframework.modulith.NamedInterface;
