package io.tierzero.communication;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The wording of messages: the tenant's own (table message_templates) if it has one, else messages/&lt;id&gt;.mustache
 * (first line "Subject: ...", a blank line, then the body). Every message ends with the notice that it is automated
 * and its reference number, whoever wrote the template.
 */
@Component
class MessageTemplates {

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String SUBJECT_PREFIX = "Subject:";
    private static final Mustache.Compiler PLAIN_TEXT = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final JdbcClient jdbc;

    MessageTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code context} holds the ticket's fields and the caller's values; it needs referenceNumber and tenantName. */
    RenderedMessage render(String tenantId, String templateId, Map<String, Object> context) {
        RenderedMessage template = tenantTemplate(tenantId, templateId).orElseGet(() -> defaultTemplate(templateId));
        String reference = String.valueOf(context.get("referenceNumber"));
        String subject = PLAIN_TEXT.compile(template.subject()).execute(context).strip();
        String body = PLAIN_TEXT.compile(template.body()).execute(context).strip();
        return new RenderedMessage(subject.contains(reference) ? subject : "[" + reference + "] " + subject,
                body + "\n\n-- \nThis is an automated message from the " + context.get("tenantName")
                        + " service desk. Reference number: " + reference + ".\n");
    }

    private Optional<RenderedMessage> tenantTemplate(String tenantId, String templateId) {
        return jdbc.sql("select subject, body from message_templates where tenant_id = ? and template_id = ?")
                .params(tenantId, templateId)
                .query((rs, n) -> new RenderedMessage(rs.getString("subject"), rs.getString("body"))).optional();
    }

    private static RenderedMessage defaultTemplate(String templateId) {
        if (!TEMPLATE_ID.matcher(templateId).matches()) {
            throw new UnknownTemplateException(templateId);
        }
        ClassPathResource resource = new ClassPathResource("messages/" + templateId + ".mustache");
        if (!resource.exists()) {
            throw new UnknownTemplateException(templateId);
        }
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfSubject = text.indexOf('\n');
            if (!text.startsWith(SUBJECT_PREFIX) || endOfSubject < 0) {
                throw new IllegalStateException(resource.getPath() + " does not start with a \"Subject:\" line");
            }
            return new RenderedMessage(text.substring(SUBJECT_PREFIX.length(), endOfSubject).strip(),
                    text.substring(endOfSubject + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
