package io.tierzero.communication;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the answer to "did this resolve your issue?" from the text of a reply e-mail: only the requester's own
 * first paragraph counts (the quoted question, the attribution line above it and a signature are left out). English,
 * and the common words of Portuguese, German and French. A "yes" with a complaint in it, or no clear word at all,
 * is {@link ConfirmationAnswer#UNCLEAR}: the requester is better asked again than a ticket closed on a guess.
 */
final class ConfirmationReplyInterpreter {

    /** The requester's own words end where the quoted message or the signature begins. */
    private static final Pattern QUOTE_OR_SIGNATURE_START = Pattern.compile(
            "^(>.*"                                                  // quoted line
                    + "|-{2,}\\s*$|-{2,} ?\\S.*"                     // "-- " signature, "-----Original Message-----"
                    + "|_{5,}.*"                                     // Outlook's separator
                    + "|(from|von|de|da):\\s.*"                      // forwarded or Outlook header block
                    + "|on .* wrote:?|am .* schrieb .*|le .* a écrit ?:?|em .* escreveu:?"
                    + "|sent from my .*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE = Pattern.compile(
            "\\b(not sure|unsure|no idea|maybe|perhaps|talvez|nao sei|vielleicht|weiss nicht|weiß nicht|peut etre"
                    + "|je ne sais pas)\\b");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}']+");

    private static final Set<String> YES_WORDS = Set.of(
            "yes", "yep", "yeah", "yup", "ok", "okay", "sim", "ja", "jawohl", "oui");
    private static final Set<String> NO_WORDS = Set.of(
            "no", "nope", "nao", "nein", "non");
    private static final Set<String> NEGATIONS = Set.of(
            "not", "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "cannot", "won't", "never", "nicht",
            "kein", "keine", "nie", "nao", "nunca", "ne", "pas", "n'est", "n'a");
    private static final Set<String> SUCCESS_WORDS = Set.of(
            "works", "working", "worked", "resolved", "fixed", "solved", "sorted", "funciona", "funcionou",
            "resolvido", "resolvida", "resolveu", "funktioniert", "geloest", "gelost", "behoben", "fonctionne",
            "marche", "resolu", "regle");
    private static final Set<String> FAILURE_WORDS = Set.of(
            "still", "broken", "fails", "failing", "failed", "error", "ainda", "continua", "noch", "kaputt",
            "toujours", "encore");

    private ConfirmationReplyInterpreter() {
    }

    static ConfirmationAnswer interpret(String replyText) {
        List<String> words = words(ownFirstParagraph(replyText == null ? "" : replyText));
        if (HEDGE.matcher(String.join(" ", words)).find()) {
            return ConfirmationAnswer.UNCLEAR;
        }
        boolean negated = words.stream().anyMatch(NEGATIONS::contains);
        boolean saysYes = words.stream().anyMatch(YES_WORDS::contains)
                || (!negated && words.stream().anyMatch(SUCCESS_WORDS::contains));
        boolean saysNo = negated || words.stream().anyMatch(NO_WORDS::contains)
                || words.stream().anyMatch(FAILURE_WORDS::contains);
        if (saysYes == saysNo) {
            return ConfirmationAnswer.UNCLEAR;
        }
        return saysYes ? ConfirmationAnswer.YES : ConfirmationAnswer.NO;
    }

    /** The first non-blank lines before a blank line, the quoted message or the signature. */
    private static String ownFirstParagraph(String text) {
        List<String> paragraph = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String trimmed = line.strip();
            if (QUOTE_OR_SIGNATURE_START.matcher(trimmed).matches() || (trimmed.isEmpty() && !paragraph.isEmpty())) {
                break;
            }
            if (!trimmed.isEmpty()) {
                paragraph.add(trimmed);
            }
        }
        return String.join(" ", paragraph);
    }

    /** Lower case, accents and typographic apostrophes folded: "Não", "gelöst" and "doesn’t" match nao, gelost, doesn't. */
    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('’', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return Arrays.stream(WORD_SEPARATOR.split(folded)).filter(word -> !word.isEmpty()).toList();
    }
}
