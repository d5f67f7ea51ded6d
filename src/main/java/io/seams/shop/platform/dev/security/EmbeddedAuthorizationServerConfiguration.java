package io.seams.shop.platform.dev.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.seams.shop.platform.adapters.security.Caller;
import io.seams.shop.platform.adapters.security.SecurityProperties;
import io.seams.shop.platform.adapters.security.SigningKey;
import io.seams.shop.platform.distribution.topology.NeededByHostedModule;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The authorization server of the default profile (Spring Authorization Server), so that a
 * newcomer can get a token with nothing installed: {@code POST /oauth2/token} with a demo
 * account's name and generated secret (client credentials). Its key is generated at start.
 * {@code seams.security.embedded-authorization-server.enabled=false} (the {@code prod} profile)
 * leaves tokens to an external provider. Unset, it runs in the monolith and in the process that
 * hosts customers (the shop of a split: the demo accounts are its customers and staff); a process
 * hosting other modules only checks tokens against {@code seams.security.jwk-set-uri}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(EmbeddedAuthorizationServerConfiguration.NeededHere.class)
class EmbeddedAuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        // Only the authorization server's endpoints (/oauth2/token, /oauth2/jwks, metadata): the
        // API has a chain of its own.
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    SigningKey signingKey() {
        return SigningKey.generate();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKey key) {
        var rsa = new RSAKey.Builder((RSAPublicKey) key.keyPair().getPublic())
                .privateKey((RSAPrivateKey) key.keyPair().getPrivate())
                .keyID(key.id())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(rsa));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    DemoAccounts demoAccounts(SecurityProperties properties) {
        return new DemoAccounts(properties.embeddedAuthorizationServer().accountsDirectory());
    }

    @Bean
    RegisteredClientRepository demoClients(DemoAccounts accounts, SecurityProperties properties) {
        // The secrets are 192 random bits, not passwords: bcrypt's work factor protects guessable
        // secrets, and at its default (10) it cost a second of every start and 0.1 s of every token.
        var secrets = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        var tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.embeddedAuthorizationServer().tokenLifetime())
                .build();
        return new InMemoryRegisteredClientRepository(accounts.accounts().stream()
                .map(account -> RegisteredClient.withId(account.name())
                        .clientId(account.name())
                        .clientSecret(secrets.encode(accounts.secretOf(account.name())))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens)
                        .build())
                .toList());
    }

    /** Every token names Seams as its audience and carries the account's roles and, for customers, their id. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoAccountClaims(DemoAccounts accounts, SecurityProperties properties) {
        return context -> accounts.accounts().stream()
                .filter(account ->
                        account.name().equals(context.getRegisteredClient().getClientId()))
                .findFirst()
                .ifPresent(account -> {
                    context.getClaims().audience(List.of(properties.audience()));
                    context.getClaims().claim(Caller.ROLES_CLAIM, List.copyOf(account.roles()));
                    account.customerId().ifPresent(id -> context.getClaims().claim(Caller.CUSTOMER_CLAIM, id));
                });
    }

    static class NeededHere extends NeededByHostedModule {

        NeededHere() {
            super("seams.security.embedded-authorization-server.enabled", "customers");
        }
    }
}
