package uk.org.throughthegate.journey;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.WorkingDays;

/**
 * Whether an ETE place leaves the young person with nothing to do after release: it starts later
 * than the first working day after release (out of term time, or waiting for a new course's
 * intake). The research found those days are when young people drift back to offending peers, so
 * the model then asks the ETE provider for a constructive activity until the place starts.
 * Called by the model as {@code ${etePlace.startsLater(eteStartDate, releaseDate)}}.
 */
@Component("etePlace")
public class EtePlaceStart {

    public boolean startsLater(Object eteStartDate, Object releaseDate) {
        return leavesAGap(CaseDates.date(eteStartDate), CaseDates.date(releaseDate));
    }

    static boolean leavesAGap(LocalDate start, LocalDate release) {
        return start.isAfter(WorkingDays.after(release, 1));
    }
}
