package io.seams.shop.platform.adapters.web;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * The contracts served from {@code docs/api/} at {@code /contracts/...} ({@link FrontDoor}) are YAML,
 * which neither Tomcat nor Spring knows: they go out as {@code application/yaml} (RFC 9512), not
 * as bytes of no type.
 */
@Component
class ContractMediaTypes implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        var yaml = new MimeMappings();
        yaml.add("yaml", "application/yaml");
        yaml.add("yml", "application/yaml");
        factory.addMimeMappings(yaml);
    }
}
