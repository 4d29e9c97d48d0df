package uk.org.throughthegate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.org.throughthegate.standards.ConsortiumStandards.Establishment;
import uk.org.throughthegate.standards.ConsortiumStandards.HomeYot;
import uk.org.throughthegate.standards.ConsortiumStandards.RotlPurpose;
import uk.org.throughthegate.standards.ReferenceData;

class TeamNamesTest {

    static final ReferenceData REFERENCE = new ReferenceData() {
        @Override
        public Optional<HomeYot> homeYot(String id) {
            return id.equals("lewisham") ? Optional.of(new HomeYot(id, "Lewisham", "south-london", "South London"))
                    : Optional.empty();
        }

        @Override
        public Optional<Establishment> establishment(String id) {
            return id.equals("feltham") ? Optional.of(new Establishment(id, "Feltham YOI", "YOI")) : Optional.empty();
        }

        @Override
        public Optional<RotlPurpose> rotlPurpose(String id) {
            return Optional.empty();
        }
    };

    @ParameterizedTest(name = "{0} is named {1}")
    @CsvSource({
            "yot-lewisham, Lewisham YOT",
            "yot-managers-lewisham, Lewisham YOT managers",
            "custody-feltham, Feltham YOI custody team",
            "governor-feltham, Feltham YOI governors",
            "provider-ete, ETE providers",
            "provider-substance-misuse, Substance misuse providers",
            "pm-south-london, South London project managers",
            "sl-south-west-yorkshire, South West Yorkshire strategic leads",
            "yot-new-town, New Town YOT",
            "custody-new-stc, New STC custody team",
            "process-owners, process-owners"})
    void aTeamIsNamedAsPeopleNameIt(String team, String name) {
        assertThat(new TeamNames(REFERENCE).of(team)).isEqualTo(name);
    }

    @Test
    void aDirectorysOwnNameForTheGroupIsKept() {
        var group = new org.camunda.bpm.engine.impl.persistence.entity.GroupEntity("yot-lewisham");
        group.setName("Lewisham Youth Justice Service");
        assertThat(new TeamNames(REFERENCE).of(group)).isEqualTo("Lewisham Youth Justice Service");
        group.setName("yot-lewisham");
        assertThat(new TeamNames(REFERENCE).of(group)).isEqualTo("Lewisham YOT");
    }
}
