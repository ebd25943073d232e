package io.tierzero.identity;

import org.springframework.web.util.HtmlUtils;

/** The frame of the requester pages that one-time links open. */
final class SelfServicePages {

    private SelfServicePages() {
    }

    /** {@code body} is HTML already escaped by the caller; {@code purpose} names the automated process. */
    static String page(String title, String body, String purpose) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s - TierZero service desk</title>
                <meta name="robots" content="noindex"></head>
                <body><h1>%s</h1>%s<p><small>TierZero service desk: this page is part of an automated %s.</small></p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), body, HtmlUtils.htmlEscape(purpose));
    }
}
