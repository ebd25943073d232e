package io.tierzero.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The ISO/IEC 20000-1 control mapping, read from the table of docs/iso20000-control-mapping.md (packaged with
 * the app), so the document and the evidence packs never say different things.
 */
@Component
public class ControlMapping {

    static final String RESOURCE = "evidence/iso20000-control-mapping.md";

    private final List<Control> controls;

    public ControlMapping() {
        try {
            controls = parse(new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The control mapping " + RESOURCE + " is not packaged", e);
        }
    }

    public List<Control> controls() {
        return controls;
    }

    /** The rows of the Markdown table: header and separator rows skipped, code spans left as text. */
    static List<Control> parse(String markdown) {
        List<Control> rows = markdown.lines()
                .filter(line -> line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| Clause"))
                .map(line -> Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
                        .map(cell -> cell.strip().replace("`", "")).toList())
                .map(cells -> {
                    if (cells.size() != 4) {
                        throw new IllegalStateException("A control mapping row needs 4 cells: " + cells);
                    }
                    return new Control(cells.get(0), cells.get(1), cells.get(2), cells.get(3));
                })
                .toList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The control mapping has no rows");
        }
        return rows;
    }

    public record Control(String clause, String requirement, String control, String evidence) {
    }
}
