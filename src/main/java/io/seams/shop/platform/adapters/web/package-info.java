/**
 * How every module's HTTP API reports problems: RFC 9457 problem details, never a stack trace.
 * Modules use {@link io.seams.shop.platform.adapters.web.Problems} to turn a domain outcome into a problem.
 */
@NamedInterface("web")
package io.seams.shop.platform.adapters.web;

import org.springframework.modulith.NamedInterface;
