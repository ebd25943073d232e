package io.tierzero.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmationReplyInterpreterTest {

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes, thanks!", "YES", "yep", "It works now", "it's fixed, thank you",
            "Resolved.", "ok", "Sim, obrigado", "Funciona!", "Ja, danke", "Funktioniert wieder", "Gelöst",
            "Oui, merci", "Ça marche", "C'est résolu"})
    void aConfirmationIsYes(String reply) {
        assertThat(ConfirmationReplyInterpreter.interpret(reply)).isEqualTo(ConfirmationAnswer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "No.", "Nope", "still broken", "It doesn’t work", "not working", "Not resolved",
            "I still get an error", "Não", "Não funciona", "Ainda não", "Nein", "Funktioniert nicht",
            "Immer noch kaputt", "Non", "Ça ne marche pas", "Toujours en panne"})
    void aComplaintIsNo(String reply) {
        assertThat(ConfirmationReplyInterpreter.interpret(reply)).isEqualTo(ConfirmationAnswer.NO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Thanks", "Yes, but it is still broken", "Not sure", "Maybe, I will check tomorrow",
            "Who is this?", "Vielleicht", "Talvez", "Je ne sais pas"})
    void anythingElseIsUnclear(String reply) {
        assertThat(ConfirmationReplyInterpreter.interpret(reply)).isEqualTo(ConfirmationAnswer.UNCLEAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Yes, thanks!\n\n> Did this resolve your issue?\n> No, it is not resolved: https://x",
            "Yes, thanks!\nOn Mon, 1 Dec 2026 at 10:00, Service desk <service-desk@tierzero.local> wrote:\n> No, it is not",
            "\n\nyes\r\n\r\nAna Silva\nIT does not work without coffee",
            "Yes\n-- \nAna Silva, not the helpdesk",
            "Oui\nLe lun. 1 déc. 2026, Service desk a écrit :\n> Non",
            "Sim\nEm seg., 1 de dez. de 2026, Service desk escreveu:\n> Não",
            "Ja\nAm Mo., 1. Dez. 2026 um 10:00 schrieb Service desk:\n> Nein",
            "Yes\n-----Original Message-----\nFrom: Service desk\nNo, it is not resolved",
            "Yes\nSent from my phone, not my laptop"})
    void onlyTheRequestersOwnFirstParagraphCounts(String reply) {
        assertThat(ConfirmationReplyInterpreter.interpret(reply)).isEqualTo(ConfirmationAnswer.YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"> yes", "> Did this resolve your issue?\n> Yes, it is resolved"})
    void aQuoteAloneIsUnclear(String reply) {
        assertThat(ConfirmationReplyInterpreter.interpret(reply)).isEqualTo(ConfirmationAnswer.UNCLEAR);
    }
}
