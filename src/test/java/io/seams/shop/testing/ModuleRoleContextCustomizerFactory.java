package io.seams.shop.testing;

import io.seams.shop.SeamsApplication;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs a module test's database work under its module's role ({@code seams_<module>}), which may
 * use only that module's schema and the event registry. SQL that strays into another module's
 * schema fails with "permission denied" in the module's own tests, long before the modules live
 * in different databases. Applies to {@code @ApplicationModuleTest}s, once the context has started
 * (migrations run as the owner).
 */
class ModuleRoleContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass).isPresent(ApplicationModuleTest.class)) {
            return null;
        }
        var root = SeamsApplication.class.getPackageName() + ".";
        var module = testClass.getPackageName().substring(root.length()).split("\\.")[0];
        return new ModuleRole("seams_" + module);
    }

    private record ModuleRole(String role) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("moduleRoleDataSources", new RoleDataSources(role));
        }
    }

    /** Wraps every DataSource; once the context has refreshed, each connection takes the role. */
    private static final class RoleDataSources
            implements BeanPostProcessor, ApplicationListener<ContextRefreshedEvent> {

        private final String role;
        private final List<RoleDataSource> wrapped = new ArrayList<>();

        RoleDataSources(String role) {
            this.role = role;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof RoleDataSource)) {
                var roleDataSource = new RoleDataSource(dataSource, role);
                wrapped.add(roleDataSource);
                return roleDataSource;
            }
            return bean;
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            wrapped.forEach(dataSource -> dataSource.active = true);
        }
    }

    private static final class RoleDataSource extends DelegatingDataSource {

        private final String role;
        private volatile boolean active;

        RoleDataSource(DataSource target, String role) {
            super(target);
            this.role = role;
        }

        @Override
        public Connection getConnection() throws SQLException {
            var connection = super.getConnection();
            try (var statement = connection.createStatement()) {
                statement.execute(active ? "SET ROLE " + role : "RESET ROLE");
            }
            return connection;
        }
    }
}
