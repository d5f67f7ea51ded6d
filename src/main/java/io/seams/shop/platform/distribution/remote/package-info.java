/** Calls to a module hosted in another process: HTTP clients built from the module's API interface. */
package io.seams.shop.platform.distribution.remote;
