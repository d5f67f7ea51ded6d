package io.seams.shop.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Access tokens for the demo accounts, asked of the embedded authorization server the way a
 * client would: {@code POST /oauth2/token} with the account's name and generated secret.
 */
public final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    static final String ACCOUNTS_DIRECTORY = "seams.security.embedded-authorization-server.accounts-directory";

    private Tokens() {}

    /**
     * A folder for one test application's demo account secrets: a temporary one of its own, not
     * the project's {@code .seams/} that a running Seams uses.
     */
    public static String accountsDirectory() {
        try {
            return Files.createTempDirectory("seams-demo-accounts").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A token for a demo account of the application running in this context. */
    public static String of(ApplicationContext context, String account) {
        var environment = context.getEnvironment();
        return of(
                "http://127.0.0.1:" + environment.getProperty("local.server.port"),
                account,
                secretIn(Path.of(environment.getRequiredProperty(ACCOUNTS_DIRECTORY)), account));
    }

    /** The secret the application generated for a demo account at its start. */
    public static String secretIn(Path accountsDirectory, String account) {
        try {
            return Files.readString(accountsDirectory.resolve(account));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A token from the authorization server at {@code baseUrl}. */
    public static String of(String baseUrl, String account, String secret) {
        var credentials = Base64.getEncoder().encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            var token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "No token for " + account + ": " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same client, sending the account's token with every request. */
    public static RestTestClient as(RestTestClient http, ApplicationContext context, String account) {
        return http.mutate()
                .defaultHeader("Authorization", "Bearer " + of(context, account))
                .build();
    }
}
