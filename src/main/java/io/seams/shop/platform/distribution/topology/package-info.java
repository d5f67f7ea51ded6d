/**
 * Which modules this process hosts, and which module a class belongs to. The same jar runs as the
 * whole monolith or as a process hosting only some modules ({@code seams.topology.modules});
 * business modules never know which (fitness rule 10), so this package is no named interface.
 */
package io.seams.shop.platform.distribution.topology;
