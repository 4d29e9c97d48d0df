package uk.org.throughthegate.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.AccessRules;
import uk.org.throughthegate.access.TeamMembership;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.access.Teams.Kind;
import uk.org.throughthegate.standards.ReferenceData;

/**
 * Who sees which journeys' figures: a consortium's project managers and strategic leads their
 * consortium (and each of its YOTs), a YOT's managers their YOT, administrators everything. The
 * late cases behind a figure name case references, which these people may already read (they are
 * on those cases' teams). Only project managers, strategic leads and administrators download the
 * evaluation return, and only of a consortium.
 */
@Component
class DashboardViewer {

    private final IdentityService identity;
    private final ReferenceData reference;
    private final AccessRules.AccessProperties access;

    DashboardViewer(IdentityService identity, ReferenceData reference, AccessRules.AccessProperties access) {
        this.identity = identity;
        this.reference = reference;
        this.access = access;
    }

    /** The person looking, as the page's login filter set them; nobody: no figures. */
    Viewer current() {
        Authentication who = identity.getCurrentAuthentication();
        List<String> groups = who == null || who.getGroupIds() == null ? List.of() : who.getGroupIds();
        return new Viewer(groups.contains(TeamMembership.ADMINS), ids(groups, Kind.PROJECT_MANAGERS, Kind.STRATEGIC_LEADS), ids(groups, Kind.YOT_MANAGERS));
    }

    final class Viewer {
        private final boolean admin;
        private final Set<String> consortia;
        private final Set<String> yots;

        Viewer(boolean admin, Set<String> consortia, Set<String> yots) {
            this.admin = admin;
            this.consortia = consortia;
            this.yots = yots;
        }

        boolean seesAnything() {
            return admin || !consortia.isEmpty() || !yots.isEmpty();
        }

        boolean mayDownloadReturn(String consortium) {
            return admin || consortia.contains(consortium);
        }

        boolean sees(Scope scope) {
            return switch (scope.kind()) {
                case ALL -> admin;
                case CONSORTIUM -> admin || consortia.contains(scope.id());
                case YOT -> admin || yots.contains(scope.id()) || reference.homeYot(scope.id())
                        .map(y -> consortia.contains(y.consortium())).orElse(false);
            };
        }

        /** Where the page opens: a person's own consortium, else their YOT, else (administrators) all. */
        Scope home() {
            if (!consortia.isEmpty()) {
                return Scope.consortium(consortia.iterator().next());
            }
            if (!yots.isEmpty()) {
                return Scope.yot(yots.iterator().next());
            }
            return Scope.ALL;
        }

        /** The views offered to choose from. */
        List<Scope> choices() {
            List<Scope> choices = new ArrayList<>();
            if (admin) {
                choices.add(Scope.ALL);
                ids(access.cockpitGroups(), Kind.PROJECT_MANAGERS, Kind.STRATEGIC_LEADS).forEach(c -> choices.add(Scope.consortium(c)));
            } else {
                consortia.forEach(c -> choices.add(Scope.consortium(c)));
            }
            yots.forEach(y -> choices.add(Scope.yot(y)));
            return choices;
        }

        /** The consortia whose evaluation return this person may download. */
        List<String> returns() {
            return choices().stream().filter(s -> s.kind() == Scope.Kind.CONSORTIUM).map(Scope::id)
                    .filter(this::mayDownloadReturn).toList();
        }
    }

    /** The places (consortia, YOTs) of the person's teams of these kinds. */
    private static Set<String> ids(List<String> groups, Kind... kinds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String group : groups) {
            Teams.kindOf(group).filter(List.of(kinds)::contains).ifPresent(kind -> ids.add(kind.placeOf(group)));
        }
        return ids;
    }
}
