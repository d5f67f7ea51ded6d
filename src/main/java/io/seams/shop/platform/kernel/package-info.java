/**
 * The shared kernel: value types every module may use, and nothing that needs Spring. Keep it
 * tiny: a type belongs here only if several modules speak it and no module owns it.
 */
@NamedInterface("kernel")
package io.seams.shop.platform.kernel;

import org.springframework.modulith.NamedInterface;
