package io.seams.shop.platform.adapters.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables and query parameters of type UUID take the 36-character form only, as JSON bodies
 * do ({@link CanonicalUuid}): {@code GET /api/orders/1-1-1-1-1} is a {@code 400}, not a search for
 * {@code 00000001-0001-0001-0001-000000000001}. An editor, not a converter: Spring falls back to
 * its own lenient UUID editor when a converter refuses.
 */
@ControllerAdvice
class CanonicalUuidParameters {

    @InitBinder
    void uuidsInFull(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : CanonicalUuid.parse(text));
            }
        });
    }
}
