package io.seams.shop.platform.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.shop.testing.InProcessSeams;
import io.seams.shop.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API over HTTPS, with a certificate generated for this test (keytool, in a temporary folder;
 * nothing committed): it answers over TLS, and a client that does not trust the certificate, or
 * speaks plain HTTP, gets nothing.
 */
class HttpsTests {

    static Path keyStore;
    static String password;
    static ConfigurableApplicationContext seams;

    @BeforeAll
    static void startSeamsWithAFreshCertificate() throws Exception {
        var folder = Files.createTempDirectory("seams-tls");
        keyStore = folder.resolve("seams.p12");
        var bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        password = HexFormat.of().formatHex(bytes);
        var keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "seams",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("keytool.log").toFile())
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0)
                .as("keytool made a certificate")
                .isTrue();
        var database = TestDatabases.fresh();
        seams = InProcessSeams.on(database)
                .run(
                        "--server.ssl.key-store=" + keyStore,
                        "--server.ssl.key-store-password=" + password,
                        "--server.ssl.key-store-type=PKCS12");
    }

    @AfterAll
    static void stop() {
        if (seams != null) {
            seams.close();
        }
    }

    @Test
    void theApiAnswersOverTlsToAClientThatTrustsTheCertificate() throws Exception {
        var response = client(trusting()).send(request("https"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("MUG-CLASSIC");
        assertThat(response.sslSession())
                .hasValueSatisfying(session -> assertThat(session.getProtocol()).startsWith("TLSv1."));
    }

    @Test
    void aClientThatDoesNotTrustItOrSpeaksPlainHttpGetsNothing() throws Exception {
        assertThatThrownBy(() ->
                        client(SSLContext.getDefault()).send(request("https"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        var plain = client(SSLContext.getDefault()).send(request("http"), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
    }

    private static HttpRequest request(String scheme) {
        var port = seams.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + "/api/catalog/products"))
                .build();
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static SSLContext trusting() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }
}
