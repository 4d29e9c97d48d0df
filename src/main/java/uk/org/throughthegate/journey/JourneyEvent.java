package uk.org.throughthegate.journey;

import java.time.LocalDate;

/**
 * What happens to a journey that work running alongside it (ROTL requests) must follow. The
 * journey publishes these as Spring events, synchronously, inside the step that caused them, so a
 * listener's work commits or rolls back with the journey's; the journey does not know who listens.
 */
public sealed interface JourneyEvent {

    String caseReference();

    /** The child left custody on release: nothing that needs custody stays open. */
    record Released(String caseReference) implements JourneyEvent {
    }

    /** The journey was withdrawn: everything of the case closes. */
    record Withdrawn(String caseReference) implements JourneyEvent {
    }

    /** The release date moved: what was planned for on or after it is overtaken. */
    record ReleaseDateMoved(String caseReference, LocalDate release) implements JourneyEvent {
    }

    /** The child moved to another establishment: its teams take over. */
    record EstablishmentTransferred(String caseReference, String from, String to) implements JourneyEvent {
    }
}
