package io.tierzero.compliance;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.reports.ReportWindow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EvidencePackController {

    private static final Template PACK = template("evidence/evidence-pack.html");

    private final EvidencePacks packs;
    private final Clock clock;

    public EvidencePackController(EvidencePacks packs, Clock clock) {
        this.packs = packs;
        this.clock = clock;
    }

    @GetMapping("/api/tenants/{tenant}/evidence-pack")
    @Operation(summary = "The ISO 20000 evidence pack of a period, as an HTML document (format=pdf: as PDF; format=json: the same as data)",
            description = "from/to: ISO-8601 instants or dates, to excluded (default: the last 30 days, at most 366). Chain verification, SLA "
                    + "report, automated actions with their signatures checked, a reproducible audit sample, control mapping.")
    public ResponseEntity<?> pack(@PathVariable String tenant, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "html") String format) {
        if (!format.equals("html") && !format.equals("json") && !format.equals("pdf")) {
            throw new InvalidEvidencePackRequestException("'format' is html, pdf or json, not '" + format + "'");
        }
        ReportWindow period = ReportWindow.of(from, to, clock);
        EvidencePack pack = packs.build(tenant, period);
        if (format.equals("json")) {
            return ResponseEntity.ok(pack);
        }
        String filename = "tierzero-evidence-%s-%s-%s.%s".formatted(tenant, LocalDate.ofInstant(period.from(), ZoneOffset.UTC),
                LocalDate.ofInstant(period.to(), ZoneOffset.UTC), format);
        String document = PACK.execute(pack);
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(format.equals("pdf") ? EvidencePackPdf.render(document) : document);
    }

    private static Template template(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
