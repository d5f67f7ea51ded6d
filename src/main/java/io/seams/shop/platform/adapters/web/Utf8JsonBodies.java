package io.seams.shop.platform.adapters.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body is {@code application/json} in UTF-8 (RFC 8259, section 8.1), and nothing Jackson
 * could also make of it:
 *
 * <ul>
 *   <li>another {@code +json} type ({@code application/problem+json}, {@code
 *       application/vnd.example+json}) or a {@code charset} other than UTF-8 is a {@code 415};
 *   <li>bytes that are not UTF-8 are a {@code 400}, also those Jackson would decode leniently: an
 *       overlong form ({@code C0 AD} for {@code -}, {@code C0 AF} for {@code /}), an encoded
 *       surrogate, or UTF-16 and UTF-32 (whose zero bytes Jackson reads as a sign of them; a JSON
 *       text in UTF-8 holds no zero byte).
 * </ul>
 *
 * The body is at most {@code seams.web.max-request-bytes} ({@link RequestSizeLimit}), so it is read
 * once, checked, and handed on.
 */
@ControllerAdvice
class Utf8JsonBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        var type = message.getHeaders().getContentType();
        if (type == null
                || !type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                || (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset()))) {
            throw Problems.refusal(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "The body must be sent as application/json, in UTF-8");
        }
        var bytes = message.getBody().readAllBytes();
        if (!isUtf8Json(bytes)) {
            throw new HttpMessageNotReadableException("Not UTF-8", new NotUtf8(), message);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private static boolean isUtf8Json(byte[] bytes) {
        for (var b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The cause of the {@code 400}; {@link ApiProblems} says what it means. */
    static final class NotUtf8 extends IOException {

        @Serial
        private static final long serialVersionUID = 1L;

        NotUtf8() {
            super("The request body is not UTF-8: JSON is read in UTF-8 only (RFC 8259)");
        }
    }
}
