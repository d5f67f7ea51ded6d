package io.seams.shop.platform.dev.security;

import io.seams.shop.platform.adapters.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo accounts of the embedded authorization server: two customers, one staff member, one
 * operator. Their secrets are generated at every start and written to
 * {@code seams.security.embedded-authorization-server.accounts-directory} (one file per account,
 * readable by its owner only), never committed. For the command line each account is an OAuth2
 * client using the client-credentials grant; a real deployment signs people in through its
 * identity provider instead (docs/security.md).
 */
final class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /**
     * One account.
     *
     * @param name its name, the client id and the token's subject
     * @param roles its roles
     * @param customerId the customer record it is, for customers
     */
    record Account(String name, Set<String> roles, Optional<String> customerId) {}

    static final List<Account> ACCOUNTS = List.of(
            new Account("ada", Set.of(Caller.CUSTOMER), Optional.of("c0ffee00-0000-4000-8000-000000000001")),
            new Account("alan", Set.of(Caller.CUSTOMER), Optional.of("c0ffee00-0000-4000-8000-000000000002")),
            new Account("sam", Set.of(Caller.STAFF), Optional.empty()),
            new Account("olivia", Set.of(Caller.OPS), Optional.empty()));

    private final Map<String, String> secrets = new LinkedHashMap<>();

    DemoAccounts(Path directory) {
        var random = new SecureRandom();
        for (var account : ACCOUNTS) {
            var bytes = new byte[24];
            random.nextBytes(bytes);
            secrets.put(account.name(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        write(directory);
    }

    /** The secret generated for an account at this start. */
    String secretOf(String account) {
        var secret = secrets.get(account);
        if (secret == null) {
            throw new IllegalArgumentException("No demo account " + account);
        }
        return secret;
    }

    List<Account> accounts() {
        return ACCOUNTS;
    }

    private void write(Path directory) {
        try {
            Files.createDirectories(directory);
            for (var entry : secrets.entrySet()) {
                var file = directory.resolve(entry.getKey());
                Files.deleteIfExists(file);
                Files.createFile(file);
                restrictToOwner(file);
                Files.writeString(file, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo accounts' secrets to " + directory, e);
        }
        log.info(
                "Security: demo accounts {} (secrets generated for this run in {}/<account>)",
                secrets.keySet(),
                directory);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder protects it.
        }
    }
}
