package uk.org.throughthegate.dashboard;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.org.throughthegate.identity.TeamNames;
import uk.org.throughthegate.standards.ReferenceData;

/** YOTs, establishments, consortia and teams as the reference tables name them. */
@Component
class PlaceNames {

    private final ReferenceData reference;
    private final TeamNames teams;

    PlaceNames(ReferenceData reference, TeamNames teams) {
        this.reference = reference;
        this.teams = teams;
    }

    public String yot(String id) {
        return reference.homeYot(id).map(y -> y.name()).orElse(words(id)) + " YOT";
    }

    public String establishment(String id) {
        return reference.establishment(id).map(e -> e.name()).orElse(words(id));
    }

    String team(String id) {
        return teams.of(id);
    }

    /** The consortium's name from the home YOT table; {@code knownYots} are YOTs that may be in it. */
    String consortium(String id, Collection<String> knownYots) {
        return knownYots.stream().map(reference::homeYot).flatMap(java.util.Optional::stream)
                .filter(y -> id.equals(y.consortium())).map(y -> y.consortiumName()).findFirst().orElse(words(id));
    }

    String scope(Scope scope, Collection<String> knownYots) {
        return switch (scope.kind()) {
            case ALL -> "Every consortium";
            case CONSORTIUM -> consortium(scope.id(), knownYots);
            case YOT -> yot(scope.id());
        };
    }

    java.util.Optional<String> consortiumOfYot(String yot) {
        return reference.homeYot(yot).map(y -> y.consortium());
    }

    private static String words(String id) {
        return Arrays.stream(id.split("-")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.UK))
                .collect(Collectors.joining(" "));
    }
}
