/**
 * Infrastructure that is not business logic: the database and its per-module migrations, error
 * handling, and the shared vocabulary every module speaks ({@link io.seams.shop.platform.kernel.Money}).
 * Business modules may use it; it never depends on them.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package io.seams.shop.platform;

import org.springframework.modulith.ApplicationModule;
