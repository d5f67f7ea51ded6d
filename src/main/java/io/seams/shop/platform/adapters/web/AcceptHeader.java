package io.seams.shop.platform.adapters.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Accept} header of a request to the API, read before the operation runs, as RFC 9110
 * and RFC 8259 mean it:
 *
 * <ul>
 *   <li>JSON is UTF-8 and has no {@code charset} parameter (RFC 8259, section 11), so one is
 *       ignored: {@code application/json;charset=utf-16} asks for the one JSON there is. Spring MVC
 *       alone would run the operation, find no way to write UTF-16, and answer 500 for an order it
 *       had placed.
 *   <li>A header that cannot be parsed is a {@code 400}, and one that gives {@code application/json}
 *       the quality 0 (refuses it, e.g. {@code application/json;q=0, *}{@code /*}) a {@code 406}.
 * </ul>
 *
 * Every other {@code Accept} is left to Spring MVC, which answers {@code 406} before the operation
 * runs when it leaves JSON out (the operations declare {@code produces}).
 */
@Component
class AcceptHeader extends OncePerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;]*)");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/internal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var sent = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (sent.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var ranges = sent.stream()
                .flatMap(value -> MimeTypeUtils.tokenize(value).stream())
                .map(range -> CHARSET.matcher(range).replaceAll("").strip())
                .filter(range -> !range.isEmpty())
                .toList();
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(ranges);
        } catch (IllegalArgumentException unparseable) {
            ErrorProblems.refuse(
                    request, response, HttpStatus.BAD_REQUEST, "The Accept header cannot be parsed as media ranges");
            return;
        }
        if (refusesJson(types)) {
            ErrorProblems.refuse(
                    request,
                    response,
                    HttpStatus.NOT_ACCEPTABLE,
                    "The Accept header refuses application/json, the only type this API answers with");
            return;
        }
        chain.doFilter(new Accepting(request, String.join(", ", ranges)), response);
    }

    /** Whether the range that decides for {@code application/json}, the most specific one that includes it, has q=0. */
    private static boolean refusesJson(List<MediaType> types) {
        return types.stream()
                .filter(type -> type.includes(MediaType.APPLICATION_JSON))
                .max(Comparator.comparingInt(AcceptHeader::specificity))
                .filter(type -> type.getQualityValue() == 0)
                .isPresent();
    }

    private static int specificity(MediaType type) {
        return type.isWildcardType() ? 0 : type.isWildcardSubtype() ? 1 : 2;
    }

    /** The request with its {@code Accept} header as read here. */
    private static final class Accepting extends HttpServletRequestWrapper {

        private final String accept;

        Accepting(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
