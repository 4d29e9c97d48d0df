package uk.org.throughthegate.identity;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.standards.ReferenceData;

/**
 * A team as people name it ("Lewisham YOT", "Feltham YOI custody team"), not its group id
 * ({@code yot-lewisham}). A group whose directory gives it a name of its own keeps that name; for
 * the rest the name follows from the id and the consortium's reference tables.
 */
@Component
public class TeamNames {

    private static final Set<String> ACRONYMS = Set.of("ete", "yot", "yoi", "stc", "sch", "camhs");

    private final ReferenceData reference;

    public TeamNames(ReferenceData reference) {
        this.reference = reference;
    }

    public String of(Group group) {
        String name = group.getName();
        return name != null && !name.isBlank() && !name.equals(group.getId()) ? name : of(group.getId());
    }

    public String of(String team) {
        return Teams.kindOf(team).map(kind -> {
            String place = kind.placeOf(team);
            return switch (kind) {
                case YOT_MANAGERS -> yot(place) + " managers";
                case YOT -> yot(place);
                case CUSTODY -> establishment(place) + " custody team";
                case GOVERNORS -> establishment(place) + " governors";
                case PROVIDER -> words(place, true) + " providers";
                case CHILDRENS_SERVICES -> words(place, false) + " children's services";
                case HOUSING -> words(place, false) + " housing (local authority)";
                case PROJECT_MANAGERS -> words(place, false) + " project managers";
                case STRATEGIC_LEADS -> words(place, false) + " strategic leads";
            };
        }).orElse(team);
    }

    private String yot(String id) {
        return reference.homeYot(id).map(y -> y.name()).orElse(words(id, false)) + " YOT";
    }

    private String establishment(String id) {
        return reference.establishment(id).map(e -> e.name()).orElse(words(id, false));
    }

    /** "south-london" as "South London"; a sentence ("Substance misuse") when {@code sentence}. */
    static String words(String id, boolean sentence) {
        String[] parts = id.split("-");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            if (ACRONYMS.contains(part)) {
                name.append(part.toUpperCase(Locale.UK));
            } else if (!sentence || i == 0) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            } else {
                name.append(part);
            }
        }
        return name.toString();
    }
}
