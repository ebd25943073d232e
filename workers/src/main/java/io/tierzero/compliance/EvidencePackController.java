package io.tierzero.compliance;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
    @Operation(summary = "The ISO 20000 evidence pack of a period, as an HTML document (format=json: the same as data)",
            description = "from/to: ISO-8601 instants, to excluded (default: the last 30 days). Chain verification, SLA "
                    + "report, automated actions with their signatures checked, a reproducible audit sample, control mapping.")
    public ResponseEntity<?> pack(@PathVariable String tenant, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "html") String format) {
        if (!format.equals("html") && !format.equals("json")) {
            throw new InvalidEvidencePeriodException("'format' is html or json, not '" + format + "'");
        }
        Instant end = to == null ? Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        EvidencePack pack = packs.build(tenant, start, end);
        if (format.equals("json")) {
            return ResponseEntity.ok(pack);
        }
        String filename = "tierzero-evidence-%s-%s-%s.html".formatted(tenant, start.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10),
                end.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(PACK.execute(pack));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidEvidencePeriodException("'" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, not '"
                    + value + "'");
        }
    }

    private static Template template(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
