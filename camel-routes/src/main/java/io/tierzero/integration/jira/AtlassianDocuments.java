package io.tierzero.integration.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain text to and from the Atlassian Document Format that Jira Cloud's v3 API uses for descriptions and
 * comments. Text becomes one paragraph per line; reading keeps the text of every block, one block per line.
 */
public final class AtlassianDocuments {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "blockquote", "codeBlock", "listItem",
            "panel", "rule", "tableRow", "mediaSingle");

    private AtlassianDocuments() {
    }

    public static Map<String, Object> fromText(String text) {
        List<Object> paragraphs = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R", -1)) {
            Map<String, Object> paragraph = new LinkedHashMap<>();
            paragraph.put("type", "paragraph");
            paragraph.put("content", line.isEmpty() ? List.of() : List.of(Map.of("type", "text", "text", line)));
            paragraphs.add(paragraph);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "doc");
        document.put("version", 1);
        document.put("content", paragraphs);
        return document;
    }

    /** The text of an ADF document; a plain string (Jira's v2 format, JSM request comments) is taken as it is. */
    public static String toText(JsonNode document) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return null;
        }
        if (document.isTextual()) {
            return document.asText();
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        collect(document.path("content"), lines, line);
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private static boolean holdsBlocks(JsonNode node) {
        for (JsonNode child : node.path("content")) {
            if (BLOCKS.contains(child.path("type").asText()) || child.path("type").asText().endsWith("List")) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode nodes, List<String> lines, StringBuilder line) {
        for (JsonNode node : nodes) {
            String type = node.path("type").asText();
            switch (type) {
                case "text" -> line.append(node.path("text").asText());
                case "hardBreak" -> {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                case "mention" -> line.append(node.path("attrs").path("text").asText());
                case "emoji" -> line.append(node.path("attrs").path("text").asText(node.path("attrs").path("shortName").asText()));
                case "inlineCard" -> line.append(node.path("attrs").path("url").asText());
                default -> {
                    if (BLOCKS.contains(type)) {
                        collect(node.path("content"), lines, line);
                        // A block made of blocks (a list item's paragraph) has ended its line already.
                        if (!line.isEmpty() || !holdsBlocks(node)) {
                            lines.add(line.toString());
                        }
                        line.setLength(0);
                    } else {
                        collect(node.path("content"), lines, line);
                    }
                }
            }
        }
    }
}
