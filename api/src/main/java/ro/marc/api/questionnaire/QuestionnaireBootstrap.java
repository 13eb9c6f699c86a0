package ro.marc.api.questionnaire;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.events.questionnaire.AnswerKind;
import ro.marc.events.questionnaire.Question;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.events.questionnaire.command.EditQuestionnaire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Every installation starts with the methodology's management questionnaire (Anexa 2) as version 1 of the
 * standard questionnaire, which central administrators then edit (UCA 85). A step of the start-up sequence, in
 * every profile: when the standard questionnaire has no version yet it is published (as MARC itself); once it
 * has one, nothing is done. The sequence's cluster lock makes two nodes publish it once; the command with
 * {@code expectedVersion} 0 is refused on a second try, which is then found done.
 */
@Component
public class QuestionnaireBootstrap {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireBootstrap.class);

    /** The questions of version 1: the management questionnaire of the methodology, in order. */
    static final List<Question> STANDARD_QUESTIONS = List.of(
            question(1, "Care sunt activitățile structurii pe care le considerați cele mai vulnerabile la corupție?",
                    "Enumerați activitățile și motivați pe scurt de ce le considerați vulnerabile.", AnswerKind.TEXT),
            question(2, "Care considerați că sunt principalele cauze care favorizează apariția faptelor de corupție în structura dumneavoastră?",
                    "De exemplu: lacune legislative, proceduri neclare, control insuficient, presiuni externe.", AnswerKind.TEXT),
            question(3, "În ultimele 12 luni ați avut cunoștință de situații sau tentative de corupție în cadrul structurii?",
                    "Dacă da, descrieți pe scurt situația, fără a indica persoane.", AnswerKind.YES_NO),
            question(4, "Procedurile de lucru existente acoperă suficient activitățile cu risc de corupție?",
                    "Dacă nu, precizați activitățile care nu sunt acoperite de proceduri scrise.", AnswerKind.YES_NO),
            question(5, "Personalul structurii a participat în ultimul an la activități de instruire anticorupție?", null,
                    AnswerKind.YES_NO),
            question(6, "Există situații în care angajații sunt expuși unor presiuni sau influențe externe în exercitarea atribuțiilor?",
                    "Precizați, dacă este cazul, natura presiunilor (cetățeni, firme, alte instituții).", AnswerKind.YES_NO),
            question(7, "Ce măsuri de prevenire a corupției aplicate până acum considerați că au fost eficiente?", null,
                    AnswerKind.TEXT),
            question(8, "Cum apreciați nivelul de integritate al personalului din subordine și pe ce vă bazați aprecierea?", null,
                    AnswerKind.TEXT),
            question(9, "Ce măsuri suplimentare propuneți pentru reducerea riscurilor de corupție în structura pe care o conduceți?",
                    null, AnswerKind.TEXT));

    private final EventStore eventStore;
    private final CommandSender commands;

    public QuestionnaireBootstrap(EventStore eventStore, CommandSender commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void publishStandardIfMissing() {
        if (published()) {
            return;
        }
        commands.sendAsSystemOnce(new EditQuestionnaire(QuestionnaireIds.STANDARD, STANDARD_QUESTIONS, 0), this::published);
        log.info("Standard management questionnaire (Anexa 2) published: {} questions", STANDARD_QUESTIONS.size());
    }

    private boolean published() {
        return eventStore.lastSequenceNumberFor(QuestionnaireIds.STANDARD.toString()).isPresent();
    }

    static UUID questionId(int number) {
        return UUID.nameUUIDFromBytes(("marc-questionnaire-question:" + number).getBytes(StandardCharsets.UTF_8));
    }

    private static Question question(int number, String text, String help, AnswerKind kind) {
        return new Question(questionId(number), text, help, kind);
    }
}
