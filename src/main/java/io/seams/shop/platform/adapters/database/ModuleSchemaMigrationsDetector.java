package io.seams.shop.platform.adapters.database;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Tells Spring Boot that beans using the database must wait for {@link ModuleSchemaMigrations}. */
class ModuleSchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ModuleSchemaMigrations.class);
    }
}
