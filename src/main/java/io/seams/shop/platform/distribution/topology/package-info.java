/**
 * Which modules this process hosts. The same jar runs as the whole monolith or as a process
 * hosting only some modules ({@code seams.topology.modules}); business modules never know which.
 */
@NamedInterface("topology")
package io.seams.shop.platform.distribution.topology;

import org.springframework.modulith.NamedInterface;
