package io.tierzero.compliance;

import java.io.ByteArrayOutputStream;
import org.xhtmlrenderer.pdf.ITextRenderer;

/** The evidence pack as PDF, for archives that take no HTML: the same document, laid out by Flying Saucer. */
final class EvidencePackPdf {

    private EvidencePackPdf() {
    }

    static byte[] render(String xhtml) {
        ITextRenderer renderer = new ITextRenderer();
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.createPDF(pdf);
        return pdf.toByteArray();
    }
}
