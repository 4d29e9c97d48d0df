package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.ProcessKey;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.standards.ReferenceData;

/**
 * Forms show the home YOT, establishment and consortium by name; custody entry stores the names
 * beside the ids. A journey entered before it did gets them when its next task opens, in that
 * task's own transaction (so two nodes cannot both add them), before anyone opens its form. Until
 * then, and for an id the tables no longer list, forms show the id.
 */
@Component
class JourneyNames {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyNames.class);

    private final ReferenceData tables;

    JourneyNames(ReferenceData tables) {
        this.tables = tables;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTask(DelegateTask task) {
        if (!KEY.equals(ProcessKey.of(task))) {
            return;
        }
        DelegateExecution journey = task.getExecution().getProcessInstance();
        if (journey.hasVariable(HOME_YOT_NAME)) {
            return;
        }
        var yot = tables.homeYot(TextFact.of(journey, HOME_YOT));
        yot.ifPresent(y -> {
            journey.setVariable(HOME_YOT_NAME, y.name());
            journey.setVariable(CONSORTIUM_NAME, y.consortiumName());
        });
        tables.establishment(TextFact.of(journey, ESTABLISHMENT))
                .ifPresent(establishment -> journey.setVariable(ESTABLISHMENT_NAME, establishment.name()));
        if (yot.isPresent()) {
            LOG.info("Case {}: the names of its YOT, establishment and consortium added (entered without them)",
                    journey.getBusinessKey());
        }
    }
}
